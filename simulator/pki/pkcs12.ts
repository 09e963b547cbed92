/**
 * PKCS#12 files for the test PKI, written with node-forge (node:crypto cannot write PKCS#12).
 * AES-256/PBKDF2 bags with a SHA-1 MAC: what current OpenSSL and Windows produce, and what node's
 * `tls.createSecureContext({ pfx })` reads without the legacy provider.
 */
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';

/**
 * DER bytes of a PKCS#12 holding `privateKey`, its certificate and the chain above it.
 * @param privateKey - the RSA private key
 * @param certPems - the leaf certificate first, then its issuers
 * @param passphrase - protects the key bag and the MAC
 * @param friendlyName - the bag's friendlyName (shown by certificate stores)
 */
export function buildPkcs12(privateKey: KeyObject, certPems: readonly string[], passphrase: string, friendlyName: string): Buffer {
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certs = certPems.map((pem) => forge.pki.certificateFromPem(pem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, passphrase, {
    algorithm: 'aes256',
    friendlyName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
