/**
 * Verification of the enveloped signature of a SAML assertion, standalone or inside a SOAP
 * envelope: the one verification API of volet (simulators and runtime helpers alike). It locates
 * the assertion by position (the root of a bare token, or the only assertion of the only
 * `wsse:Security`), refuses any second assertion, non-canonical or duplicate IDs (compared the way
 * the codec reads `xs:ID`), and is strict about shape before any cryptography: the signature must be
 * a child of the assertion, reference exactly its `ID`, and use only the enveloped + exc-c14n
 * transforms. xml-crypto then checks digest and signature value. What it returns to act on is the
 * assertion rebuilt from the canonical bytes the digest covered, never the received document.
 */
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { certificateDer, signerCertificate, type SignerCertificate } from '../certificate.js';
import { SecurityError } from '../errors.js';
import { DSIG_NS, ENVELOPED_SIGNATURE, EXC_C14N } from '../namespaces.js';
import { systemClock, type Clock } from '../time.js';
import { childElements, isElement, parseXmlStrict } from '../xml-dom.js';
import { locateAssertion } from './locate-assertion.js';
import { standaloneAssertionXml, verifiedAssertion, type VerifiedAssertion } from './verified-assertion.js';

export type { VerifiedAssertion } from './verified-assertion.js';

/** Why a verification failed. */
export type VerificationFailure =
  | 'invalid-xml'
  | 'no-assertion'
  | 'ambiguous-assertion'
  | 'bad-id'
  | 'unsigned'
  | 'bad-structure'
  | 'unsupported-algorithm'
  | 'duplicate-id'
  | 'no-certificate'
  | 'untrusted-certificate'
  | 'certificate-expired'
  | 'digest-mismatch'
  | 'bad-signature';

/** What the signature of a verified assertion was made with. */
export interface SignatureDetails {
  /** SignatureMethod URI. */
  readonly signatureAlgorithm: string;
  /** DigestMethod URI. */
  readonly digestAlgorithm: string;
  /** The certificate from KeyInfo. */
  readonly certificate: SignerCertificate;
  /** True when `trustedCertificates` was given and the certificate passed; false when trust was not checked. */
  readonly trusted: boolean;
}

/** Outcome of {@link verifyAssertionSignature}. */
export type AssertionVerification =
  | {
      readonly valid: true;
      /** The assertion to act on, rebuilt from the bytes the signature covers. */
      readonly assertion: VerifiedAssertion;
      /** The signature; undefined only for an unsigned assertion accepted with `allowUnsigned`. */
      readonly signature: SignatureDetails | undefined;
    }
  | { readonly valid: false; readonly reason: VerificationFailure; readonly message: string };

/** Options of {@link verifyAssertionSignature}. */
export interface VerifyAssertionOptions {
  /**
   * Trust anchors (PEM/DER): the KeyInfo certificate must be one of them or be directly issued
   * (and signed) by one. Without them only integrity is checked (`trusted: false`).
   */
  readonly trustedCertificates?: readonly (string | Uint8Array)[];
  /** Accept RSA-SHA1 / SHA-1 digests (the 2019–2020 official tokens use them). Default false. */
  readonly allowSha1?: boolean;
  /**
   * Accept an assertion that has no `Signature` child at all (DMP DIRECTE mode), returned with
   * `signature: undefined` after the same location and ID checks. A present but wrong signature
   * is still refused. Default false.
   */
  readonly allowUnsigned?: boolean;
  /** Clock for the certificate validity check (only done with `trustedCertificates`). */
  readonly now?: Clock;
}

const SIGNATURE_METHODS = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
]);
const DIGEST_METHODS = new Set([
  'http://www.w3.org/2001/04/xmlenc#sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512',
  'http://www.w3.org/2000/09/xmldsig#sha1',
]);
const SHA1_URIS = new Set(['http://www.w3.org/2000/09/xmldsig#rsa-sha1', 'http://www.w3.org/2000/09/xmldsig#sha1']);

function fail(reason: VerificationFailure, message: string): AssertionVerification {
  return { valid: false, reason, message };
}

function dsChild(parent: Element, localName: string): Element[] {
  return childElements(parent).filter((e) => isElement(e, DSIG_NS, localName));
}

function attr(element: Element | undefined, name: string): string | undefined {
  return element?.getAttribute(name) ?? undefined;
}

function isTrusted(cert: X509Certificate, anchors: readonly X509Certificate[]): boolean {
  return anchors.some((anchor) => cert.raw.equals(anchor.raw) || (cert.checkIssued(anchor) && cert.verify(anchor.publicKey)));
}

/** The assertion view, or a failure when the covered bytes are not the located assertion. */
function accepted(coveredXml: string, original: Element, id: string, signature: SignatureDetails | undefined): AssertionVerification {
  let assertion: VerifiedAssertion | undefined;
  try {
    assertion = verifiedAssertion(coveredXml, original, id);
  } catch {
    assertion = undefined;
  }
  if (assertion === undefined) return fail('bad-signature', 'the signed content is not the located assertion');
  return { valid: true, assertion, signature };
}

/**
 * Verifies the enveloped XML-DSig signature of the SAML 2.0 assertion of `xml`: a bare assertion,
 * or a SOAP envelope whose one `wsse:Security` header holds it. Never throws for bad input: the
 * result says why. Act only on `result.assertion` (decode `result.assertion.xml`), never on a
 * separately decoded copy of the document.
 */
