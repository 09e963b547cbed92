/**
 * The test PKI itself: chains, names, key usages, validity, PKCS#12 files — checked with node's
 * X509Certificate and, independently, with the openssl CLI.
 */
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { opensslCredentials, sharedTestPki, type TestPki } from '../support/pki.js';
import { opensslSkipReason } from './helpers/openssl-server.js';

let pki: TestPki;
before(async () => {
  pki = await sharedTestPki();
});

function x509(pem: string): X509Certificate {
  return new X509Certificate(pem);
}

test('IGC-Santé TEST style CA hierarchy', () => {
  const root = x509(pki.rootCa.certPem);
  const inter = x509(pki.intermediateCa.certPem);
  assert.equal(root.subject, 'C=FR\nO=ASIP-SANTE\nOU=IGC-SANTE TEST\nCN=TEST AC RACINE IGC-SANTE ELEMENTAIRE');
  assert.equal(inter.subject, 'C=FR\nO=ASIP-SANTE\nOU=IGC-SANTE TEST\nCN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS');
  assert.equal(pki.intermediateCa.subject, 'CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,O=ASIP-SANTE,C=FR');
  assert.ok(root.ca && inter.ca);
  assert.ok(root.verify(root.publicKey), 'root is self-signed');
  assert.ok(inter.checkIssued(root) && inter.verify(root.publicKey));
  assert.equal(pki.caBundlePem, pki.rootCa.certPem + pki.intermediateCa.certPem);
  assert.equal(readFileSync(pki.caBundleFile, 'utf8'), pki.caBundlePem);
});

test('leaf certificates: issuer, names, usages', () => {
  const inter = x509(pki.intermediateCa.certPem);
  const leaves = [pki.server, pki.serverWrongHost, pki.orgAuth, pki.insiAuto, pki.insiManu, pki.orgSign, pki.cps, pki.expiredClient];
  for (const leaf of leaves) {
    const c = x509(leaf.certPem);
    assert.ok(c.checkIssued(inter) && c.verify(inter.publicKey), leaf.name);
    assert.equal(c.ca, false);
    assert.equal(leaf.chainPem, leaf.certPem + pki.intermediateCa.certPem);
    assert.ok(createPrivateKey(leaf.keyPem).asymmetricKeyDetails?.modulusLength === 2048);
    assert.ok(c.checkPrivateKey(createPrivateKey(leaf.keyPem)), `${leaf.name} key matches`);
  }
  assert.equal(x509(pki.server.certPem).subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
  assert.ok(x509(pki.server.certPem).checkHost('localhost'));
  assert.ok(x509(pki.server.certPem).checkIP('127.0.0.1'));
  assert.equal(x509(pki.serverWrongHost.certPem).checkHost('localhost'), undefined);
  assert.deepEqual(x509(pki.server.certPem).keyUsage, ['1.3.6.1.5.5.7.3.1']);
  for (const leaf of [pki.orgAuth, pki.insiAuto, pki.insiManu, pki.cps]) assert.deepEqual(x509(leaf.certPem).keyUsage, ['1.3.6.1.5.5.7.3.2'], leaf.name);
  assert.equal(x509(pki.orgSign.certPem).keyUsage, undefined, 'ORG_SIGN has no extended key usage (not for TLS)');
  assert.match(x509(pki.insiAuto.certPem).subject, /\nCN=INSI-AUTO$/);
  assert.match(x509(pki.insiManu.certPem).subject, /\nCN=INSI-MANU$/);
  assert.match(x509(pki.orgAuth.certPem).subject, /OU=VOLET-TEST-0001/);
  assert.match(x509(pki.cps.certPem).subject, /OU=Médecin\nGN=TEST\nSN=DOC\nCN=899700000001$/);
});

test('validity: leaves valid now, the expired client certificate ended before now', () => {
  const now = Date.now();
  for (const leaf of [pki.server, pki.orgAuth, pki.cps]) {
    const c = x509(leaf.certPem);
    assert.ok(Date.parse(c.validFrom) < now && Date.parse(c.validTo) > now, leaf.name);
  }
  assert.ok(Date.parse(x509(pki.expiredClient.certPem).validTo) < now);
  assert.ok(pki.expiredClient.notAfter.getTime() < now);
});

test('the unknown-CA client certificate chains to the unknown CA only', () => {
  const unknown = x509(pki.unknownCa.certPem);
  const leaf = x509(pki.unknownCaClient.certPem);
  assert.ok(leaf.checkIssued(unknown) && leaf.verify(unknown.publicKey));
  assert.equal(leaf.checkIssued(x509(pki.intermediateCa.certPem)), false);
});

test('PKCS#12 files load in node with the passphrase; keys are private files', () => {
  for (const leaf of [pki.server, pki.orgAuth, pki.insiAuto, pki.orgSign, pki.cps]) {
    assert.doesNotThrow(() => createSecureContext({ pfx: readFileSync(leaf.p12File), passphrase: pki.passphrase }), leaf.name);
    assert.equal(statSync(leaf.keyFile).mode & 0o077, 0, `${leaf.name} key file is not group/world readable`);
  }
});

test('openssl verifies every chain and reads the PKCS#12 files (independent check)', { skip: opensslSkipReason() }, () => {
  const ok = spawnSync(
    'openssl',
    ['verify', '-CAfile', pki.caBundleFile, pki.server.certFile, pki.orgAuth.certFile, pki.insiAuto.certFile, pki.orgSign.certFile, pki.cps.certFile],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const strict = spawnSync('openssl', ['verify', '-x509_strict', '-purpose', 'sslclient', '-CAfile', pki.caBundleFile, pki.orgAuth.certFile], {
    encoding: 'utf8',
  });
  assert.equal(strict.status, 0, strict.stdout + strict.stderr);
  const expired = spawnSync('openssl', ['verify', '-CAfile', pki.caBundleFile, pki.expiredClient.certFile], { encoding: 'utf8' });
  assert.notEqual(expired.status, 0);
  assert.match(expired.stdout + expired.stderr, /certificate has expired/);
  const p12 = spawnSync('openssl', ['pkcs12', '-in', pki.insiManu.p12File, '-passin', `pass:${pki.passphrase}`, '-nokeys', '-clcerts'], { encoding: 'utf8' });
  assert.equal(p12.status, 0, p12.stderr);
  assert.match(p12.stdout, /subject=.*CN = INSI-MANU/);
});

test('the openssl-made signing credentials chain to the same CAs; the unrelated one does not', { skip: opensslSkipReason() }, async () => {
  const made = await opensslCredentials();
  const verify = (...files: string[]) => spawnSync('openssl', ['verify', '-CAfile', pki.caBundleFile, ...files], { encoding: 'utf8' });
  const ok = verify(made.org.certFile, made.cps.certFile);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.notEqual(verify(made.other.certFile).status, 0);
  for (const c of [made.org, made.cps, made.other]) {
    assert.ok(x509(c.certPem).checkPrivateKey(createPrivateKey(c.keyPem)));
    assert.deepEqual(readFileSync(c.certDerFile), x509(c.certPem).raw);
  }
  assert.notEqual(made.org.keyPem, made.other.keyPem);
  assert.equal(made.caCertPem, pki.intermediateCa.certPem);
});
