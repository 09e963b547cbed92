import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { createPemSigner, EncodeError, readOrCreateInstanceId, SecurityError, tlsiProfile, type ContextValue, type Signer } from '@volet/runtime';
import { buildAssertionPs, securityHeader, tlsiSecurityHeader, verifyAssertionSignature } from '@volet/runtime/security';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { opensslCredentials, type OpensslCredentials } from '../support/pki.js';
import { CTXBAM_XSD, CTXLPS_XSD, SAML_ASSERTION_XSD, TLSI_SECURITY_XSD } from './schemas.js';
import { shapeDiff, shapeOf, shapeOfElement } from './structure.js';
import { hasTool, tempDir, toolsSkipReason, xmlsecVerify } from './tools.js';
import { xmllintValidateFile } from '../support/xmllint.js';

/** Signing credentials made with openssl (only when it is installed: the suites skip otherwise). */
let pki: OpensslCredentials;
before(async () => {
  if (hasTool('openssl', 'version')) pki = await opensslCredentials();
});

const skip = corpusSkipReason || toolsSkipReason('xmllint', 'xmlsec1', 'openssl');
const PS_FIXTURE = corpus('insi-padoa', 'extracted', 'assertion-ps-saml2-signed.xml');
const REQUEST_FIXTURE = corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-with-assertion-ps.xml');
const NOW = new Date('2026-05-06T07:08:09.010Z');

function fixtureElement(ns: string, local: string): Element {
  const doc = new DOMParser().parseFromString(readFileSync(REQUEST_FIXTURE, 'utf8'), 'text/xml');
  const e = doc.getElementsByTagNameNS(ns, local)[0];
  assert.ok(e, `${local} in the request fixture`);
  return e;
}

let work: ReturnType<typeof tempDir> | undefined;
function file(name: string, content: string): string {
  work ??= tempDir('tlsi');
  return work.file(name, content);
}

/**
 * The context header blocks the TLSi profile writes (BAM first), for a client whose descriptors
 * declare no context element: the runtime's own descriptor encodes them.
 */
async function contextHeaders(contexts: { ContexteLPS?: ContextValue; ContexteBAM?: ContextValue }): Promise<string[]> {
  const operation = {
    name: 'Op',
    soapVersion: '1.2',
    style: 'document',
    soapAction: '',
    action: 'urn:a',
    responseAction: null,
    input: { body: [], headers: [] },
    output: null,
    faults: [],
  } as const;
  const request = await tlsiProfile({ contexts, now: () => NOW, security: { mode: 'mtls' } }).prepare({
    schema: { v: 1, ns: [''], types: {}, elements: {} },
    port: { name: 'P', service: 'S', address: null, operations: { Op: operation } },
    operation,
    soapVersion: '1.2',
    action: 'urn:a',
    endpoint: 'https://localhost/x',
  });
  return request.headers.filter((h) => h.local.startsWith('Contexte')).map((h) => h.xml);
}

let cps: Signer | undefined;
function cpsSigner(): Signer {
  cps ??= createPemSigner({ key: pki.cps.keyPem, certificate: pki.cps.certPem });
  return cps;
}

