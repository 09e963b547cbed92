/**
 * ts-morph (and the TypeScript it bundles, 13 MB) is loaded only when a type check runs: generating
 * without it — `volet generate --no-typecheck`, `volet check` — prints every file with volet's own
 * printer and never requires it. Checked on the CommonJS module cache of this process (each test file
 * runs in its own process).
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generate } from '../../generator/generate/generate.js';
import { repoRoot } from '../support/paths.js';

const loaded = (): string[] => Object.keys(createRequire(import.meta.url).cache).filter((k) => /[\\/]node_modules[\\/](ts-morph|typescript)[\\/]/.test(k));

test('generating without the type check never loads ts-morph; the type check does', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-lazy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const request = {
    services: [{ name: 'ping', wsdl: [join(repoRoot, 'test', 'fixtures', 'wsdl', 'ping', 'ping.wsdl')], out: join(dir, 'ping') }],
    baseDir: repoRoot,
    catalog: [],
    version: 'test',
  };
  assert.deepEqual(loaded(), []);
  const plain = generate({ ...request, typecheck: false });
  assert.ok(plain.services[0]?.files !== null && (plain.services[0]?.files.length ?? 0) > 0);
  assert.deepEqual(loaded(), [], 'printing the files needs no ts-morph');
  const checked = generate({ ...request, typecheck: true });
  assert.deepEqual(checked.typecheckDiagnostics, []);
  assert.ok(loaded().length > 0, 'the type check loads ts-morph');
  // Same bytes either way: the type check only checks.
  assert.deepEqual(checked.services[0]?.files, plain.services[0]?.files);
});
