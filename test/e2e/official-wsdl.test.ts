/**
 * Clients generated at test time from the OFFICIAL DMP WSDLs of the corpus call the simulated DMP
 * configured to answer with the official example responses (read in place): TD3.1 (ITI-18),
 * TD3.2 (ITI-43, served as multipart with the TD2.1 CDA as the XOP part), TD0.3 (Habilitations),
 * TD1.3a (GDP, HL7 v3). The simulator still checks WS-Addressing and the VIHF. The typed results
 * are compared with values read from the same files by an independent DOM parser.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import {
  SoapFault,
  cisisProfile,
  elementRef,
  registryResponseStatus,
  type CallOptions,
  type ClientOptions,
  type OperationDescriptor,
  type PortDescriptor,
  type SchemaDescriptor,
  type SoapProfile,
} from '@volet/runtime';
import { normalizeContentId } from '@volet/runtime/mtom';
import { buildVihfXml } from '@volet/runtime/security';
import { decodeEnvelope } from '@volet/runtime/soap';
import type { CannedResponse } from '../../simulator/dmp/canned-responses.js';
import { DMP_FAULT_NS } from '../../simulator/dmp/dmp-faults.js';
import { readPkiManifest, type PkiManifest } from '../../simulator/pki-manifest.js';
import { sampleClients, tlsFor, type SampleClients } from '../../simulator/samples/sample-clients.js';
import { startSimulators, type RunningSimulators } from '../../simulator/start-simulators.js';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { sharedTestPki } from '../support/pki.js';
import { generateAndLoad, type GeneratedModule } from './support/official-clients.js';

const WSDL = (name: string): string => corpus('dmp-annexe-wsdl-schema', 'wsdl', name);
const EXAMPLE = (name: string): string => corpus('dmp-exemples-messages', name);
/** The test INS of the official examples (their VIHF resource-id). */
const EXAMPLE_INS = '207058575627097';

type GeneratedClient = Record<string, (body: unknown, options?: CallOptions) => Promise<unknown>> & { readonly soap: { close(): void } };
type ClientClass = new (options: ClientOptions) => GeneratedClient;

interface Service {
  readonly module: GeneratedModule;
  readonly schema: SchemaDescriptor;
  readonly port: PortDescriptor;
  readonly Client: ClientClass;
}

function isPort(value: unknown): value is PortDescriptor {
  return typeof value === 'object' && value !== null && 'operations' in value && 'service' in value;
}

/** The client method calling operation `name`: the key of the port's typed operations whose `operation` it is. */
function methodOf(s: Service, name: string): string {
  const operations = Object.entries(s.module).find(([n]) => n.endsWith('Operations'))?.[1] as Record<string, { operation: string }> | undefined;
  const found = Object.entries(operations ?? {}).find(([, ref]) => ref.operation === name)?.[0];
  assert.ok(found !== undefined, `no method for operation ${name}`);
  return found;
}

function service(module: GeneratedModule | undefined): Service {
  assert.ok(module !== undefined);
  const port = Object.values(module).find(isPort);
  const Client = Object.entries(module).find(([name, v]) => name.endsWith('Client') && typeof v === 'function')?.[1] as ClientClass | undefined;
  assert.ok(port !== undefined && Client !== undefined && module['schema'] !== undefined);
  return { module, schema: module['schema'] as SchemaDescriptor, port, Client };
}

function operation(s: Service, action: string): OperationDescriptor {
  const op = Object.values(s.port.operations).find((o) => o.action === action);
  assert.ok(op !== undefined, `no operation with action ${action}`);
  return op;
}

/** The typed body of an official example request, decoded with the official descriptors. */
function exampleBody(s: Service, op: OperationDescriptor, file: string): unknown {
  const element = op.input?.body[0]?.element;
  assert.ok(element !== undefined);
  return decodeEnvelope(readFileSync(EXAMPLE(file)), { mode: 'lenient', bodyDescriptors: [elementRef(s.schema, element)] }).body[0]?.value;
}

