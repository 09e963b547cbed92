/**
 * `volet jsonschema` checked by an independent validator (ajv, JSON Schema 2020-12): the official
 * DMP and INSi example messages, as `volet decode` prints them, validate against the schema of
 * their operation's request or response; a misspelt key and a bad enumeration value do not. The
 * schemas of the files volet reads accept the project's own examples and reject misspellings.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';
import { volet } from '../cli/run.js';

const SKIP = corpusSkipReason;
const tmp = mkdtempSync(join(tmpdir(), 'volet-jsonschema-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const DMP_WSDL = (name: string): string => corpus('dmp-annexe-wsdl-schema', 'wsdl', `${name}.wsdl`);
const DMP = (name: string): string => corpus('dmp-exemples-messages', name);
const INSI_WSDL = corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl');
const INSI_FIXTURE = (name: string): string => corpus('insi-padoa', 'src', 'ins', 'fixtures', `${name}.xml`);

interface Case {
  readonly wsdl: string;
  readonly file: string;
  readonly schema: string;
}

const CASES: Case[] = [
  { wsdl: DMP_WSDL('XDS.b_DocumentRegistry'), file: DMP('TD3.1_Recherche_de_document_requete.xml'), schema: 'DocumentRegistry_RegistryStoredQuery.request' },
  { wsdl: DMP_WSDL('XDS.b_DocumentRegistry'), file: DMP('TD3.1_Recherche_de_document_reponse.xml'), schema: 'DocumentRegistry_RegistryStoredQuery.response' },
  { wsdl: DMP_WSDL('XDS.b_DocumentRegistry'), file: DMP('TD3.3c_Supprimer_un_document_reponse.xml'), schema: 'DocumentRegistry_UpdateDocumentSet.response' },
  {
    wsdl: DMP_WSDL('XDS.b_DocumentRepository'),
    file: DMP('TD2.1_Alimentation_requete.xml'),
    schema: 'DocumentRepository_ProvideAndRegisterDocumentSet-b.request',
  },
  {
    wsdl: DMP_WSDL('XDS.b_DocumentRepository'),
    file: DMP('TD2.1_Alimentation_reponse.xml'),
    schema: 'DocumentRepository_ProvideAndRegisterDocumentSet-b.response',
  },
  {
    wsdl: DMP_WSDL('XDS.b_DocumentRepository'),
    file: DMP('TD3.2_Consultation_dun_document_requete.xml'),
    schema: 'DocumentRepository_RetrieveDocumentSet.request',
  },
  { wsdl: DMP_WSDL('Habilitations'), file: DMP('TD0.3_Mise_a_jour_de_lautorisation_requete.xml'), schema: 'setAuthorization.request' },
  { wsdl: DMP_WSDL('Habilitations'), file: DMP('TD0.3_Mise_a_jour_de_lautorisation_reponse.xml'), schema: 'setAuthorization.response' },
  {
    wsdl: DMP_WSDL('GestionDossierPatientPartage'),
    file: DMP('TD0.2_Test_dexistence_requete.xml'),
    schema: 'PatientGetDemographics_PRPA_IN201307UV02.request',
  },
  {
    wsdl: DMP_WSDL('GestionDossierPatientPartage'),
    file: DMP('TD0.2_Test_dexistence_reponse.xml'),
    schema: 'PatientGetDemographics_PRPA_IN201307UV02.response',
  },
  {
    wsdl: INSI_WSDL,
    file: corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-before-security.xml'),
    schema: 'rechercherInsAvecTraitsIdentite.request',
  },
  {
    wsdl: INSI_WSDL,
    file: corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-with-assertion-ps.xml'),
    schema: 'rechercherInsAvecTraitsIdentite.request',
  },
  { wsdl: INSI_WSDL, file: corpus('insi-padoa', 'extracted', 'fault-siram_100-desir_550.xml'), schema: 'rechercherInsAvecTraitsIdentite.response' },
  ...['REP_CR01', 'TEST_2.04_cas2', 'TEST_2.05', 'TEST_2.08_cas1', 'TEST_2.08_cas2'].map((f) => ({
    wsdl: INSI_WSDL,
    file: INSI_FIXTURE(f),
    schema: 'rechercherInsAvecTraitsIdentite.response',
  })),
];

/** Schema folders by WSDL, written once. */
const folders = new Map<string, string>();
const ajv = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true, validateFormats: false });
const compiled = new Map<string, ValidateFunction>();

async function schemaFolder(wsdl: string): Promise<string> {
  let dir = folders.get(wsdl);
  if (dir === undefined) {
    dir = join(tmp, String(folders.size));
    const r = await volet('jsonschema', wsdl, '--out', dir);
    assert.equal(r.code, 0, r.stderr);
    folders.set(wsdl, dir);
  }
  return dir;
}

async function validator(wsdl: string, name: string): Promise<ValidateFunction> {
  const file = join(await schemaFolder(wsdl), `${name}.schema.json`);
  let v = compiled.get(file);
  if (v === undefined) {
    v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
    compiled.set(file, v);
  }
  return v;
}

