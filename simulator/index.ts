/**
 * Local simulators of the DMP (CI-SIS XDS.b registry and repository) and of the INSi (CI-TLSi),
 * over mutual TLS with a test PKI, built on the code volet generates for `wsdl/`.
 * See docs/simulator.md.
 * @packageDocumentation
 */
export { startSimulators, type StartSimulatorsOptions, type RunningSimulators } from './start-simulators.js';
export { pkiManifest, writePkiManifest, readPkiManifest, type PkiManifest, type ManifestEntity } from './pki-manifest.js';
export { createDmpSimulator, DMP_PATHS, DMP_SERVICES_PREFIX, type DmpSimulator, type DmpSimulatorOptions } from './dmp/dmp-simulator.js';
export { DMP_FAULT_NS, type DmpFaultCode } from './dmp/dmp-faults.js';
export type { CannedResponse } from './dmp/canned-responses.js';
export {
  DMP_REPOSITORY_UNIQUE_ID,
  STATUS,
  STORED_QUERY,
  SCHEME,
  RESPONSE_STATUS,
  DOCUMENT_ENTRY_TYPE,
  SUBMISSION_SET_NODE,
  ASSOCIATION,
} from './dmp/xds/xds-constants.js';
export type { DocumentStore, StoredDocument } from './dmp/xds/document-store.js';
export { createInsiSimulator, INSI_PATHS, SIMULATOR_IDAM, type InsiSimulator, type InsiSimulatorOptions } from './insi/insi-simulator.js';
export { DEFAULT_POPULATION, INS_OID, fullIns, nirKey, type SimulatedIdentity, type SimulatedIns } from './insi/population.js';
export { INSI_CERTIFICATE_NAMES } from './insi/insi-checks.js';
export { startHttpsSoapServer, type HttpsSoapServerOptions, type RunningHttpsServer, type ServerTls } from './server/https-soap-server.js';
export type { SoapHttpHandler, SoapHttpRequest, SoapHttpReply, PeerCertificate } from './server/exchange.js';
export { sampleClients, tlsFor, type SampleClients, type SimulatorEndpoints } from './samples/sample-clients.js';
export {
  provideAndRegisterRequest,
  findDocumentsQuery,
  retrieveRequest,
  updateStatusRequest,
  xdsPatientId,
  type SubmittedDocument,
  type Submitter,
} from './samples/xds-requests.js';
export { fictionalCda, type FictionalCdaInput } from './samples/fictional-cda.js';
