/**
 * The simulated DMP: the XDS.b registry (ITI-18, ITI-57) and repository (ITI-41, ITI-43) at the
 * DMP's paths, dispatched with the generated port descriptors and decoded/encoded with the
 * generated descriptors of `wsdl/xds/`. Every request goes through what the DMP checks: SOAP 1.2,
 * the four WS-Addressing headers, the Action, then the VIHF (see vihf/check-vihf.ts).
 */
import { WSA_NS } from '@volet/runtime/addressing';
import { WSSE_NS } from '@volet/runtime/security';
import type { BodyBlock } from '@volet/runtime/soap';
import type { SubmitObjectsRequest } from '../../generated/schemas/eblcm/index.js';
import { type AdhocQueryRequest, AdhocQueryResponseElement } from '../../generated/schemas/ebquery/index.js';
import { RegistryResponseElement } from '../../generated/schemas/ebrs/index.js';
import {
  type ProvideAndRegisterDocumentSetRequestType,
  type RetrieveDocumentSetRequestType,
  RetrieveDocumentSetResponseElement,
} from '../../generated/schemas/ihe-xdsb/index.js';
import { schema } from '../../generated/schemas/schema.js';
import { documentRegistryPort } from '../../generated/xds-registry/index.js';
import { documentRepositoryPort } from '../../generated/xds-repository/index.js';
import { checkAddressing, type AddressingProperty } from '../server/addressing-check.js';
import { decodeHeaders, decodeRequest } from '../server/decode-request.js';
import type { SoapHttpHandler, SoapHttpReply, SoapHttpRequest } from '../server/exchange.js';
import { bindPort, type BoundOperation, type PortBinding } from '../server/port-binding.js';
import { receiveSoap, type ReceivedSoap } from '../server/receive-soap.js';
import { WSA_FAULT_ACTION, envelopeReply, faultReply, responseAddressing, type ReplyFraming } from '../server/reply.js';
import { SimulatedFault } from '../server/simulated-fault.js';
import { XopBinder } from '../server/xop-binder.js';
import { cannedReply, indexCanned, type CannedResponse, type CannedTarget } from './canned-responses.js';
import { checkVihf, type VihfCheckContext } from './vihf/check-vihf.js';
import { ReplayCache } from './vihf/replay-cache.js';
import { DocumentStore } from './xds/document-store.js';
import { provideAndRegister } from './xds/provide-and-register.js';
import { retrieveDocuments } from './xds/retrieve.js';
import { storedQuery } from './xds/stored-query.js';
import { updateDocumentSet } from './xds/update-document-set.js';
import type { XdsContext } from './xds/xds-context.js';
import { DMP_REPOSITORY_UNIQUE_ID } from './xds/xds-constants.js';

/** The DMP's service paths (CI-SIS `App.config`: `…/si-dmp-server/v2/services/<path>`). */
export const DMP_PATHS = {
  registry: '/si-dmp-server/v2/services/registry',
  repository: '/si-dmp-server/v2/services/repository',
} as const;

/** Prefix of every DMP service path; canned answers are served under it. */
export const DMP_SERVICES_PREFIX = '/si-dmp-server/v2/services/';

/** Options of {@link createDmpSimulator}. */
export interface DmpSimulatorOptions {
  /** PEM certificates of the CAs that issue VIHF signing certificates (the test intermediate CA). */
  readonly vihfTrust: readonly string[];
  /** Clock (AIR freshness, certificate validity); default the system clock. */
  readonly now?: () => Date;
  /** This repository's id (default the DMP's, `1.2.250.1.213.4.1.1.1.2`). */
  readonly repositoryUniqueId?: string;
  /** Canned answers by action, served on any DMP path, before the built-in operations. */
  readonly canned?: readonly CannedResponse[];
  /** Accept VIHF signed with RSA-SHA1 / SHA-1 digests (the 2019–2020 tokens); refused by default. */
  readonly allowSha1?: boolean;
}

/** A DMP simulator: its request handler and its state. */
export interface DmpSimulator {
  readonly handler: SoapHttpHandler;
  readonly store: DocumentStore;
  readonly repositoryUniqueId: string;
}

/** The DMP requires all four request Message Addressing Properties (CXF message otherwise). */
const DMP_ADDRESSING: readonly AddressingProperty[] = ['MessageID', 'To', 'ReplyTo', 'Action'];
const UNDERSTOOD = [WSA_NS, WSSE_NS];

