/**
 * Trust is exactly what was configured. The client's PKCS#12, made at test time with openssl from
 * the test PKI's organisation certificate, bundles the CA chain that also issued the server's
 * certificate; node's own `pfx` option would make that chain's root a trust anchor (checked here as
 * a control). The transport must refuse that server with no CA configured and with a CA naming
 * another CA, accept it with its CA configured (mutual TLS, the client certificate seen by the
 * server), and keep `verifyServerCertificate` working.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, request as httpsRequest, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { TransportError } from '@volet/runtime';
import { HttpsTransport, type ClientCredentials, type HttpsTransportOptions } from '@volet/runtime/http';
import { openssl, tempDir, toolsSkipReason } from '../security/tools.js';
import { sharedTestPki } from '../support/pki.js';

const skip = toolsSkipReason('openssl');
const PASSPHRASE = 'test-only';
const ISSUER_CN = 'TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS';
const CLIENT_CN = 'VOLET ORG_AUTH_CLI TEST';

interface Files {
  /** The server's CA chain (root + intermediate). */
  caX: string;
  /** Another CA. */
  caY: string;
  clientP12: string;
}

let files: Files;
let server: Server;
let url: string;
const clientCns: string[] = [];

before(async () => {
  if (skip) return;
  const pki = await sharedTestPki();
  const t = tempDir('trust-scope');
  const clientP12 = t.file('client.p12');
  // The client's PKCS#12 bundles the CA chain, as IGC-Santé and most tooling do.
  openssl([
    'pkcs12',
    '-export',
    '-inkey',
    pki.orgAuth.keyFile,
    '-in',
    pki.orgAuth.certFile,
    '-certfile',
    pki.caBundleFile,
    '-out',
    clientP12,
    '-passout',
    `pass:${PASSPHRASE}`,
  ]);
  files = { caX: pki.caBundleFile, caY: pki.unknownCa.certFile, clientP12 };
  server = createServer({ key: pki.server.keyPem, cert: pki.server.chainPem, ca: pki.caBundlePem, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const cn = (req.socket as TLSSocket).getPeerCertificate().subject?.CN;
    if (typeof cn === 'string') clientCns.push(cn);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/soap+xml' });
      res.end('<ok/>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

after(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function send(options: HttpsTransportOptions): Promise<number> {
  const transport = new HttpsTransport(options);
  try {
    return (await transport.send({ url, headers: { 'content-type': 'text/plain' }, body: 'ping' })).status;
  } finally {
    transport.close();
  }
}

async function refusal(options: HttpsTransportOptions): Promise<TransportError> {
  try {
    await send(options);
  } catch (error) {
    assert.ok(error instanceof TransportError, String(error));
    return error;
  }
  assert.fail('the server was trusted');
}

const pfx = (): ClientCredentials => ({ pfxFile: files.clientP12, passphrase: PASSPHRASE });

test("control: node's own pfx option trusts the CA bundled in the PKCS#12 (what the transport must not do)", { skip }, async () => {
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpsRequest(url, { method: 'POST', pfx: readFileSync(files.clientP12), passphrase: PASSPHRASE, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('ping');
  });
  assert.equal(status, 200);
});

test('no CA configured: the server from the CA inside the client PKCS#12 is refused', { skip }, async () => {
  const error = await refusal({ credentials: pfx() });
  assert.equal(error.kind, 'tls');
  assert.equal(error.reason, 'server-certificate-untrusted');
});

test('a CA naming another CA: the server is refused', { skip }, async () => {
  const error = await refusal({ credentials: pfx(), trust: { caFile: files.caY } });
  assert.equal(error.kind, 'tls');
  assert.equal(error.reason, 'server-certificate-untrusted');
  // Same with the PKCS#12 given as bytes.
  const bytes = await refusal({ credentials: { pfx: readFileSync(files.clientP12), passphrase: PASSPHRASE }, trust: { ca: readFileSync(files.caY, 'utf8') } });
  assert.equal(bytes.reason, 'server-certificate-untrusted');
});

test("the server's CA configured: mutual TLS works, the server sees the client certificate from the PKCS#12", { skip }, async () => {
  const before = clientCns.length;
  assert.equal(await send({ credentials: pfx(), trust: { caFile: files.caX } }), 200);
  assert.deepEqual(clientCns.slice(before), [CLIENT_CN]);
});

test('verifyServerCertificate still runs after the configured trust', { skip }, async () => {
  const refused = await refusal({
    credentials: pfx(),
    trust: { caFile: files.caX },
    verifyServerCertificate: (_host, cert) => (cert.issuer.CN === ISSUER_CN ? new Error('pinned issuer refused') : undefined),
  });
  assert.equal(refused.reason, 'server-certificate-untrusted');
  assert.match(refused.message, /refused by verifyServerCertificate/);
  assert.equal(
    await send({
      credentials: pfx(),
      trust: { caFile: files.caX },
      verifyServerCertificate: (_host, cert) => (cert.issuer.CN === ISSUER_CN ? undefined : new Error('unexpected issuer')),
    }),
    200,
  );
});

test('a wrong PKCS#12 passphrase is a one-line credentials error', { skip }, async () => {
  assert.throws(
    () => new HttpsTransport({ credentials: { pfxFile: files.clientP12, passphrase: 'wrong' }, trust: { caFile: files.caX } }),
    (error: unknown) =>
      error instanceof TransportError && error.reason === 'credentials-invalid' && /wrong passphrase/.test(error.message) && !error.message.includes('\n'),
  );
});
