/**
 * Verification of the enveloped signature of a SAML assertion, standalone or inside a SOAP
 * envelope (the simulators' side). Strict about shape before doing any cryptography: the
 * signature must be a child of the assertion, reference exactly that assertion's `ID` (unique in
 * the document), and use only the enveloped + exc-c14n transforms, so wrapping tricks and exotic
 * transforms are refused; xml-crypto then checks digest and signature value.
 */
import { X509Certificate } from 'node:crypto';
import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import { certificateDer, signerCertificate, type SignerCertificate } from '../certificate.js';
import { SecurityError } from '../errors.js';
import { DSIG_NS, ENVELOPED_SIGNATURE, EXC_C14N, SAML2_NS } from '../namespaces.js';
import { systemClock, type Clock } from '../time.js';
import { childElements, isElement, parseXmlStrict } from '../xml-dom.js';

/** Why a verification failed. */
export type VerificationFailure =
  | 'invalid-xml'
  | 'no-assertion'
  | 'ambiguous-assertion'
  | 'unsigned'
  | 'bad-structure'
  | 'unsupported-algorithm'
  | 'duplicate-id'
  | 'no-certificate'
  | 'untrusted-certificate'
  | 'certificate-expired'
  | 'digest-mismatch'
  | 'bad-signature';

/** Outcome of {@link verifyAssertionSignature}. */
export type AssertionVerification =
  | {
      readonly valid: true;
      /** `ID` of the verified assertion. */
      readonly assertionId: string;
      /** SignatureMethod URI. */
      readonly signatureAlgorithm: string;
      /** DigestMethod URI. */
      readonly digestAlgorithm: string;
      /** The certificate from KeyInfo. */
      readonly certificate: SignerCertificate;
      /** True when `trustedCertificates` was given and the certificate passed; false when trust was not checked. */
      readonly trusted: boolean;
      /** The canonical XML that was actually signed (read values from this, not from the original document). */
      readonly signedXml: string;
    }
  | { readonly valid: false; readonly reason: VerificationFailure; readonly message: string };

/** Options of {@link verifyAssertionSignature}. */
export interface VerifyAssertionOptions {
  /**
   * Trust anchors (PEM/DER): the KeyInfo certificate must be one of them or be directly issued
   * (and signed) by one. Without them only integrity is checked (`trusted: false`).
   */
  readonly trustedCertificates?: readonly (string | Uint8Array)[];
  /** Which assertion to verify when the document holds several. */
  readonly assertionId?: string;
  /** Accept RSA-SHA1 / SHA-1 (the 2019–2020 official tokens use them). Default true. */
  readonly allowSha1?: boolean;
  /** Clock for the certificate validity check (only done with `trustedCertificates`). */
  readonly now?: Clock;
}

const SIGNATURE_METHODS = new Set([
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512',
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1',
]);
const DIGEST_METHODS = new Set(['http://www.w3.org/2001/04/xmlenc#sha256', 'http://www.w3.org/2001/04/xmlenc#sha512', 'http://www.w3.org/2000/09/xmldsig#sha1']);
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

/** Every element whose `ID`, `Id` or `id` attribute equals `id` (wrapping defence). */
function countIds(root: Element, id: string): number {
  let n = 0;
  const visit = (e: Element): void => {
    if (e.getAttribute('ID') === id || e.getAttribute('Id') === id || e.getAttribute('id') === id) n++;
    for (const child of childElements(e)) visit(child);
  };
  visit(root);
  return n;
}

function isTrusted(cert: X509Certificate, anchors: readonly X509Certificate[]): boolean {
  return anchors.some((anchor) => cert.raw.equals(anchor.raw) || (cert.checkIssued(anchor) && cert.verify(anchor.publicKey)));
}

/**
 * Verifies the enveloped XML-DSig signature of a SAML 2.0 assertion found anywhere in `xml`
 * (a bare assertion or a SOAP envelope). Never throws for bad input: the result says why.
 */
export function verifyAssertionSignature(xml: string, options: VerifyAssertionOptions = {}): AssertionVerification {
  let doc;
  try {
    doc = parseXmlStrict(xml, 'document to verify');
  } catch (error) {
    return fail('invalid-xml', error instanceof Error ? error.message : 'not well-formed XML');
  }
  const assertions = Array.from(doc.getElementsByTagNameNS(SAML2_NS, 'Assertion'));
  let assertion: Element | undefined;
  if (options.assertionId !== undefined) assertion = assertions.find((a) => a.getAttribute('ID') === options.assertionId);
  else if (assertions.length > 1) return fail('ambiguous-assertion', `the document holds ${assertions.length} assertions: pass assertionId`);
  else assertion = assertions[0];
  if (!assertion) return fail('no-assertion', 'no SAML 2.0 assertion found');

  const id = assertion.getAttribute('ID') ?? '';
  if (id === '') return fail('bad-structure', 'the assertion has no ID');
  const signatures = dsChild(assertion, 'Signature');
  if (signatures.length === 0) return fail('unsigned', 'the assertion has no Signature child');
  if (signatures.length > 1) return fail('bad-structure', 'the assertion has several Signature children');
  const signature = signatures[0];
  const [signedInfo] = dsChild(signature, 'SignedInfo');
  if (!signedInfo) return fail('bad-structure', 'Signature has no SignedInfo');
  const c14n = attr(dsChild(signedInfo, 'CanonicalizationMethod')[0], 'Algorithm');
  const signatureMethod = attr(dsChild(signedInfo, 'SignatureMethod')[0], 'Algorithm');
  const references = dsChild(signedInfo, 'Reference');
  if (c14n !== EXC_C14N) return fail('unsupported-algorithm', 'SignedInfo must use exclusive c14n');
  if (!signatureMethod || !SIGNATURE_METHODS.has(signatureMethod)) return fail('unsupported-algorithm', 'unsupported SignatureMethod');
  if (references.length !== 1) return fail('bad-structure', 'SignedInfo must hold exactly one Reference');
  const reference = references[0];
  if (reference.getAttribute('URI') !== `#${id}`) return fail('bad-structure', 'the Reference does not point at the assertion ID');
  const transforms = dsChild(dsChild(reference, 'Transforms')[0] ?? reference, 'Transform').map((t) => t.getAttribute('Algorithm'));
  if (transforms.length !== 2 || transforms[0] !== ENVELOPED_SIGNATURE || transforms[1] !== EXC_C14N) {
    return fail('bad-structure', 'Reference transforms must be enveloped-signature then exc-c14n');
  }
  const digestMethod = attr(dsChild(reference, 'DigestMethod')[0], 'Algorithm');
  if (!digestMethod || !DIGEST_METHODS.has(digestMethod)) return fail('unsupported-algorithm', 'unsupported DigestMethod');
  if (options.allowSha1 === false && (SHA1_URIS.has(signatureMethod) || SHA1_URIS.has(digestMethod))) {
    return fail('unsupported-algorithm', 'SHA-1 is not accepted');
  }
  if (countIds(doc.documentElement as Element, id) !== 1) return fail('duplicate-id', 'the assertion ID is not unique in the document');

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
  const [signedXml] = sig.getSignedReferences();
  if (signedXml === undefined) return fail('bad-signature', 'no signed reference');
  return { valid: true, assertionId: id, signatureAlgorithm: signatureMethod, digestAlgorithm: digestMethod, certificate, trusted, signedXml };
}
