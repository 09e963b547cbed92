/**
 * Starts both simulators: makes the test PKI (into a given folder or a temporary one), writes
 * `pki.json` beside it, and runs the DMP and the INSi on HTTPS servers that require a client
 * certificate from that PKI.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CannedResponse } from './dmp/canned-responses.js';
import { DMP_PATHS, createDmpSimulator, type DmpSimulator } from './dmp/dmp-simulator.js';
import { INSI_PATHS, createInsiSimulator, type InsiSimulator } from './insi/insi-simulator.js';
import type { SimulatedIdentity } from './insi/population.js';
import { writePkiManifest } from './pki-manifest.js';
import { createTestPki, type TestPki } from './pki/index.js';
import { startHttpsSoapServer, type RunningHttpsServer } from './server/https-soap-server.js';

/** Options of {@link startSimulators}. */
export interface StartSimulatorsOptions {
  /** DMP port (default 0: a free one). */
  readonly dmpPort?: number;
  /** INSi port (default 0: a free one). */
  readonly insiPort?: number;
  /** Listening address (default `127.0.0.1`). */
  readonly host?: string;
  /** Folder for the PKI and `pki.json` (created if needed, kept on close); default a temporary folder removed on close. */
  readonly pkiDir?: string;
  /** A PKI made beforehand (then `pkiDir` is ignored). */
  readonly pki?: TestPki;
  /** Canned DMP answers (see dmp/canned-responses.ts). */
  readonly canned?: readonly CannedResponse[];
  /** INSi: known IDAM values and population (defaults: the simulator's). */
  readonly knownIdam?: readonly string[];
  readonly population?: readonly SimulatedIdentity[];
  /** Clock of both simulators. */
  readonly now?: () => Date;
  /** Accept tokens signed with RSA-SHA1 / SHA-1 digests (the 2019–2020 official tokens); refused by default. */
  readonly allowSha1?: boolean;
  /** Told about unexpected handler failures (the request got a Receiver fault). */
  readonly onError?: (error: unknown) => void;
}

/** Running simulators. */
export interface RunningSimulators {
  readonly pki: TestPki;
  /** `pki.json`. */
  readonly pkiManifestFile: string;
  readonly dmp: {
    readonly origin: string;
    /** ITI-18 / ITI-57 endpoint. */
    readonly registryUrl: string;
    /** ITI-41 / ITI-43 endpoint. */
    readonly repositoryUrl: string;
    readonly simulator: DmpSimulator;
  };
  readonly insi: {
    readonly origin: string;
    /** Mutual-TLS mode endpoint (INSI-AUTO / INSI-MANU certificates). */
    readonly mtlsUrl: string;
    /** CPx mode endpoint (signed assertion PS). */
    readonly cpxUrl: string;
    readonly simulator: InsiSimulator;
  };
  /** Stops both servers (and removes the temporary PKI folder, if one was made). */
  close(): Promise<void>;
}

/**
 * Starts the DMP and INSi simulators.
 * @param options - ports, PKI folder, canned answers, INSi data, clock
 */
export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<RunningSimulators> {
  const temporary = options.pki === undefined && options.pkiDir === undefined ? await mkdtemp(join(tmpdir(), 'volet-sim-pki-')) : undefined;
  const servers: RunningHttpsServer[] = [];
  try {
    const pki = options.pki ?? (await createTestPki(options.pkiDir ?? (temporary as string)));
    const pkiManifestFile = await writePkiManifest(pki);
    // The server sends its chain; clients are checked against root + intermediate.
    const tls = { key: pki.server.keyPem, cert: pki.server.chainPem, ca: pki.caBundlePem };
    const trust = [pki.intermediateCa.certPem];
    const allowSha1 = options.allowSha1 ?? false;
    const dmp = createDmpSimulator({
      vihfTrust: trust,
      allowSha1,
      ...(options.now ? { now: options.now } : {}),
      ...(options.canned ? { canned: options.canned } : {}),
    });
    const insi = createInsiSimulator({
      cardTrust: trust,
      allowSha1,
      ...(options.now ? { now: options.now } : {}),
      ...(options.knownIdam ? { knownIdam: options.knownIdam } : {}),
      ...(options.population ? { population: options.population } : {}),
    });
    const common = { tls, ...(options.host ? { host: options.host } : {}), ...(options.onError ? { onError: options.onError } : {}) };
    const dmpServer = await startHttpsSoapServer({ ...common, handler: dmp.handler, port: options.dmpPort ?? 0 });
    servers.push(dmpServer);
    const insiServer = await startHttpsSoapServer({ ...common, handler: insi.handler, port: options.insiPort ?? 0 });
    servers.push(insiServer);
    return {
      pki,
      pkiManifestFile,
      dmp: {
        origin: dmpServer.origin,
        registryUrl: dmpServer.origin + DMP_PATHS.registry,
        repositoryUrl: dmpServer.origin + DMP_PATHS.repository,
        simulator: dmp,
      },
      insi: { origin: insiServer.origin, mtlsUrl: insiServer.origin + INSI_PATHS.mtls, cpxUrl: insiServer.origin + INSI_PATHS.cpx, simulator: insi },
      close: async () => {
        await Promise.all(servers.map((s) => s.close()));
        if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    if (temporary !== undefined) await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
