import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createSecureContext } from 'node:tls';
import { verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { createPemSigner, createPkcs12Signer, loadPemSigner, loadPkcs12Signer, SecurityError, type Signer } from '@volet/runtime';
import { assertPkcs12UsableByNode, buildVihf, pkcs12ToPem, readPkcs12, verifyAssertionSignature } from '@volet/runtime/security';
import { opensslCredentials, type OpensslCredentials } from '../support/pki.js';
import { hasTool, openssl, toolsSkipReason, xmlsecVerify } from './tools.js';

/** Signing credentials made with openssl (only when it is installed: the suites skip otherwise). */
let pki: OpensslCredentials;
before(async () => {
  if (hasTool('openssl', 'version')) pki = await opensslCredentials();
});

const skip = toolsSkipReason('openssl', 'xmlsec1');
const PASS = 'p12-Secret!42';

async function assertSignsFor(signer: Signer, certPem: string): Promise<void> {
  const data = Buffer.from('<SignedInfo>données</SignedInfo>');
  const sig256 = await signer.sign(data, 'RSA-SHA256');
  const sig1 = await signer.sign(data, 'RSA-SHA1');
  const publicKey = new X509Certificate(certPem).publicKey;
  assert.equal(cryptoVerify('sha256', data, publicKey, sig256), true);
  assert.equal(cryptoVerify('sha1', data, publicKey, sig1), true);
  assert.equal(cryptoVerify('sha256', Buffer.from('other'), publicKey, sig256), false);
}

function isCode(code: string, ...forbidden: string[]) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof SecurityError, String(e));
    assert.equal(e.code, code, e.message);
    for (const f of forbidden) assert.ok(!e.message.includes(f), `message must not contain ${f}`);
    return true;
  };
}

describe('PEM signer', { skip }, () => {
  test('plain PKCS#8 key + certificate: signs RSA-SHA256 and RSA-SHA1, exposes DER/PEM/DN', async () => {
    const signer = createPemSigner({ key: pki.org.keyPem, certificate: pki.org.certPem });
    await assertSignsFor(signer, pki.org.certPem);
    assert.deepEqual(Buffer.from(signer.certificate.der), readFileSync(pki.org.certDerFile));
    assert.equal(signer.subjectDn, 'CN=Cachet VOLET TEST,OU=10B0127189,O=CENTRE DE SANTE VOLET,ST=Rhône (69),C=FR');
    const fromFiles = await loadPemSigner({ keyFile: pki.org.keyFile, certificateFile: pki.org.certDerFile });
    await assertSignsFor(fromFiles, pki.org.certPem);
  });

  test('encrypted key: right passphrase works; wrong or missing passphrase is a clear error without the passphrase', async () => {
    const encrypted = openssl(['pkcs8', '-topk8', '-in', pki.org.keyFile, '-v2', 'aes-256-cbc', '-passout', `pass:${PASS}`]);
    await assertSignsFor(createPemSigner({ key: encrypted, passphrase: PASS, certificate: pki.org.certPem }), pki.org.certPem);
    assert.throws(
      () => createPemSigner({ key: encrypted, passphrase: 'wrong-pass', certificate: pki.org.certPem }),
      isCode('bad-passphrase', 'wrong-pass', PASS),
    );
    assert.throws(() => createPemSigner({ key: encrypted, certificate: pki.org.certPem }), isCode('bad-passphrase'));
  });

  test('mismatched key and certificate, non-RSA key, garbage', () => {
    assert.throws(() => createPemSigner({ key: pki.other.keyPem, certificate: pki.org.certPem }), isCode('key-certificate-mismatch'));
    const ecKey = openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']);
    assert.throws(() => createPemSigner({ key: ecKey, certificate: pki.org.certPem }), isCode('unsupported-key'));
    assert.throws(() => createPemSigner({ key: 'not a key', certificate: pki.org.certPem }), isCode('key-unreadable'));
    assert.throws(() => createPemSigner({ key: pki.org.keyPem, certificate: 'not a certificate' }), isCode('key-unreadable'));
  });
});

