/**
 * XSD-only descriptions: a set of schemas without WSDL reaches every global element (each a
 * possible document root) and named type, and `volet decode` / `encode` / `inspect` work on them;
 * values the W3C suite showed lost come back (INF in JSON, xs:anyType with a simple xsi:type).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decode, elementRef, encode } from '@volet/runtime/codec';
import { runtimeDescriptors } from '../../generator/emit/runtime-descriptors.js';
import { buildModel } from '../../generator/pipeline.js';
import { volet } from '../cli/run.js';
import { typedDifference } from './typed-compare.js';

const dir = mkdtempSync(join(tmpdir(), 'volet-xsd-only-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const XSD = join(dir, 'doc.xsd');
writeFileSync(
  XSD,
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified">
  <xs:element name="Doc">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="n" type="xs:float" maxOccurs="unbounded"/>
        <xs:element name="any" type="xs:anyType"/>
        <xs:element name="count" type="xs:int" default="7"/>
      </xs:sequence>
      <xs:attribute name="a" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="Other" type="t:Code"/>
  <xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:complexType name="Unused"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
</xs:schema>`,
);
const DOC =
  '<t:Doc xmlns:t="urn:t" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" a="x">' +
  '<t:n>-INF</t:n><t:n>NaN</t:n><t:n>-0</t:n><t:any xsi:type="xs:string">hi</t:any><t:count/></t:Doc>';

test('every global element and named type of an XSD-only description is reached', () => {
  const model = buildModel([XSD]);
  assert.deepEqual(model.diagnostics, []);
  assert.deepEqual(
    model.schema.elements.filter((e) => e.reached).map((e) => e.name),
    ['{urn:t}Doc', '{urn:t}Other'],
  );
  assert.ok(model.schema.types.some((t) => t.id === '{urn:t}Unused' && t.reached));
});

test('decode → encode of an XSD-only document keeps INF, NaN, -0, simple xsi:type and applies the default', () => {
  const schema = runtimeDescriptors(buildModel([XSD])).schema;
  const key = Object.keys(schema.elements).find((k) => schema.elements[k]?.n === 'Doc') ?? '';
  const ref = elementRef<Record<string, unknown>>(schema, key);
  const value = decode(ref, DOC, { mode: 'strict' });
  assert.deepEqual(value.n, [-Infinity, NaN, -0]);
  assert.equal(value.count, 7);
  const written = encode(ref, value);
  assert.match(written, /<t:count>7<\/t:count>/);
  assert.equal(typedDifference(DOC, written, new Map([['{urn:t}count', ['7']]])), null);
});

test('volet decode, encode and inspect take an XSD alone', async () => {
  const xml = join(dir, 'doc.xml');
  writeFileSync(xml, DOC);
  const decoded = await volet('decode', XSD, xml, '--strict');
  assert.equal(decoded.code, 0, decoded.stderr);
  const json = JSON.parse(decoded.stdout) as { element: string; value: { n: unknown[] } };
  assert.equal(json.element, '{urn:t}Doc');
  assert.deepEqual(json.value.n, ['-INF', 'NaN', '-0']);
  const jsonFile = join(dir, 'doc.json');
  writeFileSync(jsonFile, decoded.stdout);
  const encoded = await volet('encode', XSD, jsonFile);
  assert.equal(encoded.code, 0, encoded.stderr);
  assert.equal(typedDifference(DOC, encoded.stdout, new Map([['{urn:t}count', ['7']]])), null);
  const inspected = await volet('inspect', XSD);
  assert.equal(inspected.code, 0, inspected.stderr);
  assert.match(inspected.stdout, /document roots \(global elements\): 2\n {2}\{urn:t\}Doc\n {2}\{urn:t\}Other/);
});
