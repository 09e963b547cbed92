/**
 * The MTOM encoder: part layout and Content-Types for SOAP 1.2 and 1.1, zero-copy chunks,
 * reference checks, and an independent parse by Python's email package.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { MtomError } from '@volet/runtime';
import { parseContentType } from '@volet/runtime/http';
import { decodeMultipartRelated, encodeMtom, partText, resolveXopHref, XopPackage, xopIncludeElement, cidHref } from '@volet/runtime/mtom';
import { parseWithPython, pythonSkipReason } from './python-mime.js';

function join(chunks: readonly (string | Uint8Array)[]): Buffer {
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)));
}

function envelopeWith(includes: string[]): string {
  return (
    '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body>' +
    '<ihe:ProvideAndRegisterDocumentSetRequest xmlns:ihe="urn:ihe:iti:xds-b:2007">' +
    includes.map((inc, i) => `<ihe:Document id="doc${i}">${inc}</ihe:Document>`).join('') +
    '</ihe:ProvideAndRegisterDocumentSetRequest></env:Body></env:Envelope>'
  );
}

const ACTION = 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b';

test('SOAP 1.2 layout: HTTP and root Content-Types, part headers, CRLF framing', () => {
  const data = Buffer.from('%PDF-1.4 binary\r\n--not a boundary\r\n');
  const envelope = envelopeWith([xopIncludeElement('doc1@volet')]);
  const msg = encodeMtom(envelope, [{ contentId: 'doc1@volet', data }], { action: ACTION, boundary: 'MIME_b1' });
  assert.equal(
    msg.contentType,
    `multipart/related; type="application/xop+xml"; boundary=MIME_b1; start="<root.message@volet>"; start-info="application/soap+xml"; action="${ACTION}"`,
  );
  const body = join(msg.chunks);
  assert.equal(body.length, msg.byteLength);
  assert.equal(
    body.toString('latin1'),
    '--MIME_b1\r\n' +
      `Content-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"; action="${ACTION}"\r\n` +
      'Content-Transfer-Encoding: binary\r\nContent-ID: <root.message@volet>\r\n\r\n' +
      envelope +
      '\r\n--MIME_b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <doc1@volet>\r\n\r\n' +
      data.toString('latin1') +
      '\r\n--MIME_b1--\r\n',
  );
  assert.ok(msg.chunks.includes(data), 'the attachment is passed through, not copied');
});

test('SOAP 1.1 layout: text/xml start-info and root type, no action parameter', () => {
  const msg = encodeMtom(envelopeWith([xopIncludeElement('a@x')]), [{ contentId: 'a@x', data: new Uint8Array([1]) }], { soapVersion: '1.1', action: ACTION });
  const ct = parseContentType(msg.contentType);
  assert.equal(ct?.params['start-info'], 'text/xml');
  assert.equal(ct?.params['action'], undefined);
  assert.match(join(msg.chunks).toString('latin1'), /Content-Type: application\/xop\+xml; charset=UTF-8; type="text\/xml"\r\n/);
});

test('XopPackage: add() gives the Include element; encode() round-trips through the decoder', () => {
  const pkg = new XopPackage();
  const cda = Buffer.from('<ClinicalDocument xmlns="urn:hl7-org:v3">é</ClinicalDocument>');
  const pdf = randomBytes(100_000);
  const r1 = pkg.add(cda, { contentType: 'text/xml' });
  const r2 = pkg.add(pdf, { contentId: 'b857abb7-2@urn:ihe:iti:xds-b:2007' });
  assert.match(r1.contentId, /^[0-9a-f-]{36}@volet$/);
  assert.equal(r2.href, 'cid:b857abb7-2@urn%3Aihe%3Aiti%3Axds-b%3A2007');
  assert.equal(r2.element, `<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="${r2.href}"/>`);
  const msg = pkg.encode(envelopeWith([r1.element, r2.element]), { action: ACTION });
  const mp = decodeMultipartRelated(join(msg.chunks), msg.contentType);
  assert.equal(mp.parts.length, 3);
  assert.equal(partText(mp.root), envelopeWith([r1.element, r2.element]));
  assert.ok(Buffer.from(resolveXopHref(mp.attachments, r1.href) ?? []).equals(cda));
  assert.ok(Buffer.from(resolveXopHref(mp.attachments, r2.href) ?? []).equals(pdf));
  assert.equal(mp.parts[1]?.contentType, 'text/xml');
});

test('Python email parses the message into the same parts (independent oracle)', { skip: pythonSkipReason() }, () => {
  const pkg = new XopPackage();
  const docs = [randomBytes(50_000), Buffer.from('<doc>\r\n--MIMEBoundary_fake\r\n</doc>')];
  const refs = docs.map((d) => pkg.add(d));
  const envelope = envelopeWith(refs.map((r) => r.element));
  const msg = pkg.encode(envelope, { action: ACTION });
  const py = parseWithPython(msg.contentType, join(msg.chunks));
  assert.equal(py.multipart, true);
  assert.deepEqual(py.defects, []);
  assert.equal(py.params['type'], 'application/xop+xml');
  assert.equal(py.params['start'], '<root.message@volet>');
  assert.equal(py.params['action'], ACTION);
  assert.equal(py.parts.length, 3);
  const sha = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');
  assert.equal(py.parts[0]?.sha256, sha(envelope));
  assert.equal(py.parts[0]?.contentId, '<root.message@volet>');
  docs.forEach((d, i) => {
    assert.equal(py.parts[i + 1]?.sha256, sha(d), `part ${i + 1}`);
    assert.equal(py.parts[i + 1]?.contentId, `<${refs[i]?.contentId}>`);
    assert.equal(py.parts[i + 1]?.transferEncoding, 'binary');
  });
});

test('reference checks: missing part, unreferenced part, duplicate and invalid Content-IDs', () => {
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
    } catch (e) {
      assert.ok(e instanceof MtomError, String(e));
      return e.code;
    }
    return undefined;
  };
  const one = [{ contentId: 'a@x', data: new Uint8Array(1) }];
  assert.equal(
    code(() => encodeMtom(envelopeWith([xopIncludeElement('b@x')]), one)),
    'missing-attachment',
  );
  assert.equal(
    code(() => encodeMtom(envelopeWith([]), one)),
    'unreferenced-attachment',
  );
  assert.equal(encodeMtom(envelopeWith([]), one, { checkReferences: false }).chunks.length, 5);
  assert.equal(
    code(() => encodeMtom(envelopeWith([xopIncludeElement('a@x')]), [...one, ...one])),
    'duplicate-content-id',
  );
  assert.equal(
    code(() => encodeMtom('<e/>', [{ contentId: 'bad id', data: new Uint8Array(1) }])),
    'invalid-content-id',
  );
  assert.equal(
    code(() => encodeMtom('<e/>', [{ contentId: 'a>b', data: new Uint8Array(1) }])),
    'invalid-content-id',
  );
  assert.equal(
    code(() => new XopPackage().add(new Uint8Array(1), { contentId: '' })),
    'invalid-content-id',
  );
  assert.equal(
    code(() => encodeMtom('<e/>', [], { action: 'urn:a\r\nX-Injected: 1' })),
    'malformed-part',
  );
  assert.equal(
    code(() => encodeMtom('<e/>', [], { boundary: 'has space ' })),
    'no-boundary',
  );
  assert.equal(
    code(() => encodeMtom(envelopeWith([xopIncludeElement('a@x')]), [{ ...one[0]!, contentType: 'text/xml\r\nX: y' }])),
    'malformed-part',
  );
  // An href with percent-encoding matches the plain Content-ID.
  assert.equal(
    encodeMtom(envelopeWith([`<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="${cidHref('d@urn:x')}"/>`]), [
      { contentId: 'd@urn:x', data: new Uint8Array(1) },
    ]).chunks.length,
    5,
  );
});
