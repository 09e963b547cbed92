/**
 * The vendor's path, end to end, as issue #10 describes it: both packages are packed from this
 * checkout (once), installed with npm into a new project under the system's temp folder, the
 * official DMP registry/repository and INSi WSDLs copied there from the shared corpus, then what a
 * vendor types — `npx volet init`, `generate`, `check` — and the generated code, a vendor program
 * and the README's TypeScript examples compiled with the project's own TypeScript under nodenext,
 * bundler and CommonJS settings (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess). The
 * README's quickstart program then runs, built as ESM and as CommonJS, against `npx volet simulate`:
 * an ITI-18 search and an INSi search succeed. Skips when the corpus or the npm registry is absent.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';
import { COMPILE_MODES, type CompileMode } from './support/compile-modes.js';
import { typescriptBlocks } from './support/readme-blocks.js';
import {
  exec,
  lockedVersion,
  npmInstall,
  npx,
  packBoth,
  registrySkipReason,
  startSimulate,
  vendorEnv,
  type PackedPackage,
  type RunningSimulate,
} from './support/vendor-project.js';

const SKIP = corpusSkipReason || (await registrySkipReason());

/** The README block a vendor saves as `first-call.ts` (the quickstart). */
const QUICKSTART_MARK = '// first-call.ts';

let work: string;
let project: string;
let packed: { volet: PackedPackage; runtime: PackedPackage };
let simulate: RunningSimulate | undefined;

before(async () => {
  if (SKIP) return;
  work = mkdtempSync(join(tmpdir(), 'volet-vendor-'));
  mkdirSync(join(work, 'packs'));
  packed = await packBoth(join(work, 'packs'));
  project = join(work, 'my-lps');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'my-lps', version: '1.0.0', private: true, type: 'module' }, null, 2));
  await npmInstall(project, [packed.runtime.tarball]);
  await npmInstall(project, ['--save-dev', packed.volet.tarball, `typescript@${lockedVersion('typescript')}`, `@types/node@${lockedVersion('@types/node')}`]);
  // The official WSDL packages, as a vendor unpacks them into the project.
  cpSync(corpus('dmp-annexe-wsdl-schema'), join(project, 'wsdl', 'dmp'), { recursive: true });
  cpSync(corpus('insi-padoa', 'src', 'wsdl'), join(project, 'wsdl', 'insi'), { recursive: true });
});

