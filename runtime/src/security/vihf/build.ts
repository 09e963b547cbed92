/**
 * Builds the VIHF SAML 2.0 assertion (CI-SIS "Volet Transport Synchrone pour client lourd").
 * Element order, attribute names and `xsi:type`s follow the official tokens of the DMP example
 * package (`Exemples_Jeton_VIHF/`): `saml2:` prefix, `xsi` declared on the root, simple values typed
 * `xs:string`, HL7 `Role`/`PurposeOfUse` as `CE`. The output is a UTF-8 XML string without XML
 * declaration, ready to be placed in `wsse:Security` (see `securityHeader`).
 */
import { SecurityError } from '../errors.js';
import { isNCName } from '../../xml/qname.js';
import { newAssertionId } from '../ids.js';
import { HL7_NS, SAML2_NS, X509_SUBJECT_NAME_FORMAT, XS_NS, XSI_NS } from '../namespaces.js';
import type { Signer } from '../signers/signer.js';
import { addSeconds, formatInstant, systemClock, type Clock } from '../time.js';
import { signAssertion, type SignAssertionOptions } from '../xmldsig/sign-assertion.js';
import { escapeXml } from '../../xml/escape.js';
import type { CodedValue, PurposeOfUseCode, VihfInput } from './types.js';
import { parseVihfInput } from './validate.js';

/** Default `resource-id` OID: the **test** NIR namespace used by every official example. */
export const TEST_INS_OID = '1.2.250.1.213.1.4.10';
/** Lifetime of an INDIRECTE_RENFORCEE token (CI-SIS EX_AIR-040: 30 s, single use). */
export const AIR_LIFETIME_SECONDS = 30;

/** The SAML attribute names of the VIHF (CI-SIS table), as they appear on the wire. */
export const VIHF_ATTRIBUTE = {
  structure: 'Identifiant_Structure',
  sector: 'Secteur_Activite',
  subjectId: 'urn:oasis:names:tc:xspa:1.0:subject:subject-id',
  role: 'urn:oasis:names:tc:xacml:2.0:subject:role',
  version: 'VIHF_Version',
  resourceId: 'urn:oasis:names:tc:xacml:2.0:resource:resource-id',
  resourceUrn: 'Ressource_URN',
  purposeOfUse: 'urn:oasis:names:tc:xspa:1.0:subject:purposeofuse',
  confidentialityCode: 'urn:oasis:names:tc:xspa:1.0:resource:patient:hl7:confidentiality-code',
  lpsId: 'LPS_ID',
  lpsName: 'LPS_Nom',
  lpsVersion: 'LPS_Version',
  homologation: 'LPS_ID_HOMOLOGATION_DMP',
} as const;

/** The `PurposeOfUse` coded values. Only `normal`'s label is attested by the official tokens. */
export const PURPOSE_OF_USE: Readonly<Record<PurposeOfUseCode, CodedValue>> = {
  normal: { code: 'normal', codeSystem: '1.2.250.1.213.1.1.4.248', codeSystemName: 'mode acces VIHF 2.0', displayName: 'Accès normal' },
  bris_de_glace: {
    code: 'bris_de_glace',
    codeSystem: '1.2.250.1.213.1.1.4.248',
    codeSystemName: 'mode acces VIHF 2.0',
    displayName: 'Accès en mode bris de glace',
  },
  centre_15: {
    code: 'centre_15',
    codeSystem: '1.2.250.1.213.1.1.4.248',
    codeSystemName: 'mode acces VIHF 2.0',
    displayName: 'Accès en mode centre de régulation',
  },
};

const AC_CLASSES = 'urn:oasis:names:tc:SAML:2.0:ac:classes:';

/** Options of {@link buildVihf} / {@link buildVihfXml}. */
export interface VihfBuildOptions {
  /** Signs the token and provides the default `Issuer`. Required for the INDIRECTE modes. */
  readonly signer?: Signer;
  /** Sign? Default: false for DIRECTE (the official DIRECTE tokens are unsigned), true otherwise. */
  readonly sign?: boolean;
  /** Clock for `IssueInstant`, `AuthnInstant` default and `Conditions`. */
  readonly now?: Clock;
  /** Assertion `ID` (an NCName). Default `_` + a fresh UUID. */
  readonly id?: string;
  /**
   * Emits `Conditions NotBefore/NotOnOrAfter` with this lifetime. Default 30 for
   * INDIRECTE_RENFORCEE, none for the other modes (the official tokens have no Conditions).
   */
  readonly lifetimeSeconds?: number;
  /** `NotBefore` this many seconds before `IssueInstant`, for receivers with a slow clock. Default 0. */
  readonly notBeforeSkewSeconds?: number;
  /** Name of the mode attribute: `Authentification_mode` (official tokens, default) or `Authentification_Mode` (2024 table). */
  readonly modeAttributeName?: 'Authentification_mode' | 'Authentification_Mode';
  /** Type simple values `xsi:type="xs:string"` (official tokens, default) or leave them untyped. */
  readonly typedStringValues?: boolean;
  /** Signature options (algorithm, InclusiveNamespaces, prefix). */
  readonly signature?: SignAssertionOptions;
}

