/**
 * The signer abstraction: whatever holds the private key (a file, a PKCS#11 token, a CPS card)
 * signs bytes; the XML-DSig code never sees the key.
 */
import type { SignerCertificate } from '../certificate.js';

/** RSA PKCS#1 v1.5 signature algorithms, named as node:crypto names them. */
export type SignatureAlgorithmName = 'RSA-SHA256' | 'RSA-SHA1';

/** Something that signs with a private key bound to a certificate. */
export interface Signer {
  /** The signing certificate (DER, PEM, subject DN). */
  readonly certificate: SignerCertificate;
  /** Shortcut for `certificate.subjectDn`: the RFC 4514 subject DN. */
  readonly subjectDn: string;
  /**
   * Signs `data` (the message, not a digest: hashing is part of the algorithm) and resolves to
   * the raw signature bytes. Rejects with a `SecurityError`; never with key material or PIN.
   */
  sign(data: Uint8Array, algorithm: SignatureAlgorithmName): Promise<Uint8Array>;
  /** Releases resources (PKCS#11 session, login). Idempotent; file-based signers do nothing. */
  close(): Promise<void>;
}

/** XML-DSig URIs of the supported signature algorithms. */
export const SIGNATURE_ALGORITHM_URI: Readonly<Record<SignatureAlgorithmName, string>> = {
  'RSA-SHA256': 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'RSA-SHA1': 'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
};

/** XML-DSig digest URIs paired with each signature algorithm. */
export const DIGEST_ALGORITHM_URI: Readonly<Record<SignatureAlgorithmName, string>> = {
  'RSA-SHA256': 'http://www.w3.org/2001/04/xmlenc#sha256',
  'RSA-SHA1': 'http://www.w3.org/2000/09/xmldsig#sha1',
};
