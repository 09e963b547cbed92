/**
 * What the simulators refuse, as the generated clients see it: TLS without an acceptable client
 * certificate (`TransportError`), and SOAP faults with the services' codes — INSi unknown IDAM
 * (`siram_100`/`desir_550`, compared with the public fault), certificate CN (`DESIR_560`), CPx
 * assertion; DMP VIHF missing, unsigned, signed with the wrong or an untrusted certificate,
 * tampered, incomplete, AIR replayed or expired; WS-Addressing headers missing or wrong.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SoapFault, TransportError, cisisProfile, loadPemSigner, tlsiProfile, type SoapProfile } from '@volet/runtime';
import { WSA_NS } from '@volet/runtime/addressing';
import { buildAssertionPs, buildVihf, buildVihfXml, signAssertion } from '@volet/runtime/security';
import { SOAP12_ENVELOPE_NS, decodeEnvelope } from '@volet/runtime/soap';
import { ICIRClient } from '../../generated/insi/index.js';
import { type Erreur, ErreurElement } from '../../generated/schemas/siram/index.js';
import { DocumentRegistryClient } from '../../generated/xds-registry/index.js';
import { DMP_FAULT_NS } from '../../simulator/dmp/dmp-faults.js';
import { SIMULATOR_IDAM } from '../../simulator/insi/insi-simulator.js';
import { DEFAULT_POPULATION, fullIns, type SimulatedIdentity } from '../../simulator/insi/population.js';
import { tlsFor } from '../../simulator/samples/sample-clients.js';
import { findDocumentsQuery, retrieveRequest, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { useSimulators } from './support/simulators.js';

const ctx = useSimulators();
const alice = DEFAULT_POPULATION[0] as SimulatedIdentity;
const aliceIns = fullIns(alice);
const aliceQuery = findDocumentsQuery(xdsPatientId(aliceIns, alice.ins.oid));
const TRAITS = { NomNaissance: 'DEMOVOLET', Prenom: ['ALICE'], Sexe: 'F', DateNaissance: '1980-05-12' };
const LPS = {
  Version: '01_00',
  Nature: 'CTXLPS',
  LPS: { IDAM: { $value: SIMULATOR_IDAM, R: '4' }, Version: '1', Instance: '00000000-0000-4000-8000-000000000000', Nom: 'urn:lps:test:1' },
};
const BAM = { Version: '01_02', COUVERTURE: {} };

/** Runs `call`, expects a SoapFault, returns it. */
async function fault(call: () => Promise<unknown>): Promise<SoapFault> {
  try {
    await call();
  } catch (error) {
    if (error instanceof SoapFault) return error;
    throw error;
  }
  assert.fail('the call succeeded; a SOAP fault was expected');
}

function assertDmpFault(f: SoapFault, code: string): void {
  assert.equal(f.faultCode.namespace, SOAP12_ENVELOPE_NS);
  assert.equal(f.faultCode.local, 'Sender');
  assert.deepEqual(f.subcodes, [{ namespace: DMP_FAULT_NS, local: code }], f.reason());
  assert.doesNotMatch(f.reason(), new RegExp(aliceIns), 'no INS in fault texts');
}

/** A DMP query sent with `profile`. */
function dmpQuery(profile: SoapProfile): Promise<unknown> {
  return ctx().clients.registry.registryStoredQuery(aliceQuery, { profile });
}

/** A `cisis` profile whose VIHF is `xml` for every call. */
const fixedVihf = (xml: string): SoapProfile => cisisProfile({ vihf: () => xml });

/** Wraps a profile and drops the header blocks named `local`. */
function without(profile: SoapProfile, ...locals: string[]): SoapProfile {
  return {
    name: 'test',
    async prepare(context) {
      const prepared = await profile.prepare(context);
      return { ...prepared, headers: prepared.headers.filter((h) => !locals.includes(h.local)) };
    },
  };
}

