/**
 * The business-outcome helpers on decoded official responses (XDS RegistryResponse in TD3.1,
 * TD2.1, TD3.2; INSi CR 00/01) and on failures, the masking of traces, and the JSON form of values.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { insiResult, registryErrors, registryResponseStatus, type SchemaDescriptor } from '@volet/runtime';
import { redactXml, toJsonValue, typeValueFromJson } from '@volet/runtime/client';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { volet } from '../cli/run.js';

/** The body value of an official example, decoded by `volet decode` (the JSON form). */
async function decodedBody(wsdl: string, file: string): Promise<unknown> {
  const r = await volet('decode', wsdl, file);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { envelope: { body: { value: unknown }[] } }).envelope.body[0].value;
}

test('registryResponseStatus / registryErrors on the official XDS responses', { skip: corpusSkipReason }, async () => {
  const registry = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl');
  const repository = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRepository.wsdl');
  for (const [wsdl, file] of [
    [registry, 'TD3.1_Recherche_de_document_reponse.xml'],
    [registry, 'TD3.3c_Supprimer_un_document_reponse.xml'],
    [repository, 'TD2.1_Alimentation_reponse.xml'],
  ] as const) {
    const body = await decodedBody(wsdl, corpus('dmp-exemples-messages', file));
    assert.equal(registryResponseStatus(body), 'Success', file);
    assert.deepEqual(registryErrors(body), [], file);
  }
});

test('registryResponseStatus / registryErrors on failures (ebRS and IHE status URNs)', () => {
  const failure = {
    status: 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure',
    RegistryErrorList: {
      RegistryError: [
        {
          $value: '',
          errorCode: 'XDSDocumentUniqueIdError',
          codeContext: 'entryUUID given instead of uniqueId',
          severity: 'urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error',
          location: 'DMP',
        },
        { $value: 'text', errorCode: 'XDSPatientIdDoesNotMatch', codeContext: 'ctx' },
      ],
    },
  };
  assert.equal(registryResponseStatus(failure), 'Failure');
  assert.deepEqual(registryErrors(failure), [
    { errorCode: 'XDSDocumentUniqueIdError', codeContext: 'entryUUID given instead of uniqueId', severity: 'Error', location: 'DMP' },
    { errorCode: 'XDSPatientIdDoesNotMatch', codeContext: 'ctx', severity: 'Error', text: 'text' },
  ]);
  // ITI-43: the status is in the RegistryResponse child.
  assert.equal(registryResponseStatus({ RegistryResponse: { status: 'urn:ihe:iti:2007:ResponseStatusType:PartialSuccess' } }), 'PartialSuccess');
  assert.equal(registryResponseStatus({ CR: {} }), undefined);
  assert.deepEqual(registryErrors(undefined), []);
});

test('insiResult on the INSi fixtures and codes', { skip: corpusSkipReason }, async () => {
  const wsdl = corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl');
  const found = insiResult(await decodedBody(wsdl, corpus('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml')));
  assert.equal(found?.outcome, 'found');
  assert.equal((found?.individu as { INSACTIF: { OID: string } }).INSACTIF.OID, '1.2.250.1.213.1.4.9');
  assert.equal(insiResult(await decodedBody(wsdl, corpus('insi-padoa', 'src', 'ins', 'fixtures', 'REP_CR01.xml')))?.outcome, 'not-found');
  assert.deepEqual(insiResult({ CR: { CodeCR: '02', LibelleCR: 'Plusieurs identites trouvees' } }), {
    code: '02',
    label: 'Plusieurs identites trouvees',
    outcome: 'several',
    individu: undefined,
  });
  assert.equal(insiResult({ CR: { CodeCR: '99' } })?.outcome, 'unknown');
  assert.equal(insiResult({}), undefined);
});

test('trace redaction (redactXml): INS/NIR, traits, HL7 names and birth time, signature values', {
  skip: corpusSkipReason,
}, () => {
  const insi = readFileSync(corpus('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml'), 'utf8');
  const masked = redactXml(insi);
  for (const secret of ['1090763220888', 'PROVISOIRE', 'MATRICULE', '2009-07-01', '63220']) assert.ok(!masked.includes(secret), secret);
  assert.match(masked, /<OID>\*\*\*<\/OID>/, 'deny-by-default: only safe-by-construction values are shown');
  assert.match(masked, /<CodeCR>00<\/CodeCR>/);
  const hl7 = readFileSync(corpus('dmp-exemples-messages', 'TD1.3a_Consultation_reponse.xml'), 'utf8');
  const m2 = redactXml(hl7);
  assert.doesNotMatch(m2, /<given>[^*<]/);
  assert.doesNotMatch(m2, /<birthTime value="\d/);
  assert.doesNotMatch(m2, /\b\d{15}\^\^\^/, 'INS in HL7 ids');
  const vihf = readFileSync(corpus('dmp-exemples-messages', 'Exemples_Jeton_VIHF', 'VIHF_INDIRECTE_RENFORCEE_signe.xml'), 'utf8');
  const m3 = redactXml(vihf);
  assert.match(m3, /SignatureValue>\*\*\*</);
  assert.doesNotMatch(m3, /\d{15}\^\^\^/, 'INS in the VIHF resource-id');
  // Corsica NIR (2A) and a 13-character NIR without key.
  assert.equal(redactXml('<a>x 2750299123456 y</a><b>185052A123456 99</b>'), '<a>***</a><b>***</b>');
});

test('the JSON form of values: binary ↔ base64 by descriptor, bigint-free', () => {
  const schema: SchemaDescriptor = {
    v: 1,
    ns: ['', 'urn:t'],
    types: {
      Doc: {
        k: 'c',
        ns: 1,
        f: [
          { n: 'data', t: 'xs:base64Binary', max: -1 },
          { n: 'hex', t: 'Hex', min: 0 },
        ],
        a: [{ n: 'id', t: 'xs:string' }],
      },
      Hex: { k: 's', b: 'xs:hexBinary' },
      Wrapped: { k: 'c', ns: 1, sc: 'xs:base64Binary', a: [{ n: 'id', t: 'xs:string' }] },
    },
    elements: {},
  };
  const value = { id: 'a', data: [new Uint8Array([1, 2]), new Uint8Array([255])], hex: new Uint8Array([16]) };
  const json = toJsonValue({ ...value, big: 12n });
  assert.deepEqual(json, { id: 'a', data: ['AQI=', '/w=='], hex: 'EA==', big: '12' });
  assert.deepEqual(typeValueFromJson(schema, 'Doc', json), { ...value, big: '12' });
  assert.deepEqual(typeValueFromJson(schema, 'Wrapped', { id: 'w', $value: 'AQI=' }), { id: 'w', $value: new Uint8Array([1, 2]) });
});