async function decoded(wsdl: string, file: string): Promise<unknown> {
  const r = await volet('decode', wsdl, file);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as unknown;
}

function errorsOf(v: ValidateFunction): string {
  return JSON.stringify(v.errors?.slice(0, 3));
}

describe('volet jsonschema: the decoded official examples validate (ajv, 2020-12)', { skip: SKIP }, () => {
  for (const c of CASES) {
    test(`${c.file.split('/').pop()} against ${c.schema}`, async () => {
      const v = await validator(c.wsdl, c.schema);
      const json = await decoded(c.wsdl, c.file);
      assert.ok(v(json), errorsOf(v));
    });
  }
});

describe('volet jsonschema: mistakes do not validate', { skip: SKIP }, () => {
  let request: { envelope: { body: { value: Record<string, unknown> }[] } };
  let v: ValidateFunction;
  before(async () => {
    if (SKIP) return;
    request = (await decoded(INSI_WSDL, CASES[10].file)) as typeof request;
    v = await validator(INSI_WSDL, 'rechercherInsAvecTraitsIdentite.request');
  });

  test('a misspelt key (NomDeNaissance) is reported as an additional property', () => {
    const bad = structuredClone(request);
    const body = bad.envelope.body[0].value;
    body.NomDeNaissance = body.NomNaissance;
    delete body.NomNaissance;
    assert.equal(v(bad), false);
    assert.ok(JSON.stringify(v.errors).includes('NomDeNaissance') || JSON.stringify(v.errors).includes('additionalProperties'), errorsOf(v));
  });

  test('a value outside an enumeration (Sexe X) and a bad date do not validate', () => {
    const sex = structuredClone(request);
    sex.envelope.body[0].value.Sexe = 'X';
    assert.equal(v(sex), false);
    const date = structuredClone(request);
    date.envelope.body[0].value.DateNaissance = '17/05/1980';
    assert.equal(v(date), false);
  });

  test('a bad enumeration value (the INSi fault severity, an enumerated QName) does not validate', async () => {
    const fault = (await decoded(INSI_WSDL, corpus('insi-padoa', 'extracted', 'fault-siram_100-desir_550.xml'))) as { envelope: unknown };
    const response = await validator(INSI_WSDL, 'rechercherInsAvecTraitsIdentite.response');
    assert.ok(response(fault), errorsOf(response));
    const text = JSON.stringify(fault);
    const bad = text.replace(/"local":"(erreur|fatale|avertissement|information)"/, '"local":"grave"');
    assert.notEqual(bad, text, 'the fault detail has a severity');
    assert.equal(response(JSON.parse(bad)), false);
  });
});

describe('volet jsonschema: the files volet reads', { skip: SKIP }, () => {
  test("volet.config.json: the repository's own validates, services[].outDir does not", async () => {
    const v = await validator(INSI_WSDL, 'volet.config');
    const config = JSON.parse(readFileSync(join(repoRoot, 'volet.config.json'), 'utf8')) as { services: Record<string, unknown>[] };
    assert.ok(v(config), errorsOf(v));
    config.services[0].outDir = 'x';
    assert.equal(v(config), false);
  });

  test('vihf.json and the assertion PS input: valid inputs pass, misspelt keys and bad modes do not', async () => {
    const vihf = await validator(INSI_WSDL, 'vihf');
    const input = {
      mode: 'INDIRECTE',
      nameId: '899900063480',
      subjectId: 'MAX LIBRE',
      structureId: '10B0127189',
      sector: 'SA07^1.2.250.1.71.4.2.4',
      roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7' }],
      patientIns: '207058575627097',
      lpsName: 'MonLogiciel',
      lpsVersion: '1.0',
      homologationDmp: 'TEST-0001',
    };
    assert.ok(vihf(input), errorsOf(vihf));
    assert.equal(vihf({ ...input, patientINS: input.patientIns }), false);
    assert.equal(vihf({ ...input, mode: 'DIRECT' }), false);
    const { subjectId: _unused, ...withoutSubject } = input;
    assert.equal(vihf(withoutSubject), false, 'INDIRECTE needs subjectId');
    const ps = await validator(INSI_WSDL, 'assertion-ps');
    assert.ok(ps({ nameId: '00B6087510', identifiantFacturation: '123456789', secteurActivite: 'SA05' }), errorsOf(ps));
    assert.equal(ps({ nameId: '00B6087510', identifiantFacturation: '123456789', secteurActivite: 'SA05', codeSpecialiteAmo: '01' }), false);
  });

  test('contexts: the decoded INSi contexts validate; a misspelt key does not', async () => {
    const v = await validator(INSI_WSDL, 'contexts');
    const request = (await decoded(INSI_WSDL, CASES[10].file)) as { envelope: { headers: { element: string; value?: Record<string, unknown> }[] } };
    const value = (name: string): Record<string, unknown> => request.envelope.headers.find((h) => h.element.endsWith(`}${name}`))?.value ?? {};
    const contexts = { ContexteLPS: value('ContexteLPS'), ContexteBAM: value('ContexteBAM') };
    assert.ok(v(contexts), errorsOf(v));
    assert.equal(v({ ...contexts, ContexteLps: {} }), false);
  });
});