function insiClient(entity: 'insiAuto' | 'insiManu' | 'orgAuth' | 'cps', idam = SIMULATOR_IDAM, url?: string, profile?: SoapProfile): ICIRClient {
  const { manifest, sims } = ctx();
  return new ICIRClient({
    endpoint: url ?? sims.insi.mtlsUrl,
    tls: tlsFor(manifest, manifest.entities[entity]),
    profile:
      profile ??
      tlsiProfile({ security: { mode: 'mtls' }, contexts: { ContexteLPS: { ...LPS, LPS: { ...LPS.LPS, IDAM: { $value: idam, R: '4' } } }, ContexteBAM: BAM } }),
  });
}

test('TLS: no client certificate, an expired one, or one from an unknown CA is refused in the handshake', async () => {
  const { manifest, sims, clients } = ctx();
  const profile = clients.dmpProfile(aliceIns);
  const cases: Array<[string, ConstructorParameters<typeof DocumentRegistryClient>[0]]> = [
    ['none', { tls: { trust: { caFile: manifest.caBundle } } }],
    ['expired', { tls: tlsFor(manifest, manifest.entities.expiredClient) }],
    ['unknown CA', { tls: tlsFor(manifest, manifest.entities.unknownCaClient) }],
  ];
  for (const [label, options] of cases) {
    const client = new DocumentRegistryClient({ ...options, endpoint: sims.dmp.registryUrl, profile });
    await assert.rejects(client.registryStoredQuery(aliceQuery), (e: unknown) => {
      assert.ok(e instanceof TransportError, `${label}: ${String(e)}`);
      assert.equal(e.kind, 'tls', label);
      return true;
    });
    client.soap.close();
  }
});

test('INSi unknown IDAM: siram_100 / desir_550, in the shape of the public fault, with the request MessageID', { skip: corpusSkipReason }, async () => {
  let sentMessageId: string | undefined;
  const client = insiClient('insiAuto', 'IDAM-INCONNU');
  const f = await fault(() =>
    client.rechercherInsAvecTraitsIdentite(
      TRAITS,
      {},
      {
        trace: (e) => {
          if (e.phase === 'request') sentMessageId = /<wsa:MessageID[^>]*>([^<]+)</.exec(e.body)?.[1];
        },
      },
    ),
  );
  client.soap.close();
  let reference: SoapFault | undefined;
  try {
    decodeEnvelope(readFileSync(corpus('insi-padoa', 'extracted', 'fault-siram_100-desir_550.xml')), { faultDetailDescriptors: [ErreurElement] });
  } catch (error) {
    if (error instanceof SoapFault) reference = error;
  }
  assert.ok(reference !== undefined, 'the public fault decodes as a SoapFault');
  assert.deepEqual(f.faultCode, reference.faultCode);
  assert.deepEqual(f.subcodes, reference.subcodes);
  assert.deepEqual(f.reasons, reference.reasons);
  const ours = f.detail[0]?.value as Erreur | undefined;
  const theirs = reference.detail[0]?.value as Erreur | undefined;
  assert.equal(f.detail[0]?.key, 'ErreurElement');
  assert.ok(ours !== undefined && theirs !== undefined);
  assert.deepEqual({ ...ours, messageID: undefined }, { ...theirs, messageID: undefined });
  assert.ok(sentMessageId !== undefined);
  assert.equal(ours.messageID, sentMessageId);
});

test('INSi mTLS mode: the certificate CN must be INSI-AUTO or INSI-MANU (else DESIR_560)', async () => {
  const manu = insiClient('insiManu');
  assert.equal((await manu.rechercherInsAvecTraitsIdentite(TRAITS)).CR.CodeCR, '00');
  manu.soap.close();
  const org = insiClient('orgAuth');
  const f = await fault(() => org.rechercherInsAvecTraitsIdentite(TRAITS));
  org.soap.close();
  assert.equal(f.mostSpecificCode.local, 'siram_100');
  assert.equal((f.detail[0]?.value as Erreur).code, 'DESIR_560');
  assert.equal((f.detail[0]?.value as Erreur).$value, "Niveau d'accès insuffisant");
});

