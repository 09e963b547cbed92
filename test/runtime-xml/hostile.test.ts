/**
 * Hostile and broken input: each gives a typed XmlError (never a crash, a hang or unbounded
 * memory), with the defaults unless a test is about a configurable limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { XmlError } from '@volet/runtime';
import { DEFAULT_LIMITS, readXml, type XmlHandler, type XmlLimits } from '@volet/runtime/xml';
import { corpus, corpusSkipReason } from '../support/paths.js';

const noop: XmlHandler = { openTag() {}, text() {}, closeTag() {} };

function xmlError(code: string, input: string | Uint8Array, limits?: Partial<XmlLimits>): XmlError {
  let caught: unknown;
  try {
    readXml(input, noop, { limits });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof XmlError, `expected XmlError ${code}, got ${String(caught)}`);
  assert.equal(caught.code, code, caught.message);
  return caught;
}

test('truncated document', () => {
  const err = xmlError('malformed', '<a><b>text</b><c>');
  assert.match(err.message, /unclosed|unexpected end/);
  xmlError('malformed', '<a attr="x');
  xmlError('malformed', '');
});

test('DOCTYPE is refused, even without entities', () => {
  const err = xmlError('doctype', '<?xml version="1.0"?><!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>');
  assert.equal(err.line, 1);
});

test('billion laughs: refused at the DOCTYPE, nothing expanded', () => {
  let dtd = '<!ENTITY lol "lol">';
  for (let i = 1; i <= 9; i++) dtd += `<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`;
  xmlError('doctype', `<?xml version="1.0"?><!DOCTYPE lolz [${dtd}]><lolz>&lol9;</lolz>`);
});

test('external entity (XXE) without a DOCTYPE: undefined entity', () => {
  xmlError('malformed', '<a>&xxe;</a>');
});

test('100,000 levels of nesting: refused at the depth limit', () => {
  const n = 100_000;
  const err = xmlError('limit-depth', '<a>'.repeat(n) + '</a>'.repeat(n));
  assert.equal(err.path.split('/').length - 1, DEFAULT_LIMITS.maxDepth + 1);
});

test('a 50 MB text node is over the default limit', () => {
  const big = `<a>${'x'.repeat(50 * 1024 * 1024)}</a>`;
  const err = xmlError('limit-text', big);
  assert.equal(err.path, '/a');
  // Bytes go through the same bound (smaller limit: the default one is shown above).
  xmlError('limit-text', Buffer.from(`<a>${'x'.repeat(1024 * 1024)}</a>`, 'latin1'), { maxTextLength: 256 * 1024 });
});

test('other limits: input size, attributes, element count', () => {
  xmlError('limit-input', `<a>${'x'.repeat(2000)}</a>`, { maxInputBytes: 1000 });
  xmlError('limit-attributes', `<a ${Array.from({ length: 20 }, (_, i) => `a${i}="1"`).join(' ')}/>`, { maxAttributes: 10 });
  xmlError('limit-elements', `<a>${'<b/>'.repeat(200)}</a>`, { maxElements: 100 });
  xmlError('limit-text', `<a>${'x'.repeat(200)}</a>`, { maxTextLength: 100 });
  // A huge attribute value, comment or CDATA section is bounded by the same limit while it grows.
  xmlError('limit-text', `<a v="${'y'.repeat(300_000)}"/>`, { maxTextLength: 100_000 });
  xmlError('limit-text', `<a><!--${'y'.repeat(300_000)}--></a>`, { maxTextLength: 100_000 });
  xmlError('limit-text', `<a><![CDATA[${'y'.repeat(300_000)}]]></a>`, { maxTextLength: 100_000 });
});

test('invalid UTF-8 and disallowed control characters', () => {
  xmlError('encoding', Uint8Array.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]));
  // A truncated multi-byte sequence at the very end.
  xmlError('encoding', Uint8Array.from([...Buffer.from('<a>é</a>'), 0xe2, 0x82]));
  xmlError('malformed', '<a>\u0001</a>');
  xmlError('malformed', Buffer.from('<a>\u0000</a>'));
  xmlError('malformed', '<a>&#1;</a>');
  xmlError('encoding', Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a/>'));
});

test('corpus VIHF token with a Latin-1 byte in UTF-8 is rejected as invalid UTF-8', { skip: corpusSkipReason }, () => {
  const bytes = readFileSync(corpus('dmp-exemples-messages', 'Exemples_Jeton_VIHF', 'VIHF_DIRECTE_non_signe.xml'));
  const err = xmlError('encoding', bytes);
  assert.doesNotMatch(err.message, /Acc/);
});

test('error messages name constructs, never text content', () => {
  const err = xmlError('malformed', '<patient><nom>DUPONT</nom><nir>1234567890123</prenom></patient>');
  assert.doesNotMatch(err.message, /DUPONT|1234567890123/);
  assert.equal(err.path, '/patient');
});
