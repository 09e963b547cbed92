/**
 * Mutual TLS against real local HTTPS servers that require client certificates signed by the test CA.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransportError, type TransportResponse } from '@volet/runtime';
import { HttpsTransport, type HttpsTransportOptions } from '@volet/runtime/http';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { okHandler, startTlsServer, SOAP12_OK, type TestServer } from './helpers/tls-server.js';
import { opensslSkipReason, startOpensslServer } from './helpers/openssl-server.js';

let pki: TestPki;
let server: TestServer;

before(async () => {
  pki = await sharedTestPki();
  server = await startTlsServer(pki, okHandler);
});
after(async () => {
  await server.close();
});

async function call(options: HttpsTransportOptions, url = server.url + '/svc'): Promise<TransportResponse> {
  const transport = new HttpsTransport({ trust: { caFile: pki.caBundleFile }, ...options });
  try {
    return await transport.send({ url, headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body: SOAP12_OK });
  } finally {
    transport.close();
  }
}

async function callError(options: HttpsTransportOptions, url?: string): Promise<TransportError> {
  try {
    await call(options, url);
  } catch (err) {
    assert.ok(err instanceof TransportError, `expected a TransportError, got ${String(err)}`);
    return err;
  }
  assert.fail('the call should have failed');
}

test('PKCS#12 client certificate: the call succeeds and the server sees the certificate', async () => {
  const res = await call({ credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } });
  assert.equal(res.status, 200);
  assert.equal(Buffer.from(res.body).toString(), SOAP12_OK);
  assert.equal(res.headers['content-type'], 'application/soap+xml; charset=utf-8');
  assert.equal(server.clientCns.at(-1), 'VOLET ORG_AUTH_CLI TEST');
});

test('PKCS#12 given as bytes, and the INSI-AUTO / INSI-MANU certificates', async () => {
  for (const leaf of [pki.insiAuto, pki.insiManu]) {
    const res = await call({ credentials: { pfx: readFileSync(leaf.p12File), passphrase: pki.passphrase } });
    assert.equal(res.status, 200);
  }
  assert.deepEqual(server.clientCns.slice(-2), ['INSI-AUTO', 'INSI-MANU']);
});

test('PEM key + certificate, from files and from text, including an encrypted key', async () => {
  assert.equal((await call({ credentials: { keyFile: pki.cps.keyFile, certFile: pki.cps.chainFile } })).status, 200);
  const encrypted = createPrivateKey(pki.orgAuth.keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 's3cret' });
  const res = await call({ credentials: { key: encrypted, cert: pki.orgAuth.chainPem, passphrase: 's3cret' } });
  assert.equal(res.status, 200);
  assert.equal(server.clientCns.at(-1), 'VOLET ORG_AUTH_CLI TEST');
});

test('no client certificate: clear tls error', async () => {
  const err = await callError({});
  assert.equal(err.kind, 'tls');
  assert.equal(err.code, 'tls');
  assert.equal(err.reason, 'client-certificate-required');
  assert.match(err.message, /requires a client certificate/);
  assert.match(err.message, /none is configured/);
});

test('no client certificate over TLS 1.2 only: same reason', async () => {
  const err = await callError({ maxVersion: 'TLSv1.2' });
  assert.equal(err.kind, 'tls');
  assert.equal(err.reason, 'client-certificate-required');
});

test('client certificate from an unknown CA, or expired: a node server drops the connection, reported as a refused certificate', async () => {
  for (const leaf of [pki.unknownCaClient, pki.expiredClient]) {
    for (const maxVersion of ['TLSv1.2', 'TLSv1.3'] as const) {
      const err = await callError({ maxVersion, credentials: { pfxFile: leaf.p12File, passphrase: pki.passphrase } });
      assert.equal(err.kind, 'tls', `${leaf.name} ${maxVersion}: ${err.message}`);
      assert.equal(err.reason, 'client-certificate-rejected');
      assert.match(err.message, /refused the client certificate/);
    }
  }
});

test('an OpenSSL server answers with the precise alert: unknown CA, expired, missing certificate', { skip: opensslSkipReason() }, async () => {
  const ossl = await startOpensslServer(pki);
  try {
    const url = `https://localhost:${ossl.port}/`;
    // Control: the valid certificate is accepted (s_server -www answers GET only, so ask with a raw TLS socket).
    const status = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect(
        {
          host: '127.0.0.1',
          port: ossl.port,
          servername: 'localhost',
          ca: pki.caBundlePem,
          pfx: readFileSync(pki.orgAuth.p12File),
          passphrase: pki.passphrase,
        },
        () => socket.end('GET / HTTP/1.0\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('end', () => resolve(text.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    assert.match(status, /^HTTP\/1\.0 200/);
    for (const maxVersion of ['TLSv1.2', 'TLSv1.3'] as const) {
      const unknown = await callError({ maxVersion, credentials: { pfxFile: pki.unknownCaClient.p12File, passphrase: pki.passphrase } }, url);
      assert.equal(unknown.reason, 'client-certificate-unknown-ca', `${maxVersion}: ${unknown.message}`);
      assert.match(unknown.message, /does not trust the CA that issued the client certificate/);
      const expired = await callError({ maxVersion, credentials: { pfxFile: pki.expiredClient.p12File, passphrase: pki.passphrase } }, url);
      assert.equal(expired.reason, 'client-certificate-expired', `${maxVersion}: ${expired.message}`);
      assert.match(expired.message, /expired/);
      const none = await callError({ maxVersion }, url);
      assert.equal(none.reason, 'client-certificate-required', `${maxVersion}: ${none.message}`);
    }
  } finally {
    await ossl.close();
  }
});

test('server certificate from a CA the client does not trust', async () => {
  const err = await callError({
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    trust: { caFile: pki.unknownCa.certFile },
  });
  assert.equal(err.kind, 'tls');
  assert.equal(err.reason, 'server-certificate-untrusted');
  assert.match(err.message, /not trusted/);
});

test('server certificate for another host name: refused (host name verification is always on)', async () => {
  const wrong = await startTlsServer(pki, okHandler, { certificate: pki.serverWrongHost });
  try {
    for (const url of [`https://localhost:${wrong.port}/`, `https://127.0.0.1:${wrong.port}/`]) {
      const err = await callError({ credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } }, url);
      assert.equal(err.kind, 'tls');
      assert.equal(err.reason, 'hostname-mismatch');
      assert.match(err.message, /not valid for this host name/);
      assert.match(err.message, /wrong-host\.invalid/);
    }
    assert.equal(wrong.clientCns.length, 0, 'no request reached the server');
  } finally {
    await wrong.close();
  }
});

test('an IP address matching the certificate SAN is accepted', async () => {
  const res = await call({ credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } }, `https://127.0.0.1:${server.port}/svc`);
  assert.equal(res.status, 200);
});

test('verifyServerCertificate adds a check after host name verification', async () => {
  const err = await callError({
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    verifyServerCertificate: (_host, cert) =>
      cert.issuer.CN === 'TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS' ? new Error('pinned issuer refused') : undefined,
  });
  assert.equal(err.kind, 'tls');
  assert.equal(err.reason, 'server-certificate-untrusted');
  assert.match(err.message, /refused by verifyServerCertificate: pinned issuer refused/);
  const ok = await call({
    credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase },
    verifyServerCertificate: (_host, cert) => (cert.issuer.CN === 'TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS' ? undefined : new Error('unexpected issuer')),
  });
  assert.equal(ok.status, 200);
});

test('TLS 1.2 minimum: a server limited to TLS 1.1 is refused', async (t) => {
  let legacy: TestServer;
  try {
    legacy = await startTlsServer(pki, okHandler, { tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' } });
  } catch (err) {
    t.skip(`OpenSSL refuses to configure a TLS 1.1 server here (${String(err)}); minVersion is asserted below`);
    return;
  }
  try {
    // Control: a permissive client does reach this server over TLS 1.1, so the refusal below is the transport's floor.
    const protocol = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: legacy.port,
          method: 'POST',
          ca: pki.caBundlePem,
          servername: 'localhost',
          pfx: readFileSync(pki.orgAuth.p12File),
          passphrase: pki.passphrase,
          minVersion: 'TLSv1',
          ciphers: 'DEFAULT:@SECLEVEL=0',
          agent: false,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(String((res.socket as import('node:tls').TLSSocket).getProtocol())));
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(protocol, 'TLSv1.1');
    const err = await callError({ credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase } }, `https://localhost:${legacy.port}/`);
    assert.equal(err.kind, 'tls');
    assert.equal(err.reason, 'protocol-version');
    assert.match(err.message, /TLS 1\.2 or later/);
  } finally {
    await legacy.close();
  }
});

test('TLS versions below 1.2 cannot be configured', () => {
  assert.throws(() => new HttpsTransport({ minVersion: 'TLSv1.1' as unknown as 'TLSv1.2' }), TypeError);
});

test('wrong PKCS#12 passphrase fails at construction, without echoing the passphrase', () => {
  assert.throws(
    () => new HttpsTransport({ credentials: { pfxFile: pki.orgAuth.p12File, passphrase: 'not-the-passphrase' } }),
    (err: unknown) => {
      assert.ok(err instanceof TransportError);
      assert.equal(err.reason, 'credentials-invalid');
      assert.match(err.message, /wrong passphrase/);
      assert.doesNotMatch(err.message, /not-the-passphrase/);
      return true;
    },
  );
});

test('missing credential file: typed error naming the file', () => {
  assert.throws(
    () => new HttpsTransport({ credentials: { pfxFile: join(pki.dir, 'absent.p12') } }),
    (err: unknown) => err instanceof TransportError && err.reason === 'credentials-invalid' && /absent\.p12/.test(err.message) && err.systemCode === 'ENOENT',
  );
});

test('a legacy (RC2-40) PKCS#12 that OpenSSL 3 refuses is read through node-forge', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-legacy-'));
  try {
    const out = join(dir, 'legacy.p12');
    const r = spawnSync(
      'openssl',
      ['pkcs12', '-export', '-legacy', '-inkey', pki.orgAuth.keyFile, '-in', pki.orgAuth.chainFile, '-out', out, '-passout', 'pass:' + pki.passphrase],
      { encoding: 'utf8' },
    );
    if (r.error || r.status !== 0) {
      t.skip(`openssl cannot write a legacy PKCS#12 here: ${r.error?.message ?? r.stderr}`);
      return;
    }
    const res = await call({ credentials: { pfxFile: out, passphrase: pki.passphrase } });
    assert.equal(res.status, 200);
    assert.equal(server.clientCns.at(-1), 'VOLET ORG_AUTH_CLI TEST');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('only https: URLs are accepted', async () => {
  const transport = new HttpsTransport({ trust: { caFile: pki.caBundleFile } });
  await assert.rejects(transport.send({ url: `http://localhost:${server.port}/`, body: '' }), TypeError);
  await assert.rejects(transport.send({ url: 'not a url', body: '' }), TypeError);
  transport.close();
});
