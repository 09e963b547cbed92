import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementByName, elementTerms, errors, particleOf, runSchema, schema } from './support.js';

test('anonymous type ids follow their owner path, with #N for repeated local names', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:element name="Person">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="address">
          <xs:complexType><xs:sequence><xs:element name="street"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element></xs:sequence></xs:complexType>
        </xs:element>
      </xs:sequence>
      <xs:attribute name="kind"><xs:simpleType><xs:restriction base="xs:token"/></xs:simpleType></xs:attribute>
    </xs:complexType>
  </xs:element>
  <xs:complexType name="PersonType">
    <xs:choice>
      <xs:element name="address"><xs:complexType/></xs:element>
      <xs:element name="address" type="xs:string"/>
      <xs:element name="address"><xs:simpleType><xs:restriction base="xs:int"/></xs:simpleType></xs:element>
    </xs:choice>
  </xs:complexType>
  <xs:attribute name="flag"><xs:simpleType><xs:restriction base="xs:boolean"/></xs:simpleType></xs:attribute>
  <xs:attributeGroup name="AG"><xs:attribute name="a"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:attribute></xs:attributeGroup>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  assert.deepEqual(
    model.types.map((t) => [t.id, t.name]),
    [
      ['{urn:t}@flag~', null],
      ['{urn:t}AG(attributeGroup)/@a~', null],
      ['{urn:t}PersonType', '{urn:t}PersonType'],
      ['{urn:t}PersonType/address~', null],
      ['{urn:t}PersonType/address~#2', null],
      ['{urn:t}Person~', null],
      ['{urn:t}Person~/@kind~', null],
      ['{urn:t}Person~/address~', null],
      ['{urn:t}Person~/address~/street~', null],
    ],
  );
  assert.equal(elementByName(model, '{urn:t}Person').type, '{urn:t}Person~');
  const terms = elementTerms(particleOf(complexType(model, '{urn:t}PersonType')));
  assert.deepEqual(
    terms.map((t) => t.type),
    ['{urn:t}PersonType/address~', '{http://www.w3.org/2001/XMLSchema}string', '{urn:t}PersonType/address~#2'],
  );
  assert.equal(model.attributes[0].type, '{urn:t}@flag~');
});
