/**
 * A vendor's project for the packaging tests: the two packages packed from this checkout, installed
 * with npm into a new folder under the system's temp folder (outside the repository: nothing of the
 * checkout is on its module path), and the commands a vendor types there (`npx volet …`).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** What a command printed and how it ended. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of the vendor's commands: this process's, minus what `npm test` sets for the
 * repository (npm_* variables, INIT_CWD), which would point npm back at the checkout.
 */
export function vendorEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^npm_/i.test(k) && k !== 'INIT_CWD') env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs a command to its end; never throws for a non-zero exit. */
export function exec(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = vendorEnv()): Promise<CommandResult> {
  return new Promise((done) => {
    execFile(command, [...args], { cwd, env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      done({ code, stdout: String(stdout), stderr: String(stderr) + (error !== null && typeof error.code !== 'number' ? String(error.message) : '') });
    });
  });
}

/** `npx <args>` in the vendor's project. */
export function npx(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CommandResult> {
  return exec(NPX, ['--no-install', ...args], cwd, env);
}

/** Why the npm registry cannot be used (the vendor's installs need it), or false. */
export async function registrySkipReason(): Promise<string | false> {
  const r = await exec(NPM, ['ping'], repoRoot);
  return r.code === 0
    ? false
    : `npm registry unreachable (npm ping: ${(r.stderr || r.stdout).trim().split('\n')[0]}): the vendor-path test installs the packages' dependencies from it`;
}

/** One packed package: its tarball and the files in it. */
export interface PackedPackage {
  tarball: string;
  files: string[];
}

/**
 * `npm pack --workspaces --include-workspace-root` in the checkout, as a release does: each
 * package's `prepack` builds it first (a no-op when `npm test` has just built).
 */
export async function packBoth(destination: string): Promise<{ volet: PackedPackage; runtime: PackedPackage }> {
  const r = await exec(NPM, ['pack', '--workspaces', '--include-workspace-root', '--json', '--pack-destination', destination], repoRoot);
  if (r.code !== 0) throw new Error(`npm pack failed (${r.code}): ${r.stderr}`);
  // The JSON follows the prepack scripts' own output on stdout.
  const packed = JSON.parse(r.stdout.slice(r.stdout.startsWith('[') ? 0 : r.stdout.indexOf('\n[') + 1)) as {
    name: string;
    filename: string;
    files: { path: string }[];
  }[];
  const one = (name: string): PackedPackage => {
    const p = packed.find((x) => x.name === name);
    if (p === undefined) throw new Error(`npm pack made no ${name} tarball`);
    return { tarball: join(destination, p.filename), files: p.files.map((f) => f.path).sort() };
  };
  return { volet: one('volet'), runtime: one('@volet/runtime') };
}

/** `npm install <args>` in `cwd`, retried once (a registry hiccup must not fail the test). */
export async function npmInstall(cwd: string, args: readonly string[]): Promise<void> {
  const full = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...args];
  let r = await exec(NPM, full, cwd);
  if (r.code !== 0) r = await exec(NPM, full, cwd);
  if (r.code !== 0) throw new Error(`npm ${full.join(' ')} failed (${r.code}): ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
}

/** The version of a package in the repository's lock file (the vendor installs the same, from the npm cache when there). */
export function lockedVersion(name: string): string {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (version === undefined) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

/** A TCP port free at the time of the call. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** `npx volet simulate` running in the vendor's project. */
export interface RunningSimulate {
  /** The DMP origin (`https://127.0.0.1:<port>`). */
  dmpUrl: string;
  /** The INSi origin. */
  insiUrl: string;
  /** What it printed at start. */
  banner: string;
  /** Stops it (SIGTERM to its process group) and resolves to its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `npx volet simulate` on free ports with the PKI in `pkiDir`; resolves once it listens. */
export async function startSimulate(cwd: string, pkiDir: string): Promise<RunningSimulate> {
  const dmpPort = await freePort();
  const insiPort = await freePort();
  // Its own process group: npx does not pass SIGTERM on to the node process it starts.
  const child: ChildProcess = spawn(
    NPX,
    ['--no-install', 'volet', 'simulate', '--dmp-port', String(dmpPort), '--insi-port', String(insiPort), '--pki-dir', pkiDir],
    {
      cwd,
      env: vendorEnv(),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await new Promise<void>((done, fail) => {
    const check = (): void => {
      if (stdout.includes('Ctrl-C to stop.')) done();
    };
    child.stdout?.on('data', check);
    void exited.then((code) => fail(new Error(`volet simulate exited (${code}) before listening: ${stderr}${stdout}`)));
  });
  const stop = async (): Promise<number | null> => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    return exited;
  };
  return { dmpUrl: `https://127.0.0.1:${dmpPort}`, insiUrl: `https://127.0.0.1:${insiPort}`, banner: stdout, stop };
}
