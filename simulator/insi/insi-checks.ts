/**
 * The INSi's access rules (domain notes §5–§7): the software's IDAM must be known (else
 * `siram_100`/`desir_550`); in mTLS mode the client certificate's CN must be `INSI-AUTO` or
 * `INSI-MANU` (else `DESIR_560`); in CPx mode `wsse:Security` must hold an assertion PS signed by a
 * trusted card certificate, with its required attributes, in time. The assertion is read only from
 * what the runtime verifier returns (see ../saml/verify-signed-assertion.ts).
 */
import type { SoapBlock } from '@volet/runtime';
import type { ContexteBAM } from '../../generated/schemas/ctxbam/index.js';
import type { ContexteLPS } from '../../generated/schemas/ctxlps/index.js';
import { assertionAttributes, firstText } from '../saml/assertion-attributes.js';
import { assertionTimeViolation, DEFAULT_CLOCK_SKEW_SECONDS } from '../saml/assertion-times.js';
import { verifyHeaderAssertion } from '../saml/verify-signed-assertion.js';
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
  /** Tolerated clock difference in seconds (default {@link DEFAULT_CLOCK_SKEW_SECONDS}). */
  readonly clockSkewSeconds?: number;
  /** Accept RSA-SHA1 / SHA-1 signatures (old tokens); refused by default. */
  readonly allowSha1?: boolean;
}

/** How long an assertion PS without `NotOnOrAfter` is accepted after its `IssueInstant`, in seconds. */
export const ASSERTION_PS_MAX_AGE_SECONDS = 3600;

/** CPx mode: a signed, trusted assertion PS with `identifiantFacturation` and `secteurActivite`, in time. */
export function checkAssertionPs(check: AssertionPsCheck): void {
  const fail = (why: string): never => {
    throw insiFault(INVALID_ASSERTION, check.messageId, why);
  };
  const accepted = verifyHeaderAssertion(check.envelope, { trust: check.trust, now: check.now, allowSha1: check.allowSha1 ?? false });
  if (!accepted.ok) {
    if (accepted.kind === 'missing') fail('Assertion PS absente.');
    if (accepted.kind === 'invalid') fail('Assertion PS absente, ambiguë ou mal formée.');
    if (accepted.reason === 'unsigned') fail('Assertion PS non signée.');
    fail(accepted.kind === 'certificate' ? "Certificat de signature de l'assertion PS non reconnu." : "Signature de l'assertion PS invalide.");
    return;
  }
  const assertion = accepted.assertion;
  if ((assertion.Subject?.NameID?.$value ?? '').trim() === '') fail('Assertion PS sans NameID.');
  const attributes = assertionAttributes(assertion);
  for (const name of ['identifiantFacturation', 'secteurActivite']) {
    if (firstText(attributes, name) === undefined) fail(`Attribut ${name} absent de l'assertion PS.`);
  }
  const violation = assertionTimeViolation(accepted.verified, {
    now: check.now(),
    clockSkewSeconds: check.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    ...(accepted.verified.notOnOrAfter === undefined ? { maxAgeSeconds: ASSERTION_PS_MAX_AGE_SECONDS } : {}),
  });
  if (violation === 'issued-in-future') fail('Assertion PS émise dans le futur.');
  if (violation !== undefined) fail('Assertion PS expirée ou pas encore valide.');
}
