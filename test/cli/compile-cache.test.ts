/**
 * The CLI's compile cache (generator/cli/compile-cache.ts): entries are written at exit and used on
 * the next start, and nothing but load time ever depends on them — a corrupt entry or a changed
 * module is compiled from source, and `volet generate` writes the same bytes with or without the
 * cache. Each case runs in child processes (the cache hooks the CommonJS loader for the life of a
 * process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoRoot } from '../support/paths.js';

const cacheModule = pathToFileURL(join(repoRoot, 'generator', 'cli', 'compile-cache.ts')).href;

interface ChildReport {
  status: { mode: string; directory?: string; reason?: string };
  stats: { hits: number; misses: number; rejected: number };
  value: unknown;
}

/** Loads `fixture` with the cache enabled on `dir` (every module size cached) in a fresh process. */
function loadWithCache(dir: string, fixture: string, env: NodeJS.ProcessEnv = {}): ChildReport {
  const script = [
    `import { createRequire } from 'node:module';`,
    `import { enableCompileCache, compileCacheStats } from ${JSON.stringify(cacheModule)};`,
    `const status = enableCompileCache({ directory: ${JSON.stringify(dir)}, minSize: 1 });`,
    `const loaded = createRequire(${JSON.stringify(fixture)})(${JSON.stringify(fixture)});`,
    `const { hits, misses, rejected } = compileCacheStats();`,
    `console.log(JSON.stringify({ status, stats: { hits, misses, rejected }, value: loaded.value() }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=volet-source', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, VOLET_COMPILE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ChildReport;
}

function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), 'volet-compile-cache-'));
}

function writeFixture(dir: string, answer: number): string {
  const file = join(dir, 'fixture.cjs');
  writeFileSync(
    file,
    `'use strict';\nfunction compute(n) { return n * 2 + 1; }\nexports.value = () => ({ answer: ${answer}, computed: compute(${answer}) });\n`,
  );
  return file;
}

const entries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.bin'));

test('an entry is written at exit and used on the next start; the module behaves the same', (t) => {
  const dir = tempFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  const fixture = writeFixture(dir, 42);
  const first = loadWithCache(cache, fixture);
  if (first.status.mode === 'node') return t.skip('Node ≥ 22.1: Node’s own module.enableCompileCache is used');
  assert.equal(first.status.mode, 'volet');
  assert.deepEqual(first.stats, { hits: 0, misses: 1, rejected: 0 });
  assert.deepEqual(first.value, { answer: 42, computed: 85 });
  assert.equal(entries(cache).length, 1);
  const second = loadWithCache(cache, fixture);
  assert.deepEqual(second.stats, { hits: 1, misses: 0, rejected: 0 });
  assert.deepEqual(second.value, first.value);
});

test('a corrupt entry is ignored: the module is compiled from source and the entry rewritten', (t) => {
  const dir = tempFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  const fixture = writeFixture(dir, 7);
  if (loadWithCache(cache, fixture).status.mode === 'node') return t.skip('Node ≥ 22.1: Node’s own module.enableCompileCache is used');
  const [entry] = entries(cache);
  assert.ok(entry !== undefined);
  const bytes = readFileSync(join(cache, entry));
  bytes[bytes.length - 1] ^= 0xff; // flip the last byte of the V8 data
  writeFileSync(join(cache, entry), bytes);
  const corrupt = loadWithCache(cache, fixture);
  assert.deepEqual(corrupt.stats, { hits: 0, misses: 1, rejected: 0 });
  assert.deepEqual(corrupt.value, { answer: 7, computed: 15 });
  writeFileSync(join(cache, entry), 'not a cache entry');
  assert.deepEqual(loadWithCache(cache, fixture).stats, { hits: 0, misses: 1, rejected: 0 });
  assert.deepEqual(loadWithCache(cache, fixture).stats, { hits: 1, misses: 0, rejected: 0 });
});

test('a module changed in place (same length) never runs from its stale entry', (t) => {
  const dir = tempFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  const fixture = writeFixture(dir, 42);
  if (loadWithCache(cache, fixture).status.mode === 'node') return t.skip('Node ≥ 22.1: Node’s own module.enableCompileCache is used');
  writeFixture(dir, 43);
  const changed = loadWithCache(cache, fixture);
  assert.deepEqual(changed.stats, { hits: 0, misses: 1, rejected: 0 });
  assert.deepEqual(changed.value, { answer: 43, computed: 87 });
  assert.deepEqual(loadWithCache(cache, fixture).stats, { hits: 1, misses: 0, rejected: 0 });
});

test('VOLET_COMPILE_CACHE=off and NODE_DISABLE_COMPILE_CACHE turn the cache off', (t) => {
  const dir = tempFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = writeFixture(dir, 1);
  for (const env of [{ VOLET_COMPILE_CACHE: 'off' }, { NODE_DISABLE_COMPILE_CACHE: '1' }]) {
    const off = loadWithCache(join(dir, 'cache'), fixture, env);
    assert.equal(off.status.mode, 'off');
    assert.deepEqual(off.stats, { hits: 0, misses: 0, rejected: 0 });
    assert.deepEqual(off.value, { answer: 1, computed: 3 });
  }
});

test('volet generate (with its type check) writes the same bytes without the cache, filling it, and from it', (t) => {
  const dir = tempFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const wsdl = join(repoRoot, 'test', 'fixtures', 'wsdl', 'ping', 'ping.wsdl');
  const generateTo = (out: string, cache: string): Record<string, string> => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=volet-source', join(repoRoot, 'generator', 'cli', 'main.ts'), 'generate', wsdl, '--out', out],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, VOLET_COMPILE_CACHE: cache, NODE_DISABLE_COMPILE_CACHE: undefined } },
    );
    assert.equal(r.status, 0, r.stderr);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    return Object.fromEntries(
      files
        .map((e) => [relative(out, join(e.parentPath, e.name)).split(sep).join('/'), readFileSync(join(e.parentPath, e.name), 'utf8')] as const)
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  };
  const cache = join(dir, 'cache');
  const without = generateTo(join(dir, 'off'), 'off');
  const filling = generateTo(join(dir, 'filling'), cache);
  // The type check is what loads ts-morph and its TypeScript (the only modules large enough to cache).
  assert.ok(entries(cache).length > 0, 'ts-morph and its TypeScript are cached');
  const cached = generateTo(join(dir, 'cached'), cache);
  assert.deepEqual(Object.keys(without), [
    'client.ts',
    'descriptors.ts',
    'index.ts',
    'schemas/ping/elements.ts',
    'schemas/ping/index.ts',
    'schemas/ping/types.ts',
    'schemas/schema.ts',
  ]);
  assert.deepEqual(filling, without);
  assert.deepEqual(cached, without);
});

test('a second copy of the module (the CLI bundle holds one) finds the hook installed: one hook per process', (t) => {
  const dir = tempFolder();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cache = join(dir, 'cache');
  const fixture = writeFixture(dir, 7);
  const script = [
    `import Module, { createRequire } from 'node:module';`,
    `const first = await import(${JSON.stringify(cacheModule + '?copy=1')});`,
    `const second = await import(${JSON.stringify(cacheModule + '?copy=2')});`,
    `const a = first.enableCompileCache({ directory: ${JSON.stringify(cache)}, minSize: 1 });`,
    `const hook = Module.prototype._compile;`,
    `const b = second.enableCompileCache({ directory: ${JSON.stringify(join(dir, 'other'))}, minSize: 1 });`,
    `const loaded = createRequire(${JSON.stringify(fixture)})(${JSON.stringify(fixture)});`,
    `console.log(JSON.stringify({ a, b, same: Module.prototype._compile === hook, misses: first.compileCacheStats().misses, value: loaded.value() }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=volet-source', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, VOLET_COMPILE_CACHE: '', NODE_DISABLE_COMPILE_CACHE: undefined },
  });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as {
    a: { mode: string; directory: string };
    b: { mode: string; directory: string };
    same: boolean;
    misses: number;
    value: unknown;
  };
  if (report.a.mode === 'node') return t.skip('this Node has module.enableCompileCache(): volet’s own hook is not used');
  assert.deepEqual(report.a, { mode: 'volet', directory: cache });
  assert.deepEqual(report.b, report.a, 'the second copy reports the hook in place');
  assert.equal(report.same, true, 'no second wrapper');
  assert.equal(report.misses, 1, 'the module went through the first hook');
  assert.deepEqual(report.value, { answer: 7, computed: 15 });
});