describe('PKCS#12 signer', { skip }, () => {
  const variants = {
    'AES-256/PBKDF2 (OpenSSL 3 default)': [],
    '3DES/SHA-1 MAC': ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
    'legacy RC2-40': ['-legacy'],
  } as const;

  function makeP12(name: string, extra: readonly string[]): Buffer | undefined {
    const out = pki.file(`${name.replace(/\W+/g, '_')}.p12`);
    try {
      openssl([
        'pkcs12',
        '-export',
        '-inkey',
        pki.org.keyFile,
        '-in',
        pki.org.certFile,
        '-certfile',
        pki.caCertFile,
        '-out',
        out,
        '-passout',
        `pass:${PASS}`,
        ...extra,
      ]);
    } catch {
      return undefined;
    }
    return readFileSync(out);
  }

  for (const [name, args] of Object.entries(variants)) {
    test(`${name}: key extracted with forge, certificate and chain recovered byte for byte, signature verifies in xmlsec1`, async (t) => {
      const pfx = makeP12(name, args);
      if (!pfx) {
        t.skip(`openssl cannot write ${name} files here (legacy provider missing)`);
        return;
      }
      const contents = readPkcs12(pfx, PASS);
      assert.deepEqual(contents.certificate, readFileSync(pki.org.certDerFile));
      assert.equal(contents.chain.length, 1);
      assert.equal(new X509Certificate(contents.chain[0]).subject, new X509Certificate(pki.caCertPem).subject);
      const signer = createPkcs12Signer({ pfx, passphrase: PASS });
      await assertSignsFor(signer, pki.org.certPem);
      const token = await buildVihf(
        {
          mode: 'INDIRECTE',
          nameId: '899900063480',
          subjectId: 'MAX LIBRE',
          structureId: '10B0127189',
          sector: 'SA07^1.2.250.1.71.4.2.4',
          roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7' }],
          lpsName: 'volet',
          lpsVersion: '1',
          homologationDmp: 'X',
        },
        { signer },
      );
      const x = xmlsecVerify(pki.file(`${name.replace(/\W+/g, '_')}.vihf.xml`, token), pki.org.certFile);
      assert.ok(x.ok, x.output);
      assert.equal(verifyAssertionSignature(token, { trustedCertificates: [pki.caCertPem] }).valid, true);
      assert.throws(() => createPkcs12Signer({ pfx, passphrase: 'not-the-pass' }), isCode('bad-passphrase', 'not-the-pass', PASS));
    });
  }

  test("node's own TLS stack: AES/3DES accepted; RC2 refused with a clear pkcs12-legacy-encryption error", (t) => {
    const aes = makeP12('node-aes', []);
    const rc2 = makeP12('node-rc2', ['-legacy']);
    assert.ok(aes);
    assertPkcs12UsableByNode(aes, PASS);
    assert.throws(() => assertPkcs12UsableByNode(aes, 'nope'), isCode('bad-passphrase', 'nope'));
    if (!rc2) {
      t.skip('openssl cannot write RC2 files here');
      return;
    }
    let nodeAcceptsRc2 = true;
    try {
      createSecureContext({ pfx: rc2, passphrase: PASS });
    } catch {
      nodeAcceptsRc2 = false;
    }
    if (nodeAcceptsRc2) {
      t.skip('this node accepts RC2 PKCS#12 (legacy provider enabled): nothing to diagnose');
      return;
    }
    assert.throws(
      () => assertPkcs12UsableByNode(rc2, PASS),
      (e: unknown) => isCode('pkcs12-legacy-encryption')(e) && /re-encrypt|pkcs12ToPem/.test((e as Error).message),
    );
    // The forge path still reads it, and pkcs12ToPem gives node something it accepts.
    const pem = pkcs12ToPem(rc2, PASS);
    createSecureContext({ key: pem.key, cert: pem.certificate });
    assert.match(pem.chain, /BEGIN CERTIFICATE/);
  });

  test('file loader, garbage, key-less file', async () => {
    const pfx = makeP12('loader', []);
    assert.ok(pfx);
    const file = pki.file('loader-copy.p12', pfx);
    await assertSignsFor(await loadPkcs12Signer({ file, passphrase: PASS }), pki.org.certPem);
    assert.throws(() => createPkcs12Signer({ pfx: Buffer.from('garbage'), passphrase: PASS }), isCode('pkcs12-unreadable'));
    const certOnly = pki.file('cert-only.p12');
    openssl(['pkcs12', '-export', '-nokeys', '-in', pki.org.certFile, '-out', certOnly, '-passout', `pass:${PASS}`]);
    assert.throws(() => createPkcs12Signer({ pfx: readFileSync(certOnly), passphrase: PASS }), isCode('pkcs12-unreadable'));
  });
});
