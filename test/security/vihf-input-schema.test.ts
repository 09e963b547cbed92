/**
 * The VIHF input is described twice: by the runtime's validator (`validateVihfInput`, what `volet
 * call --vihf` and `VihfProvider` accept) and by the JSON Schema `volet jsonschema` writes for
 * `vihf.json` (what an editor checks). They must say the same: every input below, valid or broken
 * one field at a time, gets the same verdict from both, the schema judged by an independent
 * validator (ajv, JSON Schema 2020-12).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateVihfInput } from '@volet/runtime/security';
import { VIHF_SCHEMA } from '../../generator/jsonschema/file-schemas.js';

const valid = {
  mode: 'INDIRECTE_RENFORCEE',
  nameId: '899900063480',
  subjectId: 'MAX LIBRE',
  structureId: '10B0127189',
  sector: 'SA07^1.2.250.1.71.4.2.4',
  roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7', codeSystemName: 'professions', displayName: 'Médecin' }],
  patientIns: '207058575627097',
  patientInsOid: '1.2.250.1.213.1.4.10',
  purposeOfUse: 'normal',
  confidentialityCode: { code: 'N', codeSystem: '2.16.840.1.113883.5.25' },
  lpsId: 'LPS-1',
  lpsName: 'MonLogiciel',
  lpsVersion: '1.0',
  homologationDmp: 'TEST-0001',
  authnContext: 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
  authnContextDecl: false,
  authnInstant: '2026-12-06T10:00:00Z',
  resourceUrn: 'urn:dmp',
  vihfVersion: '3.0',
  issuer: 'urn:issuer',
};

type Input = Record<string, unknown>;

/** Values every text field is tried with: good, empty, blank, not text, not XML characters. */
const TEXT_TRIALS: readonly unknown[] = ['x', '', '   ', 42, null, true, [], {}, 'a\u0000b', 'a\uFFFEb', 'a\uD800b', 'tab\there', 'émile'];

function variants(): { name: string; input: unknown }[] {
  const out: { name: string; input: unknown }[] = [{ name: 'valid', input: valid }];
  const add = (name: string, change: (x: Input) => void): void => {
    const copy = structuredClone(valid) as Input;
    change(copy);
    out.push({ name, input: copy });
  };
  for (const key of Object.keys(valid)) {
    add(`without ${key}`, (x) => {
      delete x[key];
    });
    for (const v of TEXT_TRIALS) add(`${key} = ${JSON.stringify(v)}`, (x) => (x[key] = v));
  }
  for (const mode of ['DIRECTE', 'INDIRECTE', 'INDIRECTE_RENFORCEE', 'directe', 'DIRECT']) {
    add(`mode ${mode}`, (x) => (x.mode = mode));
    add(`mode ${mode} without subjectId`, (x) => {
      x.mode = mode;
      delete x.subjectId;
    });
  }
  for (const sector of ['SA07^1.2.3', 'SA07', 'SA 07^1.2.3', 'SA07^1.02', '^1.2.3', 'SA07^3.1', 'SA^07^1.2'])
    add(`sector ${sector}`, (x) => (x.sector = sector));
  for (const ins of ['207058575627097', '2070585756270', '1234567A12345678', '123456B12345678', '12345 789012345', '2070585756270977']) {
    add(`patientIns ${ins}`, (x) => (x.patientIns = ins));
  }
  for (const oid of ['1.2.250', '3.1', '1', '1.02', '1..2', ' 1.2', '0.0']) {
    add(`patientInsOid ${oid}`, (x) => (x.patientInsOid = oid));
    add(`roles[0].codeSystem ${oid}`, (x) => ((x.roles as Input[])[0].codeSystem = oid));
  }
  for (const roles of [
    [],
    {},
    'x',
    [{ code: '10' }],
    [{ codeSystem: '1.2' }],
    [{ code: '10', codeSystem: '1.2', extra: 1 }],
    [{ code: '', codeSystem: '1.2' }],
    ['x'],
  ]) {
    add(`roles ${JSON.stringify(roles)}`, (x) => (x.roles = roles));
  }
  for (const purpose of ['normal', 'bris_de_glace', 'centre_15', 'urgence', { code: 'x', codeSystem: '1.2' }, { code: 'x' }, 3]) {
    add(`purposeOfUse ${JSON.stringify(purpose)}`, (x) => (x.purposeOfUse = purpose));
  }
  for (const context of ['urn:x', 'SmartcardPKI', 'Smartcard PKI', '1abc', 'http://x', 'urn:', 'Pass-word'])
    add(`authnContext ${context}`, (x) => (x.authnContext = context));
  for (const decl of [false, true, 'urn:decl', '', 0]) add(`authnContextDecl ${JSON.stringify(decl)}`, (x) => (x.authnContextDecl = decl));
  for (const instant of [
    '2026-12-06T10:00:00Z',
    '2026-12-06T10:00:00.123+01:00',
    '2026-12-06T10:00:00',
    '2026-12-06',
    '2026-13-06T10:00:00Z',
    '2026-12-06T25:00:00Z',
    '2026-02-30T10:00:00Z',
  ]) {
    add(`authnInstant ${instant}`, (x) => (x.authnInstant = instant));
  }
  add('an unknown key', (x) => (x.patientINS = '207058575627097'));
  add('an unknown key in a coded value', (x) => ((x.confidentialityCode as Input).system = '1.2'));
  for (const top of [null, [], 'x', 1]) out.push({ name: `top-level ${JSON.stringify(top)}`, input: top });
  return out;
}

test('vihf.json: the JSON Schema (checked by ajv) and the runtime validator give every input the same verdict', () => {
  const ajv = new Ajv2020({ allErrors: true });
  const schemaAccepts = ajv.compile(VIHF_SCHEMA);
  const cases = variants();
  const disagreements = cases
    .filter((c) => schemaAccepts(c.input) !== validateVihfInput(c.input).ok)
    .map((c) => `${c.name}: schema ${schemaAccepts(c.input) ? 'accepts' : 'refuses'}, validator ${validateVihfInput(c.input).ok ? 'accepts' : 'refuses'}`);
  assert.deepEqual(disagreements, []);
  // Both sides really judge: many inputs are refused, and the valid one passes.
  assert.ok(validateVihfInput(valid).ok);
  assert.ok(cases.filter((c) => !validateVihfInput(c.input).ok).length > 200, `only ${cases.length} cases`);
});
