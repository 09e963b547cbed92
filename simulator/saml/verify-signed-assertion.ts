/**
 * Verifies the enveloped signature of an assertion inside a request envelope with the runtime's
 * `verifyAssertionSignature` (trust anchors = the test CA that issues ORG_SIGN and CPS-like
 * certificates), then decodes what was actually signed with the generated SAML descriptors: the
 * values the simulators act on come from the signed bytes, not from the document around them.
 */
import { X509Certificate } from 'node:crypto';
import { DecodeError, XmlError, decode, verifyAssertionSignature, type SignerCertificate, type VerificationFailure } from '@volet/runtime';
import { AssertionElement } from '../../generated/insi/descriptors.js';
import type { AssertionType } from '../../generated/insi/types.js';

/** Extended key usage OID of TLS client authentication. */
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A verified assertion. */
export interface VerifiedAssertion {
  readonly ok: true;
  /** The assertion decoded from the signed canonical XML. */
  readonly assertion: AssertionType;
  readonly certificate: SignerCertificate;
  /** True when the certificate is made for signatures (not an authentication-only certificate). */
  readonly signatureCertificate: boolean;
}

/** Why verification failed, coarsely. */
export interface RejectedAssertion {
  readonly ok: false;
  /** `signature`: absent or wrong; `certificate`: untrusted or expired; `shape`: the signed XML is not an assertion the schema accepts. */
  readonly kind: 'signature' | 'certificate' | 'shape';
  readonly reason: VerificationFailure | 'decode';
  /** A message naming the problem, never the content. */
  readonly message: string;
}

const CERTIFICATE_FAILURES: ReadonlySet<VerificationFailure> = new Set(['untrusted-certificate', 'certificate-expired', 'no-certificate']);

/**
 * Verifies the signature of assertion `assertionId` in `envelope`.
 * @param envelope - the request envelope text, as received
 * @param assertionId - the assertion's `ID`
 * @param trust - PEM certificates of the trusted issuers
 * @param now - the clock (certificate validity)
 */
export function verifySignedAssertion(envelope: string, assertionId: string, trust: readonly string[], now: () => Date): VerifiedAssertion | RejectedAssertion {
  const result = verifyAssertionSignature(envelope, { assertionId, trustedCertificates: trust, now });
  if (!result.valid) {
    return { ok: false, kind: CERTIFICATE_FAILURES.has(result.reason) ? 'certificate' : 'signature', reason: result.reason, message: result.message };
  }
  let assertion: AssertionType;
  try {
    assertion = decode(AssertionElement, result.signedXml);
  } catch (error) {
    if (error instanceof DecodeError || error instanceof XmlError) return { ok: false, kind: 'shape', reason: 'decode', message: error.message };
    throw error;
  }
  let signatureCertificate = true;
  try {
    const eku = new X509Certificate(result.certificate.der).keyUsage;
    // An authentication certificate (ORG_AUTH_CLI, CPS authentication key) only lists clientAuth.
    signatureCertificate = !(Array.isArray(eku) && eku.includes(CLIENT_AUTH) && eku.length === 1);
  } catch {
    signatureCertificate = false;
  }
  return { ok: true, assertion, certificate: result.certificate, signatureCertificate };
}
