/**
 * What readers share between documents (namespace names, white-space runs) gives each document its
 * own values: more distinct namespaces than the shared memory holds, and white space of the same
 * length but other characters, read right in every document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readXml, type XmlHandler, type XmlTag } from '@volet/runtime/xml';

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