/** Reads a property path in a decoded value (unknown shapes: the official types are not imported statically). */
function pick(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

/** `value` as an array (asserted). */
function array(value: unknown): unknown[] {
  assert.ok(Array.isArray(value));
  return value as unknown[];
}

function dom(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(EXAMPLE(file), 'utf8'), 'text/xml');
}
const all = (d: Document | Element, ns: string, local: string): Element[] => Array.from(d.getElementsByTagNameNS(ns, local));
const RIM = 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0';
const QUERY = 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0';
const IHE = 'urn:ihe:iti:xds-b:2007';
const HL7 = 'urn:hl7-org:v3';
const HABILITATIONS = 'urn:si-dmp-habilitations';

const ITI18 = 'urn:ihe:iti:2007:RegistryStoredQuery';
const ITI43 = 'urn:ihe:iti:2007:RetrieveDocumentSet';
const TD03 = 'urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization';
const GDP = 'urn:hl7-org:v3:PRPA_IN201307UV02';

let services: Record<'registry' | 'repository' | 'habilitations' | 'gdp', Service>;
let sims: RunningSimulators;
let clients: SampleClients;
let manifest: PkiManifest;
const warnings: string[] = [];
const serverErrors: unknown[] = [];
const td32Document = (): Buffer => readFileSync(EXAMPLE('TD2.1-DocumentME2.xml'));

function canned(s: Service, action: string, file: string, extra: Partial<CannedResponse> = {}): CannedResponse {
  const op = operation(s, action);
  return {
    action,
    soapAction: op.soapAction,
    ...(op.responseAction === null || op.responseAction === undefined ? {} : { responseAction: op.responseAction }),
    envelope: readFileSync(EXAMPLE(file)),
    ...extra,
  };
}

function client(s: Service, path: string, profile?: SoapProfile): GeneratedClient {
  return new s.Client({
    endpoint: `${sims.dmp.origin}/si-dmp-server/v2/services/${path}`,
    tls: tlsFor(manifest, manifest.entities.orgAuth),
    profile: profile ?? clients.dmpProfile(EXAMPLE_INS),
    // The examples' RelatesTo answer other requests: a warning, collected.
    onWarning: (m) => warnings.push(m),
  });
}

before(async () => {
  if (corpusSkipReason) return;
  const modules = await generateAndLoad({
    registry: WSDL('XDS.b_DocumentRegistry.wsdl'),
    repository: WSDL('XDS.b_DocumentRepository.wsdl'),
    habilitations: WSDL('Habilitations.wsdl'),
    gdp: WSDL('GestionDossierPatientPartage.wsdl'),
  });
  services = {
    registry: service(modules['registry']),
    repository: service(modules['repository']),
    habilitations: service(modules['habilitations']),
    gdp: service(modules['gdp']),
  };
  // TD3.2 is only the root part of a multipart answer: its href names the part (percent-encoded).
  const td32 = readFileSync(EXAMPLE('TD3.2_Consultation_dun_document_reponse.xml'), 'utf8');
  const href = /href="([^"]+)"/.exec(td32)?.[1];
  assert.ok(href !== undefined);
  sims = await startSimulators({
    pki: await sharedTestPki(),
    onError: (e) => serverErrors.push(e),
    canned: [
      canned(services.registry, ITI18, 'TD3.1_Recherche_de_document_reponse.xml'),
      canned(services.repository, ITI43, 'TD3.2_Consultation_dun_document_reponse.xml', {
        attachments: [{ contentId: normalizeContentId(href), data: td32Document(), contentType: 'text/xml' }],
      }),
      canned(services.habilitations, TD03, 'TD0.3_Mise_a_jour_de_lautorisation_reponse.xml'),
      canned(services.gdp, GDP, 'TD1.3a_Consultation_reponse.xml'),
    ],
  });
  manifest = await readPkiManifest(sims.pkiManifestFile);
  clients = await sampleClients(manifest, { registryUrl: sims.dmp.registryUrl, repositoryUrl: sims.dmp.repositoryUrl, insiMtlsUrl: sims.insi.mtlsUrl });
});

