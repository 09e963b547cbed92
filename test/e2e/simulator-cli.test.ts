/**
 * `npm run simulator` (simulator/main.ts) in a child process: usage errors exit 2; a run prints the
 * URLs and the PKI paths, writes a readable `pki.json`, answers, and stops with exit 0 on SIGINT.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPkiManifest } from '../../simulator/pki-manifest.js';
import { sampleClients } from '../../simulator/samples/sample-clients.js';
import { repoRoot } from '../support/paths.js';

const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
const entry = fromSource
  ? ['--import', 'tsx', '--conditions=volet-source', join(repoRoot, 'simulator', 'main.ts')]
  : [join(repoRoot, 'dist', 'simulator', 'main.js')];

function start(args: readonly string[]): { child: ReturnType<typeof spawn>; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [...entry, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exit };
}

async function waitFor(predicate: () => boolean, exit: Promise<unknown>): Promise<void> {
  let exited = false;
  void exit.then(() => (exited = true));
  const deadline = Date.now() + 60_000;
  while (!predicate()) {
    if (exited || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('usage error: exit 2 with the usage text', async () => {
  const run = start(['--dmp-port', 'abc']);
  assert.equal(await run.exit, 2);
  assert.match(run.output(), /--dmp-port must be a port number/);
  assert.match(run.output(), /usage: npm run simulator/);
});

test('a run prints URLs and pki.json, serves the sample clients, and stops on SIGINT with exit 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-sim-cli-'));
  try {
    const run = start(['--pki-dir', dir]);
    await waitFor(() => run.output().includes('Ctrl-C to stop.'), run.exit);
    const text = run.output();
    const url = (label: string): string => {
      const m = new RegExp(`${label}\\s+(https://127\\.0\\.0\\.1:\\d+/\\S+)`).exec(text);
      assert.ok(m?.[1] !== undefined, `${label} in:\n${text}`);
      return m[1];
    };
    const registryUrl = url('DMP registry');
    const repositoryUrl = url('DMP repository');
    const insiMtlsUrl = url('INSi \\(mTLS\\)');
    assert.match(text, new RegExp(`PKI\\s+${join(dir, 'pki.json').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    const clients = await sampleClients(await readPkiManifest(join(dir, 'pki.json')), { registryUrl, repositoryUrl, insiMtlsUrl });
    try {
      const r = await clients.insi.rechercherInsAvecTraitsIdentite({ NomNaissance: 'DEMOVOLET', Prenom: ['PAUL'], Sexe: 'M', DateNaissance: '1975-11-03' });
      assert.equal(r.CR.CodeCR, '00');
    } finally {
      await clients.close();
    }
    run.child.kill('SIGINT');
    assert.equal(await run.exit, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
