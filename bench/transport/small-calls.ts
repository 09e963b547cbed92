/**
 * Benchmark (a): sequential small SOAP calls over mutual TLS with keep-alive on loopback, through
 * HttpsTransport and through a bare node:https loop with the same agent settings. Each client runs
 * in its own process, alternating, against one server process; the median of the runs is reported.
 * Usage: node --import tsx --conditions=volet-source bench/transport/small-calls.ts [runs=5] [calls=2000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPki, median, runChild, sibling, startChild } from './child.js';

interface Result {
  readonly kind: 'volet' | 'bare';
  readonly perSecond: number;
  readonly cpuMicrosPerCall: number;
}

const runs = Number(process.argv[2] ?? 5);
const calls = Number(process.argv[3] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'volet-bench-'));
try {
  const paths = await benchPki(dir);
  const worker = sibling(import.meta.url, 'small-calls-worker');
  const server = await startChild<{ port: number }>(worker, ['server', paths]);
  const results: Record<'volet' | 'bare', number[]> = { volet: [], bare: [] };
  const cpu: Record<'volet' | 'bare', number[]> = { volet: [], bare: [] };
  try {
    for (let r = 0; r < runs; r++) {
      const order: ('volet' | 'bare')[] = r % 2 === 0 ? ['volet', 'bare'] : ['bare', 'volet'];
      for (const kind of order) {
        const res = await runChild<Result>(worker, [kind, paths, String(server.first.port), String(calls)]);
        results[kind].push(res.perSecond);
        cpu[kind].push(res.cpuMicrosPerCall);
      }
    }
  } finally {
    server.child.stdin?.end();
  }
  const volet = median(results.volet);
  const bare = median(results.bare);
  const fmt = (xs: number[]): string => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`\nSequential small calls, mutual TLS + keep-alive, loopback (${runs} runs x ${calls} calls, median)\n`);
  console.log('| client | calls/s (median) | client CPU µs/call (median) | calls/s per run |');
  console.log('|---|---:|---:|---|');
  console.log(`| HttpsTransport | ${volet.toFixed(0)} | ${median(cpu.volet).toFixed(0)} | ${fmt(results.volet)} |`);
  console.log(`| bare node:https loop | ${bare.toFixed(0)} | ${median(cpu.bare).toFixed(0)} | ${fmt(results.bare)} |`);
  console.log(`\nratio HttpsTransport / bare = ${(volet / bare).toFixed(2)} (target >= 0.80)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