after(async () => {
  await clients?.close();
  await sims?.close();
});

test("TD3.1 (ITI-18) through the official registry client: the typed AdhocQueryResponse holds the example's values", { skip: corpusSkipReason }, async () => {
  const s = services.registry;
  const op = operation(s, ITI18);
  const c = client(s, 'registry');
  const method = c[methodOf(s, op.name)];
  assert.ok(typeof method === 'function');
  const response = await method.call(c, exampleBody(s, op, 'TD3.1_Recherche_de_document_requete.xml'));
  c.soap.close();
  const d = dom('TD3.1_Recherche_de_document_reponse.xml');
  const root = all(d, QUERY, 'AdhocQueryResponse')[0];
  const entries = all(d, RIM, 'ExtrinsicObject');
  assert.ok(root !== undefined && entries.length > 1);
  assert.equal(registryResponseStatus(response), 'Success');
  assert.equal(pick(response, 'totalResultCount'), root.getAttribute('totalResultCount'));
  const list = array(pick(response, 'RegistryObjectList', 'Identifiable'));
  assert.equal(list.length, entries.length);
  const first = entries[0] as Element;
  assert.equal(pick(list, 0, '$el'), 'ExtrinsicObjectElement');
  assert.equal(pick(list, 0, 'value', 'id'), first.getAttribute('id'));
  assert.equal(pick(list, 0, 'value', 'mimeType'), first.getAttribute('mimeType'));
  const last = entries[entries.length - 1] as Element;
  assert.equal(pick(list, entries.length - 1, 'value', 'status'), last.getAttribute('status'));
  const slots = array(pick(list, 0, 'value', 'Slot'));
  const domSlot = (name: string): string | undefined =>
    all(first, RIM, 'Slot')
      .find((e) => e.getAttribute('name') === name && e.parentNode === first)
      ?.getElementsByTagNameNS(RIM, 'Value')[0]?.textContent ?? undefined;
  for (const name of ['hash', 'repositoryUniqueId', 'size', 'creationTime']) {
    const typed = slots.find((x) => pick(x, 'name') === name);
    assert.equal(pick(typed, 'ValueList', 'Value', 0), domSlot(name), `slot ${name}`);
  }
  const classifications = array(pick(list, 0, 'value', 'Classification'));
  const domCodes = all(first, RIM, 'Classification')
    .filter((e) => e.parentNode === first)
    .map((e) => e.getAttribute('nodeRepresentation'));
  assert.deepEqual(
    classifications.map((x) => pick(x, 'nodeRepresentation')),
    domCodes,
  );
  assert.ok(warnings.some((w) => /RelatesTo/.test(w)));
});

test('TD3.2 (ITI-43) as multipart: the official repository client gets the document bytes from the XOP part', { skip: corpusSkipReason }, async () => {
  const s = services.repository;
  const op = operation(s, ITI43);
  const c = client(s, 'repository');
  let contentType = '';
  const method = c[methodOf(s, op.name)];
  assert.ok(typeof method === 'function');
  const response = await method.call(c, exampleBody(s, op, 'TD3.2_Consultation_dun_document_requete.xml'), {
    onResponse: (r) => {
      contentType = r.httpHeaders['content-type'] ?? '';
    },
  });
  c.soap.close();
  assert.match(contentType, /^multipart\/related;/);
  const d = dom('TD3.2_Consultation_dun_document_reponse.xml');
  const text = (local: string): string | null | undefined => all(d, IHE, local)[0]?.textContent;
  assert.equal(registryResponseStatus(response), 'Success');
  assert.equal(pick(response, 'DocumentResponse', 0, 'RepositoryUniqueId'), text('RepositoryUniqueId'));
  assert.equal(pick(response, 'DocumentResponse', 0, 'DocumentUniqueId'), text('DocumentUniqueId'));
  assert.equal(pick(response, 'DocumentResponse', 0, 'mimeType'), text('mimeType'));
  const bytes = pick(response, 'DocumentResponse', 0, 'Document');
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual(Buffer.from(bytes), td32Document());
});

