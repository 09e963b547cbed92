/**
 * Benchmark: `volet decode` of a large ITI-18 response printed as JSON, as a whole process, against
 * node-soap doing the same in its own process (load the WSDL, parse, `JSON.stringify(body, null, 2)`).
 * Both use the official DMP XDS.b registry WSDL; the input is built at run time from the official
 * TD3.1 example (bench/codec/build-input.ts, `count` ExtrinsicObjects; 5,000 ≈ 54 MB). Output goes
 * to a file; runs alternate; wall-clock medians, and on Linux the CPU time of each process (user +
 * system, all its threads, read from /proc: less sensitive than wall time to a shared machine's load). Needs `npm run build` (runs bin/volet.js and the
 * compiled node-soap script).
 * Usage: node --import tsx --conditions=volet-source bench/codec/decode-json-cli.ts [runs=5] [count=5000] [before.cjs]
 * `before.cjs`: another build's `dist/volet.cjs` (copied next to this one's, e.g. `dist/volet-before.cjs`),
 * run as a third contender the same way as bin/volet.js runs the bundle, to compare two builds in one run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus, repoRoot } from '../../test/support/paths.js';
import { buildAdhocQueryResponse } from './build-input.js';

const runs = Number(process.argv[2] ?? 5);
const count = Number(process.argv[3] ?? 5000);
const before = process.argv[4];
const wsdl = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl');
const dir = mkdtempSync(join(tmpdir(), 'volet-decode-json-'));

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** CPU ms (user + system) of this process's waited-for children, from /proc (Linux); NaN elsewhere. */
function childrenCpu(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  // Fields after the command name: cutime and cstime are the 14th and 15th, in clock ticks (100 a second).
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** Runs one command with stdout into `out`; returns its wall and CPU time in ms. */
function timed(args: readonly string[], out: string): { wall: number; cpu: number } {
  const cpu0 = childrenCpu();
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  const wall = performance.now() - start;
  const cpu = childrenCpu() - cpu0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.toString().slice(0, 2000)}`);
  writeFileSync(out, r.stdout);
  return { wall, cpu };
}

try {
  const input = join(dir, 'iti18-response.xml');
  writeFileSync(input, buildAdhocQueryResponse(count));
  const contenders: Record<string, readonly string[]> = {
    volet: [join(repoRoot, 'bin', 'volet.js'), 'decode', wsdl, input],
    'node-soap': [join(repoRoot, 'dist', 'bench', 'codec', 'node-soap-decode-json.js'), wsdl, input],
  };
  if (before !== undefined) {
    // What bin/volet.js does, with the other bundle.
    const runner = join(dir, 'volet-before.mjs');
    const cache = pathToFileURL(join(repoRoot, 'dist', 'generator', 'cli', 'compile-cache.js')).href;
    writeFileSync(
      runner,
      `import { createRequire } from 'node:module';\n(await import(${JSON.stringify(cache)})).enableCompileCache();\nawait createRequire(import.meta.url)(${JSON.stringify(resolve(before))}).main();\n`,
    );
    contenders['volet (before)'] = [runner, 'decode', wsdl, input];
  }
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const cpus: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const sizes: Record<string, number> = {};
  const load0 = loadavg()[0] ?? 0;
  for (let r = 0; r < runs + 1; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const out = join(dir, `${name.replace(/\W/g, '-')}.json`);
      const { wall, cpu } = timed(contenders[name] as readonly string[], out);
      if (r > 0) {
        // the first round warms the disk cache and volet's compile cache
        times[name]?.push(wall);
        cpus[name]?.push(cpu);
      }
      sizes[name] = statSync(out).size;
    }
  }
  const v = median(times.volet ?? []);
  const n = median(times['node-soap'] ?? []);
  console.log(
    `\nITI-18 response, ${count} ExtrinsicObjects, ${(statSync(input).size / 1e6).toFixed(1)} MB → indented JSON, whole process, ${runs} runs (median); load ${load0.toFixed(1)} → ${(loadavg()[0] ?? 0).toFixed(1)}\n`,
  );
  const vc = median(cpus.volet ?? []);
  const nc = median(cpus['node-soap'] ?? []);
  const label: Record<string, string> = { volet: 'volet decode', 'node-soap': 'node-soap + JSON.stringify', 'volet (before)': `volet decode, ${before ?? ''}` };
  console.log('| command | wall ms (median) | runs | CPU ms (median) | JSON MB | × node-soap (wall / CPU) |');
  console.log('|---|---:|---|---:|---:|---:|');
  for (const name of names) {
    const w = median(times[name] ?? []);
    const c = median(cpus[name] ?? []);
    const runsText = (times[name] ?? []).map((x) => x.toFixed(0)).join(', ');
    console.log(
      `| ${label[name]} | ${w.toFixed(0)} | ${runsText} | ${c.toFixed(0)} | ${((sizes[name] ?? 0) / 1e6).toFixed(1)} | ${(n / w).toFixed(2)} / ${(nc / c).toFixed(2)} |`,
    );
  }
  console.log(`\nspeed-up volet / node-soap: ${(n / v).toFixed(2)}× by wall time, ${(nc / vc).toFixed(2)}× by CPU time (target ≥ 3×)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