/** A built token and the facts a cache needs. */
export interface VihfToken {
  /** The assertion XML. */
  readonly xml: string;
  /** Its `ID`. */
  readonly id: string;
  /** `IssueInstant`. */
  readonly issuedAt: Date;
  /** `Conditions/@NotOnOrAfter`, when emitted. */
  readonly notOnOrAfter?: Date;
  /** Whether it is signed. */
  readonly signed: boolean;
}

function coded(localName: string, value: CodedValue): string {
  let attrs = `code="${escapeXml(value.code, true)}" codeSystem="${escapeXml(value.codeSystem, true)}"`;
  if (value.codeSystemName !== undefined) attrs += ` codeSystemName="${escapeXml(value.codeSystemName, true)}"`;
  if (value.displayName !== undefined) attrs += ` displayName="${escapeXml(value.displayName, true)}"`;
  return `<saml2:AttributeValue><${localName} xmlns="${HL7_NS}" ${attrs} xsi:type="CE"/></saml2:AttributeValue>`;
}

function authnClass(value: string | undefined): string {
  if (value === undefined) return `${AC_CLASSES}SmartcardPKI`;
  return value.startsWith('urn:') ? value : AC_CLASSES + value;
}

interface Plan {
  readonly input: VihfInput;
  readonly sign: boolean;
  readonly id: string;
  readonly issuedAt: Date;
  readonly notOnOrAfter?: Date;
  readonly xml: string;
}

