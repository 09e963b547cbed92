/**
 * The response headers HttpsTransport returns: lower-case names and node:http's values. Read from the
 * raw header list when every name occurs once; when one repeats (or is a name objects inherit), node's
 * rules apply — the first Content-Type kept, other repeated headers and Set-Cookie joined with ", ".
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpsTransport } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';

let pki: TestPki;
let server: TestServer;
let transport: HttpsTransport;
/** The headers the next answer sets (name → value or values; an array sends one line per value). */
let answerHeaders: Record<string, string | string[]> = {};

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, (_req, _body, res) => {
    for (const [name, value] of Object.entries(answerHeaders)) res.setHeader(name, value);
    res.end(SOAP12_OK);
  });
  transport = new HttpsTransport({
    trust: { caFile: pki.caBundleFile },
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    proxy: false,
  });
});
after(async () => {
  transport.close();
  await server.close();
});

async function headersOf(headers: Record<string, string | string[]>): Promise<Readonly<Record<string, string>>> {
  answerHeaders = headers;
  const response = await transport.send({ url: `${server.url}/svc`, body: SOAP12_OK });
  assert.equal(response.status, 200);
  return response.headers;
}

test('every name once: lower-case names, the values as sent', async () => {
  const headers = await headersOf({ 'Content-Type': 'application/soap+xml; charset=utf-8', 'X-Trace-Id': ' a b ', ETag: '"1"' });
  assert.equal(headers['content-type'], 'application/soap+xml; charset=utf-8');
  assert.equal(headers['x-trace-id'], 'a b');
  assert.equal(headers['etag'], '"1"');
  assert.equal(headers['content-length'], String(Buffer.byteLength(SOAP12_OK)));
  assert.equal(
    Object.keys(headers).every((name) => name === name.toLowerCase()),
    true,
  );
});

test('repeated names follow node:http: first Content-Type kept, others joined', async () => {
  const headers = await headersOf({
    'Content-Type': ['text/xml; charset=utf-8', 'application/json'],
    'X-Multi': ['a', 'b'],
    'Set-Cookie': ['c=1', 'd=2'],
  });
  assert.equal(headers['content-type'], 'text/xml; charset=utf-8');
  assert.equal(headers['x-multi'], 'a, b');
  assert.equal(headers['set-cookie'], 'c=1, d=2');
});

test('names that plain objects inherit are read as headers like any other', async () => {
  const headers = await headersOf({ 'Content-Type': 'text/xml', Constructor: 'x', ToString: 'y' });
  assert.equal(Object.hasOwn(headers, 'constructor') ? headers['constructor'] : undefined, 'x');
  assert.equal(Object.hasOwn(headers, 'tostring') ? headers['tostring'] : undefined, 'y');
  assert.equal(headers['content-type'], 'text/xml');
});
