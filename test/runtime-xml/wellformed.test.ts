/**
 * XML 1.0 and Namespaces well-formedness, case by case: the reader's verdict against the expected
 * one, cross-checked with xmllint (libxml2: accepted = exit 0 and no error output), and the events
 * of accepted documents against saxes. Every accepted case is also read cut at every position.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Buffer } from 'node:buffer';
import { XmlError } from '@volet/runtime';
import { readXml, type XmlTag } from '@volet/runtime/xml';
import { readerOutcome, saxesOutcome, type Outcome } from './support/events.js';

const xmllintMissing = spawnSync('xmllint', ['--version']).error !== undefined;

/** `ok`, or the expected XmlError code; `lint: false` where libxml2 knowingly disagrees (see `why`). */
interface Case {
  xml: string;
  expect: 'ok' | 'malformed' | 'doctype';
  lint?: false;
  saxes?: false;
  why?: string;
}

const cases: Case[] = [
  // Accepted.
  { xml: '<a/>', expect: 'ok' },
  { xml: '\uFEFF<a/>', expect: 'ok' },
  { xml: '<?xml version="1.0"?><a/>', expect: 'ok' },
  { xml: "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<a></a >", expect: 'ok' },
  { xml: `<a b='x"y' c="x'y" d = "1"\t\ne="2"/>`, expect: 'ok' },
  { xml: '<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x41;&#x1F600;&#0000000065;</a>', expect: 'ok' },
  { xml: '<a b="&#60;&#10;&#13;&#9;x&#x20;y"/>', expect: 'ok' },
  { xml: '<a b="x\ny\r\nz\rw\tv"/>', expect: 'ok' },
  { xml: '<a>x\r\ny\rz\r\r\n</a>', expect: 'ok' },
  { xml: '<a><![CDATA[<&]]]]><![CDATA[]]><![CDATA[\r\n]]></a>', expect: 'ok' },
  { xml: '<a>]] ]> > ]</a>', expect: 'ok' },
  { xml: '<!-- c --><?pi x?><a><!----><?pi?><!-- - --></a><!-- d -->\n<?z?>', expect: 'ok' },
  { xml: '<?xml-stylesheet href="x"?><a/>', expect: 'ok' },
  { xml: '<a xml:lang="fr" xmlns:xml="http://www.w3.org/XML/1998/namespace"/>', expect: 'ok' },
  { xml: '<p:a xmlns:p="urn:p" p:b="1" b="2"><p:c xmlns:p="urn:q" p:b="3"/><p:d/></p:a>', expect: 'ok' },
  { xml: '<a xmlns="urn:d"><b xmlns=""><c/></b><d/></a>', expect: 'ok' },
  { xml: '<a x:y="1" xmlns:x="urn:x"/>', expect: 'ok' },
  { xml: '<a xmlns:p="urn:p" xmlns:q="urn:q" p:x="1" q:x="2" x="3"/>', expect: 'ok' },
  { xml: '<é xmlns:ü="urn:u" ü:ÿ·-.0="1"><ü:中文/></é>', expect: 'ok' },
  { xml: '<a\u{10000}b>\u{1F600}</a\u{10000}b>', expect: 'ok' },
  { xml: '<a>\u0085\u2028\uFFFD\uE000 é — €</a>', expect: 'ok' },
  { xml: '<a>\t\n <b/>\n</a>\n\n', expect: 'ok' },
  // Not well-formed.
  { xml: '', expect: 'malformed' },
  { xml: '  ', expect: 'malformed' },
  { xml: '<a>', expect: 'malformed' },
  { xml: '<a></b>', expect: 'malformed' },
  { xml: '<a></a></a>', expect: 'malformed' },
  { xml: '</a>', expect: 'malformed' },
  { xml: '<a/><b/>', expect: 'malformed' },
  { xml: 'x<a/>', expect: 'malformed' },
  { xml: '<a/>x', expect: 'malformed' },
  { xml: '<a/>&amp;', expect: 'malformed' },
  { xml: '<a b=1/>', expect: 'malformed' },
  { xml: '<a b="1"c="2"/>', expect: 'malformed' },
  { xml: '<a b="1" b="2"/>', expect: 'malformed' },
  { xml: '<a b/>', expect: 'malformed' },
  { xml: '<a b="<"/>', expect: 'malformed' },
  { xml: '<a b="x/>', expect: 'malformed' },
  { xml: '<a>]]></a>', expect: 'malformed' },
  { xml: '<a>&foo;</a>', expect: 'malformed' },
  { xml: '<a>&#0;</a>', expect: 'malformed' },
  { xml: '<a>&#xD800;</a>', expect: 'malformed' },
  { xml: '<a>&#xFFFE;</a>', expect: 'malformed' },
  { xml: '<a>&#x110000;</a>', expect: 'malformed' },
  { xml: '<a>&#65</a>', expect: 'malformed' },
  { xml: '<a>&#;</a>', expect: 'malformed' },
  { xml: '<a>&#x;</a>', expect: 'malformed' },
  { xml: '<a>& b</a>', expect: 'malformed' },
  { xml: '<a b="&lt"/>', expect: 'malformed' },
  { xml: '<a>\u0001</a>', expect: 'malformed' },
  { xml: '<a b="\u001F"/>', expect: 'malformed' },
  { xml: '<a>\uFFFF</a>', expect: 'malformed' },
  { xml: '<a>\uD800</a>', expect: 'malformed', lint: false, why: 'a lone surrogate cannot be written as UTF-8 for xmllint' },
  { xml: '<a>\uDC00x</a>', expect: 'malformed', lint: false, why: 'a lone surrogate cannot be written as UTF-8 for xmllint' },
  { xml: '<a><!-- a -- b --></a>', expect: 'malformed' },
  { xml: '<a><!-- a ---></a>', expect: 'malformed' },
  { xml: '<a><!-- a </a>', expect: 'malformed' },
  { xml: '<a><![CDATA[x</a>', expect: 'malformed' },
  { xml: '<![CDATA[x]]><a/>', expect: 'malformed' },
  { xml: '<a><!x></a>', expect: 'malformed' },
  { xml: '<1a/>', expect: 'malformed' },
  { xml: '<a\u00D7/>', expect: 'malformed' },
  { xml: '< a/>', expect: 'malformed' },
  { xml: '<a:b:c xmlns:a="urn:a"/>', expect: 'malformed' },
  { xml: '<:a/>', expect: 'malformed', saxes: false, why: 'saxes accepts an empty prefix on an element name' },
  { xml: '<a: xmlns:a="urn:a"/>', expect: 'malformed', saxes: false, why: 'saxes accepts an empty local part' },
  { xml: '<a:1 xmlns:a="urn:a"/>', expect: 'malformed', saxes: false, why: 'saxes accepts a local part that is not an NCName' },
  { xml: '<p:a/>', expect: 'malformed' },
  { xml: '<a p:b="1"/>', expect: 'malformed' },
  { xml: '<a xmlns:p=""/>', expect: 'malformed' },
  { xml: '<a xmlns:xml="urn:x"/>', expect: 'malformed' },
  { xml: '<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>', expect: 'malformed' },
  { xml: '<a xmlns="http://www.w3.org/XML/1998/namespace"/>', expect: 'malformed' },
  { xml: '<a xmlns="http://www.w3.org/2000/xmlns/"/>', expect: 'malformed' },
  { xml: '<a xmlns:xmlns="urn:x"/>', expect: 'malformed' },
  { xml: '<xmlns:a/>', expect: 'malformed' },
  { xml: '<a xmlns:p="urn:u" xmlns:q="urn:u" p:x="1" q:x="2"/>', expect: 'malformed' },
  { xml: '<a><?x:y?></a>', expect: 'malformed' },
  { xml: '<a><?xml version="1.0"?></a>', expect: 'malformed' },
  { xml: '<a><?XmL x?></a>', expect: 'malformed' },
  { xml: '<a><?pix?></a>', expect: 'ok' },
  { xml: '<a><?pi\u0001?></a>', expect: 'malformed' },
  { xml: ' <?xml version="1.0"?><a/>', expect: 'malformed' },
  { xml: '<a/><?xml version="1.0"?>', expect: 'malformed' },
  {
    xml: '<?xml version="1.1"?><a/>',
    expect: 'ok',
    lint: false,
    why: 'XML 1.1 documents are read (W3C suite instances use it); libxml2 warns about the version',
  },
  { xml: '<?xml version="1.0" standalone="maybe"?><a/>', expect: 'malformed' },
  { xml: '<?xml encoding="UTF-8"?><a/>', expect: 'malformed' },
  { xml: '<?xml version="1.0" standalone="yes" encoding="UTF-8"?><a/>', expect: 'malformed' },
  { xml: '<!DOCTYPE a><a/>', expect: 'doctype', lint: false, why: 'a DOCTYPE is well-formed, refused on purpose (no DTD)' },
  { xml: '<a><!DOCTYPE a></a>', expect: 'doctype', lint: false, saxes: false, why: 'refused as a DOCTYPE wherever it is' },
];

