/**
 * The cisis and tlsi profiles on their own: which blocks, in which order, with which
 * mustUnderstand, MessageID styles, fresh VIHF / contexts per call, CPx vs mTLS security, and the
 * context blocks — written with the INSi descriptors or with the runtime's own writers, the same
 * XML either way, valid against the Cnam XSDs (xmllint) — plus the WS-A blocks against the
 * WS-Addressing schema.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertionPsSource,
  cisisProfile,
  createPemSigner,
  tlsiProfile,
  type OperationDescriptor,
  type ProfileContext,
  type SchemaDescriptor,
} from '@volet/runtime';
import { buildModel } from '../../generator/pipeline.js';
import { runtimeDescriptors } from '../../generator/emit/runtime-descriptors.js';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { sharedTestPki } from '../support/pki.js';
import { xmlDifference } from '../codec/support/compare.js';
import { xmllintSkipReason, xmllintValidate } from '../support/xmllint.js';
import { validateEnvelope, xmllintSkipReason as wsaLintSkip } from '../addressing/xmllint-schemas.js';

const WSA = 'http://www.w3.org/2005/08/addressing';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const EMPTY: SchemaDescriptor = { v: 1, ns: [''], types: {}, elements: {} };

function context(action: string | null, soapVersion: '1.1' | '1.2' = '1.2', schema: SchemaDescriptor = EMPTY): ProfileContext {
  const operation: OperationDescriptor = {
    name: 'Op',
    soapVersion,
    style: 'document',
    soapAction: '',
    action,
    responseAction: null,
    input: { body: [], headers: [] },
    output: null,
    faults: [],
  };
  return {
    schema,
    port: { name: 'P', service: 'S', address: null, operations: { Op: operation } },
    operation,
    soapVersion,
    action,
    endpoint: 'https://localhost/x',
  };
}

/** A minimal assertion (the profile checks it is one SAML 2.0 Assertion). */
const assertion = (id: string): string =>
  `<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id}" Version="2.0" IssueInstant="2026-01-01T00:00:00.000Z"><saml2:Issuer>x</saml2:Issuer></saml2:Assertion>`;

