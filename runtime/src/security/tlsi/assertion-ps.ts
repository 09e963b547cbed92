/**
 * The TLSi "assertion PS": the SAML 2.0 assertion a health professional's CPx card signs for the
 * Assurance Maladie tele-services (INSi in CPx mode). Shape of the public fixture
 * (`insi-padoa/extracted/assertion-ps-saml2-signed.xml`): default SAML namespace (no prefix),
 * `Issuer` = card certificate DN, `Signature` after `Issuer`, `NameID NameQualifier="CPS"`,
 * untyped attribute values. In production the card signs (PKCS#11 signer, or a pre-signed string
 * from the vendor's CPS middleware inserted as is by `tlsiSecurityHeader`).
 */
import { didYouMean } from '../../codec/nearest-names.js';
import { invalidInput, SecurityError, type SecurityIssue } from '../errors.js';
import { isNCName } from '../../xml/qname.js';
import { newAssertionId } from '../ids.js';
import { SAML2_NS, X509_SUBJECT_NAME_FORMAT } from '../namespaces.js';
import type { Signer } from '../signers/signer.js';
import { addSeconds, formatInstant, systemClock, type Clock } from '../time.js';
import { signAssertion, type SignAssertionOptions } from '../xmldsig/sign-assertion.js';
import { escapeXml, isXmlChars } from '../../xml/escape.js';

/** Input of {@link buildAssertionPs}. */
export interface AssertionPsInput {
  /** `NameID`: the card holder's national id (e.g. `00B6087510`). */
  readonly nameId: string;
  /** `identifiantFacturation`: FINESS géographique / SIRET of the establishment, or the PS billing number. */
  readonly identifiantFacturation: string;
  /** `secteurActivite`, e.g. `SA05`. */
  readonly secteurActivite: string;
  /** `codeSpecialiteAMO`: physicians only. */
  readonly codeSpecialiteAMO?: string;
  /** `gipProfessionCode`: only under PSC when the user has several professions. */
  readonly gipProfessionCode?: string;
  /** `NameID/@NameQualifier`. Default `CPS`. */
  readonly nameQualifier?: string;
  /** `Issuer`. Default: the signer's subject DN. */
  readonly issuer?: string;
}

/** Options of {@link buildAssertionPs}. */
export interface AssertionPsOptions {
  /** The signer (card key through PKCS#11, or a file key in tests). */
  readonly signer: Signer;
  /** Clock for `IssueInstant`. */
  readonly now?: Clock;
  /** Assertion `ID`; default `_` + UUID. */
  readonly id?: string;
  /** Emit `Conditions` with this lifetime (the fixture has none; an assertion PS is said to last 1 h). */
  readonly lifetimeSeconds?: number;
  /** Signature options; default RSA-SHA256 as in the fixture. */
  readonly signature?: SignAssertionOptions;
}

const REQUIRED = ['nameId', 'identifiantFacturation', 'secteurActivite'] as const;
const OPTIONAL = ['codeSpecialiteAMO', 'gipProfessionCode', 'nameQualifier', 'issuer'] as const;

function check(input: AssertionPsInput): void {
  const issues: SecurityIssue[] = [];
  const record = input as unknown as Record<string, unknown>;
  const known: readonly string[] = [...REQUIRED, ...OPTIONAL];
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw invalidInput('assertion PS input', [{ path: '$', message: 'must be a JSON object' }]);
  for (const key of Object.keys(record)) if (!known.includes(key)) issues.push({ path: key, message: `unknown key${didYouMean(key, known)}` });
  for (const key of known) {
    const value = record[key];
    if (value === undefined) {
      if ((REQUIRED as readonly string[]).includes(key)) issues.push({ path: key, message: 'is required' });
    } else if (typeof value !== 'string' || value.trim() === '') issues.push({ path: key, message: 'must be a non-empty string' });
    else if (!isXmlChars(value)) issues.push({ path: key, message: 'contains characters XML cannot carry' });
  }
  if (issues.length > 0) throw invalidInput('assertion PS input', issues);
}

/** Builds and signs an assertion PS; resolves to its XML (no XML declaration). */
export async function buildAssertionPs(input: AssertionPsInput, options: AssertionPsOptions): Promise<string> {
  check(input);
  const id = options.id ?? newAssertionId();
  if (!isNCName(id)) throw new SecurityError('invalid-input', 'assertion PS: the ID must be an NCName');
  const issuedAt = (options.now ?? systemClock)();
  const attribute = (name: string, value: string | undefined): string =>
    value === undefined ? '' : `<Attribute Name="${escapeXml(name, true)}"><AttributeValue>${escapeXml(value)}</AttributeValue></Attribute>`;
  const conditions =
    options.lifetimeSeconds === undefined
      ? ''
      : `<Conditions NotBefore="${formatInstant(issuedAt)}" NotOnOrAfter="${formatInstant(addSeconds(issuedAt, options.lifetimeSeconds))}"/>`;
  const xml =
    `<Assertion xmlns="${SAML2_NS}" ID="${id}" IssueInstant="${formatInstant(issuedAt)}" Version="2.0">` +
    `<Issuer Format="${X509_SUBJECT_NAME_FORMAT}">${escapeXml(input.issuer ?? options.signer.subjectDn)}</Issuer>` +
    `<Subject><NameID NameQualifier="${escapeXml(input.nameQualifier ?? 'CPS', true)}">${escapeXml(input.nameId)}</NameID></Subject>` +
    conditions +
    `<AttributeStatement>` +
    attribute('identifiantFacturation', input.identifiantFacturation) +
    attribute('secteurActivite', input.secteurActivite) +
    attribute('codeSpecialiteAMO', input.codeSpecialiteAMO) +
    attribute('gipProfessionCode', input.gipProfessionCode) +
    `</AttributeStatement></Assertion>`;
  return signAssertion(xml, options.signer, options.signature);
}
