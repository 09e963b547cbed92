/**
 * Child-process plumbing for the transport benchmarks: each measured side runs in its own process
 * (no shared event loop or heap), started with the same loader flags as the parent so the scripts
 * work both from TypeScript (tsx) and compiled (dist/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { createTestPki } from '../../simulator/pki/index.js';

/** The path of a sibling script, with the parent's own extension (.ts under tsx, .js in dist). */
export function sibling(metaUrl: string, stem: string): string {
  const self = fileURLToPath(metaUrl);
  const ext = self.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`./${stem}${ext}`, metaUrl));
}

/** A started child and the first JSON line it printed. */
export interface StartedChild<T> {
  /** The process. */
  readonly child: ChildProcess;
  /** The first JSON object it wrote on stdout. */
  readonly first: T;
  /** Resolves with the next JSON line. */
  next<U>(): Promise<U>;
}

/**
 * Starts `script` with `args` and waits for its first JSON line on stdout.
 * @param script - path of the worker script
 * @param args - its arguments
 * @param nodeFlags - extra node flags (e.g. --expose-gc)
 */
export async function startChild<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<StartedChild<T>> {
  const child = spawn(process.execPath, [...process.execArgv, ...nodeFlags, script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const queue: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  lines.on('line', (line) => {
    const w = waiters.shift();
    if (w) w(line);
    else queue.push(line);
  });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`))));
  exited.catch(() => undefined);
  const nextLine = (): Promise<string> =>
    Promise.race([new Promise<string>((resolve) => (queue.length ? resolve(queue.shift()!) : waiters.push(resolve))), exited]);
  const first = JSON.parse(await nextLine()) as T;
  return { child, first, next: async <U>() => JSON.parse(await nextLine()) as U };
}

/** Runs `script` to completion and returns its last JSON line. */
export async function runChild<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  const started = await startChild<T>(script, args, nodeFlags);
  await new Promise<void>((resolve) => started.child.once('exit', () => resolve()));
  return started.first;
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The test PKI files a worker needs, passed to it as one JSON argument. */
export interface PkiPaths {
  /** CA bundle (PEM) both sides trust. */
  readonly ca: string;
  readonly serverKey: string;
  readonly serverCert: string;
  /** The client's ORG_AUTH_CLI-style PKCS#12. */
  readonly clientP12: string;
  readonly passphrase: string;
}

/** Makes a test PKI in `dir` and returns the JSON argument of the workers ({@link PkiPaths}). */
export async function benchPki(dir: string): Promise<string> {
  const pki = await createTestPki(dir);
  const paths: PkiPaths = {
    ca: pki.caBundleFile,
    serverKey: pki.server.keyFile,
    serverCert: pki.server.chainFile,
    clientP12: pki.orgAuth.p12File,
    passphrase: pki.passphrase,
  };
  return JSON.stringify(paths);
}