/**
 * Creates the DMP simulator.
 * @param options - VIHF trust anchors, clock, repository id, canned answers
 */
export function createDmpSimulator(options: DmpSimulatorOptions): DmpSimulator {
  const store = new DocumentStore();
  const replay = new ReplayCache();
  const now = options.now ?? (() => new Date());
  const repositoryUniqueId = options.repositoryUniqueId ?? DMP_REPOSITORY_UNIQUE_ID;
  const canned = indexCanned(options.canned ?? []);
  const ports: Readonly<Record<string, PortBinding>> = {
    [DMP_PATHS.registry]: bindPort(schema, documentRegistryPort),
    [DMP_PATHS.repository]: bindPort(schema, documentRepositoryPort),
  };

  const vihfContext = (received: ReceivedSoap, request: SoapHttpRequest, patientCall: boolean): VihfCheckContext => ({
    envelope: received.envelope,
    peer: request.peer,
    allowSha1: options.allowSha1 ?? false,
    trust: options.vihfTrust,
    now,
    replay,
    patientCall,
  });

  function runOperation(operation: BoundOperation, received: ReceivedSoap, request: SoapHttpRequest): SoapHttpReply {
    const decoded = decodeRequest(received, operation, { understoodNamespaces: UNDERSTOOD });
    const vihf = checkVihf(vihfContext(received, request, true));
    const context: XdsContext = { store, repositoryUniqueId, vihf };
    const headers = responseAddressing(operation.responseAction, received.addressing.messageId);
    const reply = (body: BodyBlock, framing: ReplyFraming = {}): SoapHttpReply => envelopeReply(body, headers, operation.responseAction, framing);
    switch (operation.name) {
      case 'RegistryStoredQuery':
        return reply({ element: AdhocQueryResponseElement, value: storedQuery(decoded.body as AdhocQueryRequest, context) });
      case 'UpdateDocumentSet':
        return reply({ element: RegistryResponseElement, value: updateDocumentSet(decoded.body as SubmitObjectsRequest, context) });
      case 'ProvideAndRegisterDocumentSet':
        return reply({ element: RegistryResponseElement, value: provideAndRegister(decoded.body as ProvideAndRegisterDocumentSetRequestType, context) });
      case 'RetrieveDocumentSet': {
        const xop = new XopBinder();
        const value = retrieveDocuments(decoded.body as RetrieveDocumentSetRequestType, context, (bytes, mimeType) => xop.bind(bytes, mimeType));
        return reply({ element: RetrieveDocumentSetResponseElement, value }, { xop });
      }
      default:
        throw new SimulatedFault({ code: 'Receiver', reason: 'The simulator does not implement this operation.' });
    }
  }

  function runCanned(target: CannedTarget, received: ReceivedSoap, request: SoapHttpRequest): SoapHttpReply {
    // Decoded only to refuse what cannot be read; the VIHF is read by the verifier.
    decodeHeaders(received);
    checkVihf(vihfContext(received, request, false));
    return cannedReply(target.response);
  }

  async function handle(request: SoapHttpRequest): Promise<SoapHttpReply> {
    let messageId: string | undefined;
    // The repository answers ITI-43 as multipart/related, faults included (as the DMP does).
    let framing: ReplyFraming = {};
    try {
      const received = receiveSoap(request);
      messageId = received.addressing.messageId;
      const target = canned.get((received.addressing.action ?? '').trim());
      if (target !== undefined && request.path.startsWith(DMP_SERVICES_PREFIX)) {
        return runCanned(checkAddressing(received, canned, DMP_ADDRESSING), received, request);
      }
      const port = ports[request.path];
      if (port === undefined) throw new SimulatedFault({ code: 'Sender', reason: 'No service was found.', status: 404 });
      const operation = checkAddressing(received, port, DMP_ADDRESSING);
      if (operation.name === 'RetrieveDocumentSet') framing = { multipart: true };
      return runOperation(operation, received, request);
    } catch (error) {
      if (!(error instanceof SimulatedFault)) throw error;
      return faultReply(error.spec, responseAddressing(WSA_FAULT_ACTION, messageId), framing);
    }
  }

  return { handler: handle, store, repositoryUniqueId };
}
