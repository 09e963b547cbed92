/**
 * Lenient decoding of children out of schema order records their document order (`$order`), and
 * lenient encoding writes them back in it, with a warning per violation; strict encoding ignores the
 * record (schema order), and a record that no longer fits the value (edited after decoding) falls
 * back to schema order with a warning. `xs:all` content keeps its order in strict mode too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementRef, type ElementRef, type SchemaDescriptor } from '@volet/runtime';
import { decode, encode } from '@volet/runtime/codec';

const T = 1;
const schema: SchemaDescriptor = {
  v: 1,
  ns: ['', 'urn:test'],
  prefixes: ['', 't'],
  types: {
    Device: {
      k: 'c',
      ns: T,
      q: 'Device',
      f: [
        { n: 'id', t: 'xs:string' },
        { n: 'agent', t: 'xs:string', min: 0 },
        { n: 'entity', t: 'xs:string', min: 0, max: -1 },
        { any: { m: 'not', u: ['urn:test', ''], pc: 'lax' }, min: 0, max: -1 },
      ],
      a: [{ n: 'code', t: 'xs:string' }],
    },
    Card: {
      k: 'c',
      ns: T,
      q: 'Card',
      all: 1,
      f: [
        { n: 'name', t: 'xs:string' },
        { n: 'number', t: 'xs:int', min: 0 },
        { n: 'expiry', t: 'xs:date' },
      ],
    },
  },
  elements: { device: { n: 'device', ns: T, t: 'Device' }, card: { n: 'card', ns: T, t: 'Card' } },
};
const device: ElementRef<Record<string, unknown>> = elementRef(schema, 'device');

const inOrder = '<device xmlns="urn:test" code="x"><id>1</id><agent>a</agent><entity>e1</entity><entity>e2</entity></device>';
const outOfOrder =
  '<device xmlns="urn:test" code="x"><id>1</id><entity>e1</entity><agent>a</agent><agent>b</agent><entity>e2</entity><o:x xmlns:o="urn:o"/></device>';

function lenientEncode(value: unknown): { xml: string; warnings: string[] } {
  const warnings: string[] = [];
  const xml = encode(device, value as Record<string, unknown>, { lenient: (v) => warnings.push(v) });
  return { xml, warnings };
}

test('children in schema order: no $order is recorded', () => {
  assert.equal(decode(device, inOrder, { mode: 'lenient' }).$order, undefined);
});

test('children out of schema order: $order records the document order, lenient encoding writes it back', () => {
  const value = decode(device, outOfOrder, { mode: 'lenient' });
  assert.deepEqual(value.$order, ['id', 'entity', 'agent', 'agent', 'entity', '$any']);
  assert.deepEqual(value.agent, ['a', 'b']);
  const { xml, warnings } = lenientEncode(value);
  assert.equal(
    xml,
    '<t:device xmlns:t="urn:test" code="x"><t:id>1</t:id><t:entity>e1</t:entity><t:agent>a</t:agent><t:agent>b</t:agent><t:entity>e2</t:entity><o:x xmlns:o="urn:o"/></t:device>',
  );
  assert.deepEqual(warnings, ['element agent out of schema order', 'element agent occurs 2 times, more often than allowed']);
  // Through JSON too (what `volet decode` → `volet encode --lenient` does).
  assert.equal(lenientEncode(JSON.parse(JSON.stringify(value))).xml, xml);
});

test('strict encoding ignores $order (schema order); a $order that no longer fits falls back to schema order', () => {
  const value = decode(device, outOfOrder.replace('<agent>b</agent>', ''), { mode: 'lenient' });
  assert.deepEqual(value.$order, ['id', 'entity', 'agent', 'entity', '$any']);
  const schemaOrder =
    '<t:device xmlns:t="urn:test" code="x"><t:id>1</t:id><t:agent>a</t:agent><t:entity>e1</t:entity><t:entity>e2</t:entity><o:x xmlns:o="urn:o"/></t:device>';
  assert.equal(encode(device, value, { validate: true }), schemaOrder);
  const edited = { ...value, entity: ['e1'] };
  const { xml, warnings } = lenientEncode(edited);
  assert.deepEqual(warnings, ['$order names entity more often than its value has occurrences: children written in schema order']);
  assert.equal(xml, schemaOrder.replace('<t:entity>e2</t:entity>', ''));
});

test('xs:all: the order read is kept in strict mode (any order is valid)', () => {
  const card: ElementRef<Record<string, unknown>> = elementRef(schema, 'card');
  const xml = '<t:card xmlns:t="urn:test"><t:expiry>2030-01-31</t:expiry><t:name>A</t:name><t:number>7</t:number></t:card>';
  const value = decode(card, xml);
  assert.deepEqual(value, { expiry: '2030-01-31', name: 'A', number: 7, $order: ['expiry', 'name', 'number'] });
  assert.equal(encode(card, value, { validate: true }), xml);
  // Schema order: nothing recorded; a value written by hand (no $order) is written in schema order.
  assert.equal(decode(card, '<t:card xmlns:t="urn:test"><t:name>A</t:name><t:expiry>2030-01-31</t:expiry></t:card>').$order, undefined);
  assert.equal(encode(card, { expiry: '2030-01-31', name: 'A' }), '<t:card xmlns:t="urn:test"><t:name>A</t:name><t:expiry>2030-01-31</t:expiry></t:card>');
});
