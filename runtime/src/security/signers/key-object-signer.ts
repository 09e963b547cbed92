/**
 * A signer over a node:crypto private key held in memory (PEM and PKCS#12 files end up here).
 */
import { createPublicKey, sign as cryptoSign, type KeyObject } from 'node:crypto';
import { assertKeyMatchesCertificate, signerCertificate } from '../certificate.js';
import { SecurityError } from '../errors.js';
import type { SignatureAlgorithmName, Signer } from './signer.js';

const HASH: Readonly<Record<SignatureAlgorithmName, string>> = { 'RSA-SHA256': 'sha256', 'RSA-SHA1': 'sha1' };

/**
 * Wraps an RSA private key and its certificate as a {@link Signer}. Checks that the key is RSA and
 * belongs to the certificate, so a mismatched pair fails here rather than at the server.
 */
export function keyObjectSigner(privateKey: KeyObject, certificateDer: Uint8Array): Signer {
  if (privateKey.type !== 'private') throw new SecurityError('key-unreadable', 'expected a private key');
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new SecurityError('unsupported-key', `unsupported key type ${String(privateKey.asymmetricKeyType)}: RSA keys only`);
  }
  assertKeyMatchesCertificate(createPublicKey(privateKey), certificateDer);
  const certificate = signerCertificate(certificateDer);
  return {
    certificate,
    subjectDn: certificate.subjectDn,
    sign(data: Uint8Array, algorithm: SignatureAlgorithmName): Promise<Uint8Array> {
      const hash = HASH[algorithm];
      if (!hash) return Promise.reject(new SecurityError('unsupported-algorithm', 'unsupported signature algorithm'));
      try {
        return Promise.resolve(cryptoSign(hash, data, privateKey));
      } catch (cause) {
        return Promise.reject(new SecurityError('signature-failed', 'signing with the private key failed', { cause }));
      }
    },
    close: () => Promise.resolve(),
  };
}
