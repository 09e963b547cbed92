/**
 * What the DMP checks on the VIHF (CI-SIS volet, domain notes §6): one SAML 2.0 assertion in the one
 * `wsse:Security`, read only from what the runtime verifier returns (see
 * ../../saml/verify-signed-assertion.ts); the attributes its mode requires; in the INDIRECTE modes a
 * valid signature by a trusted ORG_SIGN-like certificate (key usage digitalSignature/nonRepudiation,
 * not a TLS certificate) of the request's structure whose DN is the `Issuer`; in DIRECTE mode a card
 * (CPS-like) certificate in TLS whose holder is the VIHF's subject; `IssueInstant` and `Conditions`
 * in time for every mode; for INDIRECTE_RENFORCEE (AIR) a token at most 30 s old and used once.
 */
import type { VihfMode } from '@volet/runtime';
import { VIHF_ATTRIBUTE } from '@volet/runtime/security';
import type { AssertionType } from '../../../generated/schemas/saml2/index.js';
import { assertionAttributes, authnStatements, firstText, type AssertionAttributes } from '../../saml/assertion-attributes.js';
import { assertionTimeViolation, DEFAULT_CLOCK_SKEW_SECONDS, type TimeViolation } from '../../saml/assertion-times.js';
import { certificateProfile } from '../../saml/certificate-profile.js';
import { verifyHeaderAssertion, type AcceptedAssertion } from '../../saml/verify-signed-assertion.js';
import type { PeerCertificate } from '../../server/exchange.js';
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
  /** The TLS client certificate (DIRECTE mode needs a card certificate). */
  readonly peer: PeerCertificate | undefined;
  /** Trusted issuers of signing certificates (PEM). */
  readonly trust: readonly string[];
  readonly now: () => Date;
  readonly replay: ReplayCache;
  /** The operation is about one patient: `resource-id` is required. */
  readonly patientCall: boolean;
  /** AIR lifetime in seconds (default 30). */
  readonly airLifetimeSeconds?: number;
  /** Tolerated clock difference in seconds (default {@link DEFAULT_CLOCK_SKEW_SECONDS}). */
  readonly clockSkewSeconds?: number;
  /** Accept RSA-SHA1 / SHA-1 signatures (old tokens); refused by default. */
  readonly allowSha1?: boolean;
}

/** How long a token without `NotOnOrAfter` is accepted after its `IssueInstant` (INDIRECTE / DIRECTE), in seconds. */
export const UNBOUNDED_TOKEN_MAX_AGE_SECONDS = 3600;

const MODES: readonly VihfMode[] = ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE'];
const PURPOSES = new Set(['normal', 'bris_de_glace', 'centre_15']);
const PURPOSE_SYSTEM = '1.2.250.1.213.1.1.4.248';
const RESOURCE_ID = /^([^^&]+)\^\^\^&([0-9]+(?:\.[0-9]+)+)&ISO\^NH$/;
const SECTOR = /^[^^]+\^[0-9]+(?:\.[0-9]+)+$/;

function invalid(what: string): never {
  throw dmpFault('DMPVIHFInvalid', `VIHF invalide : ${what}`);
}

function modeOf(attributes: AssertionAttributes): VihfMode {
  const mode = firstText(attributes, 'Authentification_mode') ?? firstText(attributes, 'Authentification_Mode');
  if (mode === undefined) invalid('attribut Authentification_mode absent.');
  const known = MODES.find((m) => m === mode);
  if (known === undefined) invalid("mode d'authentification inconnu.");
  return known;
}

