/**
 * MTOM decoding against the official DMP examples: the TD2.1 raw MIME body saved by SoapUI
 * (LF-only, boundary given, cid without '@') and the TD3.2 SOAP part (URL-encoded cid) wrapped in
 * a multipart response as the DMP sends it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MtomError } from '@volet/runtime';
import { decodeMultipartRelated, envelopeText, inlineXopIncludes, partText, resolveXopHref, sniffBoundary, splitSoapPayload } from '@volet/runtime/mtom';
import { corpus, corpusSkipReason } from '../support/paths.js';

const TD21_BOUNDARY = '----=_Part_9_20030738.1554380517598';

function hrefs(xml: string): string[] {
  return [...xml.matchAll(/<xop:Include\b[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Same text modulo UTF-8 BOM, line ends and surrounding whitespace. */
function normalizedText(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\ufeff/, '')
    .replace(/\r\n/g, '\n')
    .trim();
}

test('TD2.1 raw MIME body: boundary given, LF-only, three parts, cids without @', { skip: corpusSkipReason }, () => {
  const body = readFileSync(corpus('dmp-exemples-messages', 'TD2.1_Alimentation_requete.xml'));
  assert.equal(body.includes(Buffer.from('\r\n')), false, 'the corpus file is LF-only');
  const mp = decodeMultipartRelated(body, undefined, { boundary: TD21_BOUNDARY });
  assert.equal(mp.parts.length, 3);
  assert.equal(mp.root, mp.parts[0]);
  assert.equal(mp.root.contentId, 'rootpart@soapui.org');
  assert.match(mp.root.contentType ?? '', /^application\/xop\+xml; charset=UTF-8; type="application\/soap\+xml"/);

  const xml = partText(mp.root);
  assert.ok(xml.startsWith('<soap:Envelope'));
  assert.ok(xml.trimEnd().endsWith('</soap:Envelope>'));
  assert.deepEqual(hrefs(xml), ['cid:WS_DMP_TD2.1-DocumentME2.xml', 'cid:WS_DMP_TD2.1-SignatureXades.xml']);
  assert.deepEqual([...mp.attachments.keys()], ['WS_DMP_TD2.1-DocumentME2.xml', 'WS_DMP_TD2.1-SignatureXades.xml']);

  // Each attachment is, modulo BOM and line ends, the corresponding standalone corpus file.
  const doc = resolveXopHref(mp.attachments, 'cid:WS_DMP_TD2.1-DocumentME2.xml');
  const sig = resolveXopHref(mp.attachments, 'cid:WS_DMP_TD2.1-SignatureXades.xml');
  assert.ok(doc && sig);
  assert.equal(normalizedText(doc), normalizedText(readFileSync(corpus('dmp-exemples-messages', 'TD2.1-DocumentME2.xml'))));
  assert.equal(normalizedText(sig), normalizedText(readFileSync(corpus('dmp-exemples-messages', 'TD2.1-SignatureXades.xml'))));
  assert.ok(Buffer.from(doc).toString('latin1').startsWith('<ClinicalDocument'));
  assert.ok(Buffer.from(sig).toString('latin1').endsWith('</Signature>'), 'the last part ends where the closing boundary starts (no final line end)');

  // Parts are views into the body, not copies.
  assert.equal(doc.buffer, body.buffer);
});

test('TD2.1: the boundary can be sniffed from the first line; a wrong one is a typed error', { skip: corpusSkipReason }, () => {
  const body = readFileSync(corpus('dmp-exemples-messages', 'TD2.1_Alimentation_requete.xml'));
  assert.equal(sniffBoundary(body), TD21_BOUNDARY);
  const payload = splitSoapPayload(undefined, body);
  assert.equal(payload.multipart, true);
  assert.equal(payload.attachments.size, 2);
  assert.ok(envelopeText(payload).startsWith('<soap:Envelope'));
  assert.throws(
    () => decodeMultipartRelated(body, undefined, { boundary: 'not-there' }),
    (e: unknown) => e instanceof MtomError && e.code === 'boundary-not-found',
  );
  assert.throws(
    () => decodeMultipartRelated(body, undefined),
    (e: unknown) => e instanceof MtomError && e.code === 'no-boundary',
  );
  // TD2.1's own Content-Type would name the root by its Content-ID.
  const byStart = decodeMultipartRelated(body, `multipart/related; boundary="${TD21_BOUNDARY}"; start="<rootpart@soapui.org>"`);
  assert.equal(byStart.root.contentId, 'rootpart@soapui.org');
});

test('TD3.2: a DMP-style multipart response around the corpus SOAP part; the URL-encoded cid resolves', { skip: corpusSkipReason }, () => {
  const soapPart = readFileSync(corpus('dmp-exemples-messages', 'TD3.2_Consultation_dun_document_reponse.xml'));
  const document = readFileSync(corpus('dmp-exemples-messages', 'TD2.1-DocumentME2.xml'));
  const href = hrefs(soapPart.toString('utf8'))[0] ?? '';
  assert.equal(href, 'cid:b857abb7-a2c3-4db8-bd69-d5ff76826e72-2@urn%3Aihe%3Aiti%3Axds-b%3A2007');
  // Written by hand as Apache CXF frames it: the Content-ID header is not URL-encoded.
  const boundary = 'uuid:6b62cda9-a8c8-4b8a-9b45-0b4f0c3f3a2e';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\n` +
        `Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@cxf.apache.org>\r\n\r\n`,
    ),
    soapPart,
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Type: text/xml\r\nContent-Transfer-Encoding: binary\r\n` +
        `Content-ID: <b857abb7-a2c3-4db8-bd69-d5ff76826e72-2@urn:ihe:iti:xds-b:2007>\r\n\r\n`,
    ),
    document,
    Buffer.from(`\r\n--${boundary}--`),
  ]);
  const contentType =
    `multipart/related; type="application/xop+xml"; boundary="${boundary}"; start="<root.message@cxf.apache.org>"; ` +
    `start-info="application/soap+xml"; action="urn:ihe:iti:2007:RetrieveDocumentSetResponse"`;
  const payload = splitSoapPayload(contentType, body);
  assert.equal(payload.multipart, true);
  assert.ok(Buffer.from(payload.envelope).equals(soapPart));
  const bytes = resolveXopHref(payload.attachments, href);
  assert.ok(bytes, 'the URL-encoded href finds the part');
  assert.ok(Buffer.from(bytes).equals(document), 'identical document bytes (BOM included)');

  // Small-message fallback: inline the part as base64 text.
  const inlined = inlineXopIncludes(envelopeText(payload), payload.attachments);
  assert.doesNotMatch(inlined, /xop:Include/);
  const inlinedText = /<ns4:Document>([^<]*)<\/ns4:Document>/.exec(inlined)?.[1];
  assert.equal(inlinedText?.trim(), document.toString('base64'));
});

test('TD3.2 SOAP part alone (no attachment): inlining reports the missing part', { skip: corpusSkipReason }, () => {
  const xml = readFileSync(corpus('dmp-exemples-messages', 'TD3.2_Consultation_dun_document_reponse.xml'), 'utf8');
  assert.throws(
    () => inlineXopIncludes(xml, new Map()),
    (e: unknown) => e instanceof MtomError && e.code === 'missing-attachment',
  );
  const plain = splitSoapPayload('application/soap+xml; charset=UTF-8', Buffer.from(xml));
  assert.equal(plain.multipart, false);
  assert.equal(plain.attachments.size, 0);
  assert.equal(envelopeText(plain), xml);
});
