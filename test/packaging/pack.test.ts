/**
 * The runtime as a vendor gets it: a copy of `runtime/` is compiled and packed with `npm pack`
 * (never touching `runtime/dist`), the tarball alone is installed into a fresh project outside the
 * repository (its dependencies come from the npm registry), an INSi client generated at test time
 * is compiled there with the repository's TypeScript (strict, nodenext), and run — as an ES module
 * and through `require()` — against a local mutual-TLS server. Skips when the registry is unreachable.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate, writeRun } from '../../generator/generate/generate.js';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { repoScratch } from '../e2e-runtime/support/generated-clients.js';
import { corpusText } from '../e2e-runtime/support/checks.js';
import { soap12, startSoapServer, type SoapTestServer } from '../e2e-runtime/support/soap-server.js';

const run = promisify(execFile);
const TSC = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Why the registry cannot be used, or false. */
function registrySkipReason(): string | false {
  const r = spawnSync(NPM, ['ping', '--no-audit', '--no-fund'], { encoding: 'utf8', timeout: 20_000 });
  return r.status === 0 ? false : `npm registry unreachable (npm ping: ${(r.stderr || r.stdout || String(r.error)).trim().split('\n')[0]}): the packaging test needs it to install the runtime's dependencies`;
}

const SKIP = corpusSkipReason || registrySkipReason();

let pki: TestPki;
let server: SoapTestServer;
let consumer: string;

before(async () => {
  if (SKIP) return;
  pki = await sharedTestPki();
  server = await startSoapServer(pki, () => soap12(corpusText('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml')));
  consumer = mkdtempSync(join(tmpdir(), 'volet-consumer-'));
});

after(async () => {
  await server?.close();
  if (consumer !== undefined) rmSync(consumer, { recursive: true, force: true });
});

/** Builds and packs a copy of the runtime (inside .volet-tmp so its dependencies resolve); returns the tarball. */
async function packRuntime(): Promise<string> {
  const copy = join(repoScratch('pack-'), 'runtime');
  cpSync(join(repoRoot, 'runtime', 'package.json'), join(copy, 'package.json'));
  cpSync(join(repoRoot, 'runtime', 'src'), join(copy, 'src'), { recursive: true });
  writeFileSync(
    join(copy, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        lib: ['es2023'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        declaration: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(repoRoot, 'node_modules', '@types')],
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src/**/*.ts'],
    }),
  );
  // Errors in files others are editing right now must not hide the packaging result: emit anyway.
  await run(process.execPath, [TSC, '-p', join(copy, 'tsconfig.json'), '--noEmitOnError', 'false'], { maxBuffer: 16 << 20 }).catch(() => undefined);
  const { stdout } = await run(NPM, ['pack', '--pack-destination', copy, '--json'], { cwd: copy, maxBuffer: 16 << 20 });
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(info.files.some((f) => f.path === 'dist/index.js') && info.files.some((f) => f.path === 'dist/index.d.ts'), 'the tarball holds dist/');
  assert.ok(!info.files.some((f) => f.path.startsWith('src/')), 'sources are not shipped');
  return join(copy, info.filename);
}

test('npm pack → install the tarball alone → compile a generated INSi client (strict, nodenext) → run it as ESM and with require()', { skip: SKIP, timeout: 300_000 }, async () => {
  const tarball = await packRuntime();
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'vendor-app', private: true, type: 'module' }));
  await run(NPM, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=optional', tarball], { cwd: consumer, maxBuffer: 16 << 20 });
  assert.deepEqual(readdirSync(join(consumer, 'node_modules', '@volet')), ['runtime']);

  // The generated client, as a vendor commits it.
  const result = generate({
    services: [{ name: 'insi', wsdl: [corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl')], out: join(consumer, 'src', 'insi') }],
    baseDir: repoRoot,
    catalog: [],
    templates: null,
    typecheck: false,
    version: 'test',
  });
  writeRun(result);
  // The vendor's code: plain TypeScript against the generated client and the installed runtime.
  writeFileSync(
    join(consumer, 'src', 'search.ts'),
    `import { tlsiProfile, insiResult } from '@volet/runtime';
import { ICIRClient } from './insi/index.js';
import type { INSiRecSansTraitsDIdentite } from './insi/types.js';

export async function search(endpoint: string, pfxFile: string, caFile: string, passphrase: string): Promise<string> {
  const client = new ICIRClient({
    endpoint,
    tls: { credentials: { pfxFile, passphrase }, trust: { caFile } },
    profile: tlsiProfile({ security: { mode: 'mtls' }, contexts: { ContexteBAM: { Version: '01_02', Id: 'x', Temps: 'x', COUVERTURE: {} } } }),
  });
  const body: INSiRecSansTraitsDIdentite = { NomNaissance: 'DUPONT', Prenom: ['MARIE'], Sexe: 'F', DateNaissance: '1980-05-17' };
  try {
    const result = await client.rechercherInsAvecTraitsIdentite(body);
    const outcome = insiResult(result);
    return JSON.stringify({ code: outcome?.code, oid: result.INDIVIDU?.INSACTIF.OID });
  } finally {
    client.soap.close();
  }
}

`,
  );
  writeFileSync(
    join(consumer, 'src', 'main.ts'),
    `import { search } from './search.js';

declare const console: { log(text: string): void };

const [endpoint, pfx, ca, pass] = (globalThis as unknown as { process: { argv: string[] } }).process.argv.slice(2);
if (endpoint !== undefined && pfx !== undefined && ca !== undefined && pass !== undefined) void search(endpoint, pfx, ca, pass).then((out) => console.log(out));
`,
  );
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        lib: ['es2023'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        verbatimModuleSyntax: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        skipLibCheck: true,
        types: [],
        rootDir: 'src',
        outDir: 'dist',
      },
      include: ['src'],
    }),
  );
  const tsc = spawnSync(process.execPath, [TSC, '-p', join(consumer, 'tsconfig.json'), '--pretty', 'false'], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, `${tsc.stdout}${tsc.stderr}`);

  const args = [`${server.url}/lps`, pki.insiAuto.p12File, pki.caBundleFile, pki.passphrase];
  const esm = await run(process.execPath, [join(consumer, 'dist', 'main.js'), ...args], { cwd: consumer });
  assert.deepEqual(JSON.parse(esm.stdout), { code: '00', oid: '1.2.250.1.213.1.4.9' });
  assert.equal(server.last().clientCn, 'INSI-AUTO');

  // A CommonJS caller: require() of the ES modules (Node ≥ 20.19).
  mkdirSync(join(consumer, 'cjs'), { recursive: true });
  writeFileSync(
    join(consumer, 'cjs', 'main.cjs'),
    `const { search } = require('../dist/search.js');
const runtime = require('@volet/runtime');
if (typeof runtime.SoapClient !== 'function') throw new Error('no SoapClient');
search(...process.argv.slice(2)).then((out) => console.log(out), (err) => { console.error(err.message); process.exitCode = 1; });
`,
  );
  const cjs = await run(process.execPath, ['--no-warnings', join(consumer, 'cjs', 'main.cjs'), ...args], { cwd: consumer });
  assert.deepEqual(JSON.parse(cjs.stdout), { code: '00', oid: '1.2.250.1.213.1.4.9' });
  assert.equal(server.requests.length, 2);
});
