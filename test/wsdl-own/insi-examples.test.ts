/**
 * INSi fixtures of the corpus against our INSi schemas, with xmllint: the RESULTAT bodies of the CNDA responses,
 * the RECSANSVITALE request body and its ContexteLPS / ContexteBAM / MessageID header blocks, and the siram:Erreur
 * fault detail. Each is also validated against the service's own schemas in the corpus: same verdict, and the
 * same errors when invalid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';
import { faultDetailEntry, firstBodyElement, headerBlock } from './message-parts.js';
import { xmllintSkipReason, xmllintValidate } from '../support/xmllint.js';
import { builtinSchemaFile } from '../support/builtin-schemas.js';

const skip = xmllintSkipReason || corpusSkipReason;

const ours = (...p: string[]): string => join(repoRoot, 'wsdl', ...p);
const officialXsd = (...p: string[]): string => corpus('insi-padoa', 'src', 'wsdl', 'xsd', ...p);
const fixture = (name: string): string => readFileSync(corpus('insi-padoa', 'src', 'ins', 'fixtures', name), 'utf8');
const extracted = (name: string): string => readFileSync(corpus('insi-padoa', 'extracted', name), 'utf8');

const RESULTAT = { ours: ours('insi', 'insi-resultat.xsd'), official: officialXsd('ServiceIdentiteCertifiee', 'INSi_RESULTAT_INS.xsd') };

/** Same verdict from ours and the official schema; the same errors too unless `sameErrors` is false. Returns ours. */
function sameVerdict(xml: string, s: { ours: string; official: string }, expectValid: boolean, label: string, sameErrors = true): string[] {
  const o = xmllintValidate(xml, s.ours);
  const off = xmllintValidate(xml, s.official);
  assert.ok(o.compiled && off.compiled, `${label}: a schema did not compile\n${o.output}\n${off.output}`);
  assert.equal(off.valid, expectValid, `${label}: official schema verdict\n${off.output}`);
  assert.equal(o.valid, expectValid, `${label}: our schema verdict\n${o.output}`);
  if (sameErrors) assert.deepEqual(o.errors, off.errors, `${label}: our errors differ from the official schema's`);
  return o.errors;
}

for (const name of ['REP_CR01.xml', 'TEST_2.05.xml', 'TEST_2.08_cas1.xml', 'TEST_2.08_cas2.xml']) {
  test(`${name}: the RESULTAT body validates`, { skip }, () => {
    const body = firstBodyElement(fixture(name));
    assert.ok(body.startsWith('<RESULTAT '), 'RESULTAT body expected');
    sameVerdict(body, RESULTAT, true, name);
  });
}

test('TEST_2.04_cas2.xml: INSHISTO with DateDeb/DateFin before IdIndividu fails, as with the service schema', { skip }, () => {
  const errors = sameVerdict(firstBodyElement(fixture('TEST_2.04_cas2.xml')), RESULTAT, false, 'TEST_2.04_cas2');
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? '', /DateDeb'?: This element is not expected\. Expected is \( \{http:\/\/www\.cnamts\.fr\/INSiResultat\}IdIndividu \)/);
});

test('a RESULTAT with a NIR that breaks the pattern is rejected by both schemas', { skip }, () => {
  const body = firstBodyElement(fixture('TEST_2.05.xml')).replace(/<NumIdentifiant>\w+</, '<NumIdentifiant>12345678901<');
  // Messages quote the pattern, which we write differently (same language).
  const errors = sameVerdict(body, RESULTAT, false, 'short NIR', false);
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? '', /NumIdentifiant'?: \[facet 'pattern'\]/);
});

const request = (): string => extracted('request-rechercherInsAvecTraitsIdentite-before-security.xml');

test('extracted request: the RECSANSVITALE body validates', { skip }, () => {
  const body = firstBodyElement(request());
  assert.ok(body.startsWith('<insi_recsans_ins:RECSANSVITALE '), 'RECSANSVITALE body expected');
  sameVerdict(
    body,
    { ours: ours('insi', 'insi-recsans.xsd'), official: officialXsd('ServiceIdentiteCertifiee', 'INSi_RECSANS_INS.xsd') },
    true,
    'RECSANSVITALE',
  );
});

test('extracted request: the ContexteLPS header block validates', { skip }, () => {
  const block = headerBlock(request(), 'urn:siram:lps:ctxlps', 'ContexteLPS');
  sameVerdict(block, { ours: ours('insi', 'ctxlps.xsd'), official: officialXsd('CTX', 'ROOT_ctxlps_CTXLPS_V01_00.xsd') }, true, 'ContexteLPS');
});

test('extracted request: the ContexteBAM header block (empty COUVERTURE) validates', { skip }, () => {
  const block = headerBlock(request(), 'urn:siram:bam:ctxbam', 'ContexteBAM');
  assert.ok(block.includes('<ctxbam:COUVERTURE/>'), 'empty COUVERTURE expected');
  sameVerdict(block, { ours: ours('insi', 'ctxbam.xsd'), official: officialXsd('CTX', 'ROOT_ctxbam_CTXBAM_V01_02.xsd') }, true, 'ContexteBAM');
});

test('a ContexteBAM without COUVERTURE is rejected by both schemas', { skip }, () => {
  const block = headerBlock(request(), 'urn:siram:bam:ctxbam', 'ContexteBAM').replace('<ctxbam:COUVERTURE/>', '');
  const errors = sameVerdict(
    block,
    { ours: ours('insi', 'ctxbam.xsd'), official: officialXsd('CTX', 'ROOT_ctxbam_CTXBAM_V01_02.xsd') },
    false,
    'no COUVERTURE',
  );
  assert.equal(errors.length, 1);
  assert.match(errors[0] ?? '', /COUVERTURE/);
});

test('extracted request: the wsa:MessageID header block validates (official: WS-Addressing 1.0 schema)', { skip }, () => {
  const block = headerBlock(request(), 'http://www.w3.org/2005/08/addressing', 'MessageID');
  assert.ok(/>uuid:[0-9a-f-]{36}</.test(block), 'uuid: MessageID expected');
  const official = corpus('wss4j-ws-schemas', 'ws-security-policy-stax', 'src', 'main', 'resources', 'schemas', 'ws-addr200508.xsd');
  sameVerdict(block, { ours: builtinSchemaFile('http://www.w3.org/2005/08/addressing'), official }, true, 'MessageID');
});

test('fault siram_100/desir_550: the siram:Erreur detail validates', { skip }, () => {
  const entry = faultDetailEntry(extracted('fault-siram_100-desir_550.xml'));
  assert.ok(entry.startsWith('<siram:Erreur ') && entry.includes('code="desir_550"'), 'siram:Erreur desir_550 expected');
  sameVerdict(entry, { ours: ours('insi', 'siram-erreur.xsd'), official: officialXsd('schema_faultSOAP_V01_01.xsd') }, true, 'siram:Erreur');
});

test('a siram:Erreur with an unknown severite is rejected by both schemas', { skip }, () => {
  const entry = faultDetailEntry(extracted('fault-siram_100-desir_550.xml')).replace('severite="erreur"', 'severite="grave"');
  const o = xmllintValidate(entry, ours('insi', 'siram-erreur.xsd'));
  const off = xmllintValidate(entry, officialXsd('schema_faultSOAP_V01_01.xsd'));
  // Same verdict; messages differ because the service types severite as xs:QName and we as xs:string.
  assert.equal(off.valid, false);
  assert.equal(o.valid, false);
  assert.equal(o.errors.length, 1);
  assert.match(o.errors[0] ?? '', /severite/);
});
