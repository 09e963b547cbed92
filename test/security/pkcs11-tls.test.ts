import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { pkcs11EngineTlsOptions, pkcs11Uri } from '@volet/runtime/security';
import { createSoftHsmToken, SOFTHSM_MODULE, softHsmSkipReason, type SoftHsmToken } from '../support/softhsm.js';
import { opensslCredentials, type OpensslCredentials } from '../support/pki.js';
import { hasTool, toolsSkipReason } from './tools.js';

/** Signing credentials made with openssl (only when it is installed: the suites skip otherwise). */
let pki: OpensslCredentials;
before(async () => {
  if (hasTool('openssl', 'version')) pki = await opensslCredentials();
});

const ENGINE = '/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so';
const skip =
  toolsSkipReason('openssl') ||
  softHsmSkipReason() ||
  (existsSync(ENGINE) ? false : `TLS-with-token test skipped: OpenSSL pkcs11 engine ${ENGINE} missing (apt-get install libengine-pkcs11-openssl)`);
if (skip) console.log(`# ${skip}`);

let token: SoftHsmToken | undefined;
after(() => token?.cleanup());

describe('pkcs11: URIs', () => {
  test('RFC 7512 encoding', () => {
    assert.equal(pkcs11Uri({ token: 'CPS de M. X', object: 'Signature', type: 'private' }), 'pkcs11:token=CPS%20de%20M.%20X;object=Signature;type=private');
    assert.equal(pkcs11Uri({ id: '01a2', pinValue: '12;34' }), 'pkcs11:id=%01%a2?pin-value=12%3B34');
    assert.throws(() => pkcs11Uri({ id: 'xyz' }), /hex/);
  });
});

describe('mutual TLS with the client key inside a SoftHSM2 token (OpenSSL pkcs11 engine)', { skip }, () => {
  test('the server sees the client certificate; the handshake signed in the token', async () => {
    token = createSoftHsmToken();
    token.importKey({ keyPemFile: pki.org.keyFile, label: 'tls-auth', id: '05' });
    const server = https.createServer(
      { key: pki.pki.server.keyPem, cert: pki.pki.server.chainPem, ca: pki.pki.caBundlePem, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.end(String(peer.subject?.CN));
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const agent = new https.Agent({
        ...pkcs11EngineTlsOptions({ module: SOFTHSM_MODULE, token: token.label, keyLabel: 'tls-auth', pin: token.pin, engine: ENGINE }),
        cert: pki.org.certPem,
        ca: pki.pki.caBundlePem,
      });
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get({ host: 'localhost', port: (server.address() as AddressInfo).port, agent, path: '/' }, (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(text));
          })
          .on('error', reject);
      });
      assert.equal(body, 'Cachet VOLET TEST');
      agent.destroy();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
