/**
 * encodeBytes on the official example messages the string tests already round-trip (DMP TD3.1
 * ITI-18 response, INSi CNDA responses, DMP TD2.1 ITI-41 request with its non-Latin-1 SAML
 * header): the bytes are the UTF-8 of the string output, xmllint validates the bytes themselves
 * (its own UTF-8 decoder reads them), and they decode back to the same values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode, encodeBytes } from '@volet/runtime/codec';
import { decodeEnvelope, encodeEnvelope, encodeEnvelopeBytes } from '@volet/runtime/soap';
import { buildProvideAndRegister } from '../../bench/codec/build-pnr-input.js';
import { ProvideAndRegisterDocumentSetRequestElement } from '../../generated/schemas/ihe-xdsb/index.js';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { xmllintSkipReason, xmllintValidateFile } from '../support/xmllint.js';
import { AdhocQueryResponse } from './descriptors/ebrim.js';
import { RESULTAT } from './descriptors/insi-resultat.js';
import { xmlDifference } from './support/compare.js';

const skip = corpusSkipReason || xmllintSkipReason;

/** xmllint on the bytes as written (not on a string re-encoded by the test). */
function lintBytes(bytes: Uint8Array, schema: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'volet-bytes-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, bytes);
    const lint = xmllintValidateFile(file, schema);
    assert.ok(lint.ok, lint.output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('TD3.1 AdhocQueryResponse (accented values): bytes = UTF-8 of the string, xmllint-valid, equivalent, decode back', { skip }, () => {
  const xml = readFileSync(corpus('dmp-exemples-messages', 'TD3.1_Recherche_de_document_reponse.xml'), 'utf8');
  const value = decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [AdhocQueryResponse] }).body[0].value as Record<string, unknown>;
  const bytes = encodeBytes(AdhocQueryResponse, value);
  assert.ok(bytes.equals(Buffer.from(encode(AdhocQueryResponse, value), 'utf8')));
  assert.ok(bytes.includes(Buffer.from('é', 'utf8')), 'the example has accented values');
  lintBytes(bytes, corpus('dmp-annexe-wsdl-schema', 'schema', 'ebRS', 'query.xsd'));
  assert.equal(
    xmlDifference(new TextDecoder('utf-8', { fatal: true }).decode(bytes), xml, {
      expectedRoot: '{urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0}AdhocQueryResponse',
    }),
    null,
  );
  assert.deepEqual(decode(AdhocQueryResponse, bytes), value);
});

test('INSi CNDA responses: bytes = UTF-8 of the string, xmllint-valid, decode back', { skip }, () => {
  const dir = corpus('insi-padoa', 'src', 'ins', 'fixtures');
  const xsd = corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'ServiceIdentiteCertifiee', 'INSi_RESULTAT_INS.xsd');
  const files = readdirSync(dir).filter((f) => f.endsWith('.xml') && f !== 'TEST_2.04_cas2.xml');
  assert.ok(files.length >= 4);
  for (const file of files) {
    const value = decodeEnvelope(readFileSync(join(dir, file), 'utf8'), { version: '1.2', bodyDescriptors: [RESULTAT] }).body[0].value;
    const bytes = encodeBytes(RESULTAT, value);
    assert.ok(bytes.equals(Buffer.from(encode(RESULTAT, value), 'utf8')), file);
    lintBytes(bytes, xsd);
    assert.deepEqual(decode(RESULTAT, bytes), value, file);
  }
});

test('TD2.1 ProvideAndRegister (two-byte input: a CJK character in the SAML header): envelope bytes = UTF-8 of the string, decode back', {
  skip: corpusSkipReason,
}, () => {
  const xml = buildProvideAndRegister(3);
  const env = decodeEnvelope(xml, { version: '1.1', bodyDescriptors: [ProvideAndRegisterDocumentSetRequestElement] });
  const input = {
    version: '1.1' as const,
    headers: env.headers.map((h) => h.xml ?? ''),
    body: { element: ProvideAndRegisterDocumentSetRequestElement, value: env.body[0].value },
  };
  const bytes = encodeEnvelopeBytes(input);
  assert.ok(bytes.equals(Buffer.from(encodeEnvelope(input), 'utf8')));
  assert.ok(bytes.includes(Buffer.from('賠', 'utf8')), 'the SAML header keeps its CJK character');
  const again = decodeEnvelope(bytes, { version: '1.1', bodyDescriptors: [ProvideAndRegisterDocumentSetRequestElement] });
  assert.deepEqual(again.body[0].value, env.body[0].value);
  assert.deepEqual(
    again.headers.map((h) => h.xml),
    env.headers.map((h) => h.xml),
  );
});
