/**
 * Helpers for the corpus generation tests: the official WSDL sets, generating them into a scratch
 * folder, and compiling the output the way a vendor's project would — a `"type": "module"` package
 * with a strict `nodenext` tsconfig, `@volet/runtime` resolved to the runtime's declarations
 * (emitted at test time into the scratch folder, never into `runtime/dist`) — with a given `tsc`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { generate, writeRun, type GenerateResult } from '../../../generator/generate/generate.js';
import { corpus, repoRoot } from '../../support/paths.js';

/** A named set of entry WSDLs, one service description each. */
export interface WsdlSet {
  name: string;
  wsdls: string[];
}

function wsdlsIn(...segments: string[]): string[] {
  const dir = corpus(...segments);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.wsdl'))
    .sort()
    .map((f) => join(dir, f));
}

/** The official sets: the 7 DMP WSDLs, the IPF IHE ITI/PHARM/RAD WSDLs and the INSi WSDL. */
export function officialSets(): WsdlSet[] {
  const insi = corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl');
  return [
    { name: 'dmp', wsdls: wsdlsIn('dmp-annexe-wsdl-schema', 'wsdl') },
    { name: 'ipf', wsdls: wsdlsIn('ipf-ihe-xds', 'wsdl') },
    { name: 'insi', wsdls: existsSync(insi) ? [insi] : [] },
  ];
}

/**
 * Generates every WSDL of `sets` (no in-process type check), one run per set, and writes them under
 * `outRoot/<set>/<wsdl>/` with the set's shared schema modules in `outRoot/<set>/schemas/`.
 * Returns the services of every run (`schemas` of the last one).
 */
export function generateSets(sets: readonly WsdlSet[], outRoot: string): GenerateResult {
  const results = sets
    .filter((set) => set.wsdls.length > 0)
    .map((set) => {
      const services = set.wsdls.map((w) => ({ name: `${set.name}/${basename(w, '.wsdl')}`, wsdl: [w], out: join(outRoot, set.name, basename(w, '.wsdl')) }));
      const result = generate({
        services,
        baseDir: repoRoot,
        catalog: [],

        typecheck: false,
        version: 'test',
        schemas: join(outRoot, set.name, 'schemas'),
      });
      if (result.schemas !== null) writeRun(result);
      return result;
    });
  const last = results[results.length - 1];
  if (last === undefined) throw new Error('no WSDL in the official sets');
  return { ...last, services: results.flatMap((r) => r.services), typecheckDiagnostics: results.flatMap((r) => r.typecheckDiagnostics) };
}

/** The `tsc` entry scripts of the TypeScript versions installed for these tests. */
export const TSC = {
  '6.0': join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'),
  '7.0': join(repoRoot, 'node_modules', 'typescript-7', 'bin', 'tsc'),
  '5.9': join(repoRoot, 'node_modules', 'typescript-59', 'bin', 'tsc'),
} as const;

/** Why a TypeScript version cannot be used here, or false. */
export function tscSkipReason(version: keyof typeof TSC): string | false {
  return existsSync(TSC[version]) ? false : `TypeScript ${version} is not installed (${TSC[version]}); run npm install`;
}

/** Emits the runtime's declarations into `dir` with the repository's TypeScript; returns `index.d.ts`. */
export function runtimeDeclarations(dir: string): string {
  const r = spawnSync(
    process.execPath,
    [
      TSC['6.0'],
      '-p',
      join(repoRoot, 'runtime', 'tsconfig.json'),
      '--declaration',
      '--emitDeclarationOnly',
      '--outDir',
      dir,
      '--tsBuildInfoFile',
      join(dir, '.tsbuildinfo'),
    ],
    { encoding: 'utf8' },
  );
  const index = join(dir, 'index.d.ts');
  // Errors in the runtime's own sources (being written by others) are not this test's subject;
  // the declarations are emitted anyway.
  if (!existsSync(index)) throw new Error(`runtime declarations not emitted:\n${r.stdout}${r.stderr}`);
  return index;
}

/** Writes a vendor-like package (package.json, strict nodenext tsconfig) compiling `include`. */
export function consumerProject(dir: string, runtimeTypes: string, include: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  const tsconfig = {
    compilerOptions: {
      target: 'es2022',
      lib: ['es2023'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      verbatimModuleSyntax: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
      paths: { '@volet/runtime': [runtimeTypes] },
    },
    include,
  };
  const file = join(dir, 'tsconfig.json');
  writeFileSync(file, JSON.stringify(tsconfig, null, 2));
  return file;
}

/** Runs a `tsc` on a project; returns its exit code and output. */
export function runTsc(version: keyof typeof TSC, project: string): { code: number; output: string } {
  const r = spawnSync(process.execPath, [TSC[version], '-p', project, '--pretty', 'false'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
}
