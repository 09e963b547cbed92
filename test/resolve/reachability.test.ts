import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runSchema, schema } from '../xsd/support.js';

const SCHEMA = schema(`
  <xs:element name="Request" type="t:RequestType"/>
  <xs:complexType name="RequestType">
    <xs:sequence>
      <xs:element name="item" type="t:Item" maxOccurs="unbounded"/>
      <xs:element ref="t:Head" minOccurs="0"/>
      <xs:element name="local"><xs:complexType><xs:attribute name="code" type="t:Code"/></xs:complexType></xs:element>
    </xs:sequence>
    <xs:attribute ref="t:lang"/>
  </xs:complexType>
  <xs:complexType name="Item"><xs:simpleContent><xs:extension base="t:Amount"/></xs:simpleContent></xs:complexType>
  <xs:complexType name="SpecialItem"><xs:simpleContent><xs:extension base="t:Item"><xs:attribute name="x" type="t:Flag"/></xs:extension></xs:simpleContent></xs:complexType>
  <xs:simpleType name="Amount"><xs:restriction base="t:Number"/></xs:simpleType>
  <xs:simpleType name="Number"><xs:union memberTypes="xs:int t:Word"/></xs:simpleType>
  <xs:simpleType name="Word"><xs:list itemType="t:Letter"/></xs:simpleType>
  <xs:simpleType name="Letter"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="Code"><xs:restriction base="xs:token"/></xs:simpleType>
  <xs:simpleType name="Flag"><xs:restriction base="xs:boolean"/></xs:simpleType>
  <xs:simpleType name="Language"><xs:restriction base="xs:language"/></xs:simpleType>
  <xs:attribute name="lang" type="t:Language"/>
  <xs:element name="Head" type="t:HeadType" abstract="true"/>
  <xs:complexType name="HeadType"/>
  <xs:element name="Member" type="t:MemberType" substitutionGroup="t:Head"/>
  <xs:complexType name="MemberType"><xs:complexContent><xs:extension base="t:HeadType"/></xs:complexContent></xs:complexType>
  <xs:element name="Unused" type="t:UnusedType"/>
  <xs:complexType name="UnusedType"/>
  <xs:simpleType name="Orphan"><xs:restriction base="xs:string"/></xs:simpleType>`);

test('reached: element types, base and derived types, substitution members, attribute types, list/union members', () => {
  const { model } = runSchema(SCHEMA, { elements: ['{urn:t}Request'] });
  const reachedTypes = model.types.filter((t) => t.reached).map((t) => t.id);
  assert.deepEqual(reachedTypes, [
    '{urn:t}Amount',
    '{urn:t}Code',
    '{urn:t}Flag',
    '{urn:t}HeadType',
    '{urn:t}Item',
    '{urn:t}Language',
    '{urn:t}Letter',
    '{urn:t}MemberType',
    '{urn:t}Number',
    '{urn:t}RequestType',
    '{urn:t}RequestType/local~',
    '{urn:t}SpecialItem',
    '{urn:t}Word',
  ]);
  assert.deepEqual(
    model.elements.filter((e) => e.reached).map((e) => e.name),
    ['{urn:t}Head', '{urn:t}Member', '{urn:t}Request'],
  );
});

test('types named by rpc parts are roots too; nothing is reached without roots', () => {
  const byType = runSchema(SCHEMA, { types: ['{urn:t}UnusedType'] });
  assert.deepEqual(
    byType.model.types.filter((t) => t.reached).map((t) => t.id),
    ['{urn:t}UnusedType'],
  );
  const none = runSchema(SCHEMA);
  assert.equal(
    none.model.types.some((t) => t.reached),
    false,
  );
  assert.equal(
    none.model.elements.some((e) => e.reached),
    false,
  );
});

test('reachability does not change names', () => {
  const a = runSchema(SCHEMA, { elements: ['{urn:t}Request'] });
  const b = runSchema(SCHEMA, { elements: ['{urn:t}Unused'] });
  assert.deepEqual(
    a.model.types.map((t) => t.tsName),
    b.model.types.map((t) => t.tsName),
  );
  assert.deepEqual(
    a.model.elements.map((e) => e.tsName),
    b.model.elements.map((e) => e.tsName),
  );
});
