/**
 * Emitter behaviour on model shapes the front end may produce in other forms: QName enumerations
 * whose values are resolved to Clark notation (literal QName types, what the front end gives) or not
 * (plain QName: values it could not resolve), and the determinism of the emitted text for one model
 * emitted twice.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Model, SimpleTypeDefinition } from '../../generator/model/model.js';
import { describeDiagnostics, emitted, modelOf, Scratch, typecheckAll, wsdlAround } from './support/emit-fixture.js';

const scratch = new Scratch('volet-variants-');
after(() => scratch.remove());

const QNAME_SCHEMA = `
      <xs:simpleType name="Severity">
        <xs:restriction base="xs:QName"><xs:enumeration value="tns:error"/><xs:enumeration value="tns:warning"/></xs:restriction>
      </xs:simpleType>
      <xs:element name="Root"><xs:complexType><xs:sequence><xs:element name="s" type="tns:Severity"/></xs:sequence></xs:complexType></xs:element>`;

/**
 * The front end resolves the values to Clark notation; `clark: false` puts back the prefixed spelling,
 * which it now gives only for values it cannot resolve (an undeclared prefix).
 */
function qnameModel(clark: boolean): Model {
  const model = modelOf(scratch, clark ? 'clark' : 'prefixed', { 'test.wsdl': wsdlAround(QNAME_SCHEMA) }, 'test.wsdl');
  const severity = model.schema.types.find((t): t is SimpleTypeDefinition => t.kind === 'simple' && t.tsName === 'Severity');
  assert.ok(severity !== undefined);
  assert.deepEqual(severity.facets.enumeration, ['{urn:volet:test:emit}error', '{urn:volet:test:emit}warning']);
  if (!clark) severity.facets.enumeration = ['tns:error', 'tns:warning'];
  return model;
}

describe('model variants', () => {
  test('QName enumerations: literal QName types when resolved to Clark notation, QName otherwise', () => {
    const clark = emitted('clark', qnameModel(true));
    const prefixed = emitted('prefixed', qnameModel(false));
    typecheckAll(scratch.dir, [clark, prefixed]);
    assert.ok(
      clark.files['types.ts']?.includes(
        "export type Severity = { readonly namespace: 'urn:volet:test:emit'; readonly local: 'error' } | { readonly namespace: 'urn:volet:test:emit'; readonly local: 'warning' };",
      ),
      clark.files['types.ts'],
    );
    assert.match(prefixed.files['types.ts'] ?? '', /export type Severity = rt\.QName;/);
    assert.equal(clark.diagnostics.length + prefixed.diagnostics.length, 0, describeDiagnostics([...clark.diagnostics, ...prefixed.diagnostics]));
  });

  test('emitting one model twice gives the same text', () => {
    const model = qnameModel(false);
    const a = emitted('a', model);
    const b = emitted('b', JSON.parse(JSON.stringify(model)) as Model);
    assert.deepEqual(a.files, b.files);
  });
});
