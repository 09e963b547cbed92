/**
 * encodeBytes / encodeEnvelopeBytes: the encoder writes UTF-8 itself, escaping while it writes.
 * Oracle: the same document spelled by string concatenation with `escapeXml` (the runtime's
 * string escaper, regular expressions) and converted by `Buffer.from(…, 'utf8')`; and the string
 * API, whose output must convert to the same bytes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { EncodeError, type SchemaDescriptor } from '@volet/runtime';
import { elementRef, encode, encodeBytes } from '@volet/runtime/codec';
import { encodeEnvelope, encodeEnvelopeBytes } from '@volet/runtime/soap';
import { escapeXml } from '@volet/runtime/xml';

interface Doc {
  a?: string;
  v?: string[];
  b?: Uint8Array;
  x?: { $xml: string }[];
}

const NS = 'urn:volet:test:bytes';
const schema: SchemaDescriptor = {
  v: 1,
  ns: ['', NS],
  types: {
    T: {
      k: 'c',
      ns: 1,
      a: [{ n: 'a', t: 'xs:string' }],
      f: [
        { n: 'v', t: 'xs:string', ns: 1, min: 0, max: -1 },
        { n: 'b', t: 'xs:base64Binary', ns: 1, min: 0 },
        { any: { m: 'any', pc: 'lax' }, p: 'x', min: 0, max: -1 },
      ],
    },
  },
  elements: { r: { n: 'r', ns: 1, t: 'T' } },
};
const R = elementRef<Doc>(schema, 'r');

/** The document as the string path spells it, independently of the byte writer. */
function expected(doc: Doc): Buffer {
  let s = `<t:r xmlns:t="${NS}"`;
  if (doc.a !== undefined) s += ` a="${escapeXml(doc.a, true)}"`;
  s += '>';
  for (const v of doc.v ?? []) s += v === '' ? '<t:v/>' : `<t:v>${escapeXml(v)}</t:v>`;
  if (doc.b !== undefined) s += `<t:b>${Buffer.from(doc.b).toString('base64')}</t:b>`;
  for (const x of doc.x ?? []) s += x.$xml;
  return Buffer.from(`${s}</t:r>`, 'utf8');
}

/** Encodes with the prefix the oracle uses, and checks the string API gives the same bytes. */
function bytesOf(doc: Doc): Buffer {
  const options = { prefixes: { [NS]: 't' } };
  const bytes = encodeBytes(R, doc, options);
  assert.ok(Buffer.from(encode(R, doc, options), 'utf8').equals(bytes), 'encode() converts to the bytes encodeBytes() writes');
  return bytes;
}

function assertSame(doc: Doc, what: string): void {
  const got = bytesOf(doc);
  const want = expected(doc);
  if (!got.equals(want)) {
    let at = 0;
    while (at < got.length && got[at] === want[at]) at++;
    assert.fail(`${what}: bytes differ from byte ${at} (got ${got.length} bytes, expected ${want.length})`);
  }
}

/** A deterministic pseudo-random generator (no Math.random: failures must reproduce). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Characters that exercise every branch: ASCII, specials, whitespace, 2- and 3-byte, astral pairs. */
const PIECES = [
  'a',
  'Z',
  '0',
  ' ',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\t',
  '\n',
  '\r',
  'é',
  'à',
  'œ',
  '’',
  '–',
  '€',
  '\u0080',
  '\u07ff',
  '\u0800',
  '\ufffd',
  '😀',
  '𝄞',
  '\u{10ffff}',
];

function randomText(next: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += PIECES[Math.floor(next() * PIECES.length)];
  return s;
}

