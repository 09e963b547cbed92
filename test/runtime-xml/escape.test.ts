/**
 * `escapeXml` / `isXmlChars` against the XML 1.0 `Char` production written out independently
 * (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF], surrogates only as
 * pairs): every UTF-16 code unit alone, between other characters, and every surrogate pairing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EncodeError } from '@volet/runtime';
import { escapeXml, isXmlChars } from '@volet/runtime/xml';

function isCharReference(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return false;
    if (!(c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd))) return false;
  }
  return true;
}

test('every code unit, alone and inside text, is accepted exactly when XML 1.0 allows it', () => {
  for (let c = 0; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    for (const s of [ch, `a${ch}b`, `é${ch}`]) {
      const ok = isCharReference(s);
      assert.equal(isXmlChars(s), ok, `U+${c.toString(16)} in ${JSON.stringify(s)}`);
      if (ok) assert.doesNotThrow(() => escapeXml(s));
      else
        assert.throws(
          () => escapeXml(s),
          (e: unknown) => e instanceof EncodeError && e.code === 'invalid-char',
        );
    }
  }
});

test('surrogates: pairs pass, lone or reversed ones do not', () => {
  const high = '\ud83d';
  const low = '\ude00';
  for (const [s, ok] of [
    [high + low, true],
    [`x${high}${low}y`, true],
    [high, false],
    [low, false],
    [low + high, false],
    [high + high + low, false],
    [`${high}${low}${low}`, false],
  ] as const) {
    assert.equal(isXmlChars(s), ok, JSON.stringify(s));
  }
  assert.equal(escapeXml(`<${high}${low}&"`, true), `&lt;${high}${low}&amp;&quot;`);
});
