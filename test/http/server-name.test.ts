/**
 * The TLS server name (SNI) HttpsTransport sends: the transport works it out once per endpoint, the
 * way node:https does for every request — the URL's host name, none for an IP address, and the Host
 * header's name when the caller gives one. Checked at a real TLS server, from what it received.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { HttpsTransport } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { okHandler, startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';

let pki: TestPki;
let server: TestServer;
/** The server name each request's connection announced (false: none). */
const seen: (string | false | null)[] = [];

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, (req, body, res) => {
    seen.push((req.socket as TLSSocket).servername);
    okHandler(req, body, res);
  });
});
after(async () => {
  await server.close();
});

function transport(): HttpsTransport {
  return new HttpsTransport({
    trust: { caFile: pki.caBundleFile },
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    proxy: false,
  });
}

test('a host name is sent as the server name, on every request of a pooled connection', async () => {
  seen.length = 0;
  const t = transport();
  try {
    for (let i = 0; i < 3; i++) assert.equal((await t.send({ url: `https://localhost:${server.port}/svc`, body: SOAP12_OK })).status, 200);
    assert.deepEqual(seen, ['localhost', 'localhost', 'localhost']);
    assert.equal(server.handshakes() >= 1, true);
  } finally {
    t.close();
  }
});

test('an IP address is not sent as a server name', async () => {
  seen.length = 0;
  const t = transport();
  try {
    assert.equal((await t.send({ url: `https://127.0.0.1:${server.port}/svc`, body: SOAP12_OK })).status, 200);
    assert.deepEqual(seen, [false]);
  } finally {
    t.close();
  }
});

test("a caller's Host header decides the server name, as node:https does", async () => {
  seen.length = 0;
  const t = transport();
  try {
    // URL host localhost, Host header an IP address: node:https then sends no server name (and still
    // checks the certificate against localhost, which the test certificate names).
    const response = await t.send({ url: `https://localhost:${server.port}/svc`, headers: { Host: `127.0.0.1:${server.port}` }, body: SOAP12_OK });
    assert.equal(response.status, 200);
    assert.deepEqual(seen, [false]);
  } finally {
    t.close();
  }
  // A Host header naming the URL's host: the server name is that host name.
  seen.length = 0;
  const u = transport();
  try {
    const response = await u.send({ url: `https://localhost:${server.port}/svc`, headers: { host: `localhost:${server.port}` }, body: SOAP12_OK });
    assert.equal(response.status, 200);
    assert.deepEqual(seen, ['localhost']);
  } finally {
    u.close();
  }
});