test('INSi CPx mode: a signed assertion PS is accepted; none or an unsigned one is refused (desir_570)', async () => {
  const { manifest, sims } = ctx();
  const signer = await loadPemSigner({ keyFile: manifest.entities.cps.key, certificateFile: manifest.entities.cps.cert });
  const ps = await buildAssertionPs({ nameId: '899700000001', identifiantFacturation: '991234567', secteurActivite: 'SA07' }, { signer });
  await signer.close();
  const cpx = (assertions: readonly string[] | null): ICIRClient =>
    insiClient(
      'cps',
      SIMULATOR_IDAM,
      sims.insi.cpxUrl,
      tlsiProfile({ security: assertions === null ? { mode: 'mtls' } : { mode: 'cpx', assertions }, contexts: { ContexteLPS: LPS, ContexteBAM: BAM } }),
    );
  const ok = cpx([ps]);
  assert.equal((await ok.rechercherInsAvecTraitsIdentite(TRAITS)).CR.CodeCR, '00');
  ok.soap.close();
  const unsignedXml = ps.replace(/<(\w+:)?Signature\b[\s\S]*<\/(\w+:)?Signature>/, '');
  assert.notEqual(unsignedXml, ps);
  for (const assertions of [null, [unsignedXml]]) {
    const client = cpx(assertions);
    const f = await fault(() => client.rechercherInsAvecTraitsIdentite(TRAITS));
    client.soap.close();
    assert.equal((f.detail[0]?.value as Erreur).code, 'desir_570');
  }
});

test('DMP: no VIHF → DMPVIHFMissing; unsigned in INDIRECTE mode → DMPInvalidSignature', async () => {
  const { clients } = ctx();
  assertDmpFault(await fault(() => dmpQuery(without(clients.dmpProfile(aliceIns), 'Security'))), 'DMPVIHFMissing');
  const unsigned = buildVihfXml({ ...clients.vihfInput(aliceIns, 'INDIRECTE'), issuer: clients.vihfSigner.subjectDn }, { sign: false });
  assertDmpFault(await fault(() => dmpQuery(fixedVihf(unsigned))), 'DMPInvalidSignature');
});

test("DMP DIRECTE: unsigned VIHF over the holder's card certificate passes; over an organisation certificate or for another holder → refused", async () => {
  const { clients, manifest, sims } = ctx();
  // DIRECTE tokens need no signature: the card authenticates the TLS connection.
  const directe = buildVihfXml({ ...clients.vihfInput(aliceIns, 'DIRECTE'), issuer: 'CN=899700000001,O=VOLET TEST,C=FR' });
  const cardRegistry = new DocumentRegistryClient({ endpoint: sims.dmp.registryUrl, tls: tlsFor(manifest, manifest.entities.cps) });
  try {
    await cardRegistry.registryStoredQuery(aliceQuery, { profile: fixedVihf(directe) });
    const otherHolder = buildVihfXml({ ...clients.vihfInput(aliceIns, 'DIRECTE'), nameId: '899700000002', issuer: 'CN=899700000002,O=VOLET TEST,C=FR' });
    const f = await fault(() => cardRegistry.registryStoredQuery(aliceQuery, { profile: fixedVihf(otherHolder) }));
    assertDmpFault(f, 'DMPVIHFInvalid');
    assert.match(f.reason(), /NameID/);
  } finally {
    cardRegistry.soap.close();
  }
  // The sample registry connects with the organisation's authentication certificate: no card.
  assertDmpFault(await fault(() => dmpQuery(fixedVihf(directe))), 'DMPInvalidCertificate');
});

test('DMP: the ITI-43 fault comes as multipart/related, like every ITI-43 answer of the DMP', async () => {
  const { clients } = ctx();
  let contentType = '';
  const unsigned = buildVihfXml({ ...clients.vihfInput(aliceIns, 'INDIRECTE'), issuer: clients.vihfSigner.subjectDn }, { sign: false });
  const f = await fault(() =>
    clients.repository.retrieveDocumentSet(retrieveRequest('1.2.250.1.213.4.1.1.1.2', '1.2.3'), {
      profile: fixedVihf(unsigned),
      trace: (e) => {
        if (e.phase === 'response') contentType = e.headers['content-type'] ?? '';
      },
    }),
  );
  assertDmpFault(f, 'DMPInvalidSignature');
  assert.match(contentType, /^multipart\/related;/);
});

