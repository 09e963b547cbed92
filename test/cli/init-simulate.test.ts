/**
 * `volet init` (in process): the configuration it writes for given WSDLs, names from file names or
 * `name=path`, refusal to overwrite, usage errors; `volet simulate`: bad ports are usage errors
 * (exit 2), and a run from the CLI entry prints the simulators' URLs and stops with exit 0 on SIGINT.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseConfig } from '../../generator/config/config.js';
import { serviceNameOf } from '../../generator/config/init-config.js';
import { repoRoot } from '../support/paths.js';
import { hasStackTrace, volet } from './run.js';

/** Runs `fn` with the current folder set to a new temp folder holding a copy of wsdl/. */
async function inTempProject(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'volet-init-'));
  const cwd = process.cwd();
  cpSync(join(repoRoot, 'wsdl'), join(dir, 'wsdl'), { recursive: true });
  process.chdir(dir);
  try {
    await fn(dir);
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
}

test('serviceNameOf: the file name, lower case, other characters as -', () => {
  assert.equal(serviceNameOf('wsdl/XDS.b_DocumentRegistry.wsdl'), 'xds.b_documentregistry');
  assert.equal(serviceNameOf('/a/DESIR ICIR (1.5).wsdl'), 'desir-icir-1.5-');
  assert.equal(serviceNameOf('--.wsdl'), 'service');
});

test('volet init writes one service per WSDL, paths relative to the file, and generate reads it', async () => {
  await inTempProject(async (dir) => {
    const r = await volet('init', 'registry=wsdl/xds/document-registry.wsdl', 'wsdl/insi/insi.wsdl', 'wsdl/insi/insi.wsdl', '--out-dir', 'src/gen');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.split('\n')[0], 'wrote volet.config.json: 3 services');
    const text = readFileSync(join(dir, 'volet.config.json'), 'utf8');
    assert.deepEqual(JSON.parse(text), {
      services: [
        { name: 'registry', wsdl: 'wsdl/xds/document-registry.wsdl', out: 'src/gen/registry' },
        { name: 'insi', wsdl: 'wsdl/insi/insi.wsdl', out: 'src/gen/insi' },
        { name: 'insi-2', wsdl: 'wsdl/insi/insi.wsdl', out: 'src/gen/insi-2' },
      ],
      catalog: [],
    });
    // What generate will read: the same services, absolute.
    const config = parseConfig(JSON.parse(text), join(dir, 'volet.config.json'));
    assert.deepEqual(
      config.services.map((s) => s.out),
      [join(dir, 'src/gen/registry'), join(dir, 'src/gen/insi'), join(dir, 'src/gen/insi-2')],
    );
    const check = await volet('check');
    assert.equal(check.code, 1, 'nothing generated yet');
    assert.match(check.stdout, /src\/gen\/registry\/client\.ts: missing/);
  });
});

test('volet init keeps an existing configuration unless --force; usage errors are exit 2', async () => {
  await inTempProject(async (dir) => {
    writeFileSync(join(dir, 'volet.config.json'), '{"mine":true}');
    const kept = await volet('init', 'wsdl/insi/insi.wsdl');
    assert.equal(kept.code, 1);
    assert.equal(kept.stderr, 'volet: volet.config.json already exists; nothing written (--force overwrites it)\n');
    assert.equal(readFileSync(join(dir, 'volet.config.json'), 'utf8'), '{"mine":true}');
    const forced = await volet('init', 'wsdl/insi/insi.wsdl', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal((JSON.parse(readFileSync(join(dir, 'volet.config.json'), 'utf8')) as { services: unknown[] }).services.length, 1);

    for (const [args, message] of [
      [['init', 'nope.wsdl', '--config', 'x.json'], 'volet: file not found: nope.wsdl'],
      [['init', 'a b=wsdl/insi/insi.wsdl', '--config', 'x.json'], `volet: "a b": a service name is letters, digits, '.', '_' or '-'`],
      [['init', 'x=wsdl/insi/insi.wsdl', 'x=wsdl/xds/document-registry.wsdl', '--config', 'x.json'], 'volet: the service name "x" is given twice'],
    ] as const) {
      const r = await volet(...args);
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.split('\n')[0], message);
      assert.ok(!hasStackTrace(r.stderr));
    }
    assert.ok(!existsSync(join(dir, 'x.json')));
  });
});

test('volet init writes nothing when a WSDL has errors (diagnostics, exit 1)', async () => {
  await inTempProject(async (dir) => {
    writeFileSync(
      join(dir, 'broken.wsdl'),
      '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"><message name="m"><part name="p" element="nope:x"/></message>',
    );
    const r = await volet('init', 'broken.wsdl');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^broken\.wsdl:\d+:\d+: error: /m);
    assert.match(r.stderr, /^volet: nothing written: the input has errors$/m);
    assert.ok(!existsSync(join(dir, 'volet.config.json')));
  });
});

test('volet simulate: a bad port is a usage error (exit 2)', async () => {
  for (const value of ['abc', '70000', '-1']) {
    const r = await volet('simulate', `--dmp-port=${value}`);
    assert.equal(r.code, 2, value);
    assert.match(r.stderr, /^volet: --dmp-port must be a port number \(0-65535\)$/m);
  }
});

test('volet simulate from the CLI entry: prints the URLs and the PKI, stops on SIGINT with exit 0', async () => {
  const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
  const entry = fromSource
    ? ['--import', 'tsx', '--conditions=volet-source', join(repoRoot, 'generator', 'cli', 'main.ts')]
    : [join(repoRoot, 'bin', 'volet.js')];
  const dir = mkdtempSync(join(tmpdir(), 'volet-simulate-'));
  try {
    const child = spawn(process.execPath, [...entry, 'simulate', '--pki-dir', dir], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await new Promise<void>((done, fail) => {
      child.stdout.on('data', () => out.includes('Ctrl-C to stop.') && done());
      void exit.then((code) => fail(new Error(`exited ${code}: ${out}`)));
    });
    assert.match(out, /^ {2}DMP registry {4}https:\/\/127\.0\.0\.1:\d+\/si-dmp-server\/v2\/services\/registry$/m);
    assert.match(out, /^ {2}INSi \(mTLS\) {5}https:\/\/127\.0\.0\.1:\d+\/services-ps-tlsm\/lps$/m);
    assert.ok(existsSync(join(dir, 'pki.json')) && existsSync(join(dir, 'org-auth.p12')) && existsSync(join(dir, 'insi-auto.p12')));
    child.kill('SIGINT');
    assert.equal(await exit, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
