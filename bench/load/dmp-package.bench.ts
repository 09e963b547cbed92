/**
 * Benchmark: the whole DMP WSDL package (its 7 WSDLs and the HL7 v3 / ebRS / IHE schema trees they
 * reach), in one process with one shared document cache per run — what `volet generate` does for
 * the DMP. Each run starts from an empty cache. Reports the median of the measured runs for:
 *   - load:  loadDescription of the 7 WSDLs (read, decode, parse XML, follow imports/includes);
 *   - model: buildModel of the 7 WSDLs (load + XSD parse + WSDL parse + resolve + reference checks).
 *
 * Run: node --import tsx --conditions=volet-source bench/load/dmp-package.bench.ts [runs]
 * (or, after `npm run build`: node dist/bench/load/dmp-package.bench.js [runs]).
 */
import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { DocumentCache, loadDescription } from '../../generator/load/load.js';
import { buildModel } from '../../generator/pipeline.js';
import { corpus, corpusAvailable, corpusRoot } from '../../test/support/paths.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

if (!corpusAvailable) {
  console.error(`WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS); benchmark skipped`);
  process.exit(0);
}

const folder = corpus('dmp-annexe-wsdl-schema', 'wsdl');
const wsdls = readdirSync(folder)
  .filter((f) => f.endsWith('.wsdl'))
  .sort()
  .map((f) => corpus('dmp-annexe-wsdl-schema', 'wsdl', f));
const runs = Math.max(3, Number(process.argv[2] ?? 9) || 9);

let documents = 0;
let errors = 0;
const loadRun = (): void => {
  const cache = new DocumentCache();
  const seen = new Set<string>();
  for (const wsdl of wsdls) for (const d of loadDescription([wsdl], { cache }).documents) seen.add(d.path);
  documents = seen.size;
};
const modelRun = (): void => {
  const cache = new DocumentCache();
  errors = 0;
  for (const wsdl of wsdls) errors += buildModel([wsdl], { cache }).diagnostics.filter((d) => d.severity === 'error').length;
};

// One warm-up of each (JIT), then the measured runs.
loadRun();
modelRun();
const loadTimes: number[] = [];
const modelTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  loadTimes.push(time(loadRun));
  modelTimes.push(time(modelRun));
}

const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
console.log(`DMP package: ${wsdls.length} WSDLs, ${documents} distinct documents, ${errors} error diagnostics`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`);
console.log(
  `load  (loadDescription × ${wsdls.length}, shared cache): median ${fmt(median(loadTimes))} over ${runs} runs (min ${fmt(Math.min(...loadTimes))}, max ${fmt(Math.max(...loadTimes))})`,
);
console.log(
  `model (buildModel × ${wsdls.length}, shared cache):      median ${fmt(median(modelTimes))} over ${runs} runs (min ${fmt(Math.min(...modelTimes))}, max ${fmt(Math.max(...modelTimes))})`,
);
