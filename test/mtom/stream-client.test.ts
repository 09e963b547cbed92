/**
 * The client's streamed-MTOM plumbing on its edges, with the generated XDS.b repository client: a
 * response cut before its closing boundary fails as `unterminated` through the real HTTPS transport
 * and leaves no file; a gzip-encoded response streams too; a transport that does not stream gives the same result (parts written from
 * memory); a file/stream value without MTOM is an encode error, not silently dropped bytes; a
 * stream is sent once.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import {
  attachmentFromFile,
  attachmentFromStream,
  EncodeError,
  isReceivedAttachment,
  MtomError,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '@volet/runtime';
import { encodeMtom } from '@volet/runtime/mtom';
import { DocumentRepositoryClient } from '../../generated/xds-repository/index.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { startTlsServer, type TestServer } from '../http/helpers/tls-server.js';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const RESPONSE =
  `<env:Envelope xmlns:env="${SOAP12}"><env:Body><xds:RetrieveDocumentSetResponse xmlns:xds="urn:ihe:iti:xds-b:2007">` +
  `<rs:RegistryResponse xmlns:rs="urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0" status="urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success"/>` +
  `<xds:DocumentResponse><xds:RepositoryUniqueId>1</xds:RepositoryUniqueId><xds:DocumentUniqueId>2</xds:DocumentUniqueId><xds:mimeType>application/pdf</xds:mimeType>` +
  `<xds:Document><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:doc@x"/></xds:Document></xds:DocumentResponse>` +
  `</xds:RetrieveDocumentSetResponse></env:Body></env:Envelope>`;
const DOCUMENT = randomBytes(200_000);
const REQUEST = { DocumentRequest: [{ RepositoryUniqueId: '1', DocumentUniqueId: '2' }] };

let pki: TestPki;
let server: TestServer;
const tmp = mkdtempSync(join(tmpdir(), 'volet-stream-client-'));

function message(): { contentType: string; body: Buffer } {
  const msg = encodeMtom(RESPONSE, [{ contentId: 'doc@x', data: DOCUMENT, contentType: 'application/pdf' }]);
  return { contentType: msg.contentType, body: Buffer.concat(msg.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c))) };
}

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, (req, _body, res) => {
    const { contentType, body } = message();
    // /cut: the body ends in the middle of the document, without the closing boundary.
    if (req.url === '/gzip') {
      const zipped = gzipSync(body);
      res.writeHead(200, { 'content-type': contentType, 'content-encoding': 'gzip', 'content-length': String(zipped.length) });
      res.end(zipped);
      return;
    }
    const sent = req.url === '/cut' ? body.subarray(0, body.length - 50_000) : body;
    res.writeHead(200, { 'content-type': contentType, 'content-length': String(sent.length) });
    res.end(sent);
  });
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

function client(path: string, transport?: Transport): DocumentRepositoryClient {
  return new DocumentRepositoryClient({
    endpoint: `${server.url}${path}`,
    ...(transport !== undefined
      ? { transport }
      : { tls: { trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } } }),
  });
}

test('a response cut before its closing boundary fails as unterminated and leaves no file', async () => {
  const dir = join(tmp, 'cut');
  const c = client('/cut');
  try {
    await assert.rejects(c.retrieveDocumentSet(REQUEST, { attachments: { dir } }), (err: unknown) => err instanceof MtomError && err.code === 'unterminated');
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(readdirSync(dir), []);
    // A complete answer streams on the same client (and its pooled connection).
    const ok = await c.retrieveDocumentSet(REQUEST, { endpoint: `${server.url}/full`, attachments: { dir: join(tmp, 'ok') } });
    const doc: unknown = ok.DocumentResponse?.[0]?.Document;
    assert.ok(isReceivedAttachment(doc));
    assert.deepEqual(readFileSync(doc.path as string), DOCUMENT);
    assert.equal(doc.contentType, 'application/pdf');
  } finally {
    c.soap.close();
  }
});

test('a gzip-encoded multipart response is decompressed as it streams', async () => {
  const c = client('/gzip');
  try {
    const res = await c.retrieveDocumentSet(REQUEST, { attachments: { dir: join(tmp, 'gzip') } });
    const doc: unknown = res.DocumentResponse?.[0]?.Document;
    assert.ok(isReceivedAttachment(doc));
    assert.deepEqual(readFileSync(doc.path as string), DOCUMENT);
  } finally {
    c.soap.close();
  }
});

test('maxAttachmentBytes bounds the streamed parts', async () => {
  const c = client('/full');
  try {
    await assert.rejects(
      c.retrieveDocumentSet(REQUEST, { attachments: { dir: join(tmp, 'small'), maxAttachmentBytes: 100_000 } }),
      (err: unknown) => err instanceof MtomError && err.code === 'too-large',
    );
  } finally {
    c.soap.close();
  }
});

/** A transport that answers from memory and ignores readBody (as custom transports may). */
class BufferedTransport implements Transport {
  requests: TransportRequest[] = [];
  async send(request: TransportRequest): Promise<TransportResponse> {
    this.requests.push(request);
    const { contentType, body } = message();
    return { status: 200, headers: { 'content-type': contentType }, body };
  }
}

test('a transport that does not stream gives the same result: the parts are written from memory', async () => {
  const chunks: Buffer[] = [];
  const { Writable } = await import('node:stream');
  const res = await client('/x', new BufferedTransport()).retrieveDocumentSet(REQUEST, {
    attachments: {
      sink: () =>
        new Writable({
          write: (c: Buffer, _e, cb) => {
            chunks.push(c);
            cb();
          },
        }),
    },
  });
  const doc: unknown = res.DocumentResponse?.[0]?.Document;
  assert.ok(isReceivedAttachment(doc));
  assert.equal(doc.size, DOCUMENT.length);
  assert.deepEqual(Buffer.concat(chunks), DOCUMENT);
});

test('a file or stream value needs MTOM; a stream is sent once', async () => {
  const file = join(tmp, 'doc.bin');
  writeFileSync(file, DOCUMENT);
  const transport = new BufferedTransport();
  const c = client('/x', transport);
  const body = (value: ReturnType<typeof attachmentFromFile>) => ({ SubmitObjectsRequest: { RegistryObjectList: {} }, Document: [{ id: 'D', $value: value }] });
  await assert.rejects(
    c.provideAndRegisterDocumentSet(body(attachmentFromFile(file)), { mtom: false }),
    (err: unknown) => err instanceof EncodeError && /needs MTOM/.test(err.message),
  );
  const stream = attachmentFromStream(Readable.from([DOCUMENT]));
  // The fake transport never reads the body: open it as the transport would, twice.
  await c.provideAndRegisterDocumentSet(body(stream)).catch(() => undefined);
  const sent = transport.requests.at(-1)?.body as readonly unknown[];
  assert.ok(sent.includes(stream), 'the source itself is in the body chunks, not a copy');
  const read: Buffer[] = [];
  for await (const b of stream.open()) read.push(b as Buffer);
  assert.deepEqual(Buffer.concat(read), DOCUMENT);
  assert.throws(
    () => stream.open(),
    (err: unknown) => err instanceof MtomError && err.code === 'stream-consumed',
  );
});
