/**
 * Benchmark: generation of the 7 official DMP WSDLs *in process* by volet and by wsdl-tsclient
 * 1.7.1 (the peer, through its own `parseAndGenerate`, as its CLI calls it), so that Node's
 * start and the loading of each tool's modules are left out on both sides — what the cold-command
 * bench (`versus-wsdl-tsclient.bench.ts`) includes. Each contender runs in its own child process
 * (contenders alternate), loads its modules, then generates the 7 WSDLs `--iterations` times into
 * fresh temporary folders, files written: the first generation of a process (cold JIT) and the
 * median of the others (warm) are reported.
 *
 * Run: node --import tsx --conditions=volet-source bench/generate/in-process-versus.bench.ts [processes] [--iterations N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpus, corpusAvailable, corpusRoot, repoRoot } from '../../test/support/paths.js';

const folder = corpusAvailable ? corpus('dmp-annexe-wsdl-schema', 'wsdl') : '';
const wsdls = corpusAvailable
  ? readdirSync(folder)
      .filter((f) => f.endsWith('.wsdl'))
      .sort()
      .map((f) => join(folder, f))
  : [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Child side: generates `iterations` times with one contender and prints the times (ms) as JSON. */
async function child(contender: string, iterations: number): Promise<void> {
  const times: number[] = [];
  if (contender === 'volet') {
    const { generate, writeRun } = await import('../../generator/generate/generate.js');
    for (let i = 0; i < iterations; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'volet-ip-'));
      const start = performance.now();
      const result = generate({
        services: wsdls.map((w) => ({ name: basename(w, '.wsdl'), wsdl: [w], out: join(dir, basename(w, '.wsdl')) })),
        baseDir: folder,
        catalog: [],

        typecheck: false,
        version: 'bench',
      });
      for (const s of result.services) {
        if (s.files === null) throw new Error(`volet: ${s.service.name} has errors`);
      }
      writeRun(result);
      times.push(performance.now() - start);
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    const peer = createRequire(import.meta.url)(join(repoRoot, 'node_modules', 'wsdl-tsclient')) as {
      parseAndGenerate(wsdl: string, outDir: string, options: { quiet: boolean }): Promise<void>;
    };
    for (let i = 0; i < iterations; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'wsdl-tsclient-ip-'));
      const start = performance.now();
      // As its CLI does: one parseAndGenerate per WSDL, in turn.
      for (const w of wsdls) await peer.parseAndGenerate(w, dir, { quiet: true });
      times.push(performance.now() - start);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(JSON.stringify(times) + '\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const childAt = argv.indexOf('--child');
  const iterationsAt = argv.indexOf('--iterations');
  const iterations = iterationsAt >= 0 ? Math.max(2, Number(argv[iterationsAt + 1]) || 4) : 4;
  if (childAt >= 0) return child(argv[childAt + 1] ?? '', iterations);
  if (!corpusAvailable) {
    console.error(`WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS); benchmark skipped`);
    return;
  }
  const processes = Math.max(1, Number(argv.find((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--iterations') ?? 3) || 3);
  const self = fileURLToPath(import.meta.url);
  const tsx = pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href;
  const runChild = (contender: string): number[] => {
    const args = self.endsWith('.ts') ? ['--import', tsx, '--conditions=volet-source', self] : [self];
    const r = spawnSync(process.execPath, [...args, '--child', contender, '--iterations', String(iterations)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`${contender} failed (${r.status}):\n${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '[]') as number[];
  };
  const loadBefore = loadavg();
  const results: Record<string, { first: number[]; warm: number[] }> = { volet: { first: [], warm: [] }, 'wsdl-tsclient': { first: [], warm: [] } };
  for (let p = 0; p < processes; p++) {
    for (const contender of Object.keys(results)) {
      const [first = NaN, ...warm] = runChild(contender);
      results[contender]?.first.push(first);
      results[contender]?.warm.push(...warm);
    }
  }
  const load = (l: number[]): string => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`DMP: ${wsdls.length} WSDLs, in process, files written; ${processes} processes per contender × ${iterations} generations`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load(loadBefore)} before, ${load(loadavg())} after`,
  );
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name.padEnd(14)} first generation median ${median(r.first).toFixed(0)} ms (min ${Math.min(...r.first).toFixed(0)}); warm median ${median(r.warm).toFixed(0)} ms (min ${Math.min(...r.warm).toFixed(0)})`,
    );
  }
  const v = results['volet'];
  const w = results['wsdl-tsclient'];
  if (v !== undefined && w !== undefined) {
    console.log(`speed-up: first generation ${(median(w.first) / median(v.first)).toFixed(1)}×, warm ${(median(w.warm) / median(v.warm)).toFixed(1)}×`);
  }
}

await main();
