/**
 * Requests queued behind `maxSockets`: the agent hands them a pooled socket that is already
 * connected, without marking it reused. They must not wait for a handshake that already happened
 * (the connect timer would cut a slow answer short) nor leave a listener on the socket per call.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { HttpsTransport } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { okHandler, startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';

let pki: TestPki;
let server: TestServer | undefined;

before(async () => {
  pki = await sharedTestPki();
});
after(async () => {
  await server?.close();
});

/** A transport with one connection (`maxSockets: 1`), trusting the test CA, with a client certificate. */
function oneSocket(options: { connectTimeoutMs?: number } = {}): HttpsTransport {
  return new HttpsTransport({
    trust: { caFile: pki.caBundleFile },
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    maxSockets: 1,
    ...options,
    proxy: false,
  });
}

test('a queued request on a connected socket is not cut by the connect timeout while its answer is slow', async () => {
  let n = 0;
  server = await startTlsServer(pki, (req, body, res) => {
    // The first answer comes at once; the second one after longer than the connect timeout.
    const delay = n++ === 0 ? 0 : 600;
    setTimeout(() => okHandler(req, body, res), delay);
  });
  const transport = oneSocket({ connectTimeoutMs: 250 });
  try {
    const send = (): Promise<number> => transport.send({ url: `${server!.url}/svc`, body: SOAP12_OK }).then((r) => r.status);
    // Both start together: the second waits in the agent's queue for the first one's socket.
    assert.deepEqual(await Promise.all([send(), send()]), [200, 200]);
    assert.equal(server.handshakes(), 1);
  } finally {
    transport.close();
    await server.close();
  }
});

test('a request that waits in the pool queue longer than connectTimeoutMs is not failed as a connect timeout', async () => {
  // connectTimeoutMs bounds connecting, not queueing: with one socket and answers of 200 ms, the third
  // request waits about 400 ms for the socket, longer than the 250 ms connect limit.
  server = await startTlsServer(pki, (req, body, res) => setTimeout(() => okHandler(req, body, res), 200));
  const transport = oneSocket({ connectTimeoutMs: 250 });
  try {
    const send = (): Promise<number> => transport.send({ url: `${server!.url}/svc`, body: SOAP12_OK }).then((r) => r.status);
    assert.deepEqual(await Promise.all([send(), send(), send()]), [200, 200, 200]);
    assert.equal(server.handshakes(), 1);
  } finally {
    transport.close();
    await server.close();
  }
});

test('many requests queued behind one socket leave no listener behind (no MaxListenersExceededWarning)', async () => {
  server = await startTlsServer(pki, okHandler);
  const warnings: string[] = [];
  const onWarning = (w: Error): void => {
    warnings.push(`${w.name}: ${w.message}`);
  };
  process.on('warning', onWarning);
  const transport = oneSocket();
  try {
    const statuses = await Promise.all(Array.from({ length: 40 }, () => transport.send({ url: `${server!.url}/svc`, body: SOAP12_OK }).then((r) => r.status)));
    assert.equal(statuses.filter((s) => s === 200).length, 40);
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(
      warnings.filter((w) => w.includes('MaxListeners')),
      [],
    );
  } finally {
    process.off('warning', onWarning);
    transport.close();
    await server.close();
  }
});

test('pool limits are checked when the transport is built', () => {
  for (const bad of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => new HttpsTransport({ maxSockets: bad, proxy: false }), /maxSockets must be a whole number of connections/);
    assert.throws(() => new HttpsTransport({ maxFreeSockets: bad, proxy: false }), /maxFreeSockets must be a whole number of connections/);
  }
});