function xmllintAccepts(xml: string): boolean {
  const r = spawnSync('xmllint', ['--noout', '-'], { input: Buffer.from(xml, 'utf8') });
  return r.status === 0 && r.stderr.length === 0;
}

function verdict(o: Outcome): string {
  return o.ok ? 'ok' : o.code;
}

test('verdicts: expected, xmllint, saxes', () => {
  for (const c of cases) {
    const label = JSON.stringify(c.xml);
    const asString = readerOutcome(c.xml);
    assert.equal(verdict(asString), c.expect, `${label}: ${asString.ok ? 'accepted' : asString.message}`);
    // A lone surrogate does not survive UTF-8 (it becomes U+FFFD): those cases are strings only.
    if (!/[\uD800-\uDFFF]/.test(c.xml) || /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(c.xml)) {
      const fromBytes = readerOutcome(Buffer.from(c.xml, 'utf8'));
      assert.equal(verdict(fromBytes), c.expect, `${label} as bytes: ${fromBytes.ok ? 'accepted' : fromBytes.message}`);
    }
    if (c.lint !== false && !xmllintMissing) assert.equal(xmllintAccepts(c.xml), c.expect === 'ok', `${label}: xmllint disagrees`);
    if (c.saxes !== false) {
      const reference = saxesOutcome(c.xml.replace(/^\uFEFF/, ''));
      assert.equal(reference.ok, c.expect === 'ok', `${label}: saxes disagrees`);
      if (reference.ok) assert.deepEqual(asString, reference, `${label}: events differ from saxes`);
    }
  }
});

