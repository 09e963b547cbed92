/**
 * Streaming: long tokens (a tag with huge attribute values, a comment, a CDATA section, a
 * processing instruction, a text node) arriving in small chunks read the same as in one piece,
 * and the token limit holds while they are still arriving.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { XmlError } from '@volet/runtime';
import { XmlReader, readXmlAsync, type XmlHandler, type XmlLimits } from '@volet/runtime/xml';
import { random, randomCuts, readerOutcome } from './support/events.js';

const longTokens: Record<string, string> = {
  attributes: `<a v="${"x>'y".repeat(30_000)}" w='${'"q>&amp;'.repeat(5_000)}'>t</a>`,
  comment: `<a><!--${'- x > ]]> '.repeat(20_000)}--></a>`,
  cdata: `<a><![CDATA[${'] ]] > ]> <&'.repeat(20_000)}]]></a>`,
  pi: `<a><?pi ${'? > ?'.repeat(20_000)}?></a>`,
  text: `<a>${'a&amp;b&#233;\r\n]] > '.repeat(50_000)}</a>`,
  endTag: `<a${'b'.repeat(30_000)}></a${'b'.repeat(30_000)}   \n >`,
};

test('long tokens read the same in small chunks as in one piece', () => {
  const next = random(7);
  for (const [name, xml] of Object.entries(longTokens)) {
    const whole = readerOutcome(xml);
    assert.ok(whole.ok, name);
    for (const max of [1, 7, 100, 5000]) {
      assert.deepEqual(readerOutcome(xml, randomCuts(xml.length, max, next)), whole, `${name}, chunks up to ${max}`);
    }
    const bytes = Buffer.from(xml, 'utf8');
    assert.deepEqual(readerOutcome(bytes, randomCuts(bytes.length, 300, next)), whole, `${name}, byte chunks`);
  }
});

function limitError(chunks: Iterable<string | Uint8Array>, limits: Partial<XmlLimits>): XmlError {
  const noop: XmlHandler = { openTag() {}, text() {}, closeTag() {} };
  const reader = new XmlReader(noop, { limits });
  try {
    for (const c of chunks) reader.write(c);
    reader.end();
  } catch (err) {
    assert.ok(err instanceof XmlError, String(err));
    return err;
  }
  assert.fail('no error');
}

function* pieces(s: string, size: number): Generator<string> {
  for (let i = 0; i < s.length; i += size) yield s.slice(i, i + size);
}

test('the token limit holds while a long token is still arriving', () => {
  for (const [name, xml] of Object.entries(longTokens)) {
    const err = limitError(pieces(xml, 1000), { maxTextLength: 20_000 });
    assert.equal(err.code, 'limit-text', `${name}: ${err.message}`);
    const whole = limitError([xml], { maxTextLength: 20_000 });
    assert.equal(whole.code, 'limit-text', `${name} in one piece: ${whole.message}`);
  }
});

test('a 50 MB text node or attribute value in 64 KiB byte chunks stops at the limit', () => {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  function* body(open: string): Generator<Uint8Array> {
    yield Buffer.from(open);
    for (let i = 0; i < 800; i++) yield chunk;
  }
  // Default limits: stops after 32 Mi characters, long before the 50 MB are all there.
  const text = limitError(body('<a>'), {});
  assert.equal(text.code, 'limit-text');
  assert.equal(text.path, '/a');
  const value = limitError(body('<a v="'), {});
  assert.equal(value.code, 'limit-text');
});

test('async byte sources cut inside multi-byte characters and CR LF', async () => {
  const xml = '<a x="é\r\n">😀\r\n€</a>';
  const bytes = Buffer.from(xml, 'utf8');
  async function* source(): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
  }
  const events: string[] = [];
  await readXmlAsync(source(), {
    openTag(tag) {
      events.push(`${tag.name} ${tag.attributeList[0].value}`);
    },
    text(t) {
      events.push(t);
    },
    closeTag() {},
  });
  assert.deepEqual(events, ['a é ', '😀\n€']);
});

test('a reader stopped by an error refuses further input', () => {
  const reader = new XmlReader({ openTag() {}, text() {}, closeTag() {} });
  assert.throws(
    () => reader.write('<a><b></c>'),
    (e: unknown) => e instanceof XmlError && e.code === 'malformed',
  );
  assert.throws(
    () => reader.write('</b></a>'),
    (e: unknown) => e instanceof XmlError && /after an error/.test(e.message),
  );
});

/**
 * What reading `<a>…</a>` as bytes must give, from one strict TextDecoder pass over the whole: the
 * text (JSON), `malformed` for a character XML refuses, or `encoding` for invalid UTF-8.
 */
