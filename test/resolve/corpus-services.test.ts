/**
 * The real service descriptions of the corpus (DMP, IHE XDS from IPF, INSi) load and resolve with no
 * error, from the elements of their message parts; a few known facts are checked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { DocumentCache, loadDescription } from '../../generator/load/load.js';
import { formatDiagnostic } from '../../generator/model/diagnostics.js';
import type { Diagnostic, SchemaModel } from '../../generator/model/model.js';
import { parseSchemas } from '../../generator/parse/xsd/parse-schemas.js';
import { resolveSchema } from '../../generator/resolve/resolve.js';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { complexType, elementByName, elementTerms, particleOf, typeById } from '../xsd/support.js';
import { partRoots } from './wsdl-roots.js';

const cache = new DocumentCache();

function resolveWsdl(path: string): { model: SchemaModel; diagnostics: Diagnostic[]; roots: string[] } {
  const loaded = loadDescription([path], { cache });
  const diagnostics = [...loaded.diagnostics];
  const components = parseSchemas(loaded, diagnostics);
  const roots = partRoots(loaded);
  const model = resolveSchema(components, roots, diagnostics);
  return { model, diagnostics, roots: roots.elements };
}

function wsdlsIn(folder: string): string[] {
  const dir = corpus(folder);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.wsdl'))
        .sort()
        .map((f) => corpus(folder, f))
    : [];
}

function assertClean(path: string): SchemaModel {
  const { model, diagnostics, roots } = resolveWsdl(path);
  const errs = diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errs.map(formatDiagnostic), [], path);
  for (const root of roots) {
    const e = model.elements.find((x) => x.name === root);
    assert.ok(e, `${path}: message part element ${root} is declared`);
    assert.equal(e.reached, true, root);
  }
  return model;
}

test('the 7 DMP WSDLs load and resolve with no error', { skip: corpusSkipReason }, () => {
  const files = wsdlsIn('dmp-annexe-wsdl-schema/wsdl');
  assert.equal(files.length, 7);
  for (const f of files) assertClean(f);
});

test('the IPF IHE XDS WSDLs load and resolve with no error', { skip: corpusSkipReason }, () => {
  const files = wsdlsIn('ipf-ihe-xds/wsdl');
  assert.ok(files.length >= 20);
  for (const f of files) assertClean(f);
});

test('INSi: ContexteLPS and the remote WS-Addressing import through the catalog', { skip: corpusSkipReason }, () => {
  const model = assertClean(corpus('insi-padoa/src/wsdl/DESIR_ICIR_EXP_1.5.0.wsdl'));
  const ctx = elementByName(model, '{urn:siram:lps:ctxlps}ContexteLPS');
  assert.equal(ctx.type, '{urn:siram:lps:ctxlps}ContexteLPS');
  const type = complexType(model, ctx.type);
  assert.deepEqual(
    elementTerms(particleOf(type)).map((e) => [e.name, e.type]),
    [
      ['{urn:siram:lps:ctxlps}Id', '{urn:siram:lps:ctxlps}IdentiteString'],
      ['{urn:siram:lps:ctxlps}Temps', '{http://www.w3.org/2001/XMLSchema}dateTime'],
      ['{urn:siram:lps:ctxlps}Emetteur', '{urn:siram:lps:ctxlps}IdentiteString'],
      ['{urn:siram:lps:ctxlps}LPS', '{urn:siram:lps:ctxlps}LOGICIEL'],
    ],
  );
  assert.deepEqual(
    type.attributes.map((a) => [a.name, a.use]),
    [
      ['{}Nature', 'optional'],
      ['{}Version', 'required'],
    ],
  );
  // Element and type share a local name: their TypeScript names differ.
  assert.notEqual(ctx.tsName, type.tsName);
  const messageId = elementByName(model, '{http://www.w3.org/2005/08/addressing}MessageID');
  assert.equal(messageId.reached, true);
  assert.equal(typeById(model, messageId.type).reached, true);
});

test('DMP XDS.b registry: ebRS AdhocQueryRequest and what it reaches', { skip: corpusSkipReason }, () => {
  const model = assertClean(corpus('dmp-annexe-wsdl-schema/wsdl/XDS.b_DocumentRegistry.wsdl'));
  const request = elementByName(model, '{urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0}AdhocQueryRequest');
  assert.equal(request.reached, true);
  assert.equal(typeById(model, '{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}AdhocQueryType').reached, true);
  assert.equal(typeById(model, '{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}SlotType1').reached, true);
});

test('DMP GDP: the HL7 v3 types of PRPA_IN201307UV02 are reached through groups, extension and includes', { skip: corpusSkipReason }, () => {
  const model = assertClean(corpus('dmp-annexe-wsdl-schema/wsdl/GestionDossierPatientPartage.wsdl'));
  const hl7 = 'urn:hl7-org:v3';
  const root = elementByName(model, `{${hl7}}PRPA_IN201307UV02`);
  assert.equal(root.type, `{${hl7}}PRPA_IN201307UV02~`);
  const anonymous = complexType(model, root.type);
  assert.equal(anonymous.derivation, 'extension');
  assert.equal(anonymous.base, `{${hl7}}PRPA_IN201307UV02.MCCI_MT000100UV01.Message`);
  assert.deepEqual(
    anonymous.attributes.map((a) => [a.name, a.fixed]),
    [['{}ITSVersion', 'XML_1.0']],
  );
  const message = complexType(model, `{${hl7}}PRPA_IN201307UV02.MCCI_MT000100UV01.Message`);
  assert.equal(message.reached, true);
  const names = elementTerms(particleOf(message)).map((e) => e.name);
  assert.deepEqual(names.slice(0, 5), [`{${hl7}}realmCode`, `{${hl7}}typeId`, `{${hl7}}templateId`, `{${hl7}}id`, `{${hl7}}creationTime`]);
  for (const t of ['II', 'TS', 'CS', 'ST', 'ANY', 'CE']) assert.equal(typeById(model, `{${hl7}}${t}`).reached, true, t);
  // The eight imports of urn:hl7-org:v3 are all followed.
  for (const n of [
    'PRPA_IN201307UV02',
    'PRPA_IN201308UV02',
    'PRPA_IN201311UV02',
    'PRPA_IN201312UV02',
    'PRPA_IN201313UV02',
    'PRPA_IN201314UV02',
    'PRPA_IN201315UV02',
    'PRPA_IN201316UV02',
  ]) {
    assert.ok(
      model.elements.some((e) => e.name === `{${hl7}}${n}`),
      n,
    );
  }
});

test('the shared HL7 tree is read once for all the DMP WSDLs', { skip: corpusSkipReason }, () => {
  const local = new DocumentCache();
  for (const f of wsdlsIn('dmp-annexe-wsdl-schema/wsdl')) loadDescription([f], { cache: local });
  const infra = corpus('dmp-annexe-wsdl-schema/schema/HL7V3/NE2009/coreschemas/infrastructureRoot.xsd');
  assert.equal(local.readCount(infra), 1);
  const first = local.totalReads;
  for (const f of wsdlsIn('dmp-annexe-wsdl-schema/wsdl')) loadDescription([f], { cache: local });
  assert.equal(local.totalReads, first);
});