after(async () => {
  await simulate?.stop();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

const OPTS = { skip: SKIP, timeout: 600_000 } as const;

test('the tarballs hold the built code, declarations, README, LICENSE and CHANGELOG, nothing else', OPTS, () => {
  const unwanted = (f: string): boolean => /(^|\/)(test|tests|bench|\.ci|fixtures|src)\//.test(f) || /\.(map|tsbuildinfo|ts)$/.test(f.replace(/\.d\.ts$/, ''));
  for (const p of [packed.volet, packed.runtime]) {
    assert.deepEqual(p.files.filter(unwanted), [], `${p.tarball}: unexpected files`);
    for (const f of ['package.json', 'README.md', 'LICENSE']) assert.ok(p.files.includes(f), `${p.tarball} lacks ${f}`);
  }
  for (const f of ['bin/volet.js', 'dist/volet.cjs', 'dist/generator/api.js', 'dist/generator/api.d.ts', 'CHANGELOG.md']) {
    assert.ok(packed.volet.files.includes(f), `volet lacks ${f}`);
  }
  // client.ts is printed by the generator: no template files ship.
  assert.deepEqual(
    packed.volet.files.filter((f) => f.startsWith('templates/')),
    [],
  );
  assert.ok(
    !packed.volet.files.some((f) => /^dist\/(test|bench|scripts|simulator|generated)\//.test(f)),
    'volet ships only the generator (the simulators are in the bundle)',
  );
  for (const f of ['dist/index.js', 'dist/index.d.ts']) assert.ok(packed.runtime.files.includes(f), `@volet/runtime lacks ${f}`);

  const pkg = (name: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, unknown>;
  const volet = pkg('volet');
  const runtime = pkg('@volet/runtime');
  assert.equal(volet['private'], undefined);
  assert.equal((volet['dependencies'] as Record<string, string>)['@volet/runtime'], runtime['version'], 'volet depends on the runtime by exact version');
  assert.deepEqual(runtime['peerDependenciesMeta'], { pkcs11js: { optional: true } });
  assert.equal(runtime['optionalDependencies'], undefined, 'pkcs11js is not installed (nor built) by default');
  assert.ok(!existsSync(join(project, 'node_modules', 'pkcs11js')));
});

test('npx volet init writes volet.config.json for the official WSDLs, and will not overwrite it', OPTS, async () => {
  const args = [
    'volet',
    'init',
    'dmp-registry=wsdl/dmp/wsdl/XDS.b_DocumentRegistry.wsdl',
    'dmp-repository=wsdl/dmp/wsdl/XDS.b_DocumentRepository.wsdl',
    'insi=wsdl/insi/DESIR_ICIR_EXP_1.5.0.wsdl',
  ];
  const r = await npx(project, args);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^wrote volet\.config\.json: 3 services$/m);
  const config = JSON.parse(readFileSync(join(project, 'volet.config.json'), 'utf8')) as { services: { name: string; wsdl: string; out: string }[] };
  assert.deepEqual(
    config.services.map((s) => [s.name, s.out]),
    [
      ['dmp-registry', 'generated/dmp-registry'],
      ['dmp-repository', 'generated/dmp-repository'],
      ['insi', 'generated/insi'],
    ],
  );
  const again = await npx(project, args);
  assert.equal(again.code, 1);
  assert.equal(again.stderr, 'volet: volet.config.json already exists; nothing written (--force overwrites it)\n');
  const missing = await npx(project, ['volet', 'init', 'nope.wsdl', '--config', 'other.json']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^volet: file not found: nope\.wsdl$/m);
});

test('npx volet generate writes the clients (type-checked in process); npx volet check finds them up to date', OPTS, async () => {
  const gen = await npx(project, ['volet', 'generate']);
  assert.equal(gen.code, 0, gen.stderr);
  for (const name of ['dmp-registry', 'dmp-repository', 'insi']) assert.match(gen.stdout, new RegExp(`^${name}: generated/${name}: [1-9]\\d* written`, 'm'));
  assert.match(gen.stdout, /^schemas: generated\/schemas: [1-9]\d* written/m, 'the shared schema modules');
  assert.doesNotMatch(gen.stdout, /type check skipped/);
  const check = await npx(project, ['volet', 'check']);
  assert.equal(check.code, 0, check.stdout + check.stderr);
  for (const name of ['schemas', 'dmp-registry', 'dmp-repository', 'insi'])
    assert.match(check.stdout, new RegExp(`^${name}: generated/${name}: up to date$`, 'm'));
});

/** The vendor's own files: the README examples, the quickstart, and a build script using the API. */
function vendorSources(): Record<string, string> {
  const blocks = typescriptBlocks(readFileSync(join(repoRoot, 'README.md'), 'utf8'));
  const quickstart = blocks.filter((b) => b.startsWith(QUICKSTART_MARK));
  assert.equal(quickstart.length, 1, `README.md has one \`\`\`ts block starting with ${QUICKSTART_MARK}`);
  const others = blocks.filter((b) => !b.startsWith(QUICKSTART_MARK));
  assert.ok(others.length >= 2, 'README.md has its client examples');
  const files: Record<string, string> = { 'first-call.ts': quickstart[0] ?? '' };
  others.forEach((b, i) => (files[`readme-example-${i + 1}.ts`] = b));
  files['api-check.ts'] = `import { check, generate, inspect, type CheckSummary, type GenerateSummary } from 'volet';

async function main(): Promise<void> {
  const checked: CheckSummary = await check();
  const generated: GenerateSummary = await generate({ typecheck: false });
  const model = await inspect(['wsdl/insi/DESIR_ICIR_EXP_1.5.0.wsdl']);
  console.log(JSON.stringify({
    upToDate: checked.upToDate,
    services: checked.services.map((s) => s.name),
    written: generated.services.flatMap((s) => s.written),
    operations: model.services.flatMap((s) => s.ports.flatMap((p) => p.operations.map((o) => o.name))),
    errors: model.diagnostics.filter((d) => d.severity === 'error').length,
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;
  return files;
}

/** Writes the project (or its CommonJS sub-project) for `mode` and compiles it with the project's own tsc. */
async function compile(mode: CompileMode): Promise<string> {
  const dir = mode.packageType === 'commonjs' ? join(project, 'cjs') : project;
  if (dir !== project) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'my-lps-cjs', private: true, type: 'commonjs' }));
    cpSync(join(project, 'generated'), join(dir, 'generated'), { recursive: true });
  }
  const sources = vendorSources();
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(dir, name), text);
  const tsconfig = `tsconfig.${mode.name}.json`;
  writeFileSync(
    join(dir, tsconfig),
    JSON.stringify(
      { compilerOptions: { ...mode.compilerOptions, outDir: `dist-${mode.name}`, rootDir: '.' }, include: [...Object.keys(sources), 'generated'] },
      null,
      2,
    ),
  );
  const tsc = await exec(process.execPath, [join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', tsconfig, '--pretty', 'false'], dir);
  assert.equal(tsc.code, 0, `tsc (${mode.name}):\n${tsc.stdout}${tsc.stderr}`);
  return join(dir, `dist-${mode.name}`);
}

const built = new Map<CompileMode['name'], string>();

for (const mode of COMPILE_MODES) {
  test(`the generated code, a vendor build script and the README examples compile: ${mode.name}`, OPTS, async () => {
    built.set(mode.name, await compile(mode));
  });
}

test('the programmatic API (check, generate, inspect) from a vendor build script, as ESM and as CommonJS', OPTS, async () => {
  for (const mode of COMPILE_MODES.filter((m) => m.runnable)) {
    const out = built.get(mode.name);
    assert.ok(out !== undefined, `${mode.name} was compiled`);
    const r = await exec(process.execPath, [join(out, 'api-check.js')], project);
    assert.equal(r.code, 0, `${mode.name}: ${r.stderr}`);
    assert.deepEqual(JSON.parse(r.stdout), {
      upToDate: true,
      services: ['schemas', 'dmp-registry', 'dmp-repository', 'insi'],
      written: [],
      operations: ['rechercherInsAvecCarteVitale', 'rechercherInsAvecTraitsIdentite'],
      errors: 0,
    });
  }
});

test('the README quickstart program against npx volet simulate: an ITI-18 search and an INSi search succeed (ESM and CommonJS builds)', OPTS, async () => {
  simulate = await startSimulate(project, 'sim-pki');
  assert.match(simulate.banner, /^volet simulators \(fictional test data only\)$/m);
  assert.ok(existsSync(join(project, 'sim-pki', 'pki.json')));
  const env = vendorEnv({ DMP_URL: simulate.dmpUrl, INSI_URL: simulate.insiUrl });
  for (const mode of COMPILE_MODES.filter((m) => m.runnable)) {
    const out = built.get(mode.name);
    assert.ok(out !== undefined, `${mode.name} was compiled`);
    const r = await exec(process.execPath, [join(out, 'first-call.js')], project, env);
    assert.equal(r.code, 0, `${mode.name}: ${r.stderr}`);
    assert.equal(r.stdout, 'DMP ITI-18: Success, 0 documents\nINSi: CR 00 (found)\n', mode.name);
  }
  await simulate.stop();
  simulate = undefined;
});
