/**
 * Turns unknown JSON (a `vihf.json` file, a config object) into a typed {@link VihfInput}, or
 * lists every problem by path. Messages never repeat the values (they include the patient INS).
 */
import { invalidInput, type SecurityIssue } from '../errors.js';
import { isXmlChars } from '../../xml/escape.js';
import { didYouMean } from '../../codec/nearest-names.js';
import type { CodedValue, PurposeOfUseCode, VihfInput, VihfMode } from './types.js';

/** Outcome of {@link validateVihfInput}. */
export type VihfValidation = { readonly ok: true; readonly value: VihfInput } | { readonly ok: false; readonly issues: readonly SecurityIssue[] };

const MODES: readonly VihfMode[] = ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE'];
const PURPOSES: readonly PurposeOfUseCode[] = ['normal', 'bris_de_glace', 'centre_15'];
const KEYS = new Set([
  'mode',
  'nameId',
  'subjectId',
  'structureId',
  'sector',
  'roles',
  'patientIns',
  'patientInsOid',
  'purposeOfUse',
  'confidentialityCode',
  'lpsId',
  'lpsName',
  'lpsVersion',
  'homologationDmp',
  'authnContext',
  'authnContextDecl',
  'authnInstant',
  'resourceUrn',
  'vihfVersion',
  'issuer',
]);
const CODED_KEYS = new Set(['code', 'codeSystem', 'codeSystemName', 'displayName']);

/** Dotted OID (`1.2.250.1.71.1.2.7`). */
export const OID_PATTERN = /^[0-2](\.(0|[1-9][0-9]*))+$/;
/** INS: 13-character NIR/NIA (7th character may be A/B for Corsica) + 2-digit key. */
export const INS_PATTERN = /^[0-9]{6}[0-9AB][0-9]{8}$/;
const SECTOR_PATTERN = /^[^\s^]+\^[0-2](\.(0|[1-9][0-9]*))+$/;
const CLASS_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly issues: SecurityIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  text(obj: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    if (value === undefined) {
      if (required) this.add(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add(path, 'must be a string');
      return undefined;
    }
    if (value.trim() === '') {
      this.add(path, 'must not be empty');
      return undefined;
    }
    if (!isXmlChars(value)) {
      this.add(path, 'contains characters XML cannot carry');
      return undefined;
    }
    return value;
  }
  pattern(value: string | undefined, path: string, pattern: RegExp, rule: string): string | undefined {
    if (value !== undefined && !pattern.test(value)) {
      this.add(path, rule);
      return undefined;
    }
    return value;
  }
  coded(value: unknown, path: string): CodedValue | undefined {
    if (!isRecord(value)) {
      this.add(path, 'must be an object { code, codeSystem, codeSystemName?, displayName? }');
      return undefined;
    }
    for (const key of Object.keys(value)) if (!CODED_KEYS.has(key)) this.add(`${path}.${key}`, `unknown key${didYouMean(key, [...CODED_KEYS])}`);
    const code = this.text(value, 'code', `${path}.code`, true);
    const codeSystem = this.pattern(this.text(value, 'codeSystem', `${path}.codeSystem`, true), `${path}.codeSystem`, OID_PATTERN, 'must be a dotted OID');
    const codeSystemName = this.text(value, 'codeSystemName', `${path}.codeSystemName`, false);
    const displayName = this.text(value, 'displayName', `${path}.displayName`, false);
    if (code === undefined || codeSystem === undefined) return undefined;
    return { code, codeSystem, ...(codeSystemName !== undefined && { codeSystemName }), ...(displayName !== undefined && { displayName }) };
  }
}

