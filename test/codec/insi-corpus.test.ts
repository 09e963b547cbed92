/**
 * Real INSi messages (CNDA response fixtures, TLSi fault) through decodeEnvelope → encode, with
 * xmllint against the corpus XSDs and a canonical comparison with the original as oracles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { DecodeError, SoapFault } from '@volet/runtime';
import { decode, encode } from '@volet/runtime/codec';
import { SOAP12_ENVELOPE_NS, decodeEnvelope, encodeFaultEnvelope } from '@volet/runtime/soap';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { RESULTAT, type Resultat } from './descriptors/insi-resultat.js';
import { Erreur, type TypeErreur } from './descriptors/siram.js';
import { xmlDifference } from './support/compare.js';
import { xmllintSkipReason, xmllintValidate } from '../support/xmllint.js';

const RESULTAT_NS = 'http://www.cnamts.fr/INSiResultat';
const skip = corpusSkipReason || xmllintSkipReason;
const fixturesDir = corpus('insi-padoa', 'src', 'ins', 'fixtures');
const resultatXsd = corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'ServiceIdentiteCertifiee', 'INSi_RESULTAT_INS.xsd');
const faultXsd = corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'schema_faultSOAP_V01_01.xsd');
const OUT_OF_ORDER = 'TEST_2.04_cas2.xml';

function fixtures(): string[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
}

test('INSi CNDA responses: decode, re-encode, xmllint-valid and equivalent to the original', { skip }, () => {
  const files = fixtures().filter((f) => f !== OUT_OF_ORDER);
  assert.ok(files.length >= 4, 'expected the CNDA fixtures');
  for (const file of files) {
    const xml = readFileSync(`${fixturesDir}/${file}`, 'utf8');
    const env = decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [RESULTAT] });
    assert.equal(env.body.length, 1, file);
    assert.equal(env.body[0].key, 'RESULTAT');
    const value = env.body[0].value as Resultat;
    assert.equal(typeof value.CR.CodeCR, 'string');
    const out = encode(RESULTAT, value);
    const lint = xmllintValidate(out, resultatXsd);
    assert.ok(lint.ok, `${file}: ${lint.output}`);
    assert.equal(xmlDifference(out, xml, { expectedRoot: `{${RESULTAT_NS}}RESULTAT` }), null, file);
  }
});

test('INSi: values keep their lexical form (CR code "00", dates, keys with leading zeros)', { skip: corpusSkipReason }, () => {
  const xml = readFileSync(`${fixturesDir}/TEST_2.08_cas2.xml`, 'utf8');
  const value = decodeEnvelope(xml, { bodyDescriptors: [RESULTAT] }).body[0].value as Resultat;
  assert.equal(value.CR.CodeCR, '00');
  assert.equal(value.INDIVIDU?.INSHISTO?.length, 2);
  assert.match(value.INDIVIDU?.TIQ.DateNaissance ?? '', /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(value.INDIVIDU?.INSACTIF.IdIndividu.Cle?.length, 2);
  assert.deepEqual(Object.keys(value), ['CR', 'INDIVIDU']);
});

test('INSi CR 01 (no identity found): INDIVIDU absent', { skip: corpusSkipReason }, () => {
  const xml = readFileSync(`${fixturesDir}/REP_CR01.xml`, 'utf8');
  const value = decodeEnvelope(xml, { bodyDescriptors: [RESULTAT] }).body[0].value as Resultat;
  assert.equal(value.CR.CodeCR, '01');
  assert.equal(value.INDIVIDU, undefined);
});

test('TEST_2.04_cas2 (DateDeb/DateFin before IdIndividu): strict fails with a path, lenient decodes', { skip }, () => {
  const xml = readFileSync(`${fixturesDir}/${OUT_OF_ORDER}`, 'utf8');
  assert.throws(
    () => decodeEnvelope(xml, { bodyDescriptors: [RESULTAT] }),
    (err: unknown) => {
      assert.ok(err instanceof DecodeError);
      assert.equal(err.code, 'out-of-order');
      assert.equal(err.path, '/soap:Envelope/S:Body/RESULTAT/INDIVIDU/INSHISTO/IdIndividu');
      assert.ok(err.line >= 1 && err.column > 0);
      // No patient data in the message: no NIR, no name, no date.
      assert.doesNotMatch(err.message, /\d{13}|ECETINSI|PIERRE|2019-/);
      return true;
    },
  );
  const env = decodeEnvelope(xml, { bodyDescriptors: [RESULTAT], mode: 'lenient' });
  const value = env.body[0].value as Resultat;
  const histo = value.INDIVIDU?.INSHISTO?.[0];
  assert.equal(histo?.DateDeb, '2019-03-01');
  assert.equal(histo?.DateFin, '2019-02-28');
  assert.equal(histo?.IdIndividu.Cle, '39');
  // Re-encoded in schema order, which the XSD accepts (the original does not validate).
  const out = encode(RESULTAT, value);
  assert.ok(out.indexOf('IdIndividu') < out.indexOf('DateDeb'));
  const lint = xmllintValidate(out, resultatXsd);
  assert.ok(lint.ok, lint.output);
  const original = xml.slice(xml.indexOf('<RESULTAT'), xml.indexOf('</S:Body>'));
  assert.equal(xmllintValidate(original, resultatXsd).ok, false, 'the original violates the XSD order');
});

test("decode(): a bare RESULTAT element with the sender's default namespace", { skip: corpusSkipReason }, () => {
  const xml = readFileSync(`${fixturesDir}/TEST_2.05.xml`, 'utf8');
  const bare = xml.slice(xml.indexOf('<RESULTAT'), xml.indexOf('</RESULTAT>') + '</RESULTAT>'.length);
  const value = decode(RESULTAT, bare);
  assert.equal(value.INDIVIDU?.INSACTIF.OID, '1.2.250.1.213.1.4.9');
  // Same document with another prefix choice decodes to the same value.
  const prefixed = bare
    .replace(/<(\/?)(?=[A-Z])/g, '<$1r:')
    .replace('xmlns="http://www.cnamts.fr/INSiResultat"', 'xmlns:r="http://www.cnamts.fr/INSiResultat"');
  assert.deepEqual(decode(RESULTAT, prefixed), value);
});

test('TLSi fault siram_100 / desir_550: SoapFault with code, subcode, reason, typed detail', { skip }, () => {
  const xml = readFileSync(corpus('insi-padoa', 'extracted', 'fault-siram_100-desir_550.xml'), 'utf8');
  let fault: SoapFault | undefined;
  try {
    decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [RESULTAT], faultDetailDescriptors: [Erreur] });
  } catch (err) {
    if (err instanceof SoapFault) fault = err;
    else throw err;
  }
  assert.ok(fault !== undefined, 'a SoapFault is thrown');
  assert.equal(fault.version, '1.2');
  assert.deepEqual(fault.faultCode, { namespace: SOAP12_ENVELOPE_NS, local: 'Sender' });
  // The sender wrote soap:siram_100, so the subcode is in the envelope namespace.
  assert.deepEqual(fault.subcodes, [{ namespace: SOAP12_ENVELOPE_NS, local: 'siram_100' }]);
  assert.equal(fault.reasons.length, 1);
  assert.equal(fault.reasons[0].lang, 'fr');
  assert.match(fault.reason('fr'), /progiciel/);
  assert.doesNotMatch(fault.message, /progiciel/, 'the message carries codes only');
  assert.match(fault.message, /Sender \/ siram_100/);
  assert.equal(fault.detail.length, 1);
  const entry = fault.detail[0];
  assert.equal(entry.key, 'Erreur');
  const erreur = entry.value as TypeErreur;
  assert.equal(erreur.code, 'desir_550');
  assert.deepEqual(erreur.severite, { namespace: '', local: 'erreur' });
  assert.equal(erreur.messageID, 'uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f');
  assert.match(erreur.$value, /autorisation du logiciel/);

  const out = encode(Erreur, erreur, { validate: true });
  const lint = xmllintValidate(out, faultXsd);
  assert.ok(lint.ok, lint.output);
  assert.equal(xmlDifference(out, xml, { expectedRoot: '{urn:siram}Erreur' }), null);

  // Without a detail descriptor the entry is raw XML, self-contained and equivalent.
  try {
    decodeEnvelope(xml);
    assert.fail('expected a fault');
  } catch (err) {
    assert.ok(err instanceof SoapFault);
    const raw = err.detail[0].xml ?? '';
    assert.match(raw, /^<siram:Erreur /);
    assert.equal(xmlDifference(raw, xml, { expectedRoot: '{urn:siram}Erreur' }), null);
  }

  // A fault written by encodeFaultEnvelope reads back the same.
  const again = encodeFaultEnvelope({
    version: '1.2',
    code: 'Sender',
    subcodes: fault.subcodes,
    reasons: fault.reasons,
    detail: [{ element: Erreur, value: erreur }],
  });
  assert.throws(
    () => decodeEnvelope(again, { faultDetailDescriptors: [Erreur] }),
    (err: unknown) => {
      assert.ok(err instanceof SoapFault);
      assert.deepEqual(err.faultCode, fault?.faultCode);
      assert.deepEqual(err.subcodes, fault?.subcodes);
      assert.deepEqual(err.reasons, fault?.reasons);
      assert.deepEqual(err.detail[0].value, erreur);
      return true;
    },
  );
});
