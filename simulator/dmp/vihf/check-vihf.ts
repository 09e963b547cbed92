/**
 * What the DMP checks on the VIHF (CI-SIS volet, domain notes §6): one SAML 2.0 assertion in
 * `wsse:Security`; the attributes its mode requires; in the INDIRECTE modes a valid signature by a
 * trusted ORG_SIGN-style certificate whose DN is the `Issuer`; for INDIRECTE_RENFORCEE (AIR) a
 * token at most 30 s old and used once.
 */
import { DecodeError, XmlError, type SoapBlock, type VihfMode } from '@volet/runtime';
import { decode } from '@volet/runtime/codec';
import { WSSE_NS, VIHF_ATTRIBUTE } from '@volet/runtime/security';
import type { AssertionType } from '../../../generated/schemas/saml2/index.js';
import { SecurityElement, type SecurityHeaderType } from '../../../generated/schemas/wsse/index.js';
import { assertionAttributes, authnStatements, firstText, type AssertionAttributes } from '../../saml/assertion-attributes.js';
import { missingAssertionPart, securityAssertions } from '../../saml/assertion-shape.js';
import { verifySignedAssertion } from '../../saml/verify-signed-assertion.js';
import { findHeader } from '../../server/decode-request.js';
import { dmpFault } from '../dmp-faults.js';
import type { ReplayCache } from './replay-cache.js';

/** The patient a VIHF names (`resource-id`, `<INS>^^^&<OID>&ISO^NH`). */
export interface VihfPatient {
  /** The INS (NIR or NIA + key). */
  readonly ins: string;
  /** The INS namespace OID. */
  readonly oid: string;
}

/** What the simulator keeps of an accepted VIHF. */
export interface VihfClaims {
  readonly id: string;
  readonly mode: VihfMode;
  readonly signed: boolean;
  /** `Subject/NameID`. */
  readonly nameId: string;
  readonly structureId: string;
  readonly patient: VihfPatient | undefined;
  readonly attributes: AssertionAttributes;
}

/** The knobs of {@link checkVihf}. */
export interface VihfCheckContext {
  /** The request envelope as received (the signature is verified on it). */
  readonly envelope: string;
  /** Trusted issuers of signing certificates (PEM). */
  readonly trust: readonly string[];
  readonly now: () => Date;
  readonly replay: ReplayCache;
  /** The operation is about one patient: `resource-id` is required. */
  readonly patientCall: boolean;
  /** AIR lifetime in seconds (default 30). */
  readonly airLifetimeSeconds?: number;
  /** Tolerated clock difference in seconds (default 5). */
  readonly clockSkewSeconds?: number;
}

const MODES: readonly VihfMode[] = ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE'];
const PURPOSES = new Set(['normal', 'bris_de_glace', 'centre_15']);
const PURPOSE_SYSTEM = '1.2.250.1.213.1.1.4.248';
const RESOURCE_ID = /^([^^&]+)\^\^\^&([0-9]+(?:\.[0-9]+)+)&ISO\^NH$/;
const SECTOR = /^[^^]+\^[0-9]+(?:\.[0-9]+)+$/;

function invalid(what: string): never {
  throw dmpFault('DMPVIHFInvalid', `VIHF invalide : ${what}`);
}

function readSecurity(headers: readonly SoapBlock[]): AssertionType {
  const header = findHeader(headers, WSSE_NS, 'Security');
  if (header === undefined) throw dmpFault('DMPVIHFMissing', 'Jeton VIHF absent : aucun en-tête wsse:Security.');
  let security: SecurityHeaderType;
  try {
    // Strict: a token that does not follow the SAML 2.0 schema is refused, as the DMP does.
    security = header.value !== undefined ? (header.value as SecurityHeaderType) : decode(SecurityElement, header.xml ?? '', { mode: 'strict' });
  } catch (error) {
    if (error instanceof DecodeError || error instanceof XmlError) {
      invalid(`structure non conforme (${error.message})`);
    }
    throw error;
  }
  const assertions = securityAssertions(security);
  if (assertions.length === 0) throw dmpFault('DMPVIHFMissing', 'Jeton VIHF absent : wsse:Security ne contient aucune assertion.');
  const [assertion] = assertions;
  if (assertions.length !== 1 || assertion === undefined) invalid('wsse:Security doit contenir exactement une assertion.');
  const missing = missingAssertionPart(assertion);
  if (missing !== undefined) invalid(`${missing} absent ou illisible.`);
  return assertion;
}

function modeOf(attributes: AssertionAttributes): VihfMode {
  const mode = firstText(attributes, 'Authentification_mode') ?? firstText(attributes, 'Authentification_Mode');
  if (mode === undefined) invalid('attribut Authentification_mode absent.');
  const known = MODES.find((m) => m === mode);
  if (known === undefined) invalid('mode d\'authentification inconnu.');
  return known;
}

