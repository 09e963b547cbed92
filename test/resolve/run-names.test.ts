/**
 * The run-wide naming (resolve/run/): module names from the namespace map, and names that stay put
 * when an unrelated type is added — to the same namespace, or as a new service of the run.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildModel } from '../../generator/pipeline.js';
import { derivedModuleName, moduleNames } from '../../generator/resolve/run/module-names.js';
import { mergeRunModels } from '../../generator/resolve/run/run-model.js';
import { schema, writeFiles } from '../xsd/support.js';

/** Every name of a run's schema code, by what it names: tsName of types and elements, polymorphic unions, enumeration constants. */
function namesOf(run: ReturnType<typeof mergeRunModels>): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of run.schema.types) {
    out.set(t.id, t.tsName);
    if (t.kind === 'complex' && t.unionName !== undefined) out.set(`union ${t.id}`, t.unionName);
    if (t.kind === 'simple' && t.valuesName !== undefined) out.set(`values ${t.id}`, t.valuesName);
  }
  for (const e of run.schema.elements) out.set(`element ${e.name}`, e.tsName);
  return out;
}

const A = `
  <xs:complexType name="Person"><xs:sequence><xs:element name="name" type="xs:string"/>
    <xs:element name="address"><xs:complexType><xs:sequence><xs:element name="city" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
  </xs:sequence></xs:complexType>
  <xs:element name="person" type="t:Person"/>
  <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:enumeration value="a"/></xs:restriction></xs:simpleType>
  <xs:complexType name="Employee"><xs:complexContent><xs:extension base="t:Person"><xs:sequence>
    <xs:element name="code" type="t:Code"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>`;

describe('run-wide names', () => {
  test('module names: built-in map, configuration over it, a deterministic fallback from the URI', () => {
    const names = moduleNames(['urn:hl7-org:v3', 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0', 'http://example.org/orders/v2', 'urn:acme:orders', '']);
    assert.equal(names.get('urn:hl7-org:v3'), 'hl7v3');
    assert.equal(names.get('urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0'), 'ebrim');
    assert.equal(names.get(''), 'no-namespace');
    // Two namespaces ending with the same word: the first in code-unit order keeps the short name.
    assert.equal(names.get('http://example.org/orders/v2'), 'orders');
    assert.equal(names.get('urn:acme:orders'), 'acme-orders');
    assert.equal(moduleNames(['urn:hl7-org:v3'], { 'urn:hl7-org:v3': 'hl7' }).get('urn:hl7-org:v3'), 'hl7');
    assert.equal(derivedModuleName('urn:1234', 1), 'ns');
    // The same namespaces in another order give the same names.
    assert.deepEqual(
      [...moduleNames(['urn:acme:orders', 'http://example.org/orders/v2'])].sort(),
      [...moduleNames(['http://example.org/orders/v2', 'urn:acme:orders'])].sort(),
    );
  });

  test('adding an unrelated type to a namespace, or an unrelated service to the run, renames nothing', () => {
    const before = writeFiles({ 'a.xsd': schema(A) });
    const after = writeFiles({
      'a.xsd': schema(
        `${A}\n  <xs:complexType name="Invoice"><xs:sequence><xs:element name="total" type="xs:decimal"/></xs:sequence></xs:complexType>\n  <xs:element name="invoice" type="t:Invoice"/>` +
          // An unrelated enumeration and an unrelated derivation: their own constant and union, nothing renamed.
          `\n  <xs:simpleType name="Status"><xs:restriction base="xs:string"><xs:enumeration value="open"/></xs:restriction></xs:simpleType>` +
          `\n  <xs:complexType name="CreditNote"><xs:complexContent><xs:extension base="t:Invoice"/></xs:complexContent></xs:complexType>`,
      ),
    });
    const other = writeFiles({
      'b.xsd': schema(
        '<xs:complexType name="Order"><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType><xs:element name="order" type="u:Order"/>',
        'targetNamespace="urn:u" xmlns:u="urn:u" elementFormDefault="qualified"',
      ),
    });
    const base = namesOf(mergeRunModels([{ name: 'a', model: buildModel([join(before, 'a.xsd')]) }]));
    const grown = namesOf(mergeRunModels([{ name: 'a', model: buildModel([join(after, 'a.xsd')]) }]));
    const withService = namesOf(
      mergeRunModels([
        { name: 'a', model: buildModel([join(before, 'a.xsd')]) },
        { name: 'b', model: buildModel([join(other, 'b.xsd')]) },
      ]),
    );
    assert.ok(base.size >= 4, [...base.keys()].join(', '));
    assert.equal(base.get('union {urn:t}Person'), 'PersonOrDerived');
    assert.equal(base.get('values {urn:t}Code'), 'CodeValues');
    for (const [id, name] of base) {
      assert.equal(grown.get(id), name, `${id} renamed when a type was added to its namespace`);
      assert.equal(withService.get(id), name, `${id} renamed when a service was added to the run`);
    }
    assert.equal(grown.get('{urn:t}Invoice'), 'Invoice');
    assert.equal(grown.get('union {urn:t}Invoice'), 'InvoiceOrDerived');
    assert.equal(grown.get('values {urn:t}Status'), 'StatusValues');
    assert.equal(withService.get('{urn:u}Order'), 'Order');
  });

  test('a component two descriptions declare differently is kept once, with a warning', () => {
    const one = writeFiles({ 'a.xsd': schema(A) });
    const two = writeFiles({ 'a.xsd': schema(A.replace('name="name" type="xs:string"', 'name="name" type="xs:int"')) });
    const run = mergeRunModels([
      { name: 'one', model: buildModel([join(one, 'a.xsd')]) },
      { name: 'two', model: buildModel([join(two, 'a.xsd')]) },
    ]);
    assert.equal(run.schema.types.filter((t) => t.id === '{urn:t}Person').length, 1);
    assert.ok(
      run.diagnostics.some((d) => d.code === 'conflicting-declaration' && d.message.includes('{urn:t}Person')),
      JSON.stringify(run.diagnostics),
    );
  });

  test('many components two files declare differently make one warning for the pair, with the count and the first names', () => {
    const codes = (value: string): string =>
      Array.from(
        { length: 40 },
        (_, i) => `<xs:simpleType name="Code${i}"><xs:restriction base="xs:string"><xs:enumeration value="${value}"/></xs:restriction></xs:simpleType>`,
      ).join('');
    const one = writeFiles({ 'a.xsd': schema(`${A}${codes('x')}`) });
    const two = writeFiles({ 'a.xsd': schema(`${A.replace('name="name" type="xs:string"', 'name="name" type="xs:int"')}${codes('y')}`) });
    const run = mergeRunModels([
      { name: 'one', model: buildModel([join(one, 'a.xsd')]) },
      { name: 'two', model: buildModel([join(two, 'a.xsd')]) },
    ]);
    const conflicts = run.diagnostics.filter((d) => d.code === 'conflicting-declaration');
    assert.equal(conflicts.length, 1, JSON.stringify(conflicts));
    // Person (its name is an int in the second file) and the 40 codes; Employee only names its base.
    assert.match(
      conflicts[0]?.message ?? '',
      /^41 components of this file are also declared differently in .*a\.xsd \(type \{urn:t\}[A-Za-z0-9]+, type .*, …\): the first declarations are used for the whole run$/,
    );
    assert.equal(conflicts[0]?.file, join(two, 'a.xsd'));
  });
});
