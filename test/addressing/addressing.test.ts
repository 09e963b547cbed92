/**
 * WS-Addressing request headers (CI-SIS and CI-TLSi profiles), response header reading, RelatesTo checks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { AddressingError } from '@volet/runtime';
import {
  buildAddressingHeaders,
  checkRelatesTo,
  CISIS_ADDRESSING,
  newMessageId,
  readAddressingHeaders,
  TLSI_ADDRESSING,
  WSA_ANONYMOUS,
} from '@volet/runtime/addressing';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { validateEnvelope, xmllintSkipReason } from './xmllint-schemas.js';

const WSA = 'http://www.w3.org/2005/08/addressing';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/;

function envelope(headers: string, version: '1.1' | '1.2'): string {
  const ns = version === '1.2' ? SOAP12 : 'http://schemas.xmlsoap.org/soap/envelope/';
  return `<s:Envelope xmlns:s="${ns}"><s:Header>${headers}</s:Header><s:Body/></s:Envelope>`;
}

test('CI-SIS profile: MessageID (urn:uuid), empty To, anonymous ReplyTo, Action; mustUnderstand="true" on ReplyTo and Action', () => {
  const h = buildAddressingHeaders({ ...CISIS_ADDRESSING, action: 'urn:ihe:iti:2007:RetrieveDocumentSet' });
  assert.match(h.messageId, new RegExp('^urn:uuid:' + UUID.source + '$'));
  assert.equal(h.to, '');
  assert.equal(h.replyTo, WSA_ANONYMOUS);
  assert.equal(h.blocks.length, 4);
  const mu = `xmlns:env="${SOAP12}" env:mustUnderstand="true"`;
  assert.deepEqual(h.blocks, [
    `<wsa:MessageID xmlns:wsa="${WSA}">${h.messageId}</wsa:MessageID>`,
    `<wsa:To xmlns:wsa="${WSA}"/>`,
    `<wsa:ReplyTo xmlns:wsa="${WSA}" ${mu}><wsa:Address>${WSA_ANONYMOUS}</wsa:Address></wsa:ReplyTo>`,
    `<wsa:Action xmlns:wsa="${WSA}" ${mu}>urn:ihe:iti:2007:RetrieveDocumentSet</wsa:Action>`,
  ]);
  assert.equal(h.xml, h.blocks.join(''));
});

test('CI-TLSi profile: uuid: MessageID and Action only, no mustUnderstand', () => {
  const h = buildAddressingHeaders({ ...TLSI_ADDRESSING, action: 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite' });
  assert.match(h.messageId, new RegExp('^uuid:' + UUID.source + '$'));
  assert.equal(h.to, undefined);
  assert.equal(h.replyTo, undefined);
  assert.deepEqual(h.blocks, [
    `<wsa:MessageID xmlns:wsa="${WSA}">${h.messageId}</wsa:MessageID>`,
    `<wsa:Action xmlns:wsa="${WSA}">urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</wsa:Action>`,
  ]);
});

test('SOAP 1.1 uses its own namespace and mustUnderstand="1"; To, ReplyTo and prefixes can be set; values are escaped', () => {
  const h = buildAddressingHeaders({
    action: 'urn:a&b<c>',
    soapVersion: '1.1',
    to: 'https://host/svc?a=1&b=2',
    replyTo: 'http://example.org/reply',
    messageId: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    prefix: 'a',
    mustUnderstand: ['To', 'Action'],
  });
  assert.equal(
    h.blocks[1],
    `<a:To xmlns:a="${WSA}" xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" soap:mustUnderstand="1">https://host/svc?a=1&amp;b=2</a:To>`,
  );
  assert.equal(h.blocks[2], `<a:ReplyTo xmlns:a="${WSA}"><a:Address>http://example.org/reply</a:Address></a:ReplyTo>`);
  assert.match(h.blocks[3] ?? '', />urn:a&amp;b&lt;c&gt;<\/a:Action>$/);
});

test('the headers validate against the SOAP 1.1/1.2 and WS-Addressing schemas (xmllint)', { skip: xmllintSkipReason() }, () => {
  for (const version of ['1.2', '1.1'] as const) {
    for (const profile of [CISIS_ADDRESSING, TLSI_ADDRESSING]) {
      const h = buildAddressingHeaders({ ...profile, soapVersion: version, action: 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b' });
      const r = validateEnvelope(envelope(h.xml, version), version);
      assert.ok(r.ok, `SOAP ${version}: ${r.output}`);
    }
  }
  // The oracle does reject a wrong mustUnderstand lexical form for SOAP 1.1.
  const bad = buildAddressingHeaders({ action: 'urn:x', soapVersion: '1.2' }).xml.replace(
    /xmlns:env="[^"]+"/g,
    'xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"',
  );
  assert.equal(validateEnvelope(envelope(bad, '1.1'), '1.1').ok, false);
});

test('invalid values are refused with AddressingError', () => {
  assert.throws(
    () => buildAddressingHeaders({ action: '' }),
    (e: unknown) => e instanceof AddressingError && e.code === 'invalid-value',
  );
  assert.throws(() => buildAddressingHeaders({ action: 'urn:\u0001' }), AddressingError);
  assert.throws(() => buildAddressingHeaders({ action: 'urn:a', prefix: 'bad prefix' }), AddressingError);
  assert.throws(() => buildAddressingHeaders({ action: 'urn:a', prefix: 'env' }), AddressingError);
  assert.notEqual(newMessageId(), newMessageId());
  assert.match(newMessageId('uuid'), /^uuid:/);
});

test('reads the response headers of the corpus TD3.2 example (whole envelope)', { skip: corpusSkipReason }, () => {
  const xml = readFileSync(corpus('dmp-exemples-messages', 'TD3.2_Consultation_dun_document_reponse.xml'), 'utf8');
  const h = readAddressingHeaders(xml);
  assert.equal(h.action, 'urn:ihe:iti:2007:RetrieveDocumentSetResponse');
  assert.equal(h.messageId, 'urn:uuid:28b8f0a8-f539-4b3a-bd07-51068af6e11b');
  assert.equal(h.to, WSA_ANONYMOUS);
  assert.deepEqual(h.relatesTo, [{ value: 'urn:uuid:2cb4b0d2-683d-4073-9892-6c85cfdfbb43', relationshipType: `${WSA}/reply` }]);
});

test('reads our own request headers back, and blocks whose prefix is declared on the envelope', () => {
  const sent = buildAddressingHeaders({ ...CISIS_ADDRESSING, action: 'urn:x:y' });
  const back = readAddressingHeaders(sent.blocks);
  assert.equal(back.messageId, sent.messageId);
  assert.equal(back.action, 'urn:x:y');
  assert.equal(back.to, '');
  assert.equal(back.replyTo, WSA_ANONYMOUS);
  const outer = readAddressingHeaders(['<w:RelatesTo RelationshipType="urn:custom">urn:uuid:1</w:RelatesTo>', '<w:RelatesTo> urn:uuid:2 </w:RelatesTo>'], {
    namespaces: { w: WSA },
  });
  assert.deepEqual(outer.relatesTo, [
    { value: 'urn:uuid:1', relationshipType: 'urn:custom' },
    { value: 'urn:uuid:2', relationshipType: `${WSA}/reply` },
  ]);
  // Non-WS-A blocks and nested look-alikes are ignored.
  const mixed = readAddressingHeaders(`<x:Foo xmlns:x="urn:x"><Action xmlns="${WSA}">nested</Action></x:Foo><Action xmlns="${WSA}">top</Action>`);
  assert.equal(mixed.action, 'top');
});

test('malformed header XML gives AddressingError', () => {
  assert.throws(
    () => readAddressingHeaders('<wsa:Action>x</wsa:Action>'),
    (e: unknown) => e instanceof AddressingError && e.code === 'malformed-header',
  );
  assert.throws(() => readAddressingHeaders(`<Action xmlns="${WSA}">x</Actio>`), AddressingError);
});

test('RelatesTo: off, warn (default), strict; absent is accepted', () => {
  const id = 'urn:uuid:2cb4b0d2-683d-4073-9892-6c85cfdfbb43';
  const matching = `<RelatesTo xmlns="${WSA}">${id}</RelatesTo>`;
  const other = `<RelatesTo xmlns="${WSA}">urn:uuid:ffffffff-0000-4000-8000-000000000000</RelatesTo>`;
  assert.equal(checkRelatesTo(matching, id, 'strict').status, 'match');
  assert.equal(checkRelatesTo(`<Action xmlns="${WSA}">a</Action>`, id, 'strict').status, 'absent');
  assert.equal(checkRelatesTo(other, id, 'off').status, 'skipped');
  const warnings: string[] = [];
  const r = checkRelatesTo(other, id, 'warn', { onWarning: (m) => warnings.push(m) });
  assert.equal(r.status, 'mismatch');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0] ?? '', /does not match the request MessageID/);
  assert.throws(
    () => checkRelatesTo(other, id, 'strict'),
    (e: unknown) => e instanceof AddressingError && e.code === 'relates-to-mismatch',
  );
  // A non-reply relationship does not count as the answer.
  assert.equal(checkRelatesTo(`<RelatesTo xmlns="${WSA}" RelationshipType="urn:other">${id}</RelatesTo>`, id, 'strict').status, 'absent');
});

test('RelatesTo default mode warns through process.emitWarning, never throws', async () => {
  const seen = new Promise<Error>((resolve) => process.once('warning', resolve));
  const r = checkRelatesTo(readAddressingHeaders(`<RelatesTo xmlns="${WSA}">urn:uuid:a</RelatesTo>`), 'urn:uuid:b');
  assert.equal(r.status, 'mismatch');
  const w = (await seen) as Error & { code?: string };
  assert.equal(w.code, 'VOLET_WSA_RELATES_TO');
});

test('the corpus TD3.2 pair does not match (independent samples): warn mode reports it, strict mode rejects it', { skip: corpusSkipReason }, () => {
  const request = readFileSync(corpus('dmp-exemples-messages', 'TD3.2_Consultation_dun_document_requete.xml'), 'utf8');
  const response = readFileSync(corpus('dmp-exemples-messages', 'TD3.2_Consultation_dun_document_reponse.xml'), 'utf8');
  const sent = readAddressingHeaders(request).messageId;
  assert.ok(sent !== undefined && sent.startsWith('urn:uuid:'));
  const headers = readAddressingHeaders(response);
  assert.equal(checkRelatesTo(headers, sent, 'warn', { onWarning: () => undefined }).status, 'mismatch');
  assert.throws(() => checkRelatesTo(headers, sent, 'strict'), AddressingError);
});

test('a whole envelope that starts with an XML declaration is read too', () => {
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope" xmlns:w="http://www.w3.org/2005/08/addressing">' +
    '<e:Header><w:Action>urn:a</w:Action><w:RelatesTo>urn:uuid:1</w:RelatesTo></e:Header><e:Body/></e:Envelope>';
  const h = readAddressingHeaders(xml);
  assert.equal(h.action, 'urn:a');
  assert.deepEqual(h.relatesTo, [{ value: 'urn:uuid:1', relationshipType: 'http://www.w3.org/2005/08/addressing/reply' }]);
});

test('start tags worked out once per settings: calls alternating between settings each get their own, with fresh MessageIDs; bad prefixes are refused every time', () => {
  const settings = [
    { ...CISIS_ADDRESSING, action: 'urn:a', soapVersion: '1.2' as const },
    { ...TLSI_ADDRESSING, action: 'urn:b', soapVersion: '1.2' as const },
    { ...CISIS_ADDRESSING, action: 'urn:c', soapVersion: '1.1' as const, prefix: 'a' },
  ];
  const ids = new Set<string>();
  for (let round = 0; round < 3; round++) {
    const [cisis, tlsi, soap11] = settings.map((s) => buildAddressingHeaders(s));
    assert.ok(cisis && tlsi && soap11);
    for (const h of [cisis, tlsi, soap11]) ids.add(h.messageId);
    assert.match(cisis.xml, /<wsa:Action xmlns:wsa="[^"]+" xmlns:env="http:\/\/www\.w3\.org\/2003\/05\/soap-envelope" env:mustUnderstand="true">urn:a</);
    assert.equal(tlsi.blocks.length, 2);
    assert.doesNotMatch(tlsi.xml, /mustUnderstand/);
    assert.match(tlsi.xml, /<wsa:Action xmlns:wsa="[^"]+">urn:b<\/wsa:Action>/);
    assert.match(soap11.xml, /<a:Action xmlns:a="[^"]+" xmlns:soap="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/" soap:mustUnderstand="1">urn:c</);
    assert.throws(() => buildAddressingHeaders({ action: 'urn:a', prefix: 'bad prefix' }), AddressingError);
    assert.throws(() => buildAddressingHeaders({ action: 'urn:a', prefix: 'wsa', envelopePrefix: 'wsa' }), AddressingError);
  }
  assert.equal(ids.size, 9, 'every call has its own MessageID');
});