test('TD0.3 (Habilitations setAuthorization) and TD1.3a (GDP, HL7 v3) through their official clients', { skip: corpusSkipReason }, async () => {
  const h = services.habilitations;
  const hOp = operation(h, TD03);
  const hc = client(h, 'habilitations');
  const hMethod = hc[methodOf(h, hOp.name)];
  assert.ok(typeof hMethod === 'function');
  const auth = await hMethod.call(hc, exampleBody(h, hOp, 'TD0.3_Mise_a_jour_de_lautorisation_requete.xml'));
  hc.soap.close();
  const d03 = dom('TD0.3_Mise_a_jour_de_lautorisation_reponse.xml');
  assert.equal(pick(auth, 'output', 'status'), all(d03, HABILITATIONS, 'status')[0]?.textContent);
  assert.equal(pick(auth, 'output', 'context'), all(d03, HABILITATIONS, 'context')[0]?.textContent);

  const g = services.gdp;
  const gOp = operation(g, GDP);
  const gc = client(g, 'patients');
  const gMethod = gc[methodOf(g, gOp.name)];
  assert.ok(typeof gMethod === 'function');
  // The TD1.3a request repeats receiver/device/asAgent (maxOccurs 1), which even lenient decoding
  // refuses; TD0.2's request is the same operation (PRPA_IN201307UV02) and decodes.
  const demographics = await gMethod.call(gc, exampleBody(g, gOp, 'TD0.2_Test_dexistence_requete.xml'));
  gc.soap.close();
  const d13 = dom('TD1.3a_Consultation_reponse.xml');
  assert.equal(pick(demographics, 'acknowledgement', 0, 'typeCode'), all(d13, HL7, 'acknowledgement')[0]?.getAttribute('typeCode'));
  assert.equal(pick(demographics, 'controlActProcess', 'reasonCode', 0, 'code'), all(d13, HL7, 'reasonCode')[0]?.getAttribute('code'));
  assert.equal(
    pick(demographics, 'sender', 'device', 'softwareName', '$content', 0),
    all(all(d13, HL7, 'sender')[0] as Element, HL7, 'softwareName')[0]?.textContent,
  );
  const ids = array(pick(demographics, 'controlActProcess', 'subject', 0, 'registrationEvent', 'subject1', 'patient', 'id'));
  const patient = all(d13, HL7, 'patient')[0] as Element;
  const domIds = all(patient, HL7, 'id')
    .filter((e) => e.parentNode === patient)
    .map((e) => [e.getAttribute('root'), e.getAttribute('extension')]);
  assert.deepEqual(
    ids.map((i) => [pick(i, 'root'), pick(i, 'extension')]),
    domIds,
  );
  assert.deepEqual(serverErrors, []);
});

test('canned answers still go through the VIHF checks: an unsigned INDIRECTE token is refused', { skip: corpusSkipReason }, async () => {
  const h = services.habilitations;
  const op = operation(h, TD03);
  const unsigned = buildVihfXml({ ...clients.vihfInput(EXAMPLE_INS), issuer: clients.vihfSigner.subjectDn }, { sign: false });
  const c = client(h, 'habilitations', cisisProfile({ vihf: () => unsigned }));
  const method = c[methodOf(h, op.name)];
  assert.ok(typeof method === 'function');
  await assert.rejects(method.call(c, exampleBody(h, op, 'TD0.3_Mise_a_jour_de_lautorisation_requete.xml')), (e: unknown) => {
    assert.ok(e instanceof SoapFault);
    assert.deepEqual(e.subcodes, [{ namespace: DMP_FAULT_NS, local: 'DMPInvalidSignature' }]);
    return true;
  });
  c.soap.close();
});