/** Validates `value` as a {@link VihfInput}; never throws. */
export function validateVihfInput(value: unknown): VihfValidation {
  const c = new Checker();
  if (!isRecord(value)) return { ok: false, issues: [{ path: '$', message: 'must be a JSON object' }] };
  for (const key of Object.keys(value)) if (!KEYS.has(key)) c.add(key, `unknown key${didYouMean(key, [...KEYS])}`);

  const mode = value.mode;
  if (mode === undefined) c.add('mode', 'is required');
  else if (typeof mode !== 'string' || !(MODES as readonly string[]).includes(mode)) c.add('mode', `must be one of ${MODES.join(', ')}`);
  const nameId = c.text(value, 'nameId', 'nameId', true);
  const subjectId = c.text(value, 'subjectId', 'subjectId', mode === 'INDIRECTE' || mode === 'INDIRECTE_RENFORCEE');
  const structureId = c.text(value, 'structureId', 'structureId', true);
  const sector = c.pattern(c.text(value, 'sector', 'sector', true), 'sector', SECTOR_PATTERN, 'must be code^OID, e.g. SA07^1.2.250.1.71.4.2.4');

  const roles: CodedValue[] = [];
  if (value.roles === undefined) c.add('roles', 'is required');
  else if (!Array.isArray(value.roles) || value.roles.length === 0) c.add('roles', 'must be a non-empty array (profession first)');
  else
    value.roles.forEach((role: unknown, i: number) => {
      const coded = c.coded(role, `roles[${i}]`);
      if (coded) roles.push(coded);
    });

  const patientIns = c.pattern(
    c.text(value, 'patientIns', 'patientIns', false),
    'patientIns',
    INS_PATTERN,
    'must be a 15-character INS (13-character NIR/NIA + 2-digit key)',
  );
  const patientInsOid = c.pattern(c.text(value, 'patientInsOid', 'patientInsOid', false), 'patientInsOid', OID_PATTERN, 'must be a dotted OID');

  let purposeOfUse: PurposeOfUseCode | CodedValue | undefined;
  if (typeof value.purposeOfUse === 'string') {
    if ((PURPOSES as readonly string[]).includes(value.purposeOfUse)) purposeOfUse = value.purposeOfUse as PurposeOfUseCode;
    else c.add('purposeOfUse', `must be one of ${PURPOSES.join(', ')} or a coded value`);
  } else if (value.purposeOfUse !== undefined) purposeOfUse = c.coded(value.purposeOfUse, 'purposeOfUse');
  const confidentialityCode = value.confidentialityCode === undefined ? undefined : c.coded(value.confidentialityCode, 'confidentialityCode');

  const lpsId = c.text(value, 'lpsId', 'lpsId', false);
  const lpsName = c.text(value, 'lpsName', 'lpsName', true);
  const lpsVersion = c.text(value, 'lpsVersion', 'lpsVersion', true);
  const homologationDmp = c.text(value, 'homologationDmp', 'homologationDmp', true);

  const authnContext = c.text(value, 'authnContext', 'authnContext', false);
  if (authnContext !== undefined && !authnContext.startsWith('urn:') && !CLASS_NAME.test(authnContext)) {
    c.add('authnContext', 'must be a URN or a SAML class name such as SmartcardPKI');
  }
  let authnContextDecl: string | false | undefined;
  if (value.authnContextDecl === false) authnContextDecl = false;
  else authnContextDecl = c.text(value, 'authnContextDecl', 'authnContextDecl', false);
  const authnInstant = c.pattern(
    c.text(value, 'authnInstant', 'authnInstant', false),
    'authnInstant',
    ISO_INSTANT,
    'must be an ISO 8601 date-time with a zone',
  );
  if (authnInstant !== undefined && Number.isNaN(Date.parse(authnInstant))) c.add('authnInstant', 'is not a valid date');
  const resourceUrn = c.text(value, 'resourceUrn', 'resourceUrn', false);
  const vihfVersion = c.text(value, 'vihfVersion', 'vihfVersion', false);
  const issuer = c.text(value, 'issuer', 'issuer', false);

  if (c.issues.length > 0 || nameId === undefined || structureId === undefined || sector === undefined) {
    return { ok: false, issues: c.issues.length > 0 ? c.issues : [{ path: '$', message: 'incomplete input' }] };
  }
  if (lpsName === undefined || lpsVersion === undefined || homologationDmp === undefined) return { ok: false, issues: c.issues };
  const input: VihfInput = {
    mode: mode as VihfMode,
    nameId,
    ...(subjectId !== undefined && { subjectId }),
    structureId,
    sector,
    roles,
    ...(patientIns !== undefined && { patientIns }),
    ...(patientInsOid !== undefined && { patientInsOid }),
    ...(purposeOfUse !== undefined && { purposeOfUse }),
    ...(confidentialityCode !== undefined && { confidentialityCode }),
    ...(lpsId !== undefined && { lpsId }),
    lpsName,
    lpsVersion,
    homologationDmp,
    ...(authnContext !== undefined && { authnContext }),
    ...(authnContextDecl !== undefined && { authnContextDecl }),
    ...(authnInstant !== undefined && { authnInstant }),
    ...(resourceUrn !== undefined && { resourceUrn }),
    ...(vihfVersion !== undefined && { vihfVersion }),
    ...(issuer !== undefined && { issuer }),
  };
  return { ok: true, value: input };
}

/** Like {@link validateVihfInput} but throws a `SecurityError` (`invalid-input`) listing the issues. */
export function parseVihfInput(value: unknown): VihfInput {
  const result = validateVihfInput(value);
  if (!result.ok) throw invalidInput('VIHF input', result.issues);
  return result.value;
}
