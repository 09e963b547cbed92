/**
 * MTOM over a real mutual-TLS connection: an ITI-41-like upload with two documents is split back
 * into the identical bytes by the server; ITI-43-like multipart responses (document, and a fault
 * with HTTP 500) are split by the client.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { buildAddressingHeaders, CISIS_ADDRESSING } from '@volet/runtime/addressing';
import { HttpsTransport, parseContentType } from '@volet/runtime/http';
import { decodeMultipartRelated, encodeMtom, envelopeText, partText, resolveXopHref, splitSoapPayload, XopPackage } from '@volet/runtime/mtom';
import { corpus, corpusAvailable } from '../support/paths.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { startTlsServer, type TestServer } from '../http/helpers/tls-server.js';

const ITI41 = 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b';
const ITI43 = 'urn:ihe:iti:2007:RetrieveDocumentSet';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

let pki: TestPki;
let server: TestServer;
let received: { contentType: string; body: Buffer } | undefined;
const served = { document: randomBytes(300_000) };

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, (req, body, res) => {
    if (req.url === '/repository/iti41') {
      received = { contentType: req.headers['content-type'] ?? '', body };
      res.writeHead(200, { 'content-type': 'application/soap+xml; charset=UTF-8' });
      res.end(`<env:Envelope xmlns:env="${SOAP12}"><env:Body><ok/></env:Body></env:Envelope>`);
      return;
    }
    // ITI-43: always multipart, faults included (as the DMP's CXF server does).
    const fault = req.url === '/repository/iti43-fault';
    const envelope = fault
      ? `<env:Envelope xmlns:env="${SOAP12}"><env:Body><env:Fault><env:Code><env:Value>env:Sender</env:Value></env:Code>` +
        `<env:Reason><env:Text xml:lang="fr">refus</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>`
      : `<env:Envelope xmlns:env="${SOAP12}"><env:Body><ns4:RetrieveDocumentSetResponse xmlns:ns4="urn:ihe:iti:xds-b:2007">` +
        `<ns4:DocumentResponse><ns4:Document><xop:Include href="cid:doc-2@urn%3Aihe%3Aiti%3Axds-b%3A2007" ` +
        `xmlns:xop="http://www.w3.org/2004/08/xop/include"/></ns4:Document></ns4:DocumentResponse></ns4:RetrieveDocumentSetResponse></env:Body></env:Envelope>`;
    const msg = encodeMtom(envelope, fault ? [] : [{ contentId: 'doc-2@urn:ihe:iti:xds-b:2007', data: served.document }], {
      action: `${ITI43}Response`,
      rootContentId: 'root.message@cxf.apache.org',
    });
    res.writeHead(fault ? 500 : 200, { 'content-type': msg.contentType, 'content-length': String(msg.byteLength) });
    for (const c of msg.chunks) res.write(c);
    res.end();
  });
});
after(async () => {
  await server.close();
});

function transport(): HttpsTransport {
  return new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } });
}

test('ITI-41-like upload with two documents: the server gets the identical bytes', async () => {
  const cda = corpusAvailable ? readFileSync(corpus('dmp-exemples-messages', 'TD2.1-DocumentME2.xml')) : Buffer.from('<ClinicalDocument/>');
  const pdf = randomBytes(2 * 1024 * 1024 + 3);
  const wsa = buildAddressingHeaders({ ...CISIS_ADDRESSING, action: ITI41 });
  const pkg = new XopPackage();
  const refs = [pkg.add(cda, { contentType: 'text/xml' }), pkg.add(pdf)];
  const envelope =
    `<env:Envelope xmlns:env="${SOAP12}"><env:Header>${wsa.xml}</env:Header><env:Body>` +
    `<ihe:ProvideAndRegisterDocumentSetRequest xmlns:ihe="urn:ihe:iti:xds-b:2007">` +
    refs.map((r, i) => `<ihe:Document id="Document0${i + 1}">${r.element}</ihe:Document>`).join('') +
    `</ihe:ProvideAndRegisterDocumentSetRequest></env:Body></env:Envelope>`;
  const msg = pkg.encode(envelope, { action: ITI41 });

  const t = transport();
  try {
    const res = await t.send({ url: `${server.url}/repository/iti41`, headers: { 'content-type': msg.contentType }, body: msg.chunks });
    assert.equal(res.status, 200);
  } finally {
    t.close();
  }
  assert.ok(received);
  assert.equal(received.body.length, msg.byteLength);
  const ct = parseContentType(received.contentType);
  assert.equal(ct?.mediaType, 'multipart/related');
  assert.equal(ct?.params['action'], ITI41);
  const mp = decodeMultipartRelated(received.body, received.contentType);
  assert.equal(mp.root.contentId, 'root.message@volet');
  const xml = partText(mp.root);
  assert.equal(xml, envelope);
  const hrefs = [...xml.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
  assert.equal(hrefs.length, 2);
  assert.ok(Buffer.from(resolveXopHref(mp.attachments, hrefs[0] ?? '') ?? []).equals(cda));
  assert.ok(Buffer.from(resolveXopHref(mp.attachments, hrefs[1] ?? '') ?? []).equals(pdf));
});

test('ITI-43-like multipart response: the client resolves the URL-encoded cid to the document bytes', async () => {
  const t = transport();
  try {
    const res = await t.send({
      url: `${server.url}/repository/iti43`,
      headers: { 'content-type': 'application/soap+xml; charset=UTF-8' },
      body: '<env:Envelope/>',
    });
    assert.equal(res.status, 200);
    const payload = splitSoapPayload(res.headers['content-type'], res.body);
    assert.equal(payload.multipart, true);
    const href = /href="([^"]+)"/.exec(envelopeText(payload))?.[1] ?? '';
    assert.equal(href, 'cid:doc-2@urn%3Aihe%3Aiti%3Axds-b%3A2007');
    const doc = resolveXopHref(payload.attachments, href);
    assert.ok(doc && Buffer.from(doc).equals(served.document));
    assert.equal(doc.buffer, res.body.buffer, 'the document is a view into the response body');
  } finally {
    t.close();
  }
});

test('ITI-43 fault: multipart with HTTP 500 is returned to the SOAP layer, not thrown', async () => {
  const t = transport();
  try {
    const res = await t.send({ url: `${server.url}/repository/iti43-fault`, body: '<env:Envelope/>' });
    assert.equal(res.status, 500);
    const payload = splitSoapPayload(res.headers['content-type'], res.body);
    assert.equal(payload.multipart, true);
    assert.match(envelopeText(payload), /<env:Fault>/);
    assert.equal(payload.attachments.size, 0);
  } finally {
    t.close();
  }
});
