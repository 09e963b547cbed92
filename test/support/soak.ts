/**
 * Soak driver shared by the soak test (2,000 calls) and its long version in bench/ (100,000): many
 * INSi traits searches through one generated client (mutual TLS, keep-alive, `tlsi` profile)
 * against the in-process simulators, `concurrency` calls in flight at all times. It records the
 * answers, the heap after a full GC at chosen call counts, RSS, and the network handles left once
 * the client and the simulators are closed.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readPkiManifest } from '../../simulator/pki-manifest.js';
import { sampleClients } from '../../simulator/samples/sample-clients.js';
import { startSimulators } from '../../simulator/start-simulators.js';
import type { TestPki } from './pki.js';

/** What one soak run saw. */
export interface SoakResult {
  readonly calls: number;
  /** Calls answered with CR 00 and the expected INS. */
  readonly answered: number;
  /** Errors by message (at most the first 5 distinct ones). */
  readonly errors: readonly string[];
  /** `heapUsed` after a full GC, by call count reached (the checkpoints asked for). */
  readonly heapAfterGc: ReadonlyMap<number, number>;
  readonly rssStart: number;
  readonly rssEnd: number;
  readonly elapsedMs: number;
  /** Network handles (TCP/TLS sockets and servers) still active after closing, beyond those there before the run. */
  readonly leftoverHandles: readonly string[];
  /** The most TCP/TLS handles seen while running (the pool stays bounded). */
  readonly maxSocketsSeen: number;
}

/** Options of {@link runSoak}. */
export interface SoakOptions {
  readonly pki: TestPki;
  readonly calls: number;
  readonly concurrency: number;
  /** Call counts at which the heap is measured after a full GC. */
  readonly checkpoints: readonly number[];
  /** Progress callback at each checkpoint. */
  readonly onCheckpoint?: (calls: number, heapUsed: number, rss: number) => void;
}

/** A full garbage collection, available without `--expose-gc`. */
function fullGc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const NETWORK = new Set(['TCPSocketWrap', 'TLSWrap', 'TCPServerWrap', 'PipeWrap']);

function networkHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => NETWORK.has(r));
}

function countOf(list: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

/** Handles in `after` beyond those in `before`, by kind. */
function extra(before: readonly string[], after: readonly string[]): string[] {
  const b = countOf(before);
  const out: string[] = [];
  for (const [kind, n] of countOf(after)) for (let i = b.get(kind) ?? 0; i < n; i++) out.push(kind);
  return out;
}

/** Lets closed sockets report 'close' (their handles go away on a later turn of the event loop). */
async function settle(before: readonly string[]): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const left = extra(before, networkHandles());
    if (left.length === 0) return left;
    await new Promise((r) => setTimeout(r, 20));
  }
  return extra(before, networkHandles());
}

/** Runs the soak. The simulators and the client are started and closed inside. */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const before = networkHandles();
  const sims = await startSimulators({ pki: options.pki });
  const manifest = await readPkiManifest(sims.pkiManifestFile);
  const clients = await sampleClients(manifest, { registryUrl: sims.dmp.registryUrl, repositoryUrl: sims.dmp.repositoryUrl, insiMtlsUrl: sims.insi.mtlsUrl });
  const heapAfterGc = new Map<number, number>();
  const errors = new Set<string>();
  let answered = 0;
  let started = 0;
  let done = 0;
  let maxSocketsSeen = 0;
  const checkpoints = [...options.checkpoints].sort((a, b) => a - b);
  const rssStart = process.memoryUsage().rss;
  const t0 = performance.now();
  try {
    // Calls go in waves up to each checkpoint, so that the heap is measured with no call in flight.
    let from = 0;
    for (const stop of [...checkpoints.filter((c) => c < options.calls), options.calls]) {
      const worker = async (): Promise<void> => {
        while (started < stop) {
          started++;
          try {
            const r = await clients.insi.rechercherInsAvecTraitsIdentite({
              NomNaissance: 'DEMOVOLET',
              Prenom: ['ALICE'],
              Sexe: 'F',
              DateNaissance: '1980-05-12',
            });
            if (r.CR.CodeCR === '00' && r.INDIVIDU?.INSACTIF.IdIndividu.NumIdentifiant !== undefined) answered++;
            else if (errors.size < 5) errors.add(`CR ${r.CR.CodeCR}`);
          } catch (err) {
            if (errors.size < 5) errors.add(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
          }
          done++;
          if (done % 64 === 0) maxSocketsSeen = Math.max(maxSocketsSeen, networkHandles().length);
        }
      };
      await Promise.all(Array.from({ length: Math.min(options.concurrency, stop - from) }, worker));
      from = stop;
      if (checkpoints.includes(stop)) {
        fullGc();
        const m = process.memoryUsage();
        heapAfterGc.set(stop, m.heapUsed);
        options.onCheckpoint?.(stop, m.heapUsed, m.rss);
      }
    }
  } finally {
    await clients.close();
    await sims.close();
  }
  const elapsedMs = performance.now() - t0;
  const rssEnd = process.memoryUsage().rss;
  const leftoverHandles = await settle(before);
  return { calls: done, answered, errors: [...errors], heapAfterGc, rssStart, rssEnd, elapsedMs, leftoverHandles, maxSocketsSeen };
}
