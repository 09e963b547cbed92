/**
 * The simulators' one way to read the assertion of a request: the runtime's
 * `verifyAssertionSignature` locates it (the only assertion of the only `wsse:Security`), checks
 * its ID and signature, and hands back the assertion rebuilt from the bytes the signature covers;
 * that text is decoded here with the generated SAML descriptor (strictly, as the DMP's JAXB does).
 * The simulators act on this decoded value only, never on their own decoding of the header.
 */
import { DecodeError, XmlError } from '@volet/runtime';
import { decode } from '@volet/runtime/codec';
import { verifyAssertionSignature, type SignatureDetails, type VerificationFailure, type VerifiedAssertion } from '@volet/runtime/security';
import { AssertionElement, type AssertionType } from '../../generated/schemas/saml2/index.js';
import { missingAssertionPart } from './assertion-shape.js';

/** An assertion that passed verification (or, when allowed, an unsigned one that passed the location checks). */
export interface AcceptedAssertion {
  readonly ok: true;
  /** The assertion decoded from the verified bytes. */
  readonly assertion: AssertionType;
  /** The runtime's verified view (ID, covered XML, times). */
  readonly verified: VerifiedAssertion;
  /** The signature, undefined for an accepted unsigned assertion. */
  readonly signature: SignatureDetails | undefined;
}

/** Why the assertion was refused, coarsely. */
export interface RejectedAssertion {
  readonly ok: false;
  /**
   * `missing`: no assertion where one is expected; `invalid`: several, a wrapping shape, or not
   * a schema-valid assertion; `signature`: absent or wrong; `certificate`: untrusted or expired.
   */
  readonly kind: 'missing' | 'invalid' | 'signature' | 'certificate';
  readonly reason: VerificationFailure | 'schema';
  /** A message naming the problem, never the content. */
  readonly message: string;
}

/** Options of {@link verifyHeaderAssertion}. */
export interface HeaderAssertionOptions {
  /** PEM certificates of the trusted issuers. */
  readonly trust: readonly string[];
  /** The clock (certificate validity). */
  readonly now: () => Date;
  /** Accept an assertion without any signature (DMP DIRECTE). */
  readonly allowUnsigned?: boolean;
  /** Accept RSA-SHA1 / SHA-1 (old tokens); refused by default. */
  readonly allowSha1?: boolean;
}

const KIND: Readonly<Record<VerificationFailure, RejectedAssertion['kind']>> = {
  'invalid-xml': 'invalid',
  'no-assertion': 'missing',
  'ambiguous-assertion': 'invalid',
  'bad-id': 'invalid',
  'duplicate-id': 'invalid',
  unsigned: 'signature',
  'bad-structure': 'signature',
  'unsupported-algorithm': 'signature',
  'digest-mismatch': 'signature',
  'bad-signature': 'signature',
  'no-certificate': 'certificate',
  'untrusted-certificate': 'certificate',
  'certificate-expired': 'certificate',
};

/**
 * Verifies and reads the assertion of a request envelope.
 * @param envelope - the request envelope text, as received
 * @param options - trust anchors, clock, whether unsigned assertions and SHA-1 are accepted
 */
export function verifyHeaderAssertion(envelope: string, options: HeaderAssertionOptions): AcceptedAssertion | RejectedAssertion {
  const result = verifyAssertionSignature(envelope, {
    trustedCertificates: options.trust,
    now: options.now,
    allowUnsigned: options.allowUnsigned ?? false,
    allowSha1: options.allowSha1 ?? false,
  });
  if (!result.valid) return { ok: false, kind: KIND[result.reason], reason: result.reason, message: result.message };
  let assertion: AssertionType;
  try {
    assertion = decode(AssertionElement, result.assertion.xml, { mode: 'strict' });
  } catch (error) {
    if (error instanceof DecodeError || error instanceof XmlError)
      return { ok: false, kind: 'invalid', reason: 'schema', message: `structure non conforme (${error.message})` };
    throw error;
  }
  const missing = missingAssertionPart(assertion);
  if (missing !== undefined) return { ok: false, kind: 'invalid', reason: 'schema', message: `${missing} absent ou illisible` };
  return { ok: true, assertion, verified: result.assertion, signature: result.signature };
}
