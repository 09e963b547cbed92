/**
 * Reads the official VIHF example tokens (structure oracles) and turns one into the builder input
 * that should reproduce its shape. Two tokens are not valid UTF-8: bytes are decoded as UTF-8 when
 * possible, else as Latin-1 (values are irrelevant to a structural comparison).
 */
import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { CodedValue, VihfInput, VihfMode } from '@volet/runtime';
import { corpus } from '../support/paths.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const HL7 = 'urn:hl7-org:v3';

/** The four official tokens, by the mode/signing they show. */
export const OFFICIAL_TOKENS = {
  directeUnsigned: 'VIHF_DIRECTE_non_signe.xml',
  directeSigned: 'VIHF_DIRECTE_signe.xml',
  indirecte: 'VIHF_INDIRECTE_signe.xml',
  renforcee: 'VIHF_INDIRECTE_RENFORCEE_signe.xml',
} as const;

/** Path of an official token in the corpus. */
export function officialTokenPath(file: string): string {
  return corpus('dmp-exemples-messages', 'Exemples_Jeton_VIHF', file);
}

/** Text of an official token (UTF-8, else Latin-1). */
export function readOfficialToken(file: string): string {
  const bytes = readFileSync(officialTokenPath(file));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

function codedOf(e: Element): CodedValue {
  const optional = (name: string): Record<string, string> => (e.hasAttribute(name) ? { [name]: e.getAttribute(name) ?? '' } : {});
  return { code: e.getAttribute('code') ?? '', codeSystem: e.getAttribute('codeSystem') ?? '', ...optional('codeSystemName'), ...optional('displayName') };
}

/** The builder input carrying the same data (hence the same optional parts) as an official token. */
export function inputFromToken(xml: string): VihfInput {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const values = new Map<string, Element[]>();
  for (const attr of Array.from(doc.getElementsByTagNameNS(SAML, 'Attribute'))) {
    values.set(attr.getAttribute('Name') ?? '', Array.from(attr.getElementsByTagNameNS(SAML, 'AttributeValue')));
  }
  const text = (name: string): string | undefined => values.get(name)?.[0]?.textContent ?? undefined;
  const hl7 = (name: string, local: string): CodedValue[] =>
    (values.get(name) ?? []).flatMap((v) => Array.from(v.getElementsByTagNameNS(HL7, local))).map(codedOf);
  const ins = text('urn:oasis:names:tc:xacml:2.0:resource:resource-id');
  const decl = doc.getElementsByTagNameNS(SAML, 'AuthnContextDecl')[0];
  const subjectId = text('urn:oasis:names:tc:xspa:1.0:subject:subject-id');
  const lpsId = text('LPS_ID');
  return {
    mode: text('Authentification_mode') as VihfMode,
    nameId: doc.getElementsByTagNameNS(SAML, 'NameID')[0]?.textContent ?? '',
    ...(subjectId !== undefined && { subjectId }),
    structureId: text('Identifiant_Structure') ?? '',
    sector: text('Secteur_Activite') ?? '',
    roles: hl7('urn:oasis:names:tc:xacml:2.0:subject:role', 'Role'),
    ...(ins !== undefined && { patientIns: ins.split('^')[0], patientInsOid: ins.split('&')[1] }),
    purposeOfUse: hl7('urn:oasis:names:tc:xspa:1.0:subject:purposeofuse', 'PurposeOfUse')[0],
    ...(lpsId !== undefined && { lpsId }),
    lpsName: text('LPS_Nom') ?? '',
    lpsVersion: text('LPS_Version') ?? '',
    homologationDmp: text('LPS_ID_HOMOLOGATION_DMP') ?? '',
    authnContext: doc.getElementsByTagNameNS(SAML, 'AuthnContextClassRef')[0]?.textContent ?? '',
    ...(decl ? { authnContextDecl: decl.textContent ?? '' } : { authnContextDecl: false as const }),
    vihfVersion: text('VIHF_Version') ?? '',
  };
}
