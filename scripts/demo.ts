/**
 * `npm run demo`: volet end to end on one machine, without the national services. Checks that
 * `generated/` is what the generator makes of `wsdl/`, starts the local DMP and INSi simulators,
 * then uses the GENERATED clients with the `cisis` and `tlsi` profiles: INSi searches (found, not
 * found, several), a DMP search, an MTOM upload of a fictional CDA under a signed INDIRECTE VIHF,
 * a search, a retrieve compared byte for byte, a delete, and one refused call (an unsigned VIHF)
 * that ends in a typed fault. One line per step with its timing; exit 0 only when every step
 * behaved as expected. Only fictional test identities appear, and INS values are masked anyway.
 */
import { join, relative } from 'node:path';
import { SoapFault, TransportError, VoletError, cisisProfile, registryResponseStatus } from '@volet/runtime';
import { buildVihfXml } from '@volet/runtime/security';
import type { ExtrinsicObjectType } from '../generated/schemas/ebrim/index.js';
import { loadConfig } from '../generator/config/config.js';
import { voletRoot, voletVersion } from '../generator/cli/version.js';
import { compareGenerated, generate } from '../generator/generate/generate.js';
import { DEFAULT_POPULATION, fullIns, type SimulatedIdentity } from '../simulator/insi/population.js';
import { STATUS } from '../simulator/dmp/xds/xds-constants.js';
import { readPkiManifest } from '../simulator/pki-manifest.js';
import { fictionalCda } from '../simulator/samples/fictional-cda.js';
import { sampleClients, type SampleClients } from '../simulator/samples/sample-clients.js';
import { findDocumentsQuery, provideAndRegisterRequest, retrieveRequest, updateStatusRequest, xdsPatientId } from '../simulator/samples/xds-requests.js';
import { startSimulators, type RunningSimulators } from '../simulator/start-simulators.js';

/** A step that did not behave as expected. */
class StepFailure extends Error {}

/** An INS shown in the transcript: its first digit only. */
function maskIns(ins: string): string {
  return ins.slice(0, 1) + '*'.repeat(Math.max(0, ins.length - 1));
}

function expect(condition: boolean, message: string): asserts condition {
  if (!condition) throw new StepFailure(message);
}

function describeError(error: unknown): string {
  if (error instanceof SoapFault) return `SoapFault ${[error.faultCode, ...error.subcodes].map((q) => q.local).join(' / ')}`;
  if (error instanceof TransportError) return `TransportError ${error.kind}${error.reason === undefined ? '' : ` (${error.reason})`}: ${error.message}`;
  if (error instanceof VoletError) return `${error.name} ${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

const steps: { readonly label: string; readonly ok: boolean }[] = [];

async function step(label: string, run: () => Promise<string>): Promise<void> {
  const started = performance.now();
  const n = String(steps.length + 1).padStart(2);
  try {
    const detail = await run();
    const ms = Math.round(performance.now() - started);
    steps.push({ label, ok: true });
    process.stdout.write(`${n}  ok    ${label.padEnd(12)} ${detail}  (${ms} ms)\n`);
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    steps.push({ label, ok: false });
    process.stdout.write(`${n}  FAIL  ${label.padEnd(12)} ${describeError(error)}  (${ms} ms)\n`);
    throw new StepFailure(label);
  }
}

/** Step 1: `generated/` is exactly what the generator makes of `wsdl/` (what `volet check` does). */
async function checkGenerated(root: string): Promise<string> {
  const config = loadConfig(join(root, 'volet.config.json'));
  const result = generate({
    services: config.services,
    baseDir: config.baseDir,
    catalog: config.catalog,
    typecheck: false,
    version: voletVersion(),
  });
  const stale: string[] = [];
  for (const service of result.services) {
    expect(service.files !== null, `${service.service.name}: the service description has errors`);
    if (compareGenerated(service.service.out, service.files ?? [], result).length > 0) stale.push(service.service.name);
  }
  if (result.schemas !== null && compareGenerated(result.schemas.out, result.schemas.files, result).length > 0) stale.push('schemas');
  expect(stale.length === 0, `generated/ is out of date for ${stale.join(', ')}: run \`npm run volet -- generate\`, then \`npm run demo\` again`);
  return `generated ${result.services.map((s) => s.service.name).join(', ')} from wsdl/ (${result.services.reduce((n, s) => n + s.operations, 0)} operations): identical to the committed generated/`;
}