function plan(rawInput: VihfInput, options: VihfBuildOptions): Plan {
  const input = parseVihfInput(rawInput);
  const sign = options.sign ?? input.mode !== 'DIRECTE';
  if (sign && !options.signer) throw new SecurityError('invalid-input', `VIHF: mode ${input.mode} must be signed: pass a signer (or sign: false)`);
  const issuer = input.issuer ?? options.signer?.subjectDn;
  if (issuer === undefined) throw new SecurityError('invalid-input', 'VIHF: no Issuer: pass input.issuer or a signer');
  const id = options.id ?? newAssertionId();
  if (!isNCName(id)) throw new SecurityError('invalid-input', 'VIHF: the assertion ID must be an NCName (e.g. _ + UUID)');
  const issuedAt = (options.now ?? systemClock)();
  const lifetime = options.lifetimeSeconds ?? (input.mode === 'INDIRECTE_RENFORCEE' ? AIR_LIFETIME_SECONDS : undefined);
  if (lifetime !== undefined && !(lifetime > 0)) throw new SecurityError('invalid-input', 'VIHF: lifetimeSeconds must be positive');
  const notOnOrAfter = lifetime === undefined ? undefined : addSeconds(issuedAt, lifetime);
  const typed = options.typedStringValues ?? true;
  const issueInstant = formatInstant(issuedAt);

  const stringValue = (value: string): string =>
    typed
      ? `<saml2:AttributeValue xmlns:xs="${XS_NS}" xsi:type="xs:string">${escapeXml(value)}</saml2:AttributeValue>`
      : `<saml2:AttributeValue>${escapeXml(value)}</saml2:AttributeValue>`;
  const attribute = (name: string, values: string): string => `<saml2:Attribute Name="${escapeXml(name, true)}">${values}</saml2:Attribute>`;

  const purpose =
    input.purposeOfUse === undefined ? PURPOSE_OF_USE.normal : typeof input.purposeOfUse === 'string' ? PURPOSE_OF_USE[input.purposeOfUse] : input.purposeOfUse;
  const attributes = [
    attribute(VIHF_ATTRIBUTE.structure, stringValue(input.structureId)),
    attribute(VIHF_ATTRIBUTE.sector, stringValue(input.sector)),
    input.subjectId === undefined ? '' : attribute(VIHF_ATTRIBUTE.subjectId, stringValue(input.subjectId)),
    attribute(VIHF_ATTRIBUTE.role, input.roles.map((r) => coded('Role', r)).join('')),
    attribute(VIHF_ATTRIBUTE.version, stringValue(input.vihfVersion ?? '3.0')),
    attribute(options.modeAttributeName ?? 'Authentification_mode', stringValue(input.mode)),
    input.patientIns === undefined
      ? ''
      : attribute(VIHF_ATTRIBUTE.resourceId, stringValue(`${input.patientIns}^^^&${input.patientInsOid ?? TEST_INS_OID}&ISO^NH`)),
    attribute(VIHF_ATTRIBUTE.resourceUrn, stringValue(input.resourceUrn ?? 'urn:dmp')),
    attribute(VIHF_ATTRIBUTE.purposeOfUse, coded('PurposeOfUse', purpose)),
    input.confidentialityCode === undefined ? '' : attribute(VIHF_ATTRIBUTE.confidentialityCode, coded('ConfidentialityCode', input.confidentialityCode)),
    input.lpsId === undefined ? '' : attribute(VIHF_ATTRIBUTE.lpsId, stringValue(input.lpsId)),
    attribute(VIHF_ATTRIBUTE.lpsName, stringValue(input.lpsName)),
    attribute(VIHF_ATTRIBUTE.lpsVersion, stringValue(input.lpsVersion)),
    attribute(VIHF_ATTRIBUTE.homologation, stringValue(input.homologationDmp)),
  ].join('');

  const classRef = authnClass(input.authnContext);
  const decl = input.authnContextDecl ?? (input.mode === 'INDIRECTE_RENFORCEE' ? classRef : false);
  const authnInstant = input.authnInstant === undefined ? issueInstant : formatInstant(new Date(input.authnInstant));
  const conditions =
    notOnOrAfter === undefined
      ? ''
      : `<saml2:Conditions NotBefore="${formatInstant(addSeconds(issuedAt, -(options.notBeforeSkewSeconds ?? 0)))}" NotOnOrAfter="${formatInstant(notOnOrAfter)}"/>`;

  const xml =
    `<saml2:Assertion xmlns:saml2="${SAML2_NS}" xmlns:xsi="${XSI_NS}" ID="${id}" IssueInstant="${issueInstant}" Version="2.0">` +
    `<saml2:Issuer Format="${X509_SUBJECT_NAME_FORMAT}">${escapeXml(issuer)}</saml2:Issuer>` +
    `<saml2:Subject><saml2:NameID>${escapeXml(input.nameId)}</saml2:NameID></saml2:Subject>` +
    conditions +
    `<saml2:AuthnStatement AuthnInstant="${authnInstant}"><saml2:AuthnContext>` +
    `<saml2:AuthnContextClassRef>${escapeXml(classRef)}</saml2:AuthnContextClassRef>` +
    (decl === false ? '' : `<saml2:AuthnContextDecl>${escapeXml(decl)}</saml2:AuthnContextDecl>`) +
    `</saml2:AuthnContext></saml2:AuthnStatement>` +
    `<saml2:AttributeStatement>${attributes}</saml2:AttributeStatement>` +
    `</saml2:Assertion>`;
  return { input, sign, id, issuedAt, ...(notOnOrAfter !== undefined && { notOnOrAfter }), xml };
}

/**
 * Builds an unsigned VIHF (DIRECTE without signature, or for inspection). Throws `invalid-input`
 * when the input is invalid or when the mode requires a signature (use {@link buildVihf}).
 */
export function buildVihfXml(input: VihfInput, options: VihfBuildOptions = {}): string {
  if (options.sign === true) throw new SecurityError('invalid-input', 'VIHF: buildVihfXml does not sign; use buildVihf');
  return plan(input, { ...options, sign: false }).xml;
}

/** Builds (and, per mode/options, signs) a VIHF, returning the XML with its ID and validity. */
export async function buildVihfToken(input: VihfInput, options: VihfBuildOptions = {}): Promise<VihfToken> {
  const p = plan(input, options);
  let xml = p.xml;
  if (p.sign && options.signer) xml = await signAssertion(xml, options.signer, options.signature);
  return { xml, id: p.id, issuedAt: p.issuedAt, ...(p.notOnOrAfter !== undefined && { notOnOrAfter: p.notOnOrAfter }), signed: p.sign };
}

/** Builds (and, per mode/options, signs) a VIHF; resolves to the assertion XML string. */
export async function buildVihf(input: VihfInput, options: VihfBuildOptions = {}): Promise<string> {
  return (await buildVihfToken(input, options)).xml;
}