test('cisis: MessageID (urn:uuid), empty To, anonymous ReplyTo, Action, then Security with only the VIHF; WS-A schema-valid', async () => {
  let seen: ProfileContext | undefined;
  let n = 0;
  const profile = cisisProfile({
    vihf: (ctx) => {
      seen = ctx;
      return assertion(`_vihf${++n}`);
    },
  });
  const ctx = context('urn:ihe:iti:2007:RegistryStoredQuery');
  const r = await profile.prepare(ctx);
  assert.equal(seen, ctx);
  assert.deepEqual(
    r.headers.map((h) => `${h.namespace === WSA ? 'wsa' : h.namespace === WSSE ? 'wsse' : '?'}:${h.local}`),
    ['wsa:MessageID', 'wsa:To', 'wsa:ReplyTo', 'wsa:Action', 'wsse:Security'],
  );
  assert.match(r.messageId ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
  assert.equal(r.action, 'urn:ihe:iti:2007:RegistryStoredQuery');
  assert.match(r.headers[2].xml, /env:mustUnderstand="true"/);
  assert.match(r.headers[3].xml, /env:mustUnderstand="true"/);
  assert.doesNotMatch(r.headers[0].xml + r.headers[1].xml, /mustUnderstand/);
  assert.equal(r.headers[4].xml, `<wsse:Security xmlns:wsse="${WSSE}">${assertion('_vihf1')}</wsse:Security>`, 'the VIHF is inserted byte for byte');
  if (!wsaLintSkip()) {
    const env = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>${r.headers
      .slice(0, 4)
      .map((h) => h.xml)
      .join('')}</soap:Header><soap:Body/></soap:Envelope>`;
    const lint = validateEnvelope(env, '1.2');
    assert.ok(lint.ok, lint.output);
  }
  // Each call: a new MessageID and a new VIHF from the source.
  const r2 = await profile.prepare(ctx);
  assert.notEqual(r2.messageId, r.messageId);
  assert.match(r2.headers[4].xml, /_vihf2/);
});

test('cisis over SOAP 1.1 uses soap:mustUnderstand="1"; overrides apply; no action is an error', async () => {
  const profile = cisisProfile({ vihf: () => assertion('_a'), addressing: { to: 'https://dmp.example/registry', replyTo: null } });
  const r = await profile.prepare(context('urn:x', '1.1'));
  assert.deepEqual(
    r.headers.map((h) => h.local),
    ['MessageID', 'To', 'Action', 'Security'],
  );
  assert.match(r.headers[1].xml, />https:\/\/dmp\.example\/registry</);
  assert.match(r.headers[2].xml, /soap:mustUnderstand="1"/);
  await assert.rejects(profile.prepare(context(null)), /no WS-Addressing action/);
});

test('tlsi: BAM, LPS, Action, MessageID (uuid:), Security; no mustUnderstand; fresh context ids; mTLS sends no Security', async () => {
  const contexts = {
    ContexteLPS: {
      Version: '01_00',
      Nature: 'CTXLPS',
      Id: 'fixed',
      Temps: '2000-01-01T00:00:00.000Z',
      LPS: { IDAM: { $value: 'ID1', R: '4' }, Version: '1', Instance: 'i', Nom: 'urn:lps:x:1' },
    },
    ContexteBAM: { Version: '01_02', Id: 'fixed', Temps: '2000-01-01T00:00:00.000Z', COUVERTURE: {} },
  };
  let calls = 0;
  const cpx = tlsiProfile({ contexts, security: { mode: 'cpx', assertions: () => [assertion(`_ps${++calls}`)] } });
  const r = await cpx.prepare(context('urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite'));
  assert.deepEqual(
    r.headers.map((h) => h.local),
    ['ContexteBAM', 'ContexteLPS', 'Action', 'MessageID', 'Security'],
  );
  assert.match(r.messageId ?? '', /^uuid:[0-9a-f-]{36}$/);
  assert.ok(r.headers.every((h) => !h.xml.includes('mustUnderstand')));
  assert.doesNotMatch(r.headers[1].xml, /fixed|2000-01-01/, 'Id and Temps are fresh');
  assert.match(r.headers[4].xml, /_ps1/);
  const asGiven = await tlsiProfile({ contexts, freshContexts: false, security: { mode: 'mtls' } }).prepare(context('urn:a'));
  assert.deepEqual(
    asGiven.headers.map((h) => h.local),
    ['ContexteBAM', 'ContexteLPS', 'Action', 'MessageID'],
  );
  assert.match(asGiven.headers[1].xml, /<ctxlps:Id>fixed<\/ctxlps:Id>/);
});

test('assertionPsSource: one signed assertion PS reused within reuseSeconds, a new one after', async () => {
  const pki = await sharedTestPki();
  let now = new Date('2026-03-01T10:00:00.000Z');
  const source = assertionPsSource(
    { nameId: '899700000001', identifiantFacturation: '123456789', secteurActivite: 'SA05' },
    { signer: createPemSigner({ key: pki.cps.keyPem, certificate: pki.cps.certPem }), reuseSeconds: 60, now: () => now },
  );
  const [a] = await source();
  const [b] = await source();
  assert.equal(a, b);
  now = new Date(now.getTime() + 61_000);
  const [c] = await source();
  assert.notEqual(c, a);
  assert.match(c, /IssueInstant="2026-03-01T10:01:01.000Z"/);
});

test('tlsi contexts: the INSi descriptors and TLSI_CONTEXTS_SCHEMA give the same XML, valid against the Cnam XSDs', { skip: corpusSkipReason }, async () => {
  const insi = runtimeDescriptors(buildModel([corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl')])).schema;
  const contexts = {
    ContexteLPS: {
      Version: '01_00',
      Nature: 'CTXLPS',
      Id: 'x',
      Temps: 'x',
      Emetteur: 'E1',
      LPS: { IDAM: { $value: 'ID1', R: '4' }, Version: '2', Instance: 'inst', Nom: 'urn:lps:x:2' },
    },
    ContexteBAM: {
      Version: '01_02',
      Nature: 'CTXBAM',
      Id: 'x',
      Temps: 'x',
      DateRef: '2026-01-01T00:00:00Z',
      COUVERTURE: {
        GrandRegime: '01',
        ASSURE: { Id: { Num: '1234567890123', Cle: '45' } },
        BENEFICIAIRE: { Nir: { Num: '1234567890123', Cle: '45' }, DateNai: '1980-00-00', Rang: '1', Porteur: '0' },
      },
    },
  };
  const now = (): Date => new Date('2026-02-02T02:02:02.000Z');
  const fixedIds = (r: { headers: readonly { xml: string }[] }): string[] => r.headers.slice(0, 2).map((h) => h.xml.replace(/<(\w+):Id>[^<]+</g, '<$1:Id>ID<'));
  const viaSchema = fixedIds(await tlsiProfile({ contexts, now, security: { mode: 'mtls' } }).prepare(context('urn:a', '1.2', insi)));
  const viaRuntime = fixedIds(await tlsiProfile({ contexts, now, security: { mode: 'mtls' } }).prepare(context('urn:a', '1.2', EMPTY)));
  for (let i = 0; i < 2; i++) assert.equal(xmlDifference(viaSchema[i], viaRuntime[i]), null);
  if (!xmllintSkipReason) {
    const xsd = (f: string): string => corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'CTX', f);
    for (const [xml, file] of [
      [viaSchema[0], 'ROOT_ctxbam_CTXBAM_V01_02.xsd'],
      [viaSchema[1], 'ROOT_ctxlps_CTXLPS_V01_00.xsd'],
    ] as const) {
      const lint = xmllintValidate(xml, xsd(file));
      assert.ok(lint.ok, lint.output);
    }
  }
});
