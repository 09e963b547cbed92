/**
 * Connection reuse: one TLS handshake serves many calls; the pool is per transport.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TransportError } from '@volet/runtime';
import { HttpsTransport } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { okHandler, startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';

let pki: TestPki;
let server: TestServer;

before(async () => {
  pki = await sharedTestPki();
});
after(async () => {
  await server?.close();
});

test('sequential calls reuse one TLS connection', async () => {
  server = await startTlsServer(pki, okHandler);
  const transport = new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } });
  try {
    for (let i = 0; i < 10; i++) {
      const res = await transport.send({ url: `${server.url}/svc`, headers: { 'content-type': 'application/soap+xml' }, body: SOAP12_OK });
      assert.equal(res.status, 200);
    }
    assert.equal(server.handshakes(), 1);
    assert.equal(server.clientCns.length, 10);
  } finally {
    transport.close();
    await server.close();
  }
});

test('parallel calls open at most maxSockets connections, then reuse them', async () => {
  server = await startTlsServer(pki, (_req, _body, res) => {
    // Hold each answer briefly so the calls overlap.
    setTimeout(() => okHandler(_req, _body, res), 20);
  });
  const transport = new HttpsTransport({
    trust: { caFile: pki.caBundleFile },
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    maxSockets: 2,
  });
  try {
    const batch = (): Promise<unknown> =>
      Promise.all(
        Array.from({ length: 6 }, () => transport.send({ url: `${server.url}/svc`, headers: { 'content-type': 'application/soap+xml' }, body: SOAP12_OK })),
      );
    await batch();
    await batch();
    assert.equal(server.handshakes(), 2);
    assert.equal(server.clientCns.length, 12);
  } finally {
    transport.close();
    await server.close();
  }
});

test('a pooled connection closed by the server is replaced transparently', async () => {
  server = await startTlsServer(pki, okHandler);
  const transport = new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } });
  try {
    assert.equal((await transport.send({ url: `${server.url}/a`, body: SOAP12_OK })).status, 200);
    // The server drops its idle keep-alive connections, as a server-side idle timeout would.
    server.server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await transport.send({ url: `${server.url}/b`, body: SOAP12_OK })).status, 200);
    assert.equal(server.handshakes(), 2);
  } finally {
    transport.close();
    await server.close();
  }
});

test('a reused connection reset before any answer is retried once on a new connection', async () => {
  const perSocket = new WeakMap<object, number>();
  server = await startTlsServer(pki, (req, body, res) => {
    const n = (perSocket.get(req.socket) ?? 0) + 1;
    perSocket.set(req.socket, n);
    // The second request on a connection hits a connection the server is closing: dropped unanswered.
    if (n === 2) req.socket.destroy();
    else okHandler(req, body, res);
  });
  const transport = new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } });
  const noRetry = new HttpsTransport({
    trust: { caFile: pki.caBundleFile },
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    retryOnStaleConnection: false,
  });
  try {
    assert.equal((await transport.send({ url: server.url, body: SOAP12_OK })).status, 200);
    assert.equal((await transport.send({ url: server.url, body: SOAP12_OK })).status, 200);
    assert.equal(server.handshakes(), 2);
    assert.equal(server.clientCns.length, 3, 'the dropped request and its retry both reached the server');

    assert.equal((await noRetry.send({ url: server.url, body: SOAP12_OK })).status, 200);
    await assert.rejects(noRetry.send({ url: server.url, body: SOAP12_OK }), (err: unknown) => {
      assert.ok(err instanceof TransportError);
      assert.equal(err.kind, 'network');
      return true;
    });
  } finally {
    transport.close();
    noRetry.close();
    await server.close();
  }
});

test('two transports do not share connections (each has its own credentials)', async () => {
  server = await startTlsServer(pki, okHandler);
  const a = new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.insiAuto.p12File, passphrase: pki.passphrase } });
  const b = new HttpsTransport({ trust: { caFile: pki.caBundleFile }, credentials: { pfxFile: pki.insiManu.p12File, passphrase: pki.passphrase } });
  try {
    await a.send({ url: server.url, body: SOAP12_OK });
    await b.send({ url: server.url, body: SOAP12_OK });
    await a.send({ url: server.url, body: SOAP12_OK });
    assert.deepEqual(server.clientCns, ['INSI-AUTO', 'INSI-MANU', 'INSI-AUTO']);
    assert.equal(server.handshakes(), 2);
  } finally {
    a.close();
    b.close();
    await server.close();
  }
});
