/**
 * Benchmark: the whole command, cold, as a user runs it — `volet generate` (a config listing the 7
 * official DMP WSDLs, `--no-typecheck`, then with the type check) and `volet check` (the same config,
 * against an up-to-date output folder) against wsdl-tsclient 1.7.1 (the peer, a
 * devDependency) on the same 7 WSDLs. Each run is a fresh child process writing into
 * a fresh temporary folder; wall-clock medians. volet runs as installed, `bin/volet.js` (the bundled
 * CLI, `dist/volet.cjs`) when it is built and newer than the sources, else from source through tsx
 * (which adds its transpile cost); `--volet <main.js>` names another build of the CLI, and
 * `--before <main.js>` adds that build's rows to the same round-robin (before/after in one run). volet's compile cache (generator/cli/compile-cache.ts) is filled by
 * the warm-up run, like after a user's first run; one row measures the command without it
 * (`VOLET_COMPILE_CACHE=off`, what the very first run after an install costs).
 *
 * Run: node --import tsx --conditions=volet-source bench/generate/versus-wsdl-tsclient.bench.ts [runs] [--volet <main.js>] [--before <main.js>]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus, corpusAvailable, corpusRoot, repoRoot } from '../../test/support/paths.js';

if (!corpusAvailable) {
  console.error(`WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS); benchmark skipped`);
  process.exit(0);
}
const argv = process.argv.slice(2);
const voletFlag = argv.indexOf('--volet');
const voletBuild = voletFlag >= 0 ? argv[voletFlag + 1] : undefined;
const beforeFlag = argv.indexOf('--before');
const beforeBuild = beforeFlag >= 0 ? argv[beforeFlag + 1] : undefined;
const runs = Math.max(3, Number(argv.find((a, i) => /^\d+$/.test(a) && argv[i - 1] !== '--volet' && argv[i - 1] !== '--before') ?? 5) || 5);
const folder = corpus('dmp-annexe-wsdl-schema', 'wsdl');
const wsdls = readdirSync(folder)
  .filter((f) => f.endsWith('.wsdl'))
  .sort()
  .map((f) => join(folder, f));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const bundle = join(repoRoot, 'dist', 'volet.cjs');
const installed = join(repoRoot, 'bin', 'volet.js');
const distFresh = existsSync(bundle) && statSync(bundle).mtimeMs >= statSync(join(repoRoot, 'generator', 'emit', 'emit-service.ts')).mtimeMs;
const voletCommand =
  voletBuild !== undefined
    ? [voletBuild]
    : distFresh
      ? [installed]
      : [
          '--import',
          pathToFileURL(join(repoRoot, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href,
          '--conditions=volet-source',
          join(repoRoot, 'generator', 'cli', 'main.ts'),
        ];

/**
 * CPU time (user + system, ms) of this process's waited-for children so far, from /proc (Linux), or
 * null elsewhere. On a shared machine it moves far less with the load than wall time does.
 */
function childrenCpuMs(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    // After the command name: cutime and cstime are fields 16 and 17 of stat(5), here 13 and 14, in clock ticks (100 Hz).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

/** CPU time of each timed run, in the order of the runs. */
const cpuOf = new Map<number[], number[]>();
let lastCpu: number | null = null;

function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): number {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpuMs();
  lastCpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return ms;
}

/** The config of the 7 WSDLs, written into `dir`, output under `dir/out`. */
function writeConfig(dir: string, typecheck: boolean): void {
  const config = { services: wsdls.map((w) => ({ name: basename(w, '.wsdl'), wsdl: w, out: join(dir, 'out', basename(w, '.wsdl')) })), typecheck };
  writeFileSync(join(dir, 'volet.config.json'), JSON.stringify(config));
}

