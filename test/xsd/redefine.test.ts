import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementTerms, errors, particleOf, runFiles, schema, simpleType, xs } from './support.js';

test('xs:redefine: redefinitions replace the originals, which stay as the base under <QName>/~redefined', () => {
  const { model, diagnostics } = runFiles({
    'main.xsd': schema(`
  <xs:redefine schemaLocation="base.xsd">
    <xs:complexType name="Addr">
      <xs:complexContent><xs:extension base="t:Addr"><xs:sequence><xs:element name="country" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent>
    </xs:complexType>
    <xs:simpleType name="Code"><xs:restriction base="t:Code"><xs:maxLength value="2"/></xs:restriction></xs:simpleType>
    <xs:group name="G"><xs:sequence><xs:group ref="t:G"/><xs:element name="extra" type="xs:string"/></xs:sequence></xs:group>
    <xs:attributeGroup name="AG"><xs:attributeGroup ref="t:AG"/><xs:attribute name="more" type="xs:string"/></xs:attributeGroup>
  </xs:redefine>
  <xs:element name="Root" type="t:Addr"/>`),
    'base.xsd': schema(`
  <xs:complexType name="Addr">
    <xs:sequence><xs:element name="street"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element></xs:sequence>
  </xs:complexType>
  <xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:group name="G"><xs:sequence><xs:element name="g" type="xs:string"/></xs:sequence></xs:group>
  <xs:attributeGroup name="AG"><xs:attribute name="base" type="xs:string"/></xs:attributeGroup>
  <xs:complexType name="UsesGroups"><xs:sequence><xs:group ref="t:G"/></xs:sequence><xs:attributeGroup ref="t:AG"/></xs:complexType>`),
  });
  assert.deepEqual(errors(diagnostics), []);
  const addr = complexType(model, '{urn:t}Addr');
  assert.equal(addr.derivation, 'extension');
  assert.equal(addr.base, '{urn:t}Addr/~redefined');
  const original = complexType(model, '{urn:t}Addr/~redefined');
  assert.equal(original.name, null);
  assert.deepEqual(
    elementTerms(particleOf(original)).map((e) => e.type),
    ['{urn:t}Addr/~redefined/street~'],
  );
  assert.deepEqual(original.derivedTypes, ['{urn:t}Addr']);
  const code = simpleType(model, '{urn:t}Code');
  assert.equal(code.base, '{urn:t}Code/~redefined');
  assert.equal(simpleType(model, '{urn:t}Code/~redefined').base, xs('string'));
  assert.equal(code.builtin, 'string');
  // Everything that used the group or attribute group now sees the redefinition (the original inside it).
  const uses = complexType(model, '{urn:t}UsesGroups');
  assert.deepEqual(
    elementTerms(particleOf(uses)).map((e) => e.name),
    ['{urn:t}g', '{urn:t}extra'],
  );
  assert.deepEqual(
    uses.attributes.map((a) => a.name),
    ['{}base', '{}more'],
  );
});

test('redefining a component the schema does not define is an error', () => {
  const { diagnostics } = runFiles({
    'main.xsd': schema(`<xs:redefine schemaLocation="base.xsd"><xs:simpleType name="Nope"><xs:restriction base="t:Nope"/></xs:simpleType></xs:redefine>`),
    'base.xsd': schema(''),
  });
  assert.deepEqual(
    errors(diagnostics).map((d) => d.code),
    ['invalid-redefine'],
  );
});
