/**
 * Benchmark: the cold import of `@volet/runtime`'s root entry (built `runtime/dist/index.js`), each
 * run in a fresh Node process: the time of `await import(…)` and the CommonJS modules it loaded
 * (node-forge, xml-crypto, xmldom and xpath are all CommonJS). Other entries can be named too.
 *
 * Run after `npm run build`: node dist/bench/runtime/root-import.bench.js [runs] [file-or-specifier…]
 * (default: 15 runs of runtime/dist/index.js; give another build's index.js to compare).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const runs = Number(process.argv[2] ?? 15);
const targets = process.argv.length > 3 ? process.argv.slice(3) : [join('runtime', 'dist', 'index.js')];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const code = (url: string): string =>
  [
    "import { createRequire } from 'node:module';",
    'const start = performance.now();',
    `await import(${JSON.stringify(url)});`,
    'const ms = performance.now() - start;',
    'console.log(JSON.stringify({ ms, cjs: Object.keys(createRequire(import.meta.url).cache).length }));',
  ].join('\n');

const results = new Map<string, { ms: number[]; cjs: number }>();
// Interleaved, so the machine's load changes hit every target alike.
for (let i = 0; i < runs; i++) {
  for (const target of targets) {
    const url = target.startsWith('@') ? target : pathToFileURL(resolve(target)).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code(url)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`import of ${target} failed: ${r.stderr}`);
    const { ms, cjs } = JSON.parse(r.stdout) as { ms: number; cjs: number };
    const entry = results.get(target) ?? { ms: [], cjs };
    entry.ms.push(ms);
    results.set(target, entry);
  }
}
console.log(`Node ${process.version}, ${runs} fresh processes per target, load average ${loadavg()[0].toFixed(1)}`);
for (const [target, { ms, cjs }] of results) {
  console.log(`${target}: median ${median(ms).toFixed(1)} ms, min ${Math.min(...ms).toFixed(1)} ms, CommonJS modules loaded ${cjs}`);
}