export function verifyAssertionSignature(xml: string, options: VerifyAssertionOptions = {}): AssertionVerification {
  let doc;
  try {
    doc = parseXmlStrict(xml, 'document to verify');
  } catch (error) {
    return fail('invalid-xml', error instanceof Error ? error.message : 'not well-formed XML');
  }
  const located = locateAssertion(doc);
  if (!located.ok) return fail(located.reason, located.message);
  const { assertion, id } = located;

  const signatures = dsChild(assertion, 'Signature');
  if (signatures.length === 0) {
    if (options.allowUnsigned === true) return accepted(standaloneAssertionXml(assertion), assertion, id, undefined);
    return fail('unsigned', 'the assertion has no Signature child');
  }
  if (signatures.length > 1) return fail('bad-structure', 'the assertion has several Signature children');
  const signature = signatures[0] as Element;
  const [signedInfo] = dsChild(signature, 'SignedInfo');
  if (!signedInfo) return fail('bad-structure', 'Signature has no SignedInfo');
  const c14n = attr(dsChild(signedInfo, 'CanonicalizationMethod')[0], 'Algorithm');
  const signatureMethod = attr(dsChild(signedInfo, 'SignatureMethod')[0], 'Algorithm');
  const references = dsChild(signedInfo, 'Reference');
  if (c14n !== EXC_C14N) return fail('unsupported-algorithm', 'SignedInfo must use exclusive c14n');
  if (!signatureMethod || !SIGNATURE_METHODS.has(signatureMethod)) return fail('unsupported-algorithm', 'unsupported SignatureMethod');
  if (references.length !== 1) return fail('bad-structure', 'SignedInfo must hold exactly one Reference');
  const reference = references[0] as Element;
  if (reference.getAttribute('URI') !== `#${id}`) return fail('bad-structure', 'the Reference does not point at the assertion ID');
  const transforms = dsChild(dsChild(reference, 'Transforms')[0] ?? reference, 'Transform').map((t) => t.getAttribute('Algorithm'));
  if (transforms.length !== 2 || transforms[0] !== ENVELOPED_SIGNATURE || transforms[1] !== EXC_C14N) {
    return fail('bad-structure', 'Reference transforms must be enveloped-signature then exc-c14n');
  }
  const digestMethod = attr(dsChild(reference, 'DigestMethod')[0], 'Algorithm');
  if (!digestMethod || !DIGEST_METHODS.has(digestMethod)) return fail('unsupported-algorithm', 'unsupported DigestMethod');
  if (options.allowSha1 !== true && (SHA1_URIS.has(signatureMethod) || SHA1_URIS.has(digestMethod))) {
    return fail('unsupported-algorithm', 'SHA-1 is refused (allowSha1 accepts old tokens)');
  }

  const certText = dsChild(dsChild(dsChild(signature, 'KeyInfo')[0] ?? signature, 'X509Data')[0] ?? signature, 'X509Certificate')[0]?.textContent;
  if (!certText) return fail('no-certificate', 'no KeyInfo/X509Data/X509Certificate');
  let certificate: SignerCertificate;
  let x509: X509Certificate;
  try {
    const der = certificateDer(certText);
    certificate = signerCertificate(der);
    x509 = new X509Certificate(der);
  } catch {
    return fail('no-certificate', 'the KeyInfo certificate is not readable');
  }
  let trusted = false;
  if (options.trustedCertificates) {
    let anchors: X509Certificate[];
    try {
      anchors = options.trustedCertificates.map((c) => new X509Certificate(certificateDer(c)));
    } catch (error) {
      throw error instanceof SecurityError ? error : new SecurityError('key-unreadable', 'a trusted certificate is not readable');
    }
    if (!isTrusted(x509, anchors)) return fail('untrusted-certificate', 'the signing certificate is not trusted');
    const now = (options.now ?? systemClock)().getTime();
    if (now < Date.parse(x509.validFrom) || now > Date.parse(x509.validTo)) return fail('certificate-expired', 'the signing certificate is not valid now');
    trusted = true;
  }

  // xml-crypto already looks at ID/Id/id; adding 'ID' again would make it count the assertion twice.
  const sig = new SignedXml({ publicCert: certificate.pem, getCertFromKeyInfo: () => null });
  // Only the algorithms accepted above may run.
  const allowed: typeof sig.SignatureAlgorithms = {};
  for (const [uri, impl] of Object.entries(sig.SignatureAlgorithms)) if (uri === signatureMethod) allowed[uri] = impl;
  sig.SignatureAlgorithms = allowed;
  try {
    sig.loadSignature(signature as unknown as Parameters<SignedXml['loadSignature']>[0]);
    const ok = sig.checkSignature(xml);
    if (!ok) return fail('digest-mismatch', 'the assertion was modified after signing (digest mismatch)');
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/signature value .* is incorrect/i.test(message)) return fail('bad-signature', 'the signature value does not verify with the certificate');
    if (/multiple elements with the same value/i.test(message)) return fail('duplicate-id', 'the assertion ID is not unique in the document');
    return fail('bad-signature', 'the signature could not be verified');
  }
  const signed = sig.getSignedReferences();
  if (signed.length !== 1 || signed[0] === undefined) return fail('bad-signature', 'no single signed reference');
  return accepted(signed[0], assertion, id, { signatureAlgorithm: signatureMethod, digestAlgorithm: digestMethod, certificate, trusted });
}
