import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { SecurityError } from '@volet/runtime';
import { buildAssertionPs, buildVihf, openPkcs11Signer, verifyAssertionSignature, type Pkcs11SignerOptions } from '@volet/runtime/security';
import { createSoftHsmToken, softHsmSkipReason, type SoftHsmToken } from '../support/softhsm.js';
import { opensslCredentials, type OpensslCredentials } from '../support/pki.js';
import { hasTool, toolsSkipReason, xmlsecVerify } from './tools.js';

/** Signing credentials made with openssl (only when it is installed: the suites skip otherwise). */
let pki: OpensslCredentials;
before(async () => {
  if (hasTool('openssl', 'version')) pki = await opensslCredentials();
});

const skip = toolsSkipReason('openssl', 'xmlsec1') || softHsmSkipReason();
if (skip) console.log(`# ${skip}`);

let token: SoftHsmToken | undefined;
function setup(): SoftHsmToken {
  if (token) return token;
  token = createSoftHsmToken();
  // The CPS-like card key with its certificate on the token; the org key without one.
  token.importKey({ keyPemFile: pki.cps.keyFile, certDerFile: pki.cps.certDerFile, label: 'cps-signature', id: '01' });
  token.importKey({ keyPemFile: pki.org.keyFile, label: 'org-sign', id: '02' });
  return token;
}
after(() => token?.cleanup());

function options(t: SoftHsmToken, extra: Partial<Pkcs11SignerOptions>): Pkcs11SignerOptions {
  return { module: t.module, pin: t.pin, tokenLabel: t.label, ...extra };
}

describe('PKCS#11 signer on a SoftHSM2 token', { skip }, () => {
  test('key found by label, certificate read from the token, RSA-SHA256/SHA1 signatures verify', async () => {
    const t = setup();
    const signer = await openPkcs11Signer(options(t, { keyLabel: 'cps-signature' }));
    try {
      assert.deepEqual(Buffer.from(signer.certificate.der), readFileSync(pki.cps.certDerFile));
      assert.equal(signer.subjectDn, '2.5.4.4=#0c045452414c+2.5.4.42=#0c064144454d4953+CN=899900038839,OU=Médecin,O=TEST,C=FR');
      const data = Buffer.from('signed info');
      const publicKey = new X509Certificate(pki.cps.certPem).publicKey;
      const [s256, s1] = await Promise.all([signer.sign(data, 'RSA-SHA256'), signer.sign(data, 'RSA-SHA1')]);
      assert.equal(cryptoVerify('sha256', data, publicKey, s256), true);
      assert.equal(cryptoVerify('sha1', data, publicKey, s1), true);
    } finally {
      await signer.close();
    }
  });

  test('a VIHF and an assertion PS signed inside the token verify with xmlsec1', async () => {
    const t = setup();
    const card = await openPkcs11Signer(options(t, { keyId: '01' }));
    const org = await openPkcs11Signer(options(t, { keyLabel: 'org-sign', keyId: '02', certificate: pki.org.certPem }));
    try {
      const vihf = await buildVihf(
        {
          mode: 'INDIRECTE',
          nameId: '899900063480',
          subjectId: 'MAX LIBRE',
          structureId: '10B0127189',
          sector: 'SA07^1.2.250.1.71.4.2.4',
          roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7' }],
          patientIns: '207058575627097',
          lpsName: 'volet',
          lpsVersion: '1',
          homologationDmp: 'X',
        },
        { signer: org },
      );
      const v = xmlsecVerify(pki.file('pkcs11-vihf.xml', vihf), pki.org.certFile);
      assert.ok(v.ok, v.output);
      const ps = await buildAssertionPs({ nameId: '899900038839', identifiantFacturation: '123456789', secteurActivite: 'SA05' }, { signer: card });
      const p = xmlsecVerify(pki.file('pkcs11-ps.xml', ps), pki.cps.certFile);
      assert.ok(p.ok, p.output);
      assert.equal(verifyAssertionSignature(ps, { trustedCertificates: [pki.caCertPem] }).valid, true);
    } finally {
      await card.close();
      await org.close();
    }
  });

  test('wrong PIN, unknown key, wrong certificate, unknown token: typed errors that never contain the PIN', async () => {
    const t = setup();
    const badPin = '987654';
    const expectCode =
      (code: string) =>
      (e: unknown): boolean => {
        assert.ok(e instanceof SecurityError, String(e));
        assert.equal(e.code, code, e.message);
        assert.ok(!e.message.includes(badPin) && !e.message.includes(t.pin), 'no PIN in the message');
        return true;
      };
    await assert.rejects(openPkcs11Signer(options(t, { keyLabel: 'cps-signature', pin: badPin })), expectCode('pkcs11-login-failed'));
    await assert.rejects(openPkcs11Signer(options(t, { keyLabel: 'missing' })), expectCode('pkcs11-key-not-found'));
    await assert.rejects(openPkcs11Signer(options(t, { keyLabel: 'org-sign' })), expectCode('pkcs11-key-not-found'));
    await assert.rejects(openPkcs11Signer(options(t, { keyLabel: 'org-sign', certificate: pki.cps.certPem })), expectCode('key-certificate-mismatch'));
    await assert.rejects(openPkcs11Signer(options(t, { keyLabel: 'cps-signature', tokenLabel: 'no-such-token' })), expectCode('pkcs11-token-not-found'));
    await assert.rejects(openPkcs11Signer({ module: t.module, pin: t.pin }), expectCode('invalid-input'));
    await assert.rejects(openPkcs11Signer(options(t, { module: '/nonexistent/libpkcs11.so', keyLabel: 'x' })), expectCode('pkcs11-module'));
    // After all those failures the library still works (sessions were released).
    const signer = await openPkcs11Signer(options(t, { keyLabel: 'cps-signature' }));
    await signer.close();
    await signer.close();
    await assert.rejects(signer.sign(Buffer.from('x'), 'RSA-SHA256'), expectCode('signature-failed'));
  });
});
