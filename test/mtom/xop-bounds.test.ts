/**
 * XOP amplification: one 1 MB part referenced by 600 `xop:Include`s is a 1.2 MB message standing for
 * 600 MB once re-encoded or printed (it took 1.7 GB and exit 70 through `volet decode`). The total
 * the Includes stand for is bounded by the message limit: a typed error, early.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, elementRef, type SchemaDescriptor } from '@volet/runtime/codec';
import { DecodeError } from '@volet/runtime/errors';
import { inlineXopIncludes, MtomError, normalizeContentId, XOP_INCLUDE_NS } from '@volet/runtime/mtom';
import { decodeEnvelope } from '@volet/runtime/soap';
import { hasStackTrace, volet } from '../cli/run.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

const schema: SchemaDescriptor = {
  v: 1,
  ns: ['', 'urn:t'],
  types: { Doc: { k: 'c', ns: 1, f: [{ n: 'data', t: 'xs:base64Binary', max: -1 }] } },
  elements: { Doc: { n: 'Doc', ns: 1, t: 'Doc' } },
};

const part = new Uint8Array(1024 * 1024).fill(0x41);
const attachments = new Map([[normalizeContentId('cid:part@x'), part]]);

function document(includes: number): string {
  const include = `<data><xop:Include xmlns:xop="${XOP_INCLUDE_NS}" href="cid:part@x"/></data>`;
  return `<t:Doc xmlns:t="urn:t" xmlns="urn:t">${include.replace('<data>', '<t:data>').replace('</data>', '</t:data>').repeat(includes)}</t:Doc>`;
}

test('600 Includes of one 1 MB part exceed the message limit: DecodeError too-large', () => {
  const xml = document(600);
  assert.ok(xml.length < 100_000);
  assert.throws(
    () => decode(elementRef(schema, 'Doc'), xml, { attachments }),
    (e: unknown) => e instanceof DecodeError && e.code === 'too-large' && /message limit/.test(e.message),
  );
  // The limit follows the reader's message limit, or maxXopBytes.
  assert.throws(
    () => decode(elementRef(schema, 'Doc'), document(3), { attachments, limits: { maxInputBytes: 2 * 1024 * 1024 } }),
    (e: unknown) => e instanceof DecodeError && e.code === 'too-large',
  );
  assert.throws(
    () => decode(elementRef(schema, 'Doc'), document(2), { attachments, maxXopBytes: part.length }),
    (e: unknown) => e instanceof DecodeError && e.code === 'too-large',
  );
});

test('within the limit, every Include binds the same bytes', () => {
  const value = decode(elementRef(schema, 'Doc'), document(5), { attachments }) as { data: Uint8Array[] };
  assert.equal(value.data.length, 5);
  for (const d of value.data) assert.equal(d.byteLength, part.length);
});

test('in a SOAP envelope too', () => {
  const env = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>${document(600)}</s:Body></s:Envelope>`;
  assert.throws(
    () => decodeEnvelope(env, { attachments, bodyDescriptors: [elementRef(schema, 'Doc')] }),
    (e: unknown) => e instanceof DecodeError && e.code === 'too-large',
  );
});

test('inlineXopIncludes is bounded the same way: MtomError too-large', () => {
  assert.throws(
    () => inlineXopIncludes(document(600), attachments),
    (e: unknown) => e instanceof MtomError && e.code === 'too-large',
  );
  assert.equal(inlineXopIncludes(document(2), attachments).length > 2 * part.length, true);
});

test('volet decode of the 600-Include message: exit 1 with one line, not 1.7 GB and exit 70', { skip: corpusSkipReason }, async () => {
  const wsdl = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRepository.wsdl');
  const include = `<xop:Include xmlns:xop="${XOP_INCLUDE_NS}" href="cid:part@x"/>`;
  const documents = Array.from({ length: 600 }, (_, i) => `<ihe:Document id="d${i}">${include}</ihe:Document>`).join('');
  const envelope =
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body>' +
    `<ihe:ProvideAndRegisterDocumentSetRequest xmlns:ihe="urn:ihe:iti:xds-b:2007">${documents}</ihe:ProvideAndRegisterDocumentSetRequest></s:Body></s:Envelope>`;
  const boundary = 'MIMEBoundary_xop_bounds';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\nContent-ID: <root@x>\r\n\r\n${envelope}\r\n`,
    ),
    Buffer.from(`--${boundary}\r\nContent-Type: application/octet-stream\r\nContent-ID: <part@x>\r\n\r\n`),
    part,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'volet-xop-'));
  try {
    const file = join(dir, 'amplified.mime');
    writeFileSync(file, body);
    const r = await volet('decode', wsdl, file, '--content-type', `multipart/related; type="application/xop+xml"; boundary="${boundary}"; start="<root@x>"`);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /message limit/);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(hasStackTrace(r.stderr), false);
    assert.equal(r.stdout, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
