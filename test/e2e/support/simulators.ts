/**
 * Simulators for end-to-end tests: one pair per test file, on free loopback ports, with the
 * process-wide test PKI, plus the sample clients configured from their `pki.json`.
 */
import { after, before } from 'node:test';
import { readPkiManifest, type PkiManifest } from '../../../simulator/pki-manifest.js';
import { sampleClients, type SampleClients } from '../../../simulator/samples/sample-clients.js';
import { startSimulators, type RunningSimulators, type StartSimulatorsOptions } from '../../../simulator/start-simulators.js';
import { sharedTestPki } from '../../support/pki.js';

/** Running simulators, their manifest and configured clients. */
export interface E2eContext {
  readonly sims: RunningSimulators;
  readonly manifest: PkiManifest;
  readonly clients: SampleClients;
  /** Unexpected handler failures seen by the servers (must stay empty). */
  readonly serverErrors: unknown[];
}

/**
 * Registers `before`/`after` hooks that start and stop the simulators; the returned function
 * gives the context inside tests.
 * @param options - extra simulator options (canned answers, clock…)
 */
export function useSimulators(options: Omit<StartSimulatorsOptions, 'pki' | 'onError'> = {}): () => E2eContext {
  let context: E2eContext | undefined;
  before(async () => {
    const serverErrors: unknown[] = [];
    const sims = await startSimulators({ ...options, pki: await sharedTestPki(), onError: (e) => serverErrors.push(e) });
    const manifest = await readPkiManifest(sims.pkiManifestFile);
    const clients = await sampleClients(manifest, { registryUrl: sims.dmp.registryUrl, repositoryUrl: sims.dmp.repositoryUrl, insiMtlsUrl: sims.insi.mtlsUrl });
    context = { sims, manifest, clients, serverErrors };
  });
  after(async () => {
    await context?.clients.close();
    await context?.sims.close();
  });
  return () => {
    if (context === undefined) throw new Error('simulators not started');
    return context;
  };
}
