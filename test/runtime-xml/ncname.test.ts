/** The one NCName check (runtime and generator): Namespaces in XML 1.0, over code points. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNCName } from '@volet/runtime/xml';

test('isNCName: XML names without colon, supplementary characters included', () => {
  for (const name of ['a', '_x', 'ns1', 'a.b-c', 'é', 'a\u00B7b', 'a\u200Cb', 'a\u0301', '\u{10000}x', '_0c4b4d6e-1a2b'])
    assert.equal(isNCName(name), true, JSON.stringify(name));
  for (const name of ['', '1a', '-a', '.a', 'a:b', 'a b', '\u00B7a', '\u0301a', 'a\u00D7', 'a\uD800'])
    assert.equal(isNCName(name), false, JSON.stringify(name));
});
