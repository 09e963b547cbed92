/**
 * XSD patterns translated to JavaScript: a hyphen before a class outside any class is a literal,
 * only `-[` inside a class is a subtraction (left unchecked, as JavaScript cannot express it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xsdPattern } from '@volet/runtime/codec';

test('a literal hyphen before a class is translated and checked', () => {
  const r = xsdPattern('[0-9]{4}-[0-9]{2}');
  assert.ok(r !== null);
  assert.equal(r.test('2024-05'), true);
  assert.equal(r.test('2024x05'), false);
  assert.equal(r.test('2024-05-01'), false);
});

test('the escaped hyphen and a hyphen at the end of a class stay literals', () => {
  const r = xsdPattern('[A-Z\\-]+-[a-z-]+');
  assert.ok(r !== null);
  assert.equal(r.test('AB-C-de-f'), true);
  assert.equal(r.test('AB_de'), false);
});

test('class subtraction is left unchecked (null), even after a literal hyphen', () => {
  assert.equal(xsdPattern('[a-z-[aeiou]]+'), null);
  assert.equal(xsdPattern('x-[0-9]-[a-z-[q]]'), null);
});