describe('ContexteLPS / ContexteBAM', { skip }, () => {
  test('ContexteLPS: encoded by the runtime descriptor, schema-valid, same structure as the public INSi request', async () => {
    const [xml] = await contextHeaders({
      ContexteLPS: {
        Version: '01_00',
        Nature: 'CTXLPS',
        Emetteur: 'medecin@example.org',
        LPS: { IDAM: { $value: 'PDP17NF21DD0', R: '4' }, Version: '0.1.0', Instance: 'ff67308e-039f-4158-9dcc-0a08a20ba35c', Nom: 'urn:lps:volet:0.1.0' },
      },
    });
    assert.ok(xml !== undefined);
    const id = /<ctxlps:Id>([^<]+)<\/ctxlps:Id>/.exec(xml)?.[1] ?? '';
    assert.match(id, /^[0-9a-f-]{36}$/, 'a fresh Id per message');
    assert.equal(
      xml,
      `<ctxlps:ContexteLPS xmlns:ctxlps="urn:siram:lps:ctxlps" Nature="CTXLPS" Version="01_00"><ctxlps:Id>${id}</ctxlps:Id><ctxlps:Temps>2026-05-06T07:08:09.010Z</ctxlps:Temps>` +
        '<ctxlps:Emetteur>medecin@example.org</ctxlps:Emetteur><ctxlps:LPS><ctxlps:IDAM R="4">PDP17NF21DD0</ctxlps:IDAM><ctxlps:Version>0.1.0</ctxlps:Version>' +
        '<ctxlps:Instance>ff67308e-039f-4158-9dcc-0a08a20ba35c</ctxlps:Instance><ctxlps:Nom>urn:lps:volet:0.1.0</ctxlps:Nom></ctxlps:LPS></ctxlps:ContexteLPS>',
    );
    const r = xmllintValidateFile(file('ctxlps.xml', xml), CTXLPS_XSD);
    assert.ok(r.ok, r.output);
    assert.deepEqual(shapeDiff(shapeOf(xml), shapeOfElement(fixtureElement('urn:siram:lps:ctxlps', 'ContexteLPS'))), []);
  });

  test('ContexteBAM: empty COUVERTURE for a traits search (as the public request), full COUVERTURE schema-valid', async () => {
    const [xml] = await contextHeaders({ ContexteBAM: { Version: '01_02', Emetteur: 'medecin@example.org', COUVERTURE: {} } });
    assert.ok(xml !== undefined);
    assert.ok(xml.endsWith('<ctxbam:COUVERTURE/></ctxbam:ContexteBAM>'), xml);
    assert.ok(xml.startsWith('<ctxbam:ContexteBAM xmlns:ctxbam="urn:siram:bam:ctxbam" Version="01_02"><ctxbam:Id>'), xml);
    assert.ok(xmllintValidateFile(file('ctxbam-empty.xml', xml), CTXBAM_XSD).ok);
    assert.deepEqual(shapeDiff(shapeOf(xml), shapeOfElement(fixtureElement('urn:siram:bam:ctxbam', 'ContexteBAM'))), []);

    const full = {
      Version: '01_02',
      Nature: 'CTXBAM',
      DateRef: '2026-05-06T00:00:00Z',
      COUVERTURE: {
        GrandRegime: '01',
        Organisme: '751',
        CodeCentre: '0000',
        ASSURE: { Id: { Num: '1850575123456', Cle: '12' } },
        BENEFICIAIRE: { Nir: { Num: '2850575123456', Cle: '34', DateCertification: '2020-01-01' }, DateNai: '1985-00-00', Rang: '1', Porteur: '0' },
      },
    };
    const [fullXml] = await contextHeaders({ ContexteBAM: full });
    assert.ok(fullXml !== undefined);
    const r = xmllintValidateFile(file('ctxbam-full.xml', fullXml), CTXBAM_XSD);
    assert.ok(r.ok, r.output);
    assert.match(
      fullXml,
      /<ctxbam:BENEFICIAIRE><ctxbam:Nir><ctxbam:Num>2850575123456<\/ctxbam:Num><ctxbam:Cle>34<\/ctxbam:Cle><ctxbam:DateCertification>2020-01-01<\/ctxbam:DateCertification><\/ctxbam:Nir><ctxbam:DateNai>1985-00-00<\/ctxbam:DateNai><ctxbam:Rang>1<\/ctxbam:Rang><ctxbam:Porteur>0<\/ctxbam:Porteur><\/ctxbam:BENEFICIAIRE>/,
    );
    // The schema is a real oracle: a malformed NIR is rejected by it.
    const [bad] = await contextHeaders({ ContexteBAM: { ...full, COUVERTURE: { ASSURE: { Id: { Num: '12345' } } } } });
    assert.equal(xmllintValidateFile(file('ctxbam-bad.xml', bad ?? ''), CTXBAM_XSD).ok, false);
    await assert.rejects(
      contextHeaders({ ContexteBAM: { ...full, Emetteur: 'x\u0000' } }),
      (e: unknown) => e instanceof EncodeError && /Emetteur/.test(e.message) && !e.message.includes('2850575123456'),
    );
  });

  test('installation UUID: created once, stable, shared by concurrent callers, garbage is an error', async () => {
    const t = tempDir('instance');
    try {
      const path = join(t.dir, 'nested', 'volet-instance-id');
      const ids = await Promise.all(Array.from({ length: 6 }, () => readOrCreateInstanceId(path)));
      assert.equal(new Set(ids).size, 1);
      assert.match(ids[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(await readOrCreateInstanceId(path), ids[0]);
      assert.equal(readFileSync(path, 'utf8'), `${ids[0]}\n`);
      writeFileSync(path, 'not-a-uuid');
      await assert.rejects(readOrCreateInstanceId(path), (e: unknown) => e instanceof SecurityError && e.code === 'instance-id');
      assert.equal(readFileSync(path, 'utf8'), 'not-a-uuid', 'never overwritten');
    } finally {
      t.cleanup();
    }
  });
});

describe('assertion PS', { skip }, () => {
  test('same structure as the public signed fixture, SAML-schema-valid, verifies in xmlsec1 and here', async () => {
    const xml = await buildAssertionPs(
      { nameId: '00B6087510', identifiantFacturation: '123456789', secteurActivite: 'SA05' },
      { signer: cpsSigner(), now: () => NOW },
    );
    const path = file('assertion-ps.xml', xml);
    assert.deepEqual(shapeDiff(shapeOf(xml), shapeOf(readFileSync(PS_FIXTURE, 'utf8'))), []);
    assert.match(
      xml,
      /^<Assertion xmlns="urn:oasis:names:tc:SAML:2\.0:assertion" ID="_[0-9a-f-]{36}" IssueInstant="2026-05-06T07:08:09\.010Z" Version="2\.0"><Issuer Format="urn:oasis:names:tc:SAML:1\.1:nameid-format:X509SubjectName">2\.5\.4\.4=#/,
    );
    assert.ok(xml.includes('<Subject><NameID NameQualifier="CPS">00B6087510</NameID></Subject>'));
    assert.ok(xml.includes('<SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>'));
    const schema = xmllintValidateFile(path, SAML_ASSERTION_XSD);
    assert.ok(schema.ok, schema.output);
    const x = xmlsecVerify(path, pki.cps.certFile);
    assert.ok(x.ok, x.output);
    assert.equal(verifyAssertionSignature(xml, { trustedCertificates: [pki.caCertPem] }).valid, true);
  });

  test('optional attributes in order; input errors name the field only', async () => {
    const xml = await buildAssertionPs(
      {
        nameId: '10001234567',
        identifiantFacturation: '751234567',
        secteurActivite: 'SA07',
        codeSpecialiteAMO: '01',
        gipProfessionCode: '10',
        nameQualifier: 'CPS',
      },
      { signer: cpsSigner(), lifetimeSeconds: 3600, now: () => NOW },
    );
    const names = [...xml.matchAll(/<Attribute Name="([^"]+)">/g)].map((m) => m[1]);
    assert.deepEqual(names, ['identifiantFacturation', 'secteurActivite', 'codeSpecialiteAMO', 'gipProfessionCode']);
    assert.ok(xml.includes('<Conditions NotBefore="2026-05-06T07:08:09.010Z" NotOnOrAfter="2026-05-06T08:08:09.010Z"/>'));
    assert.ok(xmllintValidateFile(file('assertion-ps-full.xml', xml), SAML_ASSERTION_XSD).ok);
    await assert.rejects(
      buildAssertionPs({ nameId: 'SECRET-ID', identifiantFacturation: '', secteurActivite: 'SA05' }, { signer: cpsSigner() }),
      (e: unknown) => e instanceof SecurityError && /identifiantFacturation: must be a non-empty string/.test(e.message) && !e.message.includes('SECRET-ID'),
    );
  });
});

describe('TLSi wsse:Security', { skip }, () => {
  test('CPx mode: PS assertion then a Vitale assertion, pre-signed strings inserted byte for byte; valid per the Cnam Security.xsd', async () => {
    const fixture = readFileSync(PS_FIXTURE, 'utf8');
    const vitale = `<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${randomUUID()}" IssueInstant="2026-05-06T07:08:09.010Z" Version="2.0"><saml2:Issuer>CN=Vitale</saml2:Issuer></saml2:Assertion>`;
    const header = tlsiSecurityHeader({ mode: 'cpx', assertions: [`<?xml version="1.0" encoding="utf-8"?>\n${fixture}`, vitale] });
    assert.ok(header);
    assert.equal(
      header,
      `<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">${fixture.trimEnd()}${vitale}</wsse:Security>`,
    );
    const r = xmllintValidateFile(file('security.xml', header), TLSI_SECURITY_XSD);
    assert.ok(r.ok, r.output);
    // Same shape as the Security header of the public INSi request.
    assert.deepEqual(
      shapeDiff(
        shapeOf(securityHeader([fixture])),
        shapeOfElement(fixtureElement('http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd', 'Security')),
      ),
      [],
    );
  });

  test('mTLS mode sends no Security header; bad assertion strings are refused', () => {
    assert.equal(tlsiSecurityHeader({ mode: 'mtls' }), undefined);
    assert.throws(
      () => tlsiSecurityHeader({ mode: 'cpx', assertions: [] }),
      (e: unknown) => e instanceof SecurityError && e.code === 'invalid-input',
    );
    assert.throws(
      () => securityHeader(['<saml2:Assertion>unclosed']),
      (e: unknown) => e instanceof SecurityError && e.code === 'invalid-xml',
    );
    assert.throws(() => securityHeader(['<a:Other xmlns:a="urn:x"/>']), /not a SAML 2.0 Assertion/);
    assert.equal(
      securityHeader(['<x/>'], { check: false }),
      '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><x/></wsse:Security>',
    );
  });

  test('a complete INSi request built from these parts verifies in xmlsec1', async () => {
    const ps = await buildAssertionPs({ nameId: '00B6087510', identifiantFacturation: '123456789', secteurActivite: 'SA05' }, { signer: cpsSigner() });
    const [bam, lps] = await contextHeaders({
      ContexteLPS: {
        Version: '01_00',
        Nature: 'CTXLPS',
        LPS: { IDAM: { $value: 'PDP17NF21DD0', R: '4' }, Version: '0.1.0', Instance: randomUUID(), Nom: 'urn:lps:volet:0.1.0' },
      },
      ContexteBAM: { Version: '01_02', COUVERTURE: {} },
    });
    const envelope =
      '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>' +
      bam +
      lps +
      '<wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</wsa:Action>' +
      `<wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">uuid:${randomUUID()}</wsa:MessageID>` +
      tlsiSecurityHeader({ mode: 'cpx', assertions: [ps] }) +
      '</soap:Header><soap:Body><insi:RECSANSVITALE xmlns:insi="http://www.cnamts.fr/INSiRecSans"><insi:NomNaissance>ADRTROIS</insi:NomNaissance></insi:RECSANSVITALE></soap:Body></soap:Envelope>';
    const x = xmlsecVerify(file('insi-request.xml', envelope), pki.cps.certFile);
    assert.ok(x.ok, x.output);
    assert.equal(verifyAssertionSignature(envelope).valid, true);
  });
});
