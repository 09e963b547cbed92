/**
 * Whole-corpus sweep (too slow for the test suite): every `.wsdl` file under the shared corpus is
 * generated as its own service description (in one process, shared document cache), the outputs
 * are compiled together with `tsc` (strict, nodenext, verbatimModuleSyntax; TypeScript 7.0 by
 * default, `--tsc 6.0|5.9` to choose), and the counts are printed:
 *   generated + compiled / generated but not compiling / not generated (input errors).
 * Input errors are expected for some files (malformed node-soap fixtures, WSDLs without SOAP ports).
 *
 * Run: node --import tsx --conditions=volet-source bench/generate/corpus-sweep.ts [--tsc 7.0] [--keep]
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generate, writeRun, type GenerateResult } from '../../generator/generate/generate.js';
import { corpusAvailable, corpusRoot, repoRoot } from '../../test/support/paths.js';
import { consumerProject, runtimeDeclarations, runTsc, TSC } from '../../test/generate/support/corpus-generation.js';

if (!corpusAvailable) {
  console.error(`WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS); sweep skipped`);
  process.exit(0);
}
const args = process.argv.slice(2);
const version = (args[args.indexOf('--tsc') + 1] ?? '7.0') as keyof typeof TSC;
const tsc: keyof typeof TSC = args.includes('--tsc') && version in TSC ? version : '7.0';

function wsdls(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? wsdls(p) : name.endsWith('.wsdl') ? [p] : [];
    });
}

const files = wsdls(corpusRoot);
const scratch = mkdtempSync(join(tmpdir(), 'volet-sweep-'));
const folderOf = (w: string): string =>
  relative(corpusRoot, w)
    .replace(/[\\/]/g, '__')
    .replace(/\.wsdl$/, '');
const start = performance.now();
// Each WSDL is its own run (schemas inside its folder): the corpus mixes unrelated services whose
// schemas would not belong together, and one description with errors must not stop the others.
const timings = { model: 0, emit: 0 };
const outcomes = files.map((w) => {
  const out = join(scratch, 'out', folderOf(w));
  const run = generate({
    services: [{ name: relative(corpusRoot, w), wsdl: [w], out }],
    baseDir: repoRoot,
    catalog: [],

    typecheck: false,
    version: 'sweep',
    schemas: join(out, 'schemas'),
  });
  timings.model += run.timings.model;
  timings.emit += run.timings.emit;
  if (run.schemas !== null) writeRun(run);
  return run.services[0] as GenerateResult['services'][number];
});
const generateMs = performance.now() - start;
const result = { services: outcomes, timings };
const generated = result.services.filter((s) => s.files !== null);
const failed = result.services.filter((s) => s.files === null);

const tscStart = performance.now();
const project = consumerProject(scratch, runtimeDeclarations(join(scratch, 'runtime-types')), ['out/**/*.ts']);
const compiled = runTsc(tsc, project);
const tscMs = performance.now() - tscStart;
const badFolders = new Map<string, string>();
for (const line of compiled.output.split('\n')) {
  const m = /^out[\\/]([^\\/]+)[\\/]/.exec(line);
  if (m !== null && !badFolders.has(m[1] as string)) badFolders.set(m[1] as string, line);
}

console.log(`corpus: ${files.length} WSDL files under ${corpusRoot}`);
console.log(`generated + compiled (tsc ${tsc}): ${generated.length - badFolders.size}`);
console.log(`generated, not compiling:        ${badFolders.size}`);
console.log(`not generated (input errors):     ${failed.length}`);
console.log(
  `generation ${Math.round(generateMs)} ms (model ${Math.round(result.timings.model)}, emit ${Math.round(result.timings.emit)}), tsc ${Math.round(tscMs)} ms`,
);
for (const [folder, line] of badFolders) console.log(`  does not compile: ${folder}: ${line}`);
for (const s of failed) {
  const first = s.diagnostics.find((d) => d.severity === 'error');
  console.log(`  input errors: ${s.service.name}: ${first === undefined ? '' : `${first.code ?? ''} ${first.message}`.slice(0, 160)}`);
}
if (args.includes('--keep')) console.log(`output kept in ${scratch}`);
else rmSync(scratch, { recursive: true, force: true });
