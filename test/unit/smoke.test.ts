import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RUNTIME_VERSION } from '@volet/runtime';

test('runtime resolves from source', () => {
  assert.equal(RUNTIME_VERSION, '0.1.0');
});