describe('encodeBytes', () => {
  it('writes what escapeXml + Buffer.from write, for text and attribute values of every kind of character', () => {
    const next = lcg(14);
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(next() * (i % 10 === 0 ? 400 : 40));
      assertSame({ a: randomText(next, length), v: [randomText(next, length), '', randomText(next, 3)] }, `case ${i}`);
    }
  });

  it('writes French text, which makes a JavaScript string two-byte, as UTF-8', () => {
    const title = 'Compte rendu d’échographie – œsophage, à relire « vite »';
    assertSame({ a: title, v: [title, 'Hôpital Saint-Éloi'] }, 'French');
    const bytes = bytesOf({ v: [title] });
    assert.ok(bytes.includes(Buffer.from('d’échographie', 'utf8')));
  });

  it('writes astral characters (surrogate pairs) as 4-byte sequences', () => {
    assertSame({ a: '😀', v: ['𝄞 clef', `${'x'.repeat(200)}😀`, '😀'.repeat(100)] }, 'astral');
    assert.ok(bytesOf({ v: ['😀'] }).includes(Buffer.from([0xf0, 0x9f, 0x98, 0x80])));
  });

  it('refuses an unpaired surrogate in a value, as the string path always has (invalid-char, with the path)', () => {
    for (const bad of ['\ud800', 'a\udc00b', `${'x'.repeat(300)}\ud83d`, '\ud83d\ud83d\ude00x\ude00']) {
      for (const doc of [{ v: ['ok', bad] }, { a: bad }]) {
        assert.throws(
          () => encodeBytes(R, doc),
          (e: unknown) => e instanceof EncodeError && e.code === 'invalid-char' && e.path === (doc.a === undefined ? 'v[1]' : 'a'),
        );
        assert.throws(
          () => encode(R, doc),
          (e: unknown) => e instanceof EncodeError && e.code === 'invalid-char',
        );
      }
    }
    // Characters XML 1.0 cannot carry, short and long (the long path checks by regular expression first).
    for (const bad of ['\u0000', '\u0001', '\u000b', '\ufffe', '\uffff', `${'é'.repeat(200)}\u0008`]) {
      assert.throws(
        () => encodeBytes(R, { v: [bad] }),
        (e: unknown) => e instanceof EncodeError && e.code === 'invalid-char',
      );
    }
  });

  it('writes raw XML (wildcard content) unescaped, an unpaired surrogate there as U+FFFD like Buffer.from', () => {
    const raw = [
      { $xml: '<o:x xmlns:o="urn:o">d’é &amp; 😀</o:x>' },
      { $xml: '<o:y xmlns:o="urn:o">\ud800</o:y>' },
      { $xml: `<o:z xmlns:o="urn:o">${'ü'.repeat(500)}\udfff</o:z>` },
    ];
    assertSame({ x: raw }, 'raw');
    assert.ok(bytesOf({ x: raw }).includes(Buffer.from([0xef, 0xbf, 0xbd])));
  });

  it('writes values longer than a chunk, crossing chunk boundaries at every alignment', () => {
    assertSame({ v: ['é'.repeat(150_000)] }, 'long without anything to escape (one native write)');
    assertSame({ a: `${'<'.repeat(30_000)}"`, v: ['€'.repeat(30_000)] }, 'long attribute of entities');
    // The longest escapes (`&quot;`, six bytes each) from start to end.
    for (const n of [1, 1000, 10_000, 11_000, 12_000, 13_000, 30_000]) {
      assertSame({ a: '"'.repeat(n), v: ['&'.repeat(n), '\r'.repeat(n)] }, `${n} entities`);
    }
    // Something to escape: written unit by unit, across chunk ends, at every alignment of the
    // characters (one shorter value before it shifts them by a byte).
    for (let shift = 0; shift < 8; shift++) {
      assertSame({ v: ['b'.repeat(shift), `${'é&😀€"<'.repeat(15_000)}${'a'.repeat(shift)}`] }, `long escaped value, shift ${shift}`);
      assertSame({ a: `${'a'.repeat(shift)}${'😀é\t'.repeat(20_000)}`, v: ['x'] }, `long attribute value, shift ${shift}`);
      assertSame({ v: [`${'a'.repeat(shift)}${'\u{10ffff}'.repeat(20_000)}&`] }, `long value of astral pairs, shift ${shift}`);
    }
  });

  it('writes multi-byte characters at every offset around the end of a chunk', () => {
    // Short raw pieces fill the first chunk (64 KiB), the last ones one byte each, so that what
    // follows (a character, the closing tag) lands at every offset around its end (the writer
    // moves to a new chunk when a piece might not fit; a long piece would get a chunk of its own).
    const fill = (bytes: number): { $xml: string }[] => {
      const items: { $xml: string }[] = [];
      for (let left = bytes; left > 0; left -= left > 200 ? 50 : 1) items.push({ $xml: left > 200 ? 'a'.repeat(50) : 'a' });
      return items;
    };
    for (const char of ['é', '€', '😀']) {
      for (let filler = 65_440; filler <= 65_540; filler++) {
        const x = [{ $xml: `<o:x xmlns:o="urn:o">${char.repeat(20)}</o:x>` }, ...fill(filler), { $xml: char }];
        assertSame({ x }, `raw ${char} after ${filler} bytes`);
      }
    }
  });

  it('writes base64Binary values as their base64 text', () => {
    const b = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    assertSame({ v: ['x'], b }, 'base64');
    assertSame({ b: new Uint8Array([0xfb, 0xff]) }, 'short base64');
  });

  it('gives each caller its own bytes: results held across later encodes stay intact', () => {
    const docs: Doc[] = Array.from({ length: 6 }, (_, i) => ({ a: `doc ${i}`, v: [String(i).repeat(i * 30_000 + 1), 'é😀'.repeat(i * 1000)] }));
    const first = docs.map((d) => bytesOf(d));
    const copies = first.map((b) => Buffer.from(b));
    // More encodes, reusing the pooled chunks, while the first results are held.
    for (let round = 0; round < 3; round++) for (const d of [...docs].reverse()) bytesOf({ ...d, a: `${d.a} again` });
    first.forEach((b, i) => assert.ok(b.equals(copies[i]), `result ${i} unchanged`));
    first.forEach((b, i) => assert.ok(b.equals(expected(docs[i])), `result ${i} is its document`));
  });

  it('leaves no trace of a failed encode in the next one', () => {
    assert.throws(() => encodeBytes(R, { v: ['x'.repeat(70_000), '\u0000'] }));
    assertSame({ v: ['after'] }, 'after a failure');
  });
});

describe('encodeEnvelopeBytes', () => {
  it('is the UTF-8 of encodeEnvelope, raw header blocks (even with an unpaired surrogate) included', () => {
    const input = {
      version: '1.2' as const,
      headers: ['<h:a xmlns:h="urn:h">Hôpital ’ \ud800</h:a>', { element: R, value: { a: 'é', v: ['😀'] } }],
      body: [{ element: R, value: { v: ['œ & <', 'x'.repeat(100_000)] } }, '<q:raw xmlns:q="urn:q"/>'],
    };
    const bytes = encodeEnvelopeBytes(input);
    assert.ok(bytes.equals(Buffer.from(encodeEnvelope(input), 'utf8')));
    assert.ok(bytes.includes(Buffer.from('<h:a xmlns:h="urn:h">Hôpital ’ \ufffd</h:a>', 'utf8')));
    assert.match(
      bytes.toString('utf8'),
      /^<\?xml version="1\.0" encoding="UTF-8"\?><soap:Envelope xmlns:soap="http:\/\/www\.w3\.org\/2003\/05\/soap-envelope"><soap:Header>/,
    );
  });
});
