/**
 * Small parts of the simulators that the end-to-end tests reach only partly: stored-query
 * parameter parsing, XDS patient keys, NIR keys of the population, the replay cache bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReplayCache } from '../../simulator/dmp/vihf/replay-cache.js';
import { patientKey, queryParameterValues } from '../../simulator/dmp/xds/registry-objects.js';
import { DEFAULT_POPULATION, nirKey } from '../../simulator/insi/population.js';

test('stored query parameters: quoted values, lists, doubled quotes, several Value elements', () => {
  assert.deepEqual(queryParameterValues(["'a^^^&1.2&ISO^NH'"]), ['a^^^&1.2&ISO^NH']);
  assert.deepEqual(queryParameterValues(["('x', 'y','z')"]), ['x', 'y', 'z']);
  assert.deepEqual(queryParameterValues(["('it''s')", "'b'"]), ["it's", 'b']);
  assert.deepEqual(queryParameterValues(['(urn:a,urn:b)']), ['urn:a', 'urn:b']);
  assert.deepEqual(queryParameterValues(['', '()']), []);
});

test('patient keys: ID and assigning authority only; other CX forms are refused', () => {
  assert.equal(patientKey('207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH^^20100907'), '207058575627097^^^&1.2.250.1.213.1.4.10&ISO');
  assert.equal(patientKey('207058575627097^^^&1.2.250.1.213.1.4.10&ISO^NH'), '207058575627097^^^&1.2.250.1.213.1.4.10&ISO');
  assert.equal(patientKey('207058575627097'), undefined);
  assert.equal(patientKey('^^^&1.2&ISO'), undefined);
  assert.equal(patientKey('x^^^&not-an-oid&ISO'), undefined);
});

test('the population: NIR keys by the 97 rule, department 00 everywhere, unique numbers', () => {
  // Independent computation with Number: 13-digit values are exact in a double.
  for (const p of DEFAULT_POPULATION) {
    for (const ins of [p.ins, ...p.history]) {
      assert.equal(Number(ins.key), 97 - (Number(ins.number) % 97));
      assert.equal(ins.number.slice(5, 7), '00', 'no real NIR has department 00');
    }
  }
  assert.equal(nirKey('2A00500001001'), nirKey('1900500001001'));
  const numbers = DEFAULT_POPULATION.flatMap((p) => [p.ins.number, ...p.history.map((h) => h.number)]);
  assert.equal(new Set(numbers).size, numbers.length);
});

test('replay cache: a second use is refused until expiry; the bound evicts expired then oldest', () => {
  const cache = new ReplayCache(3);
  assert.equal(cache.use('a', 100, 0), true);
  assert.equal(cache.use('a', 100, 50), false);
  assert.equal(cache.use('a', 300, 150), true, 'expired entries may be reused');
  cache.use('b', 1000, 150);
  cache.use('c', 1000, 150);
  assert.equal(cache.size, 3);
  cache.use('d', 1000, 400);
  assert.equal(cache.size, 3, 'bounded');
  assert.equal(cache.use('b', 1000, 400), false, 'b is still remembered');
});