test('DMP: a VIHF signed with the authentication certificate or an untrusted one → DMPInvalidCertificate', async () => {
  const { clients, manifest } = ctx();
  for (const entity of [manifest.entities.orgAuth, manifest.entities.unknownCaClient]) {
    const signer = await loadPemSigner({ keyFile: entity.key, certificateFile: entity.cert });
    const token = await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer });
    await signer.close();
    assertDmpFault(await fault(() => dmpQuery(fixedVihf(token))), 'DMPInvalidCertificate');
  }
});

test('DMP: a VIHF modified after signing → DMPInvalidSignature; a signed VIHF lacking subject-id → DMPVIHFInvalid', async () => {
  const { clients } = ctx();
  const token = await buildVihf(clients.vihfInput(aliceIns, 'INDIRECTE'), { signer: clients.vihfSigner });
  const tampered = token.replace('>DOC TEST<', '>DOC TRICHE<');
  assert.notEqual(tampered, token);
  assertDmpFault(await fault(() => dmpQuery(fixedVihf(tampered))), 'DMPInvalidSignature');

  const unsigned = buildVihfXml({ ...clients.vihfInput(aliceIns, 'INDIRECTE'), issuer: clients.vihfSigner.subjectDn }, { sign: false });
  const incomplete = unsigned.replace(/<saml2:Attribute Name="urn:oasis:names:tc:xspa:1.0:subject:subject-id">[\s\S]*?<\/saml2:Attribute>/, '');
  assert.notEqual(incomplete, unsigned);
  const f = await fault(() => signAssertion(incomplete, clients.vihfSigner).then((xml) => dmpQuery(fixedVihf(xml))));
  assertDmpFault(f, 'DMPVIHFInvalid');
  assert.match(f.reason(), /subject-id/);
});

test('DMP AIR (INDIRECTE_RENFORCEE): a fresh token passes once; replayed → DMPVIHFReplayed; 60 s old → DMPVIHFExpired', async () => {
  const { clients } = ctx();
  const input = clients.vihfInput(aliceIns, 'INDIRECTE_RENFORCEE');
  const token = await buildVihf(input, { signer: clients.vihfSigner });
  await dmpQuery(fixedVihf(token));
  assertDmpFault(await fault(() => dmpQuery(fixedVihf(token))), 'DMPVIHFReplayed');
  // The profile's provider makes a new token per call: two calls in a row pass.
  await dmpQuery(clients.dmpProfile(aliceIns, 'INDIRECTE_RENFORCEE'));
  await dmpQuery(clients.dmpProfile(aliceIns, 'INDIRECTE_RENFORCEE'));
  const old = await buildVihf(input, { signer: clients.vihfSigner, now: () => new Date(Date.now() - 60_000) });
  assertDmpFault(await fault(() => dmpQuery(fixedVihf(old))), 'DMPVIHFExpired');
});

test('WS-Addressing: a missing MessageID, an Action of another endpoint, a mismatching HTTP action', async () => {
  const { clients } = ctx();
  const missing = await fault(() => dmpQuery(without(clients.dmpProfile(aliceIns), 'MessageID')));
  assert.deepEqual(missing.subcodes, [{ namespace: WSA_NS, local: 'MessageAddressingHeaderRequired' }]);
  assert.match(missing.reason(), /^A required header representing a Message Addressing Property is not present/);
  const wrongAction = await fault(() =>
    clients.registry.registryStoredQuery(aliceQuery, { profile: clients.dmpProfile(aliceIns), action: 'urn:ihe:iti:2007:RetrieveDocumentSet' }),
  );
  assert.deepEqual(wrongAction.subcodes, [{ namespace: WSA_NS, local: 'ActionNotSupported' }]);
  const http = await fault(() =>
    clients.registry.registryStoredQuery(aliceQuery, { profile: clients.dmpProfile(aliceIns), httpAction: 'urn:ihe:iti:2010:UpdateDocumentSet' }),
  );
  assert.equal(http.faultCode.local, 'Sender');
  assert.match(http.reason(), /SOAPAction/);
  assert.deepEqual(ctx().serverErrors, []);
});