function checkAttributes(assertion: AssertionType, attributes: AssertionAttributes, mode: VihfMode, patientCall: boolean): VihfPatient | undefined {
  if (assertion.Version !== '2.0') invalid('Version de l\'assertion différente de 2.0.');
  if ((assertion.Subject?.NameID?.$value ?? '').trim() === '') invalid('Subject/NameID absent.');
  if (authnStatements(assertion).length === 0) invalid('AuthnStatement absent.');
  const required: string[] = [
    VIHF_ATTRIBUTE.version,
    VIHF_ATTRIBUTE.structure,
    VIHF_ATTRIBUTE.sector,
    VIHF_ATTRIBUTE.resourceUrn,
    VIHF_ATTRIBUTE.lpsName,
    VIHF_ATTRIBUTE.lpsVersion,
    VIHF_ATTRIBUTE.homologation,
  ];
  if (mode !== 'DIRECTE') required.push(VIHF_ATTRIBUTE.subjectId);
  if (patientCall) required.push(VIHF_ATTRIBUTE.resourceId);
  for (const name of required) if (firstText(attributes, name) === undefined) invalid(`attribut ${name} absent ou vide.`);
  const version = firstText(attributes, VIHF_ATTRIBUTE.version);
  if (version !== '3.0' && version !== '4.0') invalid('VIHF_Version non supportée.');
  if (firstText(attributes, VIHF_ATTRIBUTE.resourceUrn) !== 'urn:dmp') invalid('Ressource_URN différent de urn:dmp.');
  if (!SECTOR.test(firstText(attributes, VIHF_ATTRIBUTE.sector) ?? '')) invalid('Secteur_Activite doit être de la forme code^OID.');
  const roles = attributes.get(VIHF_ATTRIBUTE.role) ?? [];
  if (roles.length === 0 || roles.some((r) => r.coded?.code === undefined || r.coded.codeSystem === undefined)) {
    invalid('au moins un rôle (profession) codé est requis.');
  }
  const purpose = attributes.get(VIHF_ATTRIBUTE.purposeOfUse)?.[0]?.coded;
  if (purpose === undefined || purpose.code === undefined || !PURPOSES.has(purpose.code) || purpose.codeSystem !== PURPOSE_SYSTEM) {
    invalid('purposeofuse absent ou inconnu.');
  }
  const resource = firstText(attributes, VIHF_ATTRIBUTE.resourceId);
  if (resource === undefined) return undefined;
  const m = RESOURCE_ID.exec(resource);
  if (m === null) invalid('resource-id doit être de la forme INS^^^&OID&ISO^NH.');
  return { ins: m[1], oid: m[2] };
}

function checkFreshness(assertion: AssertionType, context: VihfCheckContext): void {
  const now = context.now().getTime();
  const skew = (context.clockSkewSeconds ?? 5) * 1000;
  const lifetime = (context.airLifetimeSeconds ?? 30) * 1000;
  const issued = Date.parse(assertion.IssueInstant);
  if (issued > now + skew) throw dmpFault('DMPVIHFExpired', 'Jeton AIR émis dans le futur.');
  if (now - issued > lifetime + skew) throw dmpFault('DMPVIHFExpired', 'Jeton AIR expiré : durée de vie de 30 secondes dépassée.');
  const notBefore = assertion.Conditions?.NotBefore;
  const notOnOrAfter = assertion.Conditions?.NotOnOrAfter;
  if (notBefore !== undefined && Date.parse(notBefore) > now + skew) throw dmpFault('DMPVIHFExpired', 'Jeton AIR pas encore valide (NotBefore).');
  if (notOnOrAfter !== undefined && !(Date.parse(notOnOrAfter) + skew > now)) throw dmpFault('DMPVIHFExpired', 'Jeton AIR expiré (NotOnOrAfter).');
  if (!context.replay.use(assertion.ID, issued + lifetime + 2 * skew, now)) {
    throw dmpFault('DMPVIHFReplayed', 'Jeton AIR déjà utilisé : un jeton INDIRECTE_RENFORCEE est à usage unique.');
  }
}

/**
 * Checks the VIHF of a DMP request.
 * @param headers - the request's header blocks (`wsse:Security` raw or typed)
 * @param context - envelope, trust, clock, replay cache, whether the call is about a patient
 * @throws SimulatedFault with a DMP subcode (see dmp-faults.ts)
 */
export function checkVihf(headers: readonly SoapBlock[], context: VihfCheckContext): VihfClaims {
  const assertion = readSecurity(headers);
  const signed = assertion.Signature !== undefined;
  const declaredMode = modeOf(assertionAttributes(assertion));
  if (declaredMode !== 'DIRECTE' && !signed) {
    throw dmpFault('DMPInvalidSignature', `VIHF non signé : le mode ${declaredMode} exige une signature par le certificat de cachet de la structure.`);
  }
  if (signed) {
    const verified = verifySignedAssertion(context.envelope, assertion, context.trust, context.now);
    if (!verified.ok) {
      if (verified.kind === 'certificate') throw dmpFault('DMPInvalidCertificate', `Not a valid signature certificate (${verified.message}).`);
      throw dmpFault('DMPInvalidSignature', `Signature du VIHF invalide (${verified.message}).`);
    }
    if (declaredMode !== 'DIRECTE' && !verified.signatureCertificate) {
      throw dmpFault('DMPInvalidCertificate', 'Not a valid signature certificate (certificat d\'authentification utilisé pour signer).');
    }
    if (assertion.Issuer.$value.trim() !== verified.certificate.subjectDn) invalid('Issuer différent du DN du certificat de signature.');
  }
  const attributes = assertionAttributes(assertion);
  const mode = modeOf(attributes);
  const patient = checkAttributes(assertion, attributes, mode, context.patientCall);
  if (mode === 'INDIRECTE_RENFORCEE') checkFreshness(assertion, context);
  return {
    id: assertion.ID,
    mode,
    signed,
    nameId: assertion.Subject?.NameID?.$value.trim() ?? '',
    structureId: firstText(attributes, VIHF_ATTRIBUTE.structure) ?? '',
    patient,
    attributes,
  };
}
