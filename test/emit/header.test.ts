/**
 * The inputs hash in generated-file headers: line ends do not count (a checkout with CRLF, or an
 * old Mac file with lone CRs, hashes like one with LF), whether the content is bytes or text; any
 * other change of content or name changes it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHash } from 'node:crypto';
import { inputsHash } from '../../generator/emit/header.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('CR LF, lone CR and LF hash alike, as bytes and as text', () => {
  const lf = '<a>\n<b/>\n</a>\n';
  const reference = inputsHash([{ name: 'a.xsd', content: bytes(lf) }]);
  for (const variant of [lf, '<a>\r\n<b/>\r\n</a>\r\n', '<a>\r<b/>\r</a>\r', '<a>\r\n<b/>\r</a>\n']) {
    assert.equal(inputsHash([{ name: 'a.xsd', content: bytes(variant) }]), reference, JSON.stringify(variant));
    assert.equal(inputsHash([{ name: 'a.xsd', content: variant }]), reference, `text ${JSON.stringify(variant)}`);
  }
  // A CR at the very end, and CR CR LF (two line ends).
  assert.equal(inputsHash([{ name: 'a.xsd', content: bytes('x\r') }]), inputsHash([{ name: 'a.xsd', content: bytes('x\n') }]));
  assert.equal(inputsHash([{ name: 'a.xsd', content: bytes('x\r\r\ny') }]), inputsHash([{ name: 'a.xsd', content: bytes('x\n\ny') }]));
});

test('content, names and order of listing', () => {
  const a = { name: 'a.xsd', content: bytes('<a/>') };
  const b = { name: 'b.xsd', content: bytes('<b/>') };
  assert.equal(inputsHash([a, b]), inputsHash([b, a]), 'sorted by name');
  assert.notEqual(inputsHash([a]), inputsHash([{ name: 'a.xsd', content: bytes('<a />') }]));
  assert.notEqual(inputsHash([a]), inputsHash([{ name: 'c.xsd', content: a.content }]));
  assert.notEqual(inputsHash([a, b]), inputsHash([a]));
});

test('bytes with CRs hash as the sha256 of the same bytes with LF line ends, whatever the other bytes (every value 0-255, a view into a larger buffer)', () => {
  // Reference: the normalised bytes made one by one, hashed with node:crypto.
  const normalise = (b: Uint8Array): Uint8Array => {
    const out: number[] = [];
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 0x0d) {
        out.push(0x0a);
        if (b[i + 1] === 0x0a) i++;
      } else out.push(b[i]);
    }
    return Uint8Array.from(out);
  };
  const expected = (name: string, b: Uint8Array): string =>
    createHash('sha256').update(name, 'utf8').update('\0').update(normalise(b)).update('\0').digest('hex');
  const all = Uint8Array.from({ length: 256 * 3 }, (_, i) => (i * 7) % 256);
  const utf8 = bytes('é\r\n€\r𝄞\r\n\r\rß');
  const large = new Uint8Array(all.length + 20);
  large.set(all, 10);
  for (const b of [all, utf8, large.subarray(10, 10 + all.length), bytes('\r'), bytes('\r\n\r\n')]) {
    assert.equal(inputsHash([{ name: 'x.xsd', content: b }]), expected('x.xsd', b));
  }
});
