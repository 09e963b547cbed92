/**
 * The XML layer: namespace-aware reading in chunks, raw capture, escaping, prefix allocation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { EncodeError } from '@volet/runtime';
import { PrefixAllocator, RawCapture, XmlReader, escapeXml, readXml, readXmlAsync, type XmlHandler, type XmlTag } from '@volet/runtime/xml';

/** Records events as strings: `+{uri}local`, `-local`, `"text"`. */
function recorder(): XmlHandler & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    openTag(tag: XmlTag) {
      events.push(`+{${tag.uri}}${tag.local}`);
    },
    text(text: string) {
      if (text.trim() !== '') events.push(JSON.stringify(text));
    },
    closeTag(tag: XmlTag) {
      events.push(`-${tag.local}`);
    },
  };
}

test('namespaces resolve whatever prefixes the sender chose', () => {
  const a = recorder();
  readXml('<soap:Envelope xmlns:soap="urn:e"><S:Body xmlns:S="urn:e"><R xmlns="urn:r"><x/></R></S:Body></soap:Envelope>', a);
  const b = recorder();
  readXml('<e:Envelope xmlns:e="urn:e" xmlns:r="urn:r"><e:Body><r:R><r:x/></r:R></e:Body></e:Envelope>', b);
  assert.deepEqual(a.events, b.events);
  assert.deepEqual(a.events.slice(0, 4), ['+{urn:e}Envelope', '+{urn:e}Body', '+{urn:r}R', '+{urn:r}x']);
});

test('UTF-8 bytes split anywhere (one byte per write), BOM accepted', () => {
  const xml = '\uFEFF<a>Médecin — 😀 €</a>';
  const bytes = Buffer.from(xml, 'utf8');
  const r = recorder();
  const reader = new XmlReader(r);
  for (let i = 0; i < bytes.length; i++) reader.write(bytes.subarray(i, i + 1));
  reader.end();
  assert.deepEqual(r.events, ['+{}a', JSON.stringify('Médecin — 😀 €'), '-a']);
  const s = recorder();
  readXml(xml, s);
  assert.deepEqual(s.events, r.events);
});

test('async sources', async () => {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    yield Buffer.from('<a><b>1');
    yield Buffer.from('</b></a>');
  }
  const r = recorder();
  await readXmlAsync(chunks(), r);
  assert.deepEqual(r.events, ['+{}a', '+{}b', '"1"', '-b', '-a']);
});

test('positions: line and column of errors, element path', () => {
  const reader = new XmlReader(recorder());
  reader.write('<a>\n  <b>\n    <c>');
  assert.equal(reader.path(), '/a/b/c');
  const p = reader.position();
  assert.equal(p.line, 3);
  assert.equal(p.column, 7);
});

test('RawCapture keeps a subtree as written and makes it self-contained', () => {
  let captured = '';
  const outer: XmlHandler = {
    openTag(tag) {
      if (tag.local === 'keep') new RawCapture(reader, tag, outer, (xml) => (captured = xml));
    },
    text() {},
    closeTag() {},
  };
  const reader = new XmlReader(outer);
  reader.write(
    '<root xmlns="urn:d" xmlns:p="urn:p" xmlns:unused="urn:u"><keep p:a="1&amp;2" b=\'q"\'>' +
      '<p:x><?pi data?><!-- note --><![CDATA[<raw>]]>t&lt;&#233;</p:x><y/><z></z></keep></root>',
  );
  reader.end();
  assert.equal(captured, '<keep p:a="1&amp;2" b="q&quot;" xmlns="urn:d" xmlns:p="urn:p"><p:x><!-- note --><![CDATA[<raw>]]>t&lt;é</p:x><y/><z></z></keep>');
});

test('escapeXml: one function for text and attributes; invalid characters rejected', () => {
  assert.equal(escapeXml('plain'), 'plain');
  assert.equal(escapeXml('a<b>&"c"\r\n\t'), 'a&lt;b&gt;&amp;"c"&#13;\n\t');
  assert.equal(escapeXml('a<b>&"c"\r\n\t', true), 'a&lt;b&gt;&amp;&quot;c&quot;&#13;&#10;&#9;');
  assert.equal(escapeXml('😀 é'), '😀 é');
  for (const bad of ['\u0000', '\u0008', '\u000B', '\u001F', '\uFFFE', '\uFFFF', '\uD800', 'x\uDC00']) {
    assert.throws(
      () => escapeXml(bad),
      (e: unknown) => e instanceof EncodeError && e.code === 'invalid-char',
    );
  }
});

test('PrefixAllocator: preferred prefixes, collisions, reserved prefixes, xml and xsi', () => {
  const pa = new PrefixAllocator((uri) => ({ 'urn:a': 'a', 'urn:b': 'a', 'urn:c': 'soap' })[uri], ['soap']);
  assert.equal(pa.prefixFor('urn:a'), 'a');
  assert.equal(pa.prefixFor('urn:b'), 'ns1');
  assert.equal(pa.prefixFor('urn:c'), 'ns2');
  assert.equal(pa.prefixFor('urn:a'), 'a');
  assert.equal(pa.prefixFor('http://www.w3.org/XML/1998/namespace'), 'xml');
  assert.equal(pa.prefixFor('http://www.w3.org/2001/XMLSchema-instance'), 'xsi');
  assert.equal(pa.prefixFor(''), '');
  assert.equal(pa.declarations(), ' xmlns:a="urn:a" xmlns:ns1="urn:b" xmlns:ns2="urn:c" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
});