function oracleOutcome(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'encoding';
  }
  return /[\uFFFE\uFFFF\u0000-\u0008]/.test(text) ? 'malformed' : JSON.stringify(text.slice(3, -4).replaceAll('&lt;', '<'));
}

test('UTF-8 cut anywhere, valid or not, decodes as one strict TextDecoder pass over the whole', () => {
  const next = random(99);
  const alphabet = ['a', '<', 'é', '€', '😀', '中', '\u0085'];
  for (let round = 0; round < 300; round++) {
    let body = '';
    for (let k = Math.floor(next() * 40); k > 0; k--) body += alphabet[Math.floor(next() * alphabet.length)].replace('<', '&lt;');
    const bytes = Buffer.from(`<a>${body}</a>`, 'utf8');
    if (next() < 0.6) bytes[3 + Math.floor(next() * (bytes.length - 7))] = 0x80 + Math.floor(next() * 0x80);
    const expected = oracleOutcome(bytes);
    for (const max of [1, 2, 5]) {
      const o = readerOutcome(bytes, randomCuts(bytes.length, max, next));
      const text = o.ok ? o.events.find((e) => e.startsWith('"')) : undefined;
      const got = o.ok ? (text === undefined ? '""' : text.slice(1)) : o.code;
      assert.equal(got, expected, `${bytes.toString('hex')} in chunks up to ${max}`);
    }
  }
});

test('offset: where each start tag ends in the whole input, however it was cut', () => {
  const xml = `\ufeff<?xml version="1.0"?>\r\n<a x="1">\r\n  <b y="${'2'.repeat(8_000)}"/>\r<c><!--${'z'.repeat(10_000)}--><d/></c>\n</a>`;
  const body = xml.slice(1); // the reader drops the BOM; offsets count from after it
  const expected = [...body.matchAll(/<[a-d][^>]*>/g)].map((m) => (m.index ?? 0) + m[0].length);
  const next = random(11);
  for (const max of [0, 1, 13, 4097]) {
    const ends: number[] = [];
    const handler: XmlHandler = { openTag: () => void ends.push(reader.offset), text: () => undefined, closeTag: () => undefined };
    const reader = new XmlReader(handler);
    if (max === 0) reader.write(xml);
    else {
      const cuts = [0, ...randomCuts(xml.length, max, next), xml.length];
      for (let k = 1; k < cuts.length; k++) reader.write(xml.slice(cuts[k - 1], cuts[k]));
    }
    reader.end();
    assert.deepEqual(ends, expected, `chunks up to ${max}`);
  }
});

test('UTF-8 whole or in large chunks (Latin-1 fast path and its fallbacks) decodes as one strict TextDecoder pass', () => {
  const next = random(7);
  // Mostly ASCII and U+0080–U+00FF (the one-byte path), sometimes a wider character (the fallback).
  const alphabet = ['abc ', 'é', 'ÿ', '\u0080', '\u00a0', 'Ã©', '&lt;', 'x'.repeat(50)];
  const wide = ['€', '😀', '中', 'Ā'];
  for (let round = 0; round < 300; round++) {
    const pieces: string[] = [];
    for (let k = Math.floor(next() * 200); k > 0; k--) pieces.push(alphabet[Math.floor(next() * alphabet.length)]);
    if (next() < 0.3) pieces.splice(Math.floor(next() * (pieces.length + 1)), 0, wide[Math.floor(next() * wide.length)]);
    const body = pieces.join('');
    const bytes = Buffer.from(`<a>${body}</a>`, 'utf8');
    const mutation = next();
    const at = 3 + Math.floor(next() * (bytes.length - 7));
    // A stray continuation or lead byte, a C2/C3 lead not followed by a continuation, an overlong form.
    if (mutation < 0.2) bytes[at] = 0x80 + Math.floor(next() * 0x80);
    else if (mutation < 0.3) bytes[at] = 0xc2 + Math.floor(next() * 2);
    else if (mutation < 0.35) bytes[at] = 0xc0 + Math.floor(next() * 2);
    const expected = oracleOutcome(bytes);
    for (const cuts of [undefined, randomCuts(bytes.length, 300, next)]) {
      const o = readerOutcome(bytes, cuts);
      const text = o.ok ? o.events.find((e) => e.startsWith('"')) : undefined;
      const got = o.ok ? (text === undefined ? '""' : text.slice(1)) : o.code;
      assert.equal(got, expected, `${bytes.toString('hex')} ${cuts === undefined ? 'whole' : 'in chunks up to 300'}`);
    }
  }
});