function voletRun(command: string[], typecheck: boolean, env: NodeJS.ProcessEnv = {}): number {
  const dir = mkdtempSync(join(tmpdir(), 'volet-vs-'));
  try {
    writeConfig(dir, typecheck);
    return timed([...command, 'generate'], dir, env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One folder generated once, that `volet check` then finds up to date (both builds write the same bytes). */
const checked = mkdtempSync(join(tmpdir(), 'volet-check-'));
writeConfig(checked, false);
timed([...voletCommand, 'generate'], checked);
process.on('exit', () => rmSync(checked, { recursive: true, force: true }));

function checkRun(command: string[]): number {
  return timed([...command, 'check'], checked);
}

const peer = join(repoRoot, 'node_modules', 'wsdl-tsclient', 'dist', 'src', 'cli.js');
function peerRun(): number {
  const dir = mkdtempSync(join(tmpdir(), 'wsdl-tsclient-'));
  try {
    return timed([peer, ...wsdls, '-o', join(dir, 'out')], dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadBefore = loadavg();
/** A contender: its name, one cold run, and how many measured runs it gets. */
interface Contender {
  name: string;
  run: () => number;
  runs: number;
}
const contenders: Contender[] = [
  { name: 'volet generate --no-typecheck', run: () => voletRun(voletCommand, false), runs },
  { name: '  same, compile cache off', run: () => voletRun(voletCommand, false, { VOLET_COMPILE_CACHE: 'off' }), runs },
  { name: 'volet check', run: () => checkRun(voletCommand), runs },
  { name: 'volet generate (with type check)', run: () => voletRun(voletCommand, true), runs: Math.max(1, Math.ceil(runs / 2)) },
];
if (beforeBuild !== undefined) {
  contenders.push(
    { name: 'before: generate --no-typecheck', run: () => voletRun([beforeBuild], false), runs },
    { name: 'before: check', run: () => checkRun([beforeBuild]), runs },
    { name: 'before: generate (with type check)', run: () => voletRun([beforeBuild], true), runs: Math.max(1, Math.ceil(runs / 2)) },
  );
}
if (existsSync(peer)) contenders.push({ name: 'wsdl-tsclient 1.7.1', run: peerRun, runs });
else console.log(`wsdl-tsclient not installed (${peer}): npm install`);
for (const c of contenders) c.run(); // warm-up (file cache, tsx cache, volet's compile cache)
// Round-robin, so that a change in the machine's load affects every contender alike.
const results: [string, number[]][] = contenders.map((c) => [c.name, []]);
for (let i = 0; i < runs; i++) {
  contenders.forEach((c, k) => {
    const times = results[k]?.[1];
    if (i >= c.runs || times === undefined) return;
    times.push(c.run());
    if (lastCpu !== null) cpuOf.set(times, [...(cpuOf.get(times) ?? []), lastCpu]);
  });
}

console.log(`DMP: ${wsdls.length} WSDLs; cold child processes; volet from ${voletBuild ?? (distFresh ? 'bin/volet.js (bundle)' : 'source via tsx')}`);
const load = (l: number[]): string => l.map((x) => x.toFixed(1)).join(' ');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${load(loadBefore)} before, ${load(loadavg())} after`,
);
for (const [name, times] of results) {
  const cpu = cpuOf.get(times);
  console.log(
    `${name.padEnd(36)} median ${median(times).toFixed(0)} ms (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)}) over ${times.length} runs` +
      (cpu === undefined ? '' : `; CPU median ${median(cpu).toFixed(0)} ms`),
  );
}
const other = results.find(([n]) => n.startsWith('wsdl-tsclient'));
if (other !== undefined) {
  const otherCpu = cpuOf.get(other[1]);
  for (const [name, times] of results) {
    if (name === other[0] || name.startsWith(' ')) continue;
    const cpu = cpuOf.get(times);
    const cpuRatio = otherCpu === undefined || cpu === undefined ? '' : `, ${(median(otherCpu) / median(cpu)).toFixed(1)}× CPU`;
    console.log(`wsdl-tsclient / ${name}: ${(median(other[1]) / median(times)).toFixed(1)}× wall${cpuRatio} (medians)`);
  }
}
