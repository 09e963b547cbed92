/**
 * Benchmark: `volet generate` on the 7 official DMP WSDLs, in process, as one generation with one
 * shared document cache (what `volet generate` does for a config listing the 7). Reports medians
 * of the measured runs (after one warm-up) for:
 *   - model: load + parse + resolve of the 7 descriptions;
 *   - emit:  TypeScript emission (types, descriptors, clients) of the 7;
 *   - generate = model + emit (what the issue compares with wsdl-tsclient);
 *   - type check: the generator's in-process type check of the whole output (fewer runs: slow).
 * Nothing is written to disk.
 *
 * Run: node --import tsx --conditions=volet-source bench/generate/dmp-generate.bench.ts [runs]
 */
import { readdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/generate/generate.js';
import { corpus, corpusAvailable, corpusRoot } from '../../test/support/paths.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

if (!corpusAvailable) {
  console.error(`WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS); benchmark skipped`);
  process.exit(0);
}

const folder = corpus('dmp-annexe-wsdl-schema', 'wsdl');
const wsdls = readdirSync(folder)
  .filter((f) => f.endsWith('.wsdl'))
  .sort()
  .map((f) => join(folder, f));
const runs = Math.max(3, Number(process.argv[2] ?? 9) || 9);
const out = join(tmpdir(), 'volet-bench-generate');
const request = (typecheck: boolean) => ({
  services: wsdls.map((w) => ({ name: basename(w, '.wsdl'), wsdl: [w], out: join(out, basename(w, '.wsdl')) })),
  baseDir: folder,
  catalog: [],

  typecheck,
  version: 'bench',
});

const check = (r: GenerateResult): void => {
  const failed = r.services.filter((s) => s.files === null).map((s) => s.service.name);
  if (failed.length > 0) throw new Error(`generation failed for ${failed.join(', ')}`);
};

check(generate(request(false))); // warm-up
const model: number[] = [];
const emit: number[] = [];
const total: number[] = [];
let last: GenerateResult | null = null;
for (let i = 0; i < runs; i++) {
  last = generate(request(false));
  check(last);
  model.push(last.timings.model);
  emit.push(last.timings.emit);
  total.push(last.timings.model + last.timings.emit);
}
const typecheckRuns = Math.max(1, Math.min(3, Math.floor(runs / 3)));
const typecheck: number[] = [];
let compileErrors = 0;
for (let i = 0; i < typecheckRuns; i++) {
  const r = generate(request(true));
  typecheck.push(r.timings.typecheck);
  compileErrors = r.typecheckDiagnostics.length;
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
const bytes = (last?.services ?? []).reduce((n, s) => n + (s.files ?? []).reduce((m, f) => m + f.content.length, 0), 0);
const types = (last?.services ?? []).reduce((n, s) => n + s.typeCount, 0);
console.log(`DMP: ${wsdls.length} WSDLs → ${types} type declarations, ${(bytes / 1e6).toFixed(2)} MB of TypeScript`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`model     median ${fmt(median(model))} (min ${fmt(Math.min(...model))}, max ${fmt(Math.max(...model))}) over ${runs} runs`);
console.log(`emit      median ${fmt(median(emit))} (min ${fmt(Math.min(...emit))}, max ${fmt(Math.max(...emit))})`);
console.log(`generate  median ${fmt(median(total))} (min ${fmt(Math.min(...total))}, max ${fmt(Math.max(...total))})`);
console.log(`type check median ${fmt(median(typecheck))} over ${typecheckRuns} runs, ${compileErrors} compile errors`);
