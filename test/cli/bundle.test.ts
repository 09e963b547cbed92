/**
 * The installed command, `bin/volet.js`, runs the bundled CLI (`dist/volet.cjs`, made by
 * `scripts/bundle-cli.mjs` in `npm run build`). The bundle must behave as the separate modules do:
 * find its version and the runtime's declarations, and produce the same
 * bytes — `volet check` on the committed `generated/` passes through it, and a generation with the
 * type check writes what `generated/` holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoRoot } from '../support/paths.js';

const bundle = join(repoRoot, 'dist', 'volet.cjs');
const bin = join(repoRoot, 'bin', 'volet.js');
const skip = existsSync(bundle) ? false : `${bundle} not built (run 'npm run build')`;

function volet(args: string[], cwd = repoRoot): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, VOLET_COMPILE_CACHE: 'off' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('bin/volet.js runs the bundle: version and usage', { skip }, () => {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const version = volet(['--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), pkg.version);
  const usage = volet(['nonsense']);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^volet: /);
  assert.doesNotMatch(usage.stderr, /\n\s+at /, 'no stack trace');
});

test("the bundle's compile cache entries, written by a first run, are used as is by the next ones: the short commands' JIT setting comes before any cached compile and keeps its own entries", {
  skip,
}, (t) => {
  const cache = mkdtempSync(join(tmpdir(), 'volet-cache-'));
  t.after(() => rmSync(cache, { recursive: true, force: true }));
  const run = (args: string[]): void => {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, VOLET_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: undefined },
    });
    assert.equal(r.status, 0, r.stderr);
  };
  /** Each entry's bytes and modification time, by path under the cache folder. */
  const entries = (): Map<string, { bytes: Buffer; mtime: number }> =>
    new Map(
      readdirSync(cache, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const path = join(e.parentPath, e.name);
          return [path.slice(cache.length), { bytes: readFileSync(path), mtime: statSync(path).mtimeMs }];
        }),
    );
  // `check` sets the JIT budget (generator/cli/jit-budget.ts), `--version` does not.
  run(['check']);
  run(['--version']);
  const first = entries();
  // On Node >= 22.1 the cache is Node's own (its layout differs): nothing more to check here.
  const ours = [...first.keys()].filter((name) => name.endsWith('.bin'));
  if (ours.length === 0) return;
  assert.equal(ours.length, 2, `one entry of the bundle per setting: ${ours.join(', ')}`);
  run(['check']);
  run(['--version']);
  run(['check']);
  // V8 rejects code cached under other flags: an entry made under the other setting, or after the
  // flag was set, would be rejected and rewritten by every run.
  assert.deepEqual(entries(), first);
});

test('through the bundle, volet check finds generated/ up to date', { skip }, () => {
  const r = volet(['check']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /up to date/);
});

test('through the bundle, generate with the type check writes the committed bytes', { skip }, () => {
  // volet.config.json at the repository root made generated/: regenerating it through the bundle,
  // type check included, finds every file identical and writes nothing.
  const r = volet(['generate', '--config', join(repoRoot, 'volet.config.json')]);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /type check \d+ ms/);
  for (const folder of ['schemas', 'xds-registry', 'xds-repository', 'insi']) {
    assert.match(r.stdout, new RegExp(`^[\\w-]+: generated/${folder}: 0 written, \\d+ unchanged;`, 'm'), r.stdout);
  }
});
