/**
 * Importing `@volet/runtime` must stay cheap and inert: it loads none of node-forge, xml-crypto,
 * xmldom or xpath (they load on first use), which a fresh Node process shows in its CommonJS module
 * cache (all four are CommonJS, so an ESM import of them lands there too).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runtimeVersion } from '@volet/runtime';
import { repoRoot } from '../support/paths.js';

const HEAVY = ['node-forge', 'xml-crypto', '@xmldom/xmldom', 'xpath'];

/** The packages under node_modules whose CommonJS files a fresh process has loaded after importing `specifier`. */
function packagesLoadedBy(specifier: string, then = ''): string[] {
  const code = [
    "import { createRequire } from 'node:module';",
    `const m = await import(${JSON.stringify(specifier)});`,
    then,
    "const names = Object.keys(createRequire(import.meta.url).cache).map((f) => /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/]+)/.exec(f)?.[1]?.replace('\\\\', '/'));",
    'console.log(JSON.stringify([...new Set(names.filter(Boolean))].sort()));',
  ].join('\n');
  // The same loader flags as this test (tsx and --conditions=volet-source from source, none from dist).
  const execArgv = process.execArgv.filter((a) => !a.startsWith('--test'));
  const r = spawnSync(process.execPath, [...execArgv, '--input-type=module', '-e', code], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '[]') as string[];
}

describe('importing the runtime root', () => {
  it('loads none of node-forge, xml-crypto, xmldom, xpath', () => {
    const loaded = packagesLoadedBy('@volet/runtime');
    assert.deepEqual(
      loaded.filter((p) => HEAVY.includes(p)),
      [],
    );
  });

  it('loads them when a PKCS#12 signer or a signature verification is used (the check sees them)', () => {
    const loaded = packagesLoadedBy('@volet/runtime/security', "try { m.readPkcs12(new Uint8Array([0x30, 0]), 'x'); } catch {}");
    for (const p of HEAVY) assert.ok(loaded.includes(p), `${p} not seen in ${loaded.join(', ')}`);
  });

  it('reads the runtime version from runtime/package.json', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'runtime', 'package.json'), 'utf8')) as { version: string };
    assert.equal(runtimeVersion(), pkg.version);
  });
});
