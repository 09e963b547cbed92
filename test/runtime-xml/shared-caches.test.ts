/**
 * What readers share between documents (namespace names, white-space runs) gives each document its
 * own values: more distinct namespaces than the shared memory holds, and white space of the same
 * length but other characters, read right in every document; element-name predictions and the attribute
 * scratch shared by readers, with two readers interleaved chunk by chunk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readXml, XmlReader, type XmlHandler, type XmlTag } from '@volet/runtime/xml';

function events(xml: string): string[] {
  const out: string[] = [];
  const handler: XmlHandler = {
    openTag: (tag: XmlTag) => out.push(`<{${tag.uri}}${tag.local}`),
    text: (text: string) => out.push(JSON.stringify(text)),
    closeTag: () => out.push('>'),
    cdata: () => {},
    comment: () => {},
  };
  readXml(xml, handler);
  return out;
}

test('namespace names stay right across documents, past the shared memory of them', () => {
  for (let round = 0; round < 2; round++) {
    // 600 distinct namespaces, each declared in its own document and in one large one.
    const names = Array.from({ length: 600 }, (_, k) => `urn:test:${round}:${k}`);
    for (const uri of names) assert.deepEqual(events(`<p:a xmlns:p=" ${uri} "><b xmlns="${uri}x"/></p:a>`), [`<{${uri}}a`, `<{${uri}x}b`, '>', '>']);
    const big = `<r>${names.map((uri, k) => `<e${k} xmlns="${uri}"/>`).join('')}</r>`;
    const seen = events(big).filter((e) => e.startsWith('<{urn'));
    assert.deepEqual(
      seen,
      names.map((uri, k) => `<{${uri}}e${k}`),
    );
  }
});

test('white-space runs of one length but other characters are each reported as written', () => {
  const runs = ['\n  ', '\t\t\t', '\r\n ', ' \n\t', '\n\n\n'];
  for (let round = 0; round < 2; round++) {
    for (const run of runs) {
      const text = run.replace(/\r\n?/g, '\n');
      assert.deepEqual(events(`<a>${run}<b/>${run}</a>`), ['<{}a', JSON.stringify(text), '<{}b', '>', JSON.stringify(text), '>']);
    }
  }
});

test('element and attribute names predicted from other documents, and readers interleaved chunk by chunk, read right', () => {
  const docA = '<a:r xmlns:a="urn:a" x="1" y="2"><a:e k="v">t</a:e><a:e2 k2="w"/></a:r>';
  const docB = '<a:rr xmlns:a="urn:b" y="3" x="4"><a:e2 k2="u"/><a:e k="z">s</a:e></a:rr>';
  const record = (out: string[]): XmlHandler => ({
    openTag: (tag: XmlTag) => out.push(`<{${tag.uri}}${tag.local}${tag.attributeList.map((a) => ` ${a.name}=${a.value}`).join('')}`),
    text: (text: string) => out.push(JSON.stringify(text)),
    closeTag: () => out.push('>'),
  });
  const whole = (xml: string): string[] => {
    const out: string[] = [];
    readXml(xml, record(out));
    return out;
  };
  const expectedA = whole(docA);
  const expectedB = whole(docB);
  assert.equal(expectedA[0], '<{urn:a}r xmlns:a=urn:a x=1 y=2');
  assert.equal(expectedB[0], '<{urn:b}rr xmlns:a=urn:b y=3 x=4');
  for (const size of [1, 2, 3, 5, 7]) {
    const outA: string[] = [];
    const outB: string[] = [];
    const a = new XmlReader(record(outA));
    const b = new XmlReader(record(outB));
    // One reader's tag is cut at the end of a chunk while the other reads names at the same depth.
    for (let at = 0; at < Math.max(docA.length, docB.length); at += size) {
      if (at < docA.length) a.write(docA.slice(at, at + size));
      if (at < docB.length) b.write(docB.slice(at, at + size));
    }
    a.end();
    b.end();
    assert.deepEqual(outA, expectedA);
    assert.deepEqual(outB, expectedB);
  }
});
