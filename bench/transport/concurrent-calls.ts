/**
 * Benchmark (c): many calls at once through one generated client. 64 calls in flight (by default)
 * through the generated INSi and XDS.b registry (ITI-18) clients against a local mutual-TLS
 * keep-alive server, versus a bare node:https loop sending the same bytes with the same agent
 * settings and TLS context at the same concurrency, reading each answer whole (and, for comparison
 * with the first version of this bench, the same loop with `pfx` among its agent options). Each client runs in its own process, alternating, against one
 * server process; each makes 3,000 warm-up calls first (handshakes, JIT), then the measured ones;
 * medians of the runs are reported with client CPU (user/system) per call and p50/p99 latencies.
 * The server's CPU per call over each measured phase is printed too, with 2 cores / (client + server
 * CPU per call): what the two processes could reach if the two cores were their only limit.
 * Usage: node --import tsx --conditions=volet-source bench/transport/concurrent-calls.ts
 *          [runs=5] [calls=4000] [inFlight=64] [maxSockets=8] [iti18Entries=1] [beforeCheckout]
 * `beforeCheckout`: a checkout of an earlier commit (its own node_modules/@volet/runtime pointing at its
 * own runtime/): its generated client runs as one more contender, for before/after in the same run.
 * An ITI-18 answer entry is one ExtrinsicObject of the official TD3.1 example (about 11 KB).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { benchPki, median, sibling, startChild } from './child.js';

interface Result {
  readonly perSecond: number;
  readonly cpuMicrosPerCall: number;
  readonly user: number;
  readonly system: number;
  readonly p50: number;
  readonly p99: number;
  /** Server CPU per call over the measured phase, µs (filled in by this script). */
  serverMicrosPerCall: number;
}

type Kind = 'volet' | 'bare' | 'bare-pfx' | 'before';
const runs = Number(process.argv[2] ?? 5);
const calls = Number(process.argv[3] ?? 4000);
const inFlight = Number(process.argv[4] ?? 64);
const maxSockets = Number(process.argv[5] ?? 8);
const entries = Number(process.argv[6] ?? 1);
const beforeCheckout = process.argv[7];
const dir = mkdtempSync(join(tmpdir(), 'volet-bench-'));
try {
  const paths = await benchPki(dir);
  const worker = sibling(import.meta.url, 'concurrent-calls-worker');
  const server = await startChild<{ port: number }>(worker, ['server', paths, String(entries)]);
  try {
    console.log(
      `\n${inFlight} calls in flight through one client, mutual TLS + keep-alive (maxSockets ${maxSockets}), loopback, ITI-18 answers of ${entries} entries; ${runs} runs x ${calls} calls, medians\n`,
    );
    console.log(
      '| service | client | calls/s | client CPU µs/call | user µs | system µs | server CPU µs/call | 2 cores / (client + server CPU) | p50 ms | p99 ms |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    const serverCpu = async (): Promise<number> => {
      server.child.stdin?.write('cpu\n');
      const u = await server.next<{ user: number; system: number }>();
      return u.user + u.system;
    };
    // One client run: the server's CPU time is read after the client's warm-up and after its measured calls.
    const measure = async (script: string, args: string[]): Promise<Result> => {
      const child = await startChild<{ warm: boolean }>(script, args);
      const before = await serverCpu();
      child.child.stdin?.write('go\n');
      const result = await child.next<Result>();
      result.serverMicrosPerCall = ((await serverCpu()) - before) / calls;
      await new Promise<void>((resolve) => (child.child.exitCode === null ? child.child.once('exit', () => resolve()) : resolve()));
      return result;
    };
    const ratios: string[] = [];
    for (const service of ['insi', 'iti18'] as const) {
      const results: Record<Kind, Result[]> = { volet: [], bare: [], 'bare-pfx': [], before: [] };
      const kinds: Kind[] = beforeCheckout === undefined ? ['volet', 'bare', 'bare-pfx'] : ['volet', 'before', 'bare', 'bare-pfx'];
      for (let r = 0; r < runs; r++) {
        const order: Kind[] = r % 2 === 0 ? kinds : [...kinds].reverse();
        for (const kind of order) {
          const script = kind === 'before' ? join(beforeCheckout ?? '', 'bench', 'transport', basename(worker)) : worker;
          results[kind].push(
            await measure(script, [
              kind === 'before' ? 'volet' : kind,
              paths,
              String(server.first.port),
              service,
              String(calls),
              String(inFlight),
              String(maxSockets),
            ]),
          );
        }
      }
      const row = (kind: Kind, label: string): number => {
        const rs = results[kind];
        const m = (f: (x: Result) => number): number => median(rs.map(f));
        console.log(
          `| ${service} | ${label} | ${m((x) => x.perSecond).toFixed(0)} | ${m((x) => x.cpuMicrosPerCall).toFixed(0)} | ${m((x) => x.user).toFixed(0)} | ${m((x) => x.system).toFixed(0)} | ${m((x) => x.serverMicrosPerCall).toFixed(0)} | ${m((x) => 2e6 / (x.cpuMicrosPerCall + x.serverMicrosPerCall)).toFixed(0)} | ${m((x) => x.p50).toFixed(2)} | ${m((x) => x.p99).toFixed(2)} |`,
        );
        return m((x) => x.perSecond);
      };
      const v = row('volet', 'generated client');
      if (beforeCheckout !== undefined) row('before', 'generated client, before');
      const b = row('bare', 'bare node:https');
      const old = row('bare-pfx', 'bare, pfx in agent options');
      ratios.push(`${service}: ${(v / b).toFixed(2)} (against the pfx loop: ${(v / old).toFixed(2)})`);
    }
    console.log(`\nthroughput ratio generated client / bare (target >= 0.80): ${ratios.join(', ')}`);
  } finally {
    server.child.stdin?.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
