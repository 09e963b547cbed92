/**
 * Strict decoding checks union members and `xsi:type` prefixes: an HL7 `PQ value="false"` (the
 * `real` union of xs:decimal and xs:double accepts neither) and an `xsi:type` with an unbound prefix
 * are errors in strict mode; lenient decoding keeps the value's lexical form as before.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { decode, elementRef, type SchemaDescriptor } from '@volet/runtime/codec';
import { runtimeDescriptors } from '../../generator/emit/runtime-descriptors.js';
import { buildModel } from '../../generator/pipeline.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'volet-strict-unions-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function schemaOf(xsd: string): SchemaDescriptor {
  const file = join(dir, `s${Math.random().toString(36).slice(2)}.xsd`);
  writeFileSync(file, xsd);
  const model = buildModel([file]);
  assert.deepEqual(
    model.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  return runtimeDescriptors(model).schema;
}

function keyOf(schema: SchemaDescriptor, local: string): string {
  return Object.keys(schema.elements).find((k) => schema.elements[k]?.n === local) ?? '';
}

test('HL7 PQ value="false": strict decoding refuses a value no member of the real union accepts', { skip: corpusSkipReason }, () => {
  const datatypes = corpus('dmp-annexe-wsdl-schema', 'schema', 'HL7V3', 'NE2009', 'coreschemas', 'datatypes.xsd');
  const schema = schemaOf(
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns="urn:hl7-org:v3" targetNamespace="urn:hl7-org:v3" elementFormDefault="qualified">
       <xs:include schemaLocation="${datatypes}"/>
       <xs:element name="quantity" type="PQ"/>
     </xs:schema>`,
  );
  const ref = elementRef<{ value?: unknown }>(schema, keyOf(schema, 'quantity'));
  const doc = (value: string): string => `<quantity xmlns="urn:hl7-org:v3" value="${value}" unit="mg"/>`;
  assert.equal(decode(ref, doc('1.5'), { mode: 'strict' }).value, '1.5');
  assert.equal(decode(ref, doc('1.5E3'), { mode: 'strict' }).value, 1500);
  assert.throws(() => decode(ref, doc('false'), { mode: 'strict' }), /no member type of the union accepts it/);
  assert.equal(decode(ref, doc('false'), { mode: 'lenient' }).value, 'false');
});

test('strict decoding reports an unbound prefix in xsi:type; a union list is checked item by item', () => {
  const schema = schemaOf(
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" xmlns:t="urn:t">
       <xs:simpleType name="IntOrBool"><xs:union memberTypes="xs:int xs:boolean"/></xs:simpleType>
       <xs:simpleType name="Many"><xs:list itemType="t:IntOrBool"/></xs:simpleType>
       <xs:element name="many" type="t:Many"/>
       <xs:element name="text" type="xs:string"/>
     </xs:schema>`,
  );
  const many = elementRef<unknown>(schema, keyOf(schema, 'many'));
  assert.deepEqual(decode(many, '<t:many xmlns:t="urn:t">1 true 3</t:many>', { mode: 'strict' }), [1, true, 3]);
  assert.throws(() => decode(many, '<t:many xmlns:t="urn:t">1 maybe</t:many>', { mode: 'strict' }), /no member type of the union/);
  const text = elementRef<unknown>(schema, keyOf(schema, 'text'));
  const xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  assert.throws(() => decode(text, `<t:text xmlns:t="urn:t" ${xsi} xsi:type="xx:string">a</t:text>`, { mode: 'strict' }), /unbound prefix xx/);
  assert.deepEqual(
    decode(text, `<t:text xmlns:t="urn:t" ${xsi} xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:string">a</t:text>`, { mode: 'strict' }),
    {
      $type: 'xs:string',
      $value: 'a',
    },
  );
});
