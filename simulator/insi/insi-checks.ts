/**
 * The INSi's access rules (domain notes §5–§7): the software's IDAM must be known (else
 * `siram_100`/`desir_550`); in mTLS mode the client certificate's CN must be `INSI-AUTO` or
 * `INSI-MANU` (else `DESIR_560`); in CPx mode `wsse:Security` must hold an assertion PS signed by a
 * trusted card certificate, with its required attributes.
 */
import { DecodeError, XmlError, type SoapBlock } from '@volet/runtime';
import { decode } from '@volet/runtime/codec';
import { WSSE_NS } from '@volet/runtime/security';
import type { ContexteBAM } from '../../generated/schemas/ctxbam/index.js';
import type { ContexteLPS } from '../../generated/schemas/ctxlps/index.js';
import { SecurityElement, type SecurityHeaderType } from '../../generated/schemas/wsse/index.js';
import { assertionAttributes, firstText } from '../saml/assertion-attributes.js';
import { missingAssertionPart, securityAssertions } from '../saml/assertion-shape.js';
import { verifySignedAssertion } from '../saml/verify-signed-assertion.js';
import { findHeader } from '../server/decode-request.js';
import type { PeerCertificate } from '../server/exchange.js';
import { ACCESS_LEVEL, INVALID_ASSERTION, MISSING_CONTEXT, UNKNOWN_IDAM, insiFault } from './insi-faults.js';

/** The CNs an INSi mTLS certificate may have. */
export const INSI_CERTIFICATE_NAMES: readonly string[] = ['INSI-AUTO', 'INSI-MANU'];

/** The two contexts of a request, typed. */
export interface InsiContexts {
  readonly lps: ContexteLPS;
  readonly bam: ContexteBAM;
}

/** Both contexts must be there (they are declared header parts). */
export function requireContexts(headers: readonly SoapBlock[], messageId: string | undefined): InsiContexts {
  const lps = findHeader(headers, 'urn:siram:lps:ctxlps', 'ContexteLPS')?.value as ContexteLPS | undefined;
  const bam = findHeader(headers, 'urn:siram:bam:ctxbam', 'ContexteBAM')?.value as ContexteBAM | undefined;
  if (lps === undefined || bam === undefined) throw insiFault(MISSING_CONTEXT, messageId);
  return { lps, bam };
}

/** The software's authorisation number must be one the service knows. */
export function checkIdam(lps: ContexteLPS, known: ReadonlySet<string>, messageId: string | undefined): void {
  const idam = lps.LPS?.IDAM?.$value.trim() ?? '';
  if (!known.has(idam)) throw insiFault(UNKNOWN_IDAM, messageId);
}

/** mTLS mode: the certificate's CN decides the access level. */
export function checkCertificateName(peer: PeerCertificate | undefined, messageId: string | undefined): void {
  if (peer?.commonName === undefined || !INSI_CERTIFICATE_NAMES.includes(peer.commonName)) throw insiFault(ACCESS_LEVEL, messageId);
}

/** Knobs of {@link checkAssertionPs}. */
export interface AssertionPsCheck {
  /** The request envelope as received. */
  readonly envelope: string;
  /** PEM certificates of the CAs that issue card certificates. */
  readonly trust: readonly string[];
  readonly now: () => Date;
  readonly messageId: string | undefined;
}

/** CPx mode: a signed, trusted assertion PS with `identifiantFacturation` and `secteurActivite`. */
export function checkAssertionPs(headers: readonly SoapBlock[], check: AssertionPsCheck): void {
  const fail = (why: string): never => {
    throw insiFault(INVALID_ASSERTION, check.messageId, why);
  };
  const header = findHeader(headers, WSSE_NS, 'Security');
  if (header === undefined) fail('Assertion PS absente : aucun en-tête wsse:Security.');
  let security: SecurityHeaderType | undefined;
  try {
    // Strict, as for the VIHF (see dmp/vihf/check-vihf.ts).
    security = header?.value !== undefined ? (header.value as SecurityHeaderType) : decode(SecurityElement, header?.xml ?? '', { mode: 'strict' });
  } catch (error) {
    if (!(error instanceof DecodeError || error instanceof XmlError)) throw error;
    fail('Assertion PS absente ou mal formée.');
  }
  const first = securityAssertions(security)[0];
  if (first === undefined) return fail('Assertion PS absente.');
  if (missingAssertionPart(first) !== undefined) fail('Assertion PS incomplète.');
  if (first.Signature === undefined) fail('Assertion PS non signée.');
  const verified = verifySignedAssertion(check.envelope, first, check.trust, check.now);
  if (!verified.ok) return fail(verified.kind === 'certificate' ? 'Certificat de signature de l\'assertion PS non reconnu.' : 'Signature de l\'assertion PS invalide.');
  const assertion = first;
  if ((assertion.Subject?.NameID?.$value ?? '').trim() === '') fail('Assertion PS sans NameID.');
  const attributes = assertionAttributes(assertion);
  for (const name of ['identifiantFacturation', 'secteurActivite']) {
    if (firstText(attributes, name) === undefined) fail(`Attribut ${name} absent de l'assertion PS.`);
  }
  const now = check.now().getTime();
  const notOnOrAfter = assertion.Conditions?.NotOnOrAfter;
  if (notOnOrAfter !== undefined && !(Date.parse(notOnOrAfter) > now)) fail('Assertion PS expirée.');
  if (Date.parse(assertion.IssueInstant) > now + 5 * 60_000) fail('Assertion PS émise dans le futur.');
}
