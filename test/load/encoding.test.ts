import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementByName, runFiles, schema, simpleType } from '../xsd/support.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

test('a UTF-8 byte order mark is skipped', () => {
  const text = schema('<xs:element name="Élément" type="xs:string"/>');
  const { diagnostics, model } = runFiles({ 'bom.xsd': Buffer.concat([BOM, Buffer.from(text, 'utf8')]) });
  assert.deepEqual(diagnostics, []);
  assert.ok(elementByName(model, '{urn:t}Élément'));
});

test('a declared ISO-8859-1 encoding is decoded as Latin-1', () => {
  const text = `<?xml version="1.0" encoding="ISO-8859-1"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
  <xs:simpleType name="Ville"><xs:annotation><xs:documentation>Né à Besançon</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string"><xs:enumeration value="Orléans"/></xs:restriction></xs:simpleType>
</xs:schema>`;
  const { diagnostics, model } = runFiles({ 'latin1.xsd': Buffer.from(text, 'latin1') });
  assert.deepEqual(diagnostics, []);
  const ville = simpleType(model, '{urn:t}Ville');
  assert.equal(ville.documentation, 'Né à Besançon');
  assert.deepEqual(ville.facets.enumeration, ['Orléans']);
});

test('invalid UTF-8 is a warning at the bad byte, and the file still loads', () => {
  const [before, after] = schema(
    '<xs:element name="E" type="xs:string"><xs:annotation><xs:documentation>Acc|s</xs:documentation></xs:annotation></xs:element>',
  ).split('|');
  const head = Buffer.from(before, 'utf8');
  const tail = Buffer.from(after, 'utf8');
  const { diagnostics, model } = runFiles({ 'bad-utf8.xsd': Buffer.concat([head, Buffer.from([0xe8]), tail]) });
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.code, d.line]),
    [['warning', 'encoding', 3]],
  );
  assert.ok(elementByName(model, '{urn:t}E').documentation?.startsWith('Acc'));
});

test('CRLF line ends count as one line break in positions', () => {
  const text = schema('\r\n\r\n  <xs:element name="E" type="t:Nope"/>').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r');
  const { diagnostics } = runFiles({ 'crlf.xsd': text });
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.line, d.column]),
    [['unresolved-type', 5, 3]],
  );
});

test('UTF-16 with a byte order mark', () => {
  const text = schema('<xs:element name="E" type="xs:string"/>');
  const body = Buffer.from(text, 'utf16le');
  const { diagnostics, model } = runFiles({ 'u16.xsd': Buffer.concat([Buffer.from([0xff, 0xfe]), body]) });
  assert.deepEqual(diagnostics, []);
  assert.ok(elementByName(model, '{urn:t}E'));
});
