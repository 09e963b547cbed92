/**
 * The run's comparison of two declarations of one component (resolve/run/same-definition.ts) tells
 * exactly what comparing their JSON texts tells: on crafted values (key order, left-out keys at any
 * depth, undefined members, non-finite numbers) and on every component the DMP's HL7 v3 NE2008 and
 * NE2009 schemas both declare.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ElementDeclaration, TypeDefinition } from '../../generator/model/model.js';
import { buildModel } from '../../generator/pipeline.js';
import { NOT_DEFINITION, sameDefinition } from '../../generator/resolve/run/same-definition.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

type Component = TypeDefinition | ElementDeclaration;

/** A component's JSON text without the keys that are not part of its definition. */
function definitionText(c: Component): string {
  return JSON.stringify(c, (key, value: unknown) => (NOT_DEFINITION.has(key) ? undefined : value));
}

/** The oracle: equal texts. */
function sameText(a: unknown, b: unknown): boolean {
  return definitionText(a as Component) === definitionText(b as Component);
}

describe('sameDefinition', () => {
  test('agrees with the JSON texts on crafted values', () => {
    const base = { id: 'a', source: { file: 'x', line: 1 }, content: { kind: 'element', particle: { term: { source: 1, name: 'n' } } } };
    const cases: [unknown, unknown][] = [
      [base, { ...base, source: { file: 'y', line: 2 } }], // a left-out key differs
      [base, { ...base, content: { kind: 'element', particle: { term: { source: 2, name: 'n' } } } }], // left out at depth
      [base, { ...base, content: { kind: 'element', particle: { term: { source: 2, name: 'm' } } } }],
      [
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ], // same entries, another order: another text
      [{ a: 1, b: undefined }, { a: 1 }], // an undefined member is not written
      [{ a: 1, f: () => 1 }, { a: 1 }],
      [
        [1, undefined],
        [1, null],
      ], // undefined in an array is written null
      [[Number.NaN], [null]],
      [{ a: Number.POSITIVE_INFINITY }, { a: null }],
      [{ a: 0 }, { a: -0 }],
      [{ a: [] }, { a: {} }],
      [{ a: '1' }, { a: 1 }],
      [{ a: null }, { a: {} }],
      [{ a: [1, 2] }, { a: [1, 2, 3] }],
      [{ documentation: 'x', tsName: 'A', reached: true, derivedTypes: ['q'] }, {}],
      [{ a: { b: { c: [{ d: 1 }] } } }, { a: { b: { c: [{ d: 1 }] } } }],
      [{ a: { b: { c: [{ d: 1 }] } } }, { a: { b: { c: [{ d: 2 }] } } }],
    ];
    for (const [a, b] of cases) {
      assert.equal(sameDefinition(a as Component, b as Component), sameText(a, b), `${JSON.stringify(a)} / ${JSON.stringify(b)}`);
      assert.equal(sameDefinition(b as Component, a as Component), sameText(b, a));
    }
  });

  test('agrees with the JSON texts on every component HL7 v3 NE2008 and NE2009 both declare', { skip: corpusSkipReason }, () => {
    const wsdl = (name: string): string => corpus('dmp-annexe-wsdl-schema', 'wsdl', name);
    const a = buildModel([wsdl('GestionDossierPatientPartage.wsdl')]).schema;
    const b = buildModel([wsdl('PDQSupplier.wsdl')]).schema;
    const types = new Map(a.types.map((t) => [t.id, t]));
    const elements = new Map(a.elements.map((e) => [e.name, e]));
    let same = 0;
    let different = 0;
    const check = (x: Component, y: Component): void => {
      const expected = sameText(x, y);
      assert.equal(sameDefinition(x, y), expected, 'id' in x ? x.id : x.name);
      if (expected) same++;
      else different++;
    };
    for (const t of b.types) {
      const other = types.get(t.id);
      if (other !== undefined) check(other, t);
    }
    for (const e of b.elements) {
      const other = elements.get(e.name);
      if (other !== undefined) check(other, e);
    }
    // Both outcomes are exercised, in numbers.
    assert.ok(same > 100 && different > 100, `${same} same, ${different} different`);
  });
});
