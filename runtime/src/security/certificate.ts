/**
 * Certificate encodings: PEM ⇄ DER, and the few facts the assertion builders need.
 */
import { X509Certificate, type KeyObject } from 'node:crypto';
import { SecurityError } from './errors.js';
import { subjectDn } from './distinguished-name.js';

const PEM_CERT = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----/g;

/** DER bytes of every `CERTIFICATE` block of a PEM text, in order. */
export function pemCertificates(pem: string): Buffer[] {
  return [...pem.matchAll(PEM_CERT)].map((m) => Buffer.from(m[1].replace(/\s+/g, ''), 'base64'));
}

/** PEM text of one DER certificate (64-character lines). */
export function certificateToPem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/.{1,64}/g, '$&\n')}-----END CERTIFICATE-----\n`;
}

/**
 * DER bytes of a certificate given as DER bytes, PEM text/bytes or bare base64 (the form of
 * `ds:X509Certificate`). With several PEM blocks the first one is taken (the leaf, by convention).
 */
export function certificateDer(input: string | Uint8Array): Buffer {
  const text = typeof input === 'string' ? input : input[0] === 0x30 ? undefined : Buffer.from(input).toString('latin1');
  let der: Buffer | undefined;
  if (text === undefined) der = Buffer.from(input as Uint8Array);
  else if (text.includes('-----BEGIN')) der = pemCertificates(text)[0];
  else if (/^[A-Za-z0-9+/=\s]+$/.test(text)) der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  if (!der || der.length === 0) throw new SecurityError('key-unreadable', 'certificate: no certificate found (expected DER, PEM or base64)');
  try {
    new X509Certificate(der);
  } catch (cause) {
    throw new SecurityError('key-unreadable', 'certificate: not a readable X.509 certificate', { cause });
  }
  return der;
}

/** The signer's certificate, in both encodings, with the subject DN the assertions use as `Issuer`. */
export interface SignerCertificate {
  /** DER encoding. */
  readonly der: Uint8Array;
  /** PEM encoding. */
  readonly pem: string;
  /** Subject DN in RFC 4514 form (see `subjectDn`). */
  readonly subjectDn: string;
}

/** Builds a {@link SignerCertificate} from DER bytes. */
export function signerCertificate(der: Uint8Array): SignerCertificate {
  return { der, pem: certificateToPem(der), subjectDn: subjectDn(der) };
}

/** Throws `key-certificate-mismatch` unless `publicKeyOfKey` is the certificate's public key. */
export function assertKeyMatchesCertificate(publicKeyOfKey: KeyObject, der: Uint8Array): void {
  const certKey = new X509Certificate(der).publicKey;
  const a = publicKeyOfKey.export({ type: 'spki', format: 'der' });
  const b = certKey.export({ type: 'spki', format: 'der' });
  if (!a.equals(b)) throw new SecurityError('key-certificate-mismatch', 'the private key does not belong to the certificate');
}
