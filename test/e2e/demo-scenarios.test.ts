/**
 * The demo's scenarios as tests: the generated clients of `wsdl/`, with the `tlsi` and `cisis`
 * profiles, against the simulators over mutual TLS. INSi CR 00 / 01 / 02 and the Vitale search;
 * the DMP document life cycle (ITI-41 with MTOM, ITI-18, ITI-43 with XOP, ITI-57 archive /
 * restore / delete) and the business errors the registry answers with.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { registryErrors, registryResponseStatus } from '@volet/runtime';
import type { ExtrinsicObjectType } from '../../generated/schemas/ebrim/index.js';
import { STATUS } from '../../simulator/dmp/xds/xds-constants.js';
import { DEFAULT_POPULATION, fullIns, type SimulatedIdentity } from '../../simulator/insi/population.js';
import { fictionalCda } from '../../simulator/samples/fictional-cda.js';
import {
  findDocumentsQuery,
  provideAndRegisterRequest,
  retrieveRequest,
  updateStatusRequest,
  xdsPatientId,
  type SubmittedDocument,
} from '../../simulator/samples/xds-requests.js';
import { useSimulators } from './support/simulators.js';

const ctx = useSimulators();
const [alice, paul, twinA] = DEFAULT_POPULATION as [SimulatedIdentity, SimulatedIdentity, SimulatedIdentity, SimulatedIdentity];
const SUBMITTER = {
  authorPerson: '899700000001^DOC^TEST^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS',
  authorInstitution: 'VOLET ETABLISSEMENT TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^VOLET-TEST-0001',
  sourceId: '1.2.250.1.999.1.1',
};

const patientId = (p: SimulatedIdentity): string => xdsPatientId(fullIns(p), p.ins.oid);
let counter = 0;
function document(p: SimulatedIdentity): SubmittedDocument {
  counter += 1;
  const uniqueId = `1.2.250.1.999.1.1.42.${counter}`;
  return {
    bytes: fictionalCda({ patient: p, uniqueId, effectiveTime: '20240101120000' }),
    mimeType: 'text/xml',
    uniqueId,
    title: `Document ${counter}`,
    creationTime: '20240101120000',
  };
}

async function find(p: SimulatedIdentity, statuses?: readonly string[]): Promise<ExtrinsicObjectType[]> {
  const { clients } = ctx();
  const r = await clients.registry.registryStoredQuery(findDocumentsQuery(patientId(p), statuses), { profile: clients.dmpProfile(fullIns(p)) });
  assert.equal(registryResponseStatus(r), 'Success');
  return (r.RegistryObjectList.Identifiable ?? []).flatMap((i) => (i.$el === 'ExtrinsicObjectElement' ? [i.value] : []));
}

async function upload(p: SimulatedIdentity, doc: SubmittedDocument): Promise<string | undefined> {
  const { clients } = ctx();
  const r = await clients.repository.provideAndRegisterDocumentSet(provideAndRegisterRequest(patientId(p), doc, SUBMITTER), {
    profile: clients.dmpProfile(fullIns(p)),
  });
  return registryResponseStatus(r);
}

const slot = (entry: ExtrinsicObjectType, name: string): string | undefined => entry.Slot?.find((s) => s.name === name)?.ValueList.Value?.[0];

test('INSi traits search: CR 00 with the current INS, the former one and the reference traits', async () => {
  const r = await ctx().clients.insi.rechercherInsAvecTraitsIdentite({ NomNaissance: 'DEMOVOLET', Prenom: ['ALICE'], Sexe: 'F', DateNaissance: '1980-05-12' });
  assert.equal(r.CR.CodeCR, '00');
  assert.equal(r.INDIVIDU?.INSACTIF.IdIndividu.NumIdentifiant, alice.ins.number);
  assert.equal(r.INDIVIDU?.INSACTIF.IdIndividu.Cle, alice.ins.key);
  assert.equal(r.INDIVIDU?.INSACTIF.OID, '1.2.250.1.213.1.4.10');
  assert.equal(r.INDIVIDU?.INSHISTO?.length, 1);
  assert.equal(r.INDIVIDU?.INSHISTO?.[0]?.OID, '1.2.250.1.213.1.4.9');
  assert.equal(r.INDIVIDU?.TIQ.ListePrenom, 'ALICE MARIE');
  assert.equal(r.INDIVIDU?.TIQ.LieuNaissance, '75056');
});

test('INSi traits search: all first names at once also match; a wrong one gives CR 01; twins give CR 02', async () => {
  const insi = ctx().clients.insi;
  assert.equal(
    (await insi.rechercherInsAvecTraitsIdentite({ NomNaissance: 'DEMOVOLET', Prenom: ['ALICE MARIE'], Sexe: 'F', DateNaissance: '1980-05-12' })).CR.CodeCR,
    '00',
  );
  const none = await insi.rechercherInsAvecTraitsIdentite({ NomNaissance: 'DEMOVOLET', Prenom: ['JEANNE'], Sexe: 'F', DateNaissance: '1980-05-12' });
  assert.deepEqual(none, { CR: { CodeCR: '01', LibelleCR: 'Aucune identite trouvee' } });
  const several = await insi.rechercherInsAvecTraitsIdentite({ NomNaissance: twinA.birthName, Prenom: ['CAMILLE'], Sexe: 'F', DateNaissance: twinA.birthDate });
  assert.deepEqual(several, { CR: { CodeCR: '02', LibelleCR: 'Plusieurs identites trouvees' } });
  const one = await insi.rechercherInsAvecTraitsIdentite({
    NomNaissance: twinA.birthName,
    Prenom: ['CAMILLE', 'ROSE'],
    Sexe: 'F',
    DateNaissance: twinA.birthDate,
  });
  assert.equal(one.INDIVIDU?.INSACTIF.IdIndividu.NumIdentifiant, twinA.ins.number);
});

test('INSi Vitale search: by the individual number and birth date', async () => {
  const r = await ctx().clients.insi.rechercherInsAvecCarteVitale({
    MatriculeIndividu: { NumIdentifiant: paul.ins.number, Cle: paul.ins.key },
    DateNaissance: paul.birthDate,
  });
  assert.equal(r.CR.CodeCR, '00');
  assert.equal(r.INDIVIDU?.TIQ.Prenom, 'PAUL');
  assert.equal(r.INDIVIDU?.INSHISTO, undefined);
  const wrongDate = await ctx().clients.insi.rechercherInsAvecCarteVitale({
    MatriculeIndividu: { NumIdentifiant: paul.ins.number },
    DateNaissance: '1975-11-04',
  });
  assert.equal(wrongDate.CR.CodeCR, '01');
});

test('DMP: upload (MTOM), find, retrieve the same bytes as an XOP part, then delete', async () => {
  const { clients, sims } = ctx();
  assert.deepEqual(await find(paul), []);
  const doc = document(paul);
  let sentParts = 0;
  const r = await clients.repository.provideAndRegisterDocumentSet(provideAndRegisterRequest(patientId(paul), doc, SUBMITTER), {
    profile: clients.dmpProfile(fullIns(paul)),
    trace: (e) => {
      if (e.phase === 'request') sentParts = e.attachments.length;
    },
  });
  assert.equal(registryResponseStatus(r), 'Success');
  assert.equal(sentParts, 1, 'the document travels as one XOP part');

  const [entry, ...more] = await find(paul);
  assert.ok(entry !== undefined && more.length === 0);
  assert.match(entry.id, /^urn:uuid:[0-9a-f-]{36}$/);
  assert.equal(entry.status, STATUS.approved);
  assert.equal(entry.mimeType, 'text/xml');
  assert.equal(slot(entry, 'hash'), createHash('sha1').update(doc.bytes).digest('hex'));
  assert.equal(slot(entry, 'size'), String(doc.bytes.byteLength));
  assert.equal(slot(entry, 'repositoryUniqueId'), sims.dmp.simulator.repositoryUniqueId);
  const uniqueId = entry.ExternalIdentifier?.find((e) => e.identificationScheme === 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab')?.value;
  assert.equal(uniqueId, doc.uniqueId);
  assert.ok(entry.ExternalIdentifier?.every((e) => e.registryObject === entry.id && e.id.startsWith('urn:uuid:')));

  let contentType = '';
  const got = await clients.repository.retrieveDocumentSet(retrieveRequest(slot(entry, 'repositoryUniqueId') ?? '', doc.uniqueId), {
    profile: clients.dmpProfile(fullIns(paul)),
    onResponse: (resp) => {
      contentType = resp.httpHeaders['content-type'] ?? '';
    },
  });
  assert.match(contentType, /^multipart\/related;/);
  assert.equal(registryResponseStatus(got), 'Success');
  assert.equal(got.DocumentResponse?.length, 1);
  assert.deepEqual(Buffer.from(got.DocumentResponse?.[0]?.Document ?? new Uint8Array()), Buffer.from(doc.bytes));
  assert.equal(got.DocumentResponse?.[0]?.mimeType, 'text/xml');

  const del = await clients.registry.updateDocumentSet(updateStatusRequest(patientId(paul), entry.id, STATUS.approved, STATUS.deleted, SUBMITTER.sourceId), {
    profile: clients.dmpProfile(fullIns(paul)),
  });
  assert.equal(registryResponseStatus(del), 'Success');
  assert.deepEqual(await find(paul, [STATUS.approved, STATUS.archived, STATUS.deleted]), [], 'deleted documents are gone for every query');
  const after = await clients.repository.retrieveDocumentSet(retrieveRequest(slot(entry, 'repositoryUniqueId') ?? '', doc.uniqueId), {
    profile: clients.dmpProfile(fullIns(paul)),
  });
  assert.equal(registryResponseStatus(after), 'Failure');
  assert.deepEqual(
    registryErrors(after).map((e) => e.errorCode),
    ['XDSDocumentUniqueIdError'],
  );
});

test('DMP: archiving hides a document from the Approved search; it can be restored', async () => {
  const { clients } = ctx();
  const doc = document(alice);
  assert.equal(await upload(alice, doc), 'Success');
  const entry = (await find(alice)).find((e) => e.ExternalIdentifier?.some((x) => x.value === doc.uniqueId));
  assert.ok(entry !== undefined);
  const profile = clients.dmpProfile(fullIns(alice));
  const hide = await clients.registry.updateDocumentSet(updateStatusRequest(patientId(alice), entry.id, STATUS.approved, STATUS.archived, SUBMITTER.sourceId), {
    profile,
  });
  assert.equal(registryResponseStatus(hide), 'Success');
  assert.equal(
    (await find(alice)).some((e) => e.id === entry.id),
    false,
  );
  assert.equal((await find(alice, [STATUS.archived])).find((e) => e.id === entry.id)?.status, STATUS.archived);
  // The original status must be the current one.
  const stale = await clients.registry.updateDocumentSet(updateStatusRequest(patientId(alice), entry.id, STATUS.approved, STATUS.deleted, SUBMITTER.sourceId), {
    profile,
  });
  assert.deepEqual(
    registryErrors(stale).map((e) => e.errorCode),
    ['XDSMetadataUpdateError'],
  );
  const restore = await clients.registry.updateDocumentSet(
    updateStatusRequest(patientId(alice), entry.id, STATUS.archived, STATUS.approved, SUBMITTER.sourceId),
    { profile },
  );
  assert.equal(registryResponseStatus(restore), 'Success');
  assert.equal(
    (await find(alice)).some((e) => e.id === entry.id),
    true,
  );
});

test('DMP business errors come in the RegistryResponse: another patient than the VIHF, a duplicate uniqueId', async () => {
  const { clients } = ctx();
  // The VIHF names Alice, the document names Paul.
  const other = await clients.repository.provideAndRegisterDocumentSet(provideAndRegisterRequest(patientId(paul), document(paul), SUBMITTER), {
    profile: clients.dmpProfile(fullIns(alice)),
  });
  assert.equal(registryResponseStatus(other), 'Failure');
  assert.ok(registryErrors(other).some((e) => e.errorCode === 'XDSPatientIdDoesNotMatch'));
  const query = await clients.registry.registryStoredQuery(findDocumentsQuery(patientId(paul)), { profile: clients.dmpProfile(fullIns(alice)) });
  assert.deepEqual(
    registryErrors(query).map((e) => e.errorCode),
    ['XDSPatientIdDoesNotMatch'],
  );

  const doc = document(twinA);
  assert.equal(await upload(twinA, doc), 'Success');
  const again = await clients.repository.provideAndRegisterDocumentSet(provideAndRegisterRequest(patientId(twinA), doc, SUBMITTER), {
    profile: clients.dmpProfile(fullIns(twinA)),
  });
  assert.deepEqual(
    registryErrors(again).map((e) => e.errorCode),
    ['XDSDuplicateUniqueIdInRegistry'],
  );
  assert.equal((await find(twinA)).length, 1, 'a refused submission stores nothing');
  assert.deepEqual(ctx().serverErrors, []);
});
