/**
 * The installed command, `bin/volet.js`, runs the bundled CLI (`dist/volet.cjs`, made by
 * `scripts/bundle-cli.mjs` in `npm run build`). The bundle must behave as the separate modules do:
 * find its version, the built-in templates and the runtime's declarations, and produce the same
 * bytes — `volet check` on the committed `generated/` passes through it, and a generation with the
 * type check writes what `generated/` holds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
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

test('through the bundle, volet check finds generated/ up to date', { skip }, () => {
  const r = volet(['check']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /up to date/);
});

test('through the bundle, generate with the type check writes the committed bytes', { skip }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-bundle-'));
  try {
    // The committed INSi folder was generated from volet.config.json at the repository root; the
    // same entries with --out give the same files but for the header's relative source path.
    const wsdl = readdirSync(join(repoRoot, 'wsdl', 'insi')).filter((f) => f.endsWith('.wsdl')).map((f) => join('wsdl', 'insi', f));
    assert.ok(wsdl.length > 0);
    const out = join(dir, 'insi');
    const r = volet(['generate', ...wsdl, '--out', out]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /type check \d+ ms/);
    for (const file of ['types.ts', 'descriptors.ts', 'client.ts', 'index.ts']) {
      const body = (text: string): string => text.slice(text.indexOf('\n') + 1);
      assert.equal(body(readFileSync(join(out, file), 'utf8')), body(readFileSync(join(repoRoot, 'generated', 'insi', file), 'utf8')), file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
