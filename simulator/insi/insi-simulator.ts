/**
 * The simulated INSi tele-service: `rechercherInsAvecTraitsIdentite` and
 * `rechercherInsAvecCarteVitale`, dispatched with the generated port descriptor of
 * `wsdl/insi/insi.wsdl` and decoded/encoded with its generated descriptors. Two paths stand for
 * the two hosts of the real service: mutual-TLS mode (organisation certificate `INSI-AUTO` /
 * `INSI-MANU`, no assertion) and CPx mode (signed assertion PS).
 */
import type { SoapBlock } from '@volet/runtime';
import { WSA_NS } from '@volet/runtime/addressing';
import { WSSE_NS } from '@volet/runtime/security';
import { icirPort } from '../../generated/insi/index.js';
import type { INSiRecSansTraitsDIdentite } from '../../generated/schemas/insi-recsans/index.js';
import type { INSiRecVitBeneficiaire } from '../../generated/schemas/insi-recvit/index.js';
import { RESULTATElement, type Resultat } from '../../generated/schemas/insi-resultat/index.js';
import { schema } from '../../generated/schemas/schema.js';
import type { AttributedURIType } from '../../generated/schemas/wsa/index.js';
import { checkAddressing } from '../server/addressing-check.js';
import { decodeRequest, findHeader } from '../server/decode-request.js';
import type { SoapHttpHandler, SoapHttpReply, SoapHttpRequest } from '../server/exchange.js';
import { bindPort } from '../server/port-binding.js';
import { receiveSoap } from '../server/receive-soap.js';
import { envelopeReply, faultReply } from '../server/reply.js';
import { SimulatedFault } from '../server/simulated-fault.js';
import { checkAssertionPs, checkCertificateName, checkIdam, requireContexts } from './insi-checks.js';
import { DEFAULT_POPULATION, type SimulatedIdentity } from './population.js';
import { searchByTraits, searchByVitale } from './search.js';

/** The paths of the two access modes (after their hosts, `services-ps-tlsm` and `services-ps`). */
export const INSI_PATHS = {
  mtls: '/services-ps-tlsm/lps',
  cpx: '/services-ps/lps',
} as const;

/** The IDAM (CNDA authorisation number) the simulator knows by default: a made-up one for the demo and tests. */
export const SIMULATOR_IDAM = 'VOLET-SIMULATEUR-IDAM';

/** Options of {@link createInsiSimulator}. */
export interface InsiSimulatorOptions {
  /** PEM certificates of the CAs that issue card (CPS) certificates, for CPx mode. */
  readonly cardTrust: readonly string[];
  /** Known IDAM values (default {@link SIMULATOR_IDAM}). */
  readonly knownIdam?: readonly string[];
  /** The population (default the fictional {@link DEFAULT_POPULATION}). */
  readonly population?: readonly SimulatedIdentity[];
  readonly now?: () => Date;
  /** Accept assertions PS signed with RSA-SHA1 / SHA-1 digests (old tokens); refused by default. */
  readonly allowSha1?: boolean;
}

/** An INSi simulator. */
export interface InsiSimulator {
  readonly handler: SoapHttpHandler;
  readonly population: readonly SimulatedIdentity[];
}

/**
 * Creates the INSi simulator.
 * @param options - trust for CPx, known IDAM, population, clock
 */
export function createInsiSimulator(options: InsiSimulatorOptions): InsiSimulator {
  const port = bindPort(schema, icirPort);
  const known = new Set(options.knownIdam ?? [SIMULATOR_IDAM]);
  const population = options.population ?? DEFAULT_POPULATION;
  const now = options.now ?? (() => new Date());

  function messageIdOf(headers: readonly SoapBlock[]): string | undefined {
    const value = findHeader(headers, WSA_NS, 'MessageID')?.value as AttributedURIType | undefined;
    return value?.$value.trim();
  }

  async function handle(request: SoapHttpRequest): Promise<SoapHttpReply> {
    try {
      const mode = request.path === INSI_PATHS.mtls ? 'mtls' : request.path === INSI_PATHS.cpx ? 'cpx' : undefined;
      if (mode === undefined) throw new SimulatedFault({ code: 'Sender', reason: 'No service was found.', status: 404 });
      const received = receiveSoap(request);
      const operation = checkAddressing(received, port, ['Action', 'MessageID']);
      const decoded = decodeRequest(received, operation, { rawHeaderParts: ['Security'], understoodNamespaces: [WSA_NS, WSSE_NS] });
      const messageId = messageIdOf(decoded.headers) ?? received.addressing.messageId;
      if (mode === 'mtls') checkCertificateName(request.peer, messageId);
      else checkAssertionPs({ envelope: received.envelope, trust: options.cardTrust, now, messageId, allowSha1: options.allowSha1 ?? false });
      const contexts = requireContexts(decoded.headers, messageId);
      checkIdam(contexts.lps, known, messageId);
      let result: Resultat;
      switch (operation.name) {
        case 'rechercherInsAvecTraitsIdentite':
          result = searchByTraits(population, decoded.body as INSiRecSansTraitsDIdentite);
          break;
        case 'rechercherInsAvecCarteVitale':
          result = searchByVitale(population, decoded.body as INSiRecVitBeneficiaire);
          break;
        default:
          throw new SimulatedFault({ code: 'Receiver', reason: 'The simulator does not implement this operation.' });
      }
      return envelopeReply({ element: RESULTATElement, value: result }, [], operation.responseAction);
    } catch (error) {
      if (!(error instanceof SimulatedFault)) throw error;
      return faultReply(error.spec);
    }
  }

  return { handler: handle, population };
}