function checkAttributes(assertion: AssertionType, attributes: AssertionAttributes, mode: VihfMode, patientCall: boolean): VihfPatient | undefined {
  if (assertion.Version !== '2.0') invalid("Version de l'assertion différente de 2.0.");
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

const TIME_REASON: Readonly<Record<TimeViolation, string>> = {
  'issued-in-future': 'jeton émis dans le futur (IssueInstant).',
  'too-old': 'jeton trop ancien (IssueInstant).',
  'not-yet-valid': 'jeton pas encore valide (NotBefore).',
  expired: 'jeton expiré (NotOnOrAfter).',
  unreadable: 'IssueInstant ou Conditions illisible.',
};

function checkTimes(accepted: AcceptedAssertion, mode: VihfMode, context: VihfCheckContext): void {
  const now = context.now();
  const air = mode === 'INDIRECTE_RENFORCEE';
  const lifetime = context.airLifetimeSeconds ?? 30;
  const violation = assertionTimeViolation(accepted.verified, {
    now,
    clockSkewSeconds: context.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
    ...(air ? { maxAgeSeconds: lifetime } : accepted.verified.notOnOrAfter === undefined ? { maxAgeSeconds: UNBOUNDED_TOKEN_MAX_AGE_SECONDS } : {}),
  });
  if (violation !== undefined) {
    const what = air && violation === 'too-old' ? 'durée de vie de 30 secondes dépassée.' : TIME_REASON[violation];
    throw dmpFault('DMPVIHFExpired', `Jeton ${air ? 'AIR' : 'VIHF'} refusé : ${what}`);
  }
  if (!air) return;
  const issued = Date.parse(accepted.verified.issueInstant ?? '');
  const skew = (context.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS) * 1000;
  if (!context.replay.use(accepted.verified.id, issued + lifetime * 1000 + 2 * skew, now.getTime())) {
    throw dmpFault('DMPVIHFReplayed', 'Jeton AIR déjà utilisé : un jeton INDIRECTE_RENFORCEE est à usage unique.');
  }
}

/** INDIRECTE modes: an ORG_SIGN-like certificate of the structure the VIHF names, whose DN is the Issuer. */
function checkStructureSigner(accepted: AcceptedAssertion, attributes: AssertionAttributes): void {
  const signature = accepted.signature;
  if (signature === undefined) return;
  const profile = certificateProfile(signature.certificate.der);
  if (profile === undefined || !profile.signs || profile.serverAuth) {
    throw dmpFault('DMPInvalidCertificate', 'Not a valid signature certificate (usage de clé : signature attendue, pas un certificat TLS).');
  }
  if (profile.clientAuth) {
    throw dmpFault('DMPInvalidCertificate', "Not a valid signature certificate (certificat d'authentification utilisé pour signer).");
  }
  const structure = firstText(attributes, VIHF_ATTRIBUTE.structure);
  if (structure === undefined || !profile.organizationalUnits.includes(structure)) {
    throw dmpFault('DMPInvalidCertificate', "Not a valid signature certificate (certificat d'une autre structure que Identifiant_Structure).");
  }
  if (accepted.assertion.Issuer.$value.trim() !== signature.certificate.subjectDn) invalid('Issuer différent du DN du certificat de signature.');
}

/** DIRECTE: the TLS client is a card (personal) certificate and the VIHF's subject is its holder. */
function checkCardHolder(assertion: AssertionType, peer: PeerCertificate | undefined): void {
  const profile = peer === undefined ? undefined : certificateProfile(peer.der);
  if (profile === undefined || !profile.personal) {
    throw dmpFault('DMPInvalidCertificate', 'Mode DIRECTE : la connexion TLS doit être authentifiée par une carte CPS (certificat personnel).');
  }
  const nameId = (assertion.Subject?.NameID?.$value ?? '').trim();
  if (profile.commonName === undefined || nameId !== profile.commonName) {
    invalid('mode DIRECTE : Subject/NameID différent du titulaire de la carte CPS de la connexion TLS.');
  }
}

/**
 * Checks the VIHF of a DMP request.
 * @param context - envelope, TLS peer, trust, clock, replay cache, whether the call is about a patient
 * @throws SimulatedFault with a DMP subcode (see dmp-faults.ts)
 */
export function checkVihf(context: VihfCheckContext): VihfClaims {
  const accepted = verifyHeaderAssertion(context.envelope, {
    trust: context.trust,
    now: context.now,
    allowUnsigned: true,
    allowSha1: context.allowSha1 ?? false,
  });
  if (!accepted.ok) {
    if (accepted.kind === 'missing') throw dmpFault('DMPVIHFMissing', `Jeton VIHF absent (${accepted.message}).`);
    if (accepted.kind === 'invalid') invalid(`${accepted.message}.`);
    if (accepted.kind === 'certificate') throw dmpFault('DMPInvalidCertificate', `Not a valid signature certificate (${accepted.message}).`);
    throw dmpFault('DMPInvalidSignature', `Signature du VIHF invalide (${accepted.message}).`);
  }
  const assertion = accepted.assertion;
  const signed = accepted.signature !== undefined;
  const attributes = assertionAttributes(assertion);
  const mode = modeOf(attributes);
  if (mode !== 'DIRECTE' && !signed) {
    throw dmpFault('DMPInvalidSignature', `VIHF non signé : le mode ${mode} exige une signature par le certificat de cachet de la structure.`);
  }
  if (mode === 'DIRECTE') checkCardHolder(assertion, context.peer);
  else checkStructureSigner(accepted, attributes);
  const patient = checkAttributes(assertion, attributes, mode, context.patientCall);
  checkTimes(accepted, mode, context);
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