async function insiSearch(
  clients: SampleClients,
  query: { name: string; first: string; sex: 'F' | 'M'; birth: string },
): Promise<{ code: string; label: string; ins?: string; history: number }> {
  const r = await clients.insi.rechercherInsAvecTraitsIdentite({
    NomNaissance: query.name,
    Prenom: [query.first],
    Sexe: query.sex,
    DateNaissance: query.birth,
  });
  const id = r.INDIVIDU?.INSACTIF.IdIndividu;
  return {
    code: r.CR.CodeCR,
    label: r.CR.LibelleCR,
    ...(id === undefined ? {} : { ins: id.NumIdentifiant + (id.Cle ?? '') }),
    history: r.INDIVIDU?.INSHISTO?.length ?? 0,
  };
}

async function findDocuments(clients: SampleClients, ins: string, oid: string): Promise<ExtrinsicObjectType[]> {
  const response = await clients.registry.registryStoredQuery(findDocumentsQuery(xdsPatientId(ins, oid)), { profile: clients.dmpProfile(ins) });
  expect(registryResponseStatus(response) === 'Success', `FindDocuments answered ${response.status}`);
  return (response.RegistryObjectList.Identifiable ?? []).flatMap((i) => (i.$el === 'ExtrinsicObjectElement' ? [i.value] : []));
}

