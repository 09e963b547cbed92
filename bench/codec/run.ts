/**
 * Codec benchmark: a ~10 MB ITI-18 AdhocQueryResponse (1,000 ExtrinsicObjects, structure taken
 * from the official DMP example at run time). Decode MB/s against a bare saxes pass (namespaces
 * on, events only), encode MB/s. Each contender runs in its own child process; the figure is
 * the median of several runs after two warm-up runs.
 *
 * Run: node --import tsx --conditions=volet-source bench/codec/run.ts [--runs N] [--count N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAdhocQueryResponse } from './build-input.js';

interface Result {
  name: string;
  times: number[];
  bytes: number;
  result: number;
  maxRssMB: number;
}

function option(flag: string, fallback: number): number {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const runs = option('--runs', 9);
const count = option('--count', 1000);
const dir = mkdtempSync(join(tmpdir(), 'volet-bench-'));
const input = join(dir, 'adhoc-query-response.xml');
const xml = buildAdhocQueryResponse(count);
writeFileSync(input, xml, 'utf8');
const contender = fileURLToPath(new URL('./contender.ts', import.meta.url));
const contenders = ['saxes-events', 'volet-events', 'volet-decode', 'volet-decode-bytes', 'node-soap-decode', 'volet-encode', 'node-soap-encode'];

const results: Result[] = [];
try {
  for (const name of contenders) {
    const r = spawnSync(process.execPath, [...process.execArgv, '--expose-gc', contender, name, input, String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) throw new Error(`${name} failed:\n${r.stderr}`);
    results.push(JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Result);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const mb = results[0].bytes / 1e6;
const floor = median(results[0].times);
console.log(`input: ${count} ExtrinsicObjects, ${mb.toFixed(2)} MB; ${runs} runs per contender (median), node ${process.version}`);
console.log('| contender | median ms | min ms | MB/s | × saxes events time | peak RSS MB |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) {
  const m = median(r.times);
  console.log(
    `| ${r.name} | ${m.toFixed(1)} | ${Math.min(...r.times).toFixed(1)} | ${(mb / (m / 1000)).toFixed(1)} | ${(m / floor).toFixed(2)} | ${r.maxRssMB} |`,
  );
}
