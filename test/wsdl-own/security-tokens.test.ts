/**
 * Our WS-Security / SAML 2.0 / XML-DSig schemas (the generator's built-in catalog, and the INSi profile of the
 * Security header in wsdl/insi/wss-security.xsd) against real tokens of the corpus, with xmllint: the INSi request's wsse:Security header and its signed assertion PS, the VIHF in a DMP request header,
 * and the official VIHF example tokens. Each is also validated against the official schemas of the corpus
 * (the INSi service's Security.xsd, the OASIS SAML 2.0 schema as shipped by IPF): same verdict, same errors.
 * VIHF attribute values carry HL7 v3 elements typed xsi:type="CE": the HL7 datatypes of the DMP package are
 * imported next to the SAML schema so that the type resolves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';
import { firstChildElement, headerBlock } from './message-parts.js';
import { xmllintSkipReason, xmllintValidate, type SchemaImport, type XmllintResult } from '../support/xmllint.js';
import { builtinSchemaFile, builtinXmlCatalog } from '../support/builtin-schemas.js';

const skip = xmllintSkipReason || corpusSkipReason;

const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const HL7 = 'urn:hl7-org:v3';

/** The INSi profile of wsse:Security: one or more SAML assertions (its SAML import, by official location, from the catalog). */
const insiSecurity = join(repoRoot, 'wsdl', 'insi', 'wss-security.xsd');
const hl7Datatypes: SchemaImport = {
  namespace: HL7,
  location: corpus('dmp-annexe-wsdl-schema', 'schema', 'HL7V3', 'NE2009', 'coreschemas', 'datatypes.xsd'),
};
const oursSaml: SchemaImport[] = [{ namespace: SAML, location: builtinSchemaFile(SAML) }, hl7Datatypes];
const officialSaml: SchemaImport[] = [{ namespace: SAML, location: corpus('ipf-saml2', 'schema', 'sstc-saml-schema-assertion-2.0.xsd') }, hl7Datatypes];

function bothValid(ours: XmllintResult, official: XmllintResult, label: string): void {
  assert.ok(ours.compiled && official.compiled, `${label}: a schema did not compile\n${ours.output}\n${official.output}`);
  assert.ok(official.valid, `${label}: official schema verdict\n${official.output}`);
  assert.ok(ours.valid, `${label}: our schema verdict\n${ours.output}`);
}

const insiRequest = (): string => readFileSync(corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-with-assertion-ps.xml'), 'utf8');

test('INSi request: the wsse:Security header with its signed assertion PS validates', { skip }, () => {
  const block = headerBlock(insiRequest(), WSSE, 'Security');
  assert.ok(/<Assertion xmlns="urn:oasis:names:tc:SAML:2\.0:assertion"/.test(block), 'assertion PS expected in Security');
  const ours = xmllintValidate(block, insiSecurity, builtinXmlCatalog());
  const official = xmllintValidate(block, corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'WSSE', 'Security.xsd'));
  bothValid(ours, official, 'INSi Security');
});

test('an empty wsse:Security is rejected by ours as by the INSi service schema (one assertion at least)', { skip }, () => {
  const empty = `<wsse:Security xmlns:wsse="${WSSE}"/>`;
  const ours = xmllintValidate(empty, insiSecurity, builtinXmlCatalog());
  const official = xmllintValidate(empty, corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'WSSE', 'Security.xsd'));
  assert.ok(ours.compiled && official.compiled);
  assert.equal(official.valid, false);
  assert.equal(ours.valid, false);
  assert.deepEqual(ours.errors, official.errors);
});

test('INSi extracted assertion PS (signed, ds:Signature after Issuer) validates', { skip }, () => {
  const xml = readFileSync(corpus('insi-padoa', 'extracted', 'assertion-ps-saml2-signed.xml'), 'utf8');
  bothValid(xmllintValidate(xml, oursSaml), xmllintValidate(xml, officialSaml), 'assertion PS');
});

test('DMP TD3.1 request: the wsse:Security header holding the VIHF validates', { skip }, () => {
  const envelope = readFileSync(corpus('dmp-exemples-messages', 'TD3.1_Recherche_de_document_requete.xml'), 'utf8');
  const block = headerBlock(envelope, WSSE, 'Security');
  // The standard Security header (built-in catalog: open content, lax) with the SAML schema in scope.
  const ours = xmllintValidate(block, [
    { namespace: SAML, location: builtinSchemaFile(SAML) },
    { namespace: WSSE, location: builtinSchemaFile(WSSE) },
    hl7Datatypes,
  ]);
  assert.ok(ours.valid, ours.output);
  // The OASIS Security header accepts anything: compare the assertion itself with the official SAML schema.
  const assertion = firstChildElement(block);
  assert.ok(assertion.startsWith('<saml2:Assertion '), 'VIHF assertion expected in Security');
  bothValid(xmllintValidate(assertion, oursSaml), xmllintValidate(assertion, officialSaml), 'VIHF in TD3.1');
});

// The two DIRECTE tokens are not valid UTF-8 (see corpus.md): no XML parser reads them.
for (const name of ['VIHF_INDIRECTE_signe.xml', 'VIHF_INDIRECTE_RENFORCEE_signe.xml']) {
  test(`official VIHF token ${name} validates`, { skip }, () => {
    const xml = readFileSync(corpus('dmp-exemples-messages', 'Exemples_Jeton_VIHF', name), 'utf8');
    assert.ok(/<Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"/.test(xml), 'signed token expected');
    bothValid(xmllintValidate(xml, oursSaml), xmllintValidate(xml, officialSaml), name);
  });
}