async function main(): Promise<number> {
  const root = voletRoot();
  const total = performance.now();
  process.stdout.write('volet demo: generated clients against local DMP and INSi simulators (fictional test identities only)\n');
  let sims: RunningSimulators | undefined;
  let clients: SampleClients | undefined;
  let completed = false;
  try {
    await step('generate', () => checkGenerated(root));
    await step('simulators', async () => {
      sims = await startSimulators();
      const manifest = await readPkiManifest(sims.pkiManifestFile);
      clients = await sampleClients(manifest, { registryUrl: sims.dmp.registryUrl, repositoryUrl: sims.dmp.repositoryUrl, insiMtlsUrl: sims.insi.mtlsUrl });
      return `DMP ${sims.dmp.origin}, INSi ${sims.insi.origin}, PKI ${relative(root, sims.pkiManifestFile).startsWith('..') ? sims.pkiManifestFile : relative(root, sims.pkiManifestFile)}`;
    });
    const c = clients as SampleClients;
    const alice = DEFAULT_POPULATION[0] as SimulatedIdentity;
    let ins = '';
    let oid = '';
    await step('INSi', async () => {
      const r = await insiSearch(c, { name: alice.birthName, first: alice.firstNames[0] ?? '', sex: alice.sex, birth: alice.birthDate });
      expect(r.code === '00' && r.ins === fullIns(alice), `expected CR 00 with the identity's INS, got CR ${r.code}`);
      ins = r.ins;
      oid = alice.ins.oid;
      return `traits ${alice.birthName} ${alice.firstNames[0] ?? ''} → CR 00 ${r.label}, INS ${maskIns(ins)}, ${r.history} former INS`;
    });
    await step('INSi', async () => {
      const r = await insiSearch(c, { name: alice.birthName, first: 'JEANNE', sex: 'F', birth: alice.birthDate });
      expect(r.code === '01' && r.ins === undefined, `expected CR 01, got CR ${r.code}`);
      return `traits ${alice.birthName} JEANNE → CR 01 ${r.label}`;
    });
    await step('INSi', async () => {
      const twin = DEFAULT_POPULATION[2] as SimulatedIdentity;
      const r = await insiSearch(c, { name: twin.birthName, first: twin.firstNames[0] ?? '', sex: twin.sex, birth: twin.birthDate });
      expect(r.code === '02' && r.ins === undefined, `expected CR 02, got CR ${r.code}`);
      return `traits ${twin.birthName} ${twin.firstNames[0] ?? ''} → CR 02 ${r.label}`;
    });
    await step('DMP ITI-18', async () => {
      const found = await findDocuments(c, ins, oid);
      expect(found.length === 0, `expected no document yet, found ${found.length}`);
      return 'FindDocuments (Approved) → Success, 0 documents';
    });
    const uniqueId = `1.2.250.1.999.1.1.${Date.now()}`;
    const cda = fictionalCda({ patient: alice, uniqueId, effectiveTime: new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14) });
    await step('DMP ITI-41', async () => {
      const request = provideAndRegisterRequest(
        xdsPatientId(ins, oid),
        {
          bytes: cda,
          mimeType: 'text/xml',
          uniqueId,
          title: 'Compte rendu de démonstration',
          creationTime: new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14),
        },
        {
          authorPerson: '899700000001^DOC^TEST^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS',
          authorInstitution: 'VOLET ETABLISSEMENT TEST^^^^^&1.2.250.1.71.4.2.2&ISO^IDNST^^^VOLET-TEST-0001',
          sourceId: '1.2.250.1.999.1.1',
        },
      );
      let multipart = false;
      const response = await c.repository.provideAndRegisterDocumentSet(request, {
        profile: c.dmpProfile(ins),
        trace: (event) => {
          if (event.phase === 'request') multipart = event.attachments.length === 1;
        },
      });
      expect(registryResponseStatus(response) === 'Success', `ITI-41 answered ${response.status}`);
      expect(multipart, 'the document did not travel as an XOP part');
      return `CDA of ${cda.byteLength} bytes as an MTOM/XOP part, VIHF INDIRECTE signed (ORG_SIGN) → Success`;
    });
    let entry: ExtrinsicObjectType | undefined;
    await step('DMP ITI-18', async () => {
      const found = await findDocuments(c, ins, oid);
      entry = found[0];
      expect(found.length === 1 && entry !== undefined, `expected 1 document, found ${found.length}`);
      return `FindDocuments → Success, 1 document, status Approved, entry ${entry.id.slice(0, 17)}…`;
    });
    await step('DMP ITI-43', async () => {
      const repositoryUniqueId = entry?.Slot?.find((s) => s.name === 'repositoryUniqueId')?.ValueList.Value?.[0] ?? '';
      let multipart = false;
      const response = await c.repository.retrieveDocumentSet(retrieveRequest(repositoryUniqueId, uniqueId), {
        profile: c.dmpProfile(ins),
        onResponse: (r) => {
          multipart = r.attachments.size === 1;
        },
      });
      const bytes = response.DocumentResponse?.[0]?.Document;
      expect(bytes !== undefined && Buffer.from(bytes).equals(Buffer.from(cda)), 'the retrieved bytes differ from the uploaded ones');
      expect(multipart, 'the document did not come back as an XOP part');
      return `retrieve → ${bytes.byteLength} bytes from a multipart/related answer, identical to the upload`;
    });
    await step('DMP ITI-57', async () => {
      const response = await c.registry.updateDocumentSet(
        updateStatusRequest(xdsPatientId(ins, oid), entry?.id ?? '', STATUS.approved, STATUS.deleted, '1.2.250.1.999.1.1'),
        {
          profile: c.dmpProfile(ins),
        },
      );
      expect(registryResponseStatus(response) === 'Success', `ITI-57 answered ${response.status}`);
      const left = await findDocuments(c, ins, oid);
      expect(left.length === 0, `the document is still found after deletion (${left.length})`);
      return 'status Approved → Deleted → Success; FindDocuments now finds 0 documents';
    });
    await step('DMP refused', async () => {
      // The same token as the accepted calls, left unsigned (its Issuer still names the cachet).
      const unsigned = cisisProfile({ vihf: () => buildVihfXml({ ...c.vihfInput(ins, 'INDIRECTE'), issuer: c.vihfSigner.subjectDn }, { sign: false }) });
      try {
        await c.registry.registryStoredQuery(findDocumentsQuery(xdsPatientId(ins, oid)), { profile: unsigned });
      } catch (error) {
        expect(error instanceof SoapFault, `expected a SoapFault, got ${describeError(error)}`);
        const code = error.mostSpecificCode.local;
        expect(error.faultCode.local === 'Sender' && code === 'DMPInvalidSignature', `expected Sender / DMPInvalidSignature, got ${describeError(error)}`);
        return `unsigned VIHF in INDIRECTE mode → SoapFault Sender / ${code}: "${error.reason()}"`;
      }
      throw new StepFailure('the unsigned VIHF was accepted');
    });
    completed = true;
  } catch (error) {
    if (!(error instanceof StepFailure)) process.stdout.write(`      error: ${describeError(error)}\n`);
  } finally {
    await clients?.close();
    if (sims !== undefined) await sims.close();
  }
  const failed = steps.filter((s) => !s.ok).length;
  const seconds = ((performance.now() - total) / 1000).toFixed(1);
  if (completed && failed === 0) {
    process.stdout.write(`all ${steps.length} steps behaved as expected; simulators stopped (${seconds} s)\n`);
    return 0;
  }
  process.stdout.write(`demo FAILED after ${steps.length} step(s); simulators stopped (${seconds} s)\n`);
  return 1;
}

process.exitCode = await main();
