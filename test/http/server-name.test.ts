/**
 * The TLS server name (SNI) HttpsTransport sends, and the name the server's certificate must hold:
 * always the endpoint URL's host name (none for an IP address), whatever Host header the caller
 * gives. Checked at a real TLS server, from what it received.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TLSSocket } from 'node:tls';
import { HttpsTransport, TransportError } from '@volet/runtime/http';
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

test("a caller's Host header changes neither the server name nor the name the certificate must hold", async () => {
  // node:https alone would send no server name here (the Host header is an IP address) and, for a
  // Host header naming a host, would check the certificate against that name.
  for (const host of [`127.0.0.1:${server.port}`, `other.example:${server.port}`, `localhost:${server.port}`]) {
    seen.length = 0;
    const t = transport();
    try {
      const response = await t.send({ url: `https://localhost:${server.port}/svc`, headers: { Host: host }, body: SOAP12_OK });
      assert.equal(response.status, 200, host);
      assert.deepEqual(seen, ['localhost'], host);
    } finally {
      t.close();
    }
  }
});

test('attack: a Host header naming the host a rogue certificate is valid for does not get that certificate accepted', async () => {
  // The server at localhost presents a certificate valid only for wrong-host.invalid (issued by the
  // trusted CA). A Host header naming wrong-host.invalid used to make node check the certificate
  // against that name, and the call went through.
  const rogue = await startTlsServer(pki, okHandler, { certificate: pki.serverWrongHost });
  const t = transport();
  try {
    const err = await t.send({ url: `https://localhost:${rogue.port}/svc`, headers: { host: 'wrong-host.invalid' }, body: SOAP12_OK }).then(
      () => assert.fail('the certificate was accepted'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof TransportError, String(err));
    assert.equal(err.kind, 'tls');
    assert.equal(err.reason, 'hostname-mismatch');
    assert.equal(rogue.clientCns.length, 0, 'no request reached the server');
  } finally {
    t.close();
    await rogue.close();
  }
});
