/**
 * SOAP 1.1 / 1.2 envelopes: HTTP framing, encode → xmllint (SOAP envelope XSDs) → decode, header
 * blocks typed or raw, faults of both versions (corpus samples), hostile envelopes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { DecodeError, EncodeError, SoapFault, XmlError, elementRef, type SchemaDescriptor } from '@volet/runtime';
import {
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  actionFromContentType,
  decodeEnvelope,
  decodeEnvelopeAsync,
  encodeEnvelope,
  encodeFaultEnvelope,
  soapContentType,
  soapHttpHeaders,
} from '@volet/runtime/soap';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { RESULTAT, type Resultat } from '../codec/descriptors/insi-resultat.js';
import { Erreur } from '../codec/descriptors/siram.js';
import { xmlDifference } from '../codec/support/compare.js';
import { xmllintSkipReason, xmllintValidate } from '../support/xmllint.js';

const schemas = corpus('wss4j-ws-schemas', 'ws-security-stax', 'src', 'main', 'resources', 'schemas');
const soap12Xsd = `${schemas}/soap-1.2.xsd`;
const soap11Xsd = `${schemas}/soap-1.1.xsd`;
const catalog = { 'http://www.w3.org/2001/xml.xsd': `${schemas}/xml.xsd` };
const lintSkip = corpusSkipReason || xmllintSkipReason;

const headerSchema: SchemaDescriptor = {
  v: 1,
  ns: ['', 'urn:test:ctx'],
  prefixes: ['', 'ctx'],
  types: {
    Ctx: { k: 'c', ns: 1, q: 'Ctx', f: [{ n: 'Id', t: 'xs:string' }], a: [{ n: 'Version', t: 'xs:string', req: 1 }] },
  },
  elements: { Ctx: { n: 'Ctx', ns: 1, t: 'Ctx' } },
};
const Ctx = elementRef<{ Version: string; Id: string }>(headerSchema, 'Ctx');
const WSA_ACTION = '<wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:test:action</wsa:Action>';
const resultat: Resultat = { CR: { CodeCR: '00', LibelleCR: 'OK' } };

test('HTTP framing: content types, SOAPAction, action parameter', () => {
  assert.equal(soapContentType('1.2', 'urn:x:y'), 'application/soap+xml; charset=utf-8; action="urn:x:y"');
  assert.equal(soapContentType('1.2'), 'application/soap+xml; charset=utf-8');
  assert.equal(soapContentType('1.1', 'urn:x:y'), 'text/xml; charset=utf-8');
  assert.deepEqual(soapHttpHeaders('1.1', 'urn:x:y'), { 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:x:y"' });
  assert.deepEqual(soapHttpHeaders('1.1'), { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' });
  assert.deepEqual(soapHttpHeaders('1.2', 'urn:a'), { 'content-type': 'application/soap+xml; charset=utf-8; action="urn:a"' });
  assert.equal(
    actionFromContentType('application/soap+xml;charset=UTF-8;action="urn:ihe:iti:2007:RegistryStoredQuery"'),
    'urn:ihe:iti:2007:RegistryStoredQuery',
  );
  assert.equal(actionFromContentType('text/xml'), undefined);
  assert.throws(() => soapContentType('1.2', 'a"b'), EncodeError);
});

test('SOAP 1.2: encode (typed and raw headers, typed body) → valid envelope → decode', { skip: lintSkip }, () => {
  const xml = encodeEnvelope({
    version: '1.2',
    headers: [WSA_ACTION, { element: Ctx, value: { Version: '01_00', Id: 'abc' }, mustUnderstand: true, role: 'urn:r' }],
    body: { element: RESULTAT, value: resultat },
  });
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?><soap:Envelope xmlns:soap="http:\/\/www.w3.org\/2003\/05\/soap-envelope"><soap:Header>/);
  assert.match(xml, /<ctx:Ctx xmlns:ctx="urn:test:ctx" Version="01_00" soap:mustUnderstand="true" soap:role="urn:r">/);
  const lint = xmllintValidate(xml, soap12Xsd, catalog);
  assert.ok(lint.ok, lint.output);

  const env = decodeEnvelope(xml, { version: '1.2', bodyDescriptors: [RESULTAT], headerDescriptors: [Ctx] });
  assert.equal(env.version, '1.2');
  assert.equal(env.headers.length, 2);
  assert.deepEqual(env.headers[0], { namespace: 'http://www.w3.org/2005/08/addressing', local: 'Action', xml: WSA_ACTION });
  assert.deepEqual(env.headers[1], { namespace: 'urn:test:ctx', local: 'Ctx', mustUnderstand: true, key: 'Ctx', value: { Version: '01_00', Id: 'abc' } });
  assert.deepEqual(env.body, [{ namespace: 'http://www.cnamts.fr/INSiResultat', local: 'RESULTAT', key: 'RESULTAT', value: resultat }]);
});

test('SOAP 1.1: envelope valid against the SOAP 1.1 XSD, decoded back', { skip: lintSkip }, () => {
  const xml = encodeEnvelope({
    version: '1.1',
    prefix: 'soapenv',
    headers: [{ element: Ctx, value: { Version: '1', Id: 'x' }, mustUnderstand: true, role: 'urn:actor' }],
    body: { element: RESULTAT, value: resultat },
  });
  assert.match(xml, /soapenv:mustUnderstand="1" soapenv:actor="urn:actor"/);
  const lint = xmllintValidate(xml, soap11Xsd, catalog);
  assert.ok(lint.ok, lint.output);
  const env = decodeEnvelope(Buffer.from(xml, 'utf8'), { version: '1.1', bodyDescriptors: [RESULTAT] });
  assert.equal(env.version, '1.1');
  assert.equal(env.headers[0].mustUnderstand, true);
  assert.match(env.headers[0].xml ?? '', /^<ctx:Ctx xmlns:ctx="urn:test:ctx"/);
  assert.deepEqual(env.body[0].value, resultat);
});

test('INSi request from the corpus: header blocks kept raw and self-contained (prefixes declared on the Envelope)', { skip: corpusSkipReason }, () => {
  const xml = readFileSync(corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-with-assertion-ps.xml'), 'utf8');
  const env = decodeEnvelope(xml, { version: '1.2' });
  const names = env.headers.map((h) => h.local);
  assert.deepEqual(names.slice(0, 2), ['ContexteBAM', 'ContexteLPS']);
  assert.ok(names.includes('Security'));
  const bam = env.headers[0].xml ?? '';
  assert.match(bam, /^<ctxbam:ContexteBAM Version="01_02" xmlns:ctxbam="urn:siram:bam:ctxbam">/);
  assert.equal(xmlDifference(bam, xml, { expectedRoot: '{urn:siram:bam:ctxbam}ContexteBAM' }), null);
  const security = env.headers.find((h) => h.local === 'Security')?.xml ?? '';
  assert.equal(
    xmlDifference(security, xml, { expectedRoot: '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security' }),
    null,
  );
  assert.equal(env.body.length, 1);
});

test('SOAP 1.1 faults from the corpus (xsdata, node-soap/NetSuite): code, reason, raw detail', { skip: corpusSkipReason }, () => {
  const hello = readFileSync(corpus('xsdata', 'tests', 'fixtures', 'hello', 'HelloRS_SoapFault.xml'), 'utf8');
  const fault = catchFault(() => decodeEnvelope(hello));
  assert.equal(fault.version, '1.1');
  assert.deepEqual(fault.faultCode, { namespace: SOAP11_ENVELOPE_NS, local: 'Server' });
  assert.deepEqual(fault.subcodes, []);
  assert.deepEqual(fault.reasons, [{ text: 'foobar' }]);
  assert.equal(fault.detail.length, 1);
  assert.equal(fault.detail[0].local, 'HelloError');
  assert.equal(xmlDifference(fault.detail[0].xml ?? '', hello, { expectedRoot: '{http://hello/}HelloError' }), null);

  const netsuite = readFileSync(
    corpus('node-soap', 'test', 'request-response-samples', 'login__error_returned_should_contain_root_Json_on_fault', 'response.xml'),
    'utf8',
  );
  const ns = catchFault(() => decodeEnvelope(netsuite, { version: '1.1' }));
  assert.deepEqual(ns.faultCode, { namespace: SOAP11_ENVELOPE_NS, local: 'Server.userException' });
  assert.match(ns.reason(), /invalid email address/);
  assert.deepEqual(
    ns.detail.map((d) => d.local),
    ['invalidCredentialsFault', 'hostname'],
  );
});

function catchFault(run: () => unknown): SoapFault {
  try {
    run();
  } catch (err) {
    if (err instanceof SoapFault) return err;
    throw err;
  }
  assert.fail('expected a SoapFault');
}

test('SOAP 1.2 fault with a DMP-style subcode chain, several reasons, Node and Role: valid, read back', { skip: lintSkip }, () => {
  const dmp = 'urn:dmp:faults';
  const xml = encodeFaultEnvelope({
    version: '1.2',
    code: 'Sender',
    subcodes: [
      { namespace: dmp, local: 'DMPSecurity' },
      { namespace: dmp, local: 'DMPInvalidCertificate' },
    ],
    reasons: [
      { text: 'Certificat invalide', lang: 'fr' },
      { text: 'Invalid certificate', lang: 'en' },
    ],
    node: 'urn:node',
    role: 'urn:role',
    detail: [{ element: Erreur, value: { $value: 'détail', code: 'X1', severite: { namespace: '', local: 'fatale' } } }, '<raw xmlns="urn:raw">r</raw>'],
  });
  const lint = xmllintValidate(xml, soap12Xsd, catalog);
  assert.ok(lint.ok, lint.output);
  const fault = catchFault(() => decodeEnvelope(xml, { faultDetailDescriptors: [Erreur] }));
  assert.deepEqual(fault.faultCode, { namespace: SOAP12_ENVELOPE_NS, local: 'Sender' });
  assert.deepEqual(fault.subcodes, [
    { namespace: dmp, local: 'DMPSecurity' },
    { namespace: dmp, local: 'DMPInvalidCertificate' },
  ]);
  assert.deepEqual(fault.mostSpecificCode, { namespace: dmp, local: 'DMPInvalidCertificate' });
  assert.equal(fault.reason('en'), 'Invalid certificate');
  assert.equal(fault.reason('FR'), 'Certificat invalide');
  assert.equal(fault.node, 'urn:node');
  assert.equal(fault.role, 'urn:role');
  assert.deepEqual(fault.detail[0].value, { $value: 'détail', code: 'X1', severite: { namespace: '', local: 'fatale' } });
  assert.equal(fault.detail[1].xml, '<raw xmlns="urn:raw">r</raw>');
  assert.equal(fault.code, 'soap-fault');
});

test('SOAP 1.1 fault written by encodeFaultEnvelope: valid, Sender becomes Client', { skip: lintSkip }, () => {
  const xml = encodeFaultEnvelope({ version: '1.1', code: 'Sender', reasons: [{ text: 'bad' }], role: 'urn:a', detail: ['<d xmlns="urn:d"/>'] });
  const lint = xmllintValidate(xml, soap11Xsd, catalog);
  assert.ok(lint.ok, lint.output);
  const fault = catchFault(() => decodeEnvelope(xml));
  assert.deepEqual(fault.faultCode, { namespace: SOAP11_ENVELOPE_NS, local: 'Client' });
  assert.equal(fault.role, 'urn:a');
  assert.deepEqual(fault.reasons, [{ text: 'bad' }]);
});

test('async decoding from a chunked stream', async () => {
  const xml = encodeEnvelope({ version: '1.2', body: { element: RESULTAT, value: resultat } });
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const bytes = Buffer.from(xml);
    for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
  }
  const env = await decodeEnvelopeAsync(chunks(), { bodyDescriptors: [RESULTAT] });
  assert.deepEqual(env.body[0].value, resultat);
});

test('strict: unknown body element is an error; lenient: kept raw', () => {
  const xml = encodeEnvelope({ version: '1.2', body: '<other xmlns="urn:o">x</other>' });
  const err = assertDecodeError('unknown-element', () => decodeEnvelope(xml, { bodyDescriptors: [RESULTAT] }));
  assert.equal(err.path, '/soap:Envelope/soap:Body/other');
  const env = decodeEnvelope(xml, { bodyDescriptors: [RESULTAT], mode: 'lenient' });
  assert.deepEqual(env.body, [{ namespace: 'urn:o', local: 'other', xml: '<other xmlns="urn:o">x</other>' }]);
});

function assertDecodeError(code: string, run: () => unknown): DecodeError {
  try {
    run();
  } catch (err) {
    assert.ok(err instanceof DecodeError, String(err));
    assert.equal(err.code, code, err.message);
    return err;
  }
  assert.fail(`expected DecodeError ${code}`);
}

test('hostile envelopes: wrong namespace, wrong version, no Body, HTML page, truncated, DOCTYPE', () => {
  assertDecodeError('not-soap-envelope', () =>
    decodeEnvelope('<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelopE"><soap:Body/></soap:Envelope>'),
  );
  assertDecodeError('not-soap-envelope', () => decodeEnvelope('<html><body>502 Bad Gateway</body></html>'));
  assertDecodeError('version-mismatch', () => decodeEnvelope(encodeEnvelope({ version: '1.1' }), { version: '1.2' }));
  assertDecodeError('missing-element', () => decodeEnvelope(`<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Header/></e:Envelope>`));
  assertDecodeError('unexpected-element', () => decodeEnvelope(`<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body/><e:Body/></e:Envelope>`));
  assertDecodeError('unexpected-element', () => decodeEnvelope(`<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body/><e:Header/></e:Envelope>`));
  assert.throws(
    () => decodeEnvelope(`<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body><x xmlns="urn:x">`),
    (e: unknown) => e instanceof XmlError && e.code === 'malformed',
  );
  assert.throws(
    () => decodeEnvelope(`<!DOCTYPE e:Envelope [<!ENTITY x "y">]><e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body/></e:Envelope>`),
    (e: unknown) => e instanceof XmlError && e.code === 'doctype',
  );
  assertDecodeError('missing-element', () =>
    decodeEnvelope(`<e:Envelope xmlns:e="${SOAP12_ENVELOPE_NS}"><e:Body><e:Fault><e:Reason/></e:Fault></e:Body></e:Envelope>`),
  );
});