test('xmllint present for the cross-check', { skip: xmllintMissing ? 'xmllint not installed (apt-get install libxml2-utils)' : false }, () => {
  assert.ok(xmllintAccepts('<a/>'));
});

test('accepted documents read the same when cut anywhere (2 and 3 chunks, string and bytes)', () => {
  for (const c of cases.filter((x) => x.expect === 'ok')) {
    const whole = readerOutcome(c.xml);
    const bytes = Buffer.from(c.xml, 'utf8');
    for (let i = 0; i <= c.xml.length; i++) {
      assert.deepEqual(readerOutcome(c.xml, [i]), whole, `${JSON.stringify(c.xml)} cut at ${i}`);
      for (let j = i; j <= c.xml.length; j += 3) assert.deepEqual(readerOutcome(c.xml, [i, j]), whole, `${JSON.stringify(c.xml)} cut at ${i}, ${j}`);
    }
    for (let i = 0; i <= bytes.length; i++) assert.deepEqual(readerOutcome(bytes, [i]), whole, `${JSON.stringify(c.xml)} bytes cut at ${i}`);
  }
});

test('rejected documents stay rejected when cut anywhere', () => {
  for (const c of cases.filter((x) => x.expect !== 'ok')) {
    for (let i = 0; i <= c.xml.length; i++) {
      const o = readerOutcome(c.xml, [i]);
      assert.equal(verdict(o), c.expect, `${JSON.stringify(c.xml)} cut at ${i}`);
    }
  }
});

test('values: references, attribute-value normalisation, line ends', () => {
  const seen: Record<string, string> = {};
  let text = '';
  readXml('<a b="x\ny\r\nz\rw\tv" c="&#10;&#13;&#9;&lt;&quot;&apos;">1\r\n2\r3&#13;&#x1F600;<![CDATA[\r\n]]></a>', {
    openTag(tag: XmlTag) {
      for (const a of tag.attributeList) seen[a.name] = a.value;
    },
    text(t) {
      text += t;
    },
    closeTag() {},
  });
  assert.deepEqual(seen, { b: 'x y z w v', c: '\n\r\t<"\'' });
  assert.equal(text, '1\n2\n3\r\u{1F600}\n');
});

test('tags: resolved names, attribute list and views, same object at the end tag', () => {
  const opened: XmlTag[] = [];
  const closed: XmlTag[] = [];
  readXml('<p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" y="2"><b/></p:a>', {
    openTag: (t) => opened.push(t),
    text() {},
    closeTag: (t) => closed.push(t),
  });
  const [a, b] = opened;
  assert.equal(a.name, 'p:a');
  assert.equal(a.prefix, 'p');
  assert.equal(a.local, 'a');
  assert.equal(a.uri, 'urn:p');
  assert.equal(a.isSelfClosing, false);
  assert.deepEqual(
    a.attributeList.map((x) => [x.name, x.prefix, x.local, x.uri, x.value]),
    [
      ['xmlns:p', 'xmlns', 'p', 'http://www.w3.org/2000/xmlns/', 'urn:p'],
      ['xmlns', '', 'xmlns', 'http://www.w3.org/2000/xmlns/', 'urn:d'],
      ['p:x', 'p', 'x', 'urn:p', '1'],
      ['y', '', 'y', '', '2'],
    ],
  );
  assert.deepEqual(Object.keys(a.attributes), ['xmlns:p', 'xmlns', 'p:x', 'y']);
  assert.equal(a.attributes['p:x'].value, '1');
  assert.deepEqual({ ...a.ns }, { p: 'urn:p', '': 'urn:d' });
  assert.equal(b.uri, 'urn:d');
  assert.equal(b.isSelfClosing, true);
  assert.deepEqual(b.attributeList, []);
  assert.deepEqual(closed, [b, a]);
});

test('errors carry line, column and path', () => {
  let caught: unknown;
  try {
    readXml('<a>\n  <b>\n    <c x="1" x="2"/>', { openTag() {}, text() {}, closeTag() {} });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof XmlError);
  assert.equal(caught.code, 'malformed');
  assert.equal(caught.line, 3);
  assert.equal(caught.path, '/a/b');
  assert.match(caught.message, /duplicate attribute x/);
  try {
    readXml('<a>\r\n<b>&bad;</b></a>', { openTag() {}, text() {}, closeTag() {} });
  } catch (err) {
    caught = err;
  }
  assert.ok(caught instanceof XmlError);
  assert.deepEqual([caught.line, caught.column, caught.path], [2, 4, '/a/b']);
});
