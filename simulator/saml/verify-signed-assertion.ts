/**
 * Verifies the enveloped signature of an assertion inside a request envelope with the runtime's
 * `verifyAssertionSignature` (trust anchors = the test CA that issues ORG_SIGN and CPS-like
 * certificates). The values the simulators act on are those of the assertion decoded from the
 * `wsse:Security` header: the verifier requires its `ID` to be unique in the whole envelope and
 * the one `Reference` to point at it, so that element is the signed one. (The canonical form the
 * verifier returns cannot be decoded: exclusive c14n drops `xmlns:xs`, which only `xsi:type="xs:string"`
 * values use.)
 */
import { X509Certificate } from 'node:crypto';
import { verifyAssertionSignature, type SignerCertificate, type VerificationFailure } from '@volet/runtime/security';
import type { AssertionType } from '../../generated/schemas/saml2/index.js';

/** Extended key usage OID of TLS client authentication. */
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A verified assertion. */
export interface VerifiedAssertion {
  readonly ok: true;
  readonly certificate: SignerCertificate;
  /** True when the certificate is made for signatures (not an authentication-only certificate). */
  readonly signatureCertificate: boolean;
}

/** Why verification failed, coarsely. */
export interface RejectedAssertion {
  readonly ok: false;
  /** `signature`: absent or wrong; `certificate`: untrusted or expired. */
  readonly kind: 'signature' | 'certificate';
  readonly reason: VerificationFailure;
  /** A message naming the problem, never the content. */
  readonly message: string;
}

const CERTIFICATE_FAILURES: ReadonlySet<VerificationFailure> = new Set(['untrusted-certificate', 'certificate-expired', 'no-certificate']);

/**
 * Verifies the signature of `assertion` (decoded from the header) in `envelope`.
 * @param envelope - the request envelope text, as received
 * @param assertion - the assertion decoded from `wsse:Security`
 * @param trust - PEM certificates of the trusted issuers
 * @param now - the clock (certificate validity)
 */
export function verifySignedAssertion(envelope: string, assertion: AssertionType, trust: readonly string[], now: () => Date): VerifiedAssertion | RejectedAssertion {
  const result = verifyAssertionSignature(envelope, { assertionId: assertion.ID, trustedCertificates: trust, now });
  if (!result.valid) {
    return { ok: false, kind: CERTIFICATE_FAILURES.has(result.reason) ? 'certificate' : 'signature', reason: result.reason, message: result.message };
  }
  let signatureCertificate = true;
  try {
    const eku = new X509Certificate(result.certificate.der).keyUsage;
    // An authentication certificate (ORG_AUTH_CLI, CPS authentication key) only lists clientAuth.
    signatureCertificate = !(Array.isArray(eku) && eku.includes(CLIENT_AUTH) && eku.length === 1);
  } catch {
    signatureCertificate = false;
  }
  return { ok: true, certificate: result.certificate, signatureCertificate };
}
