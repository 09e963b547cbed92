import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namespacePrefix, pascalCase, typeBaseName } from '../../generator/resolve/naming.js';
import { complexType, elementByName, runFiles, runSchema, schema, typeById } from '../xsd/support.js';

test('pascalCase: capitalised words, `.` kept as `_`, invalid characters dropped', () => {
  assert.equal(pascalCase('address'), 'Address');
  assert.equal(pascalCase('date-of-birth'), 'DateOfBirth');
  assert.equal(pascalCase('ContexteLPS'), 'ContexteLPS');
  assert.equal(pascalCase('PRPA_IN201307UV02.MCCI_MT000100UV01.Message'), 'PRPA_IN201307UV02_MCCI_MT000100UV01_Message');
  assert.equal(pascalCase('élément'), 'Élément');
  assert.equal(pascalCase('_x'), '_x');
});

test('typeBaseName: named types by local name, anonymous ones by owner path', () => {
  assert.equal(typeBaseName('{urn:x}PersonType'), 'PersonType');
  assert.equal(typeBaseName('{urn:x}Person~'), 'Person');
  assert.equal(typeBaseName('{urn:x}PersonType/address~'), 'PersonTypeAddress');
  assert.equal(typeBaseName('{urn:x}PersonType/address~#2'), 'PersonTypeAddress2');
  assert.equal(typeBaseName('{urn:x}Person~/@kind~'), 'PersonKind');
  assert.equal(typeBaseName('{urn:x}Size/~member3'), 'SizeMember3');
  assert.equal(typeBaseName('{urn:x}G(group)/x~'), 'GX');
  assert.equal(typeBaseName('{urn:x}T/~redefined'), 'TRedefined');
});

test('namespacePrefix: last meaningful words of the namespace', () => {
  assert.equal(namespacePrefix('urn:hl7-org:v3', 1), 'Hl7');
  assert.equal(namespacePrefix('http://www.w3.org/2005/08/addressing', 1), 'Addressing');
  assert.equal(namespacePrefix('urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0', 1), 'Rim');
  assert.equal(namespacePrefix('http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd', 1), 'Secext');
  assert.equal(namespacePrefix('urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0', 2), 'RegrepRim');
  assert.equal(namespacePrefix('', 1), 'NoNamespace');
});

test('element descriptors and types never share a name; reserved names are avoided', () => {
  const { model } = runSchema(
    schema(`
  <xs:element name="Person" type="t:Person"/>
  <xs:complexType name="Person"/>
  <xs:element name="Note"><xs:complexType/></xs:element>
  <xs:complexType name="Date"/>
  <xs:simpleType name="string"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:complexType name="Promise"/>
  <xs:complexType name="PersonElement"/>`),
  );
  assert.equal(complexType(model, '{urn:t}Person').tsName, 'Person');
  assert.equal(complexType(model, '{urn:t}PersonElement').tsName, 'PersonElement');
  assert.equal(elementByName(model, '{urn:t}Person').tsName, 'PersonElement2');
  assert.equal(typeById(model, '{urn:t}Note~').tsName, 'Note');
  assert.equal(elementByName(model, '{urn:t}Note').tsName, 'NoteElement');
  assert.equal(complexType(model, '{urn:t}Date').tsName, 'DateType');
  assert.equal(typeById(model, '{urn:t}string').tsName, 'StringType');
  assert.equal(complexType(model, '{urn:t}Promise').tsName, 'PromiseType');
  const names = [...model.types.map((t) => t.tsName), ...model.elements.map((e) => e.tsName)];
  assert.equal(new Set(names).size, names.length);
});

test('the same local name in two namespaces: both prefixed from their namespace; numeric suffix as last resort', () => {
  const { model } = runFiles(
    {
      'a.xsd': schema('<xs:complexType name="Code"/><xs:complexType name="Item"/>', 'targetNamespace="urn:acme:billing:v2"'),
      'b.xsd': schema('<xs:complexType name="Code"/>', 'targetNamespace="http://example.org/shipping/2020"'),
      'c.xsd': schema('<xs:complexType name="Item"/>', 'targetNamespace="urn:other:billing:v3"'),
      'd.xsd': schema('<xs:complexType name="Item"/>', 'targetNamespace="urn:third:billing:v3"'),
    },
    {},
    { entries: ['a.xsd', 'b.xsd', 'c.xsd', 'd.xsd'] },
  );
  assert.equal(typeById(model, '{urn:acme:billing:v2}Code').tsName, 'BillingCode');
  assert.equal(typeById(model, '{http://example.org/shipping/2020}Code').tsName, 'ShippingCode');
  // "billing" alone does not tell the three apart: two words do.
  assert.equal(typeById(model, '{urn:acme:billing:v2}Item').tsName, 'AcmeBillingItem');
  assert.equal(typeById(model, '{urn:other:billing:v3}Item').tsName, 'OtherBillingItem');
  assert.equal(typeById(model, '{urn:third:billing:v3}Item').tsName, 'ThirdBillingItem');
});

test('collisions in one namespace: named types first, then elements, then anonymous types; suffixes from 2', () => {
  const { model } = runSchema(
    schema(`
  <xs:complexType name="AB"/>
  <xs:complexType name="A"><xs:sequence><xs:element name="b"><xs:complexType/></xs:element></xs:sequence></xs:complexType>
  <xs:complexType name="A-b"/>
  <xs:element name="Ab"><xs:complexType><xs:sequence><xs:element name="x"><xs:complexType/></xs:element></xs:sequence></xs:complexType></xs:element>`),
  );
  // "A/b~" → "AB" and "A-b" → "AB": the named type whose XML name is "AB" keeps it.
  assert.equal(typeById(model, '{urn:t}AB').tsName, 'AB');
  assert.equal(typeById(model, '{urn:t}A-b').tsName, 'AB2');
  assert.equal(typeById(model, '{urn:t}A/b~').tsName, 'AB3');
  assert.equal(typeById(model, '{urn:t}Ab~').tsName, 'Ab');
  assert.equal(typeById(model, '{urn:t}Ab~/x~').tsName, 'AbX');
});
