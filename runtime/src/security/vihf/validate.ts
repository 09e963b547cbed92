/**
 * Turns unknown JSON (a `vihf.json` file, a config object) into a typed {@link VihfInput}, or
 * lists every problem by path. Messages never repeat the values (they include the patient INS).
 */
import { invalidInput, type SecurityIssue } from '../errors.js';
import { isXmlChars } from '../../xml/escape.js';
import { didYouMean } from '../../codec/nearest-names.js';
import type { CodedValue, PurposeOfUseCode, VihfInput, VihfMode } from './types.js';
import { VIHF_INPUT_RULES, type VihfTextRule } from './rules.js';

/** Outcome of {@link validateVihfInput}. */
export type VihfValidation = { readonly ok: true; readonly value: VihfInput } | { readonly ok: false; readonly issues: readonly SecurityIssue[] };

const RULES = VIHF_INPUT_RULES;
const KEYS = new Set(RULES.keys);
const CODED_KEYS = new Set(RULES.codedValue.keys);
const PATTERNS: Readonly<Record<Exclude<VihfTextRule, 'text'>, RegExp>> = {
  oid: new RegExp(RULES.patterns.oid, 'u'),
  ins: new RegExp(RULES.patterns.ins, 'u'),
  sector: new RegExp(RULES.patterns.sector, 'u'),
  instant: new RegExp(RULES.patterns.instant, 'u'),
  authnContext: new RegExp(RULES.patterns.authnContext, 'u'),
};
/** What a value breaking each pattern is told (never the value: it may be the patient's INS). */
const PATTERN_MESSAGES: Readonly<Record<Exclude<VihfTextRule, 'text'>, string>> = {
  oid: 'must be a dotted OID',
  ins: 'must be a 15-character INS (13-character NIR/NIA + 2-digit key)',
  sector: 'must be code^OID, e.g. SA07^1.2.250.1.71.4.2.4',
  instant: 'must be an ISO 8601 date-time with a zone',
  authnContext: 'must be a URN or a SAML class name such as SmartcardPKI',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Checker {
  readonly issues: SecurityIssue[] = [];
  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }
  /** The text field `key` of `obj` checked by its rule; undefined (after an issue, if any) when absent or wrong. */
  text(obj: Record<string, unknown>, key: string, path: string, required: boolean, rule: VihfTextRule): string | undefined {
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
    if (rule !== 'text' && !PATTERNS[rule].test(value)) {
      this.add(path, PATTERN_MESSAGES[rule]);
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
    const fields: Record<string, string> = {};
    for (const [key, rule] of Object.entries(RULES.codedValue.textFields)) {
      const text = this.text(value, key, `${path}.${key}`, RULES.codedValue.required.includes(key), rule);
      if (text !== undefined) fields[key] = text;
    }
    const { code, codeSystem, codeSystemName, displayName } = fields;
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
  const modes: readonly string[] = RULES.modes;
  if (mode === undefined) c.add('mode', 'is required');
  else if (typeof mode !== 'string' || !modes.includes(mode)) c.add('mode', `must be one of ${modes.join(', ')}`);
  const needsSubject = (RULES.subjectIdModes as readonly unknown[]).includes(mode);

  // Every field in the order of the keys, so that the issues come in that order too.
  const t: Record<string, string> = {};
  const roles: CodedValue[] = [];
  let purposeOfUse: PurposeOfUseCode | CodedValue | undefined;
  const codedValues: Record<string, CodedValue> = {};
  let authnContextDecl: string | false | undefined;
  for (const key of RULES.keys) {
    const rule = RULES.textFields[key];
    if (rule !== undefined) {
      const text = c.text(value, key, key, RULES.required.includes(key) || (key === 'subjectId' && needsSubject), rule);
      if (text !== undefined) t[key] = text;
    } else if (key === 'roles') {
      const list = value.roles;
      if (list === undefined) c.add('roles', 'is required');
      else if (!Array.isArray(list) || list.length === 0) c.add('roles', 'must be a non-empty array (profession first)');
      else
        list.forEach((role: unknown, i: number) => {
          const coded = c.coded(role, `roles[${i}]`);
          if (coded) roles.push(coded);
        });
    } else if (key === 'purposeOfUse') {
      const purposes: readonly string[] = RULES.purposeOfUseCodes;
      const given = value.purposeOfUse;
      if (typeof given === 'string') {
        if (purposes.includes(given)) purposeOfUse = given as PurposeOfUseCode;
        else c.add('purposeOfUse', `must be one of ${purposes.join(', ')} or a coded value`);
      } else if (given !== undefined) purposeOfUse = c.coded(given, 'purposeOfUse');
    } else if (RULES.codedFields.includes(key)) {
      const coded = value[key] === undefined ? undefined : c.coded(value[key], key);
      if (coded !== undefined) codedValues[key] = coded;
    } else if (key === 'authnContextDecl') {
      authnContextDecl = value.authnContextDecl === false ? false : c.text(value, key, key, false, 'text');
    }
  }

  const { nameId, subjectId, structureId, sector, patientIns, patientInsOid, lpsId, lpsName, lpsVersion, homologationDmp } = t;
  const { authnContext, authnInstant, resourceUrn, vihfVersion, issuer } = t;
  const { confidentialityCode } = codedValues;
  if (c.issues.length > 0) return { ok: false, issues: c.issues };
  if (
    nameId === undefined ||
    structureId === undefined ||
    sector === undefined ||
    lpsName === undefined ||
    lpsVersion === undefined ||
    homologationDmp === undefined
  ) {
    return { ok: false, issues: [{ path: '$', message: 'incomplete input' }] };
  }
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
