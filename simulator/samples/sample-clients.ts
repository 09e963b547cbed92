/**
 * The generated clients of `wsdl/`, configured for the simulators from `pki.json`: INSi in
 * mutual-TLS mode (`INSI-AUTO` certificate, `tlsi` profile with the simulator's known IDAM), and
 * the DMP registry and repository in INDIRECTE mode (`ORG_AUTH_CLI` on TLS, `cisis` profile with a
 * VIHF signed by the `ORG_SIGN` cachet). This is the configuration a vendor writes for the real
 * services, with the real certificates, endpoints and IDAM instead.
 */
import { randomUUID } from 'node:crypto';
import { VihfProvider, cisisProfile, loadPemSigner, tlsiProfile, type Signer, type SoapProfile, type VihfInput, type VihfMode } from '@volet/runtime';
import { HttpsTransport, type HttpsTransportOptions } from '@volet/runtime/http';
import { ICIRClient } from '../../generated/insi/index.js';
import { DocumentRegistryClient } from '../../generated/xds-registry/index.js';
import { DocumentRepositoryClient } from '../../generated/xds-repository/index.js';
import { SIMULATOR_IDAM } from '../insi/insi-simulator.js';
import type { ManifestEntity, PkiManifest } from '../pki-manifest.js';

/** Where the simulators listen. */
export interface SimulatorEndpoints {
  readonly registryUrl: string;
  readonly repositoryUrl: string;
  readonly insiMtlsUrl: string;
}

/** The configured clients. */
export interface SampleClients {
  /** INSi, mutual-TLS mode. */
  readonly insi: ICIRClient;
  /** DMP ITI-18 / ITI-57. */
  readonly registry: DocumentRegistryClient;
  /** DMP ITI-41 / ITI-43. */
  readonly repository: DocumentRepositoryClient;
  /** The ORG_SIGN signer of the VIHF. */
  readonly vihfSigner: Signer;
  /** The VIHF of a call about `patientIns` (15-character INS) in `mode`. */
  vihfInput(patientIns: string, mode?: VihfMode): VihfInput;
  /** A `cisis` profile sending a VIHF for `patientIns` (signed, fresh per call for INDIRECTE_RENFORCEE). */
  dmpProfile(patientIns: string, mode?: VihfMode): SoapProfile;
  /** Closes the connections. */
  close(): Promise<void>;
}

/** TLS options for a client identity of the manifest (PKCS#12 + the test CA bundle). */
export function tlsFor(manifest: PkiManifest, entity: ManifestEntity): HttpsTransportOptions {
  if (entity.p12 === undefined) throw new Error(`pki.json: ${entity.subject} has no PKCS#12`);
  return { credentials: { pfxFile: entity.p12, passphrase: manifest.passphrase }, trust: { caFile: manifest.caBundle } };
}

/** The user behind the demo's DMP calls: a fictional physician of the test structure. */
const DEMO_USER = {
  nameId: '899700000001',
  subjectId: 'DOC TEST',
  sector: 'SA07^1.2.250.1.71.4.2.4',
  roles: [
    { code: '10', codeSystem: '1.2.250.1.71.1.2.7', codeSystemName: 'professions', displayName: 'Médecin' },
    { code: 'SM26', codeSystem: '1.2.250.1.71.4.2.5', displayName: 'Qualifié en Médecine Générale (SM)' },
  ],
} as const;

/**
 * Builds the clients.
 * @param manifest - the simulators' `pki.json`
 * @param endpoints - the simulators' URLs
 */
export async function sampleClients(manifest: PkiManifest, endpoints: SimulatorEndpoints): Promise<SampleClients> {
  const e = manifest.entities;
  const vihfSigner = await loadPemSigner({ keyFile: e.orgSign.key, certificateFile: e.orgSign.cert });
  const structureId = /OU=([^,]+)/.exec(e.orgAuth.subject)?.[1] ?? 'VOLET-TEST-0001';
  const provider = new VihfProvider({ signer: vihfSigner });
  const dmpTransport = new HttpsTransport(tlsFor(manifest, e.orgAuth));
  const insiTransport = new HttpsTransport(tlsFor(manifest, e.insiAuto));

  const vihfInput = (patientIns: string, mode: VihfMode = 'INDIRECTE'): VihfInput => ({
    mode,
    ...DEMO_USER,
    structureId,
    patientIns,
    lpsName: 'volet-demo',
    lpsVersion: '0.1.0',
    homologationDmp: 'VOLET-SIMULATEUR',
  });

  const insi = new ICIRClient({
    endpoint: endpoints.insiMtlsUrl,
    transport: insiTransport,
    profile: tlsiProfile({
      security: { mode: 'mtls' },
      contexts: {
        ContexteLPS: {
          Version: '01_00',
          Nature: 'CTXLPS',
          Emetteur: structureId,
          LPS: { IDAM: { $value: SIMULATOR_IDAM, R: '4' }, Version: '0.1.0', Instance: randomUUID(), Nom: 'urn:lps:volet-demo:0.1.0' },
        },
        ContexteBAM: { Version: '01_02', Nature: 'CTXBAM', Emetteur: structureId, COUVERTURE: {} },
      },
    }),
  });
  const registry = new DocumentRegistryClient({ endpoint: endpoints.registryUrl, transport: dmpTransport });
  const repository = new DocumentRepositoryClient({ endpoint: endpoints.repositoryUrl, transport: dmpTransport });

  return {
    insi,
    registry,
    repository,
    vihfSigner,
    vihfInput,
    dmpProfile: (patientIns, mode = 'INDIRECTE') => cisisProfile({ vihf: { provider, input: vihfInput(patientIns, mode) } }),
    close: async () => {
      dmpTransport.close();
      insiTransport.close();
      await vihfSigner.close();
    },
  };
}
