/**
 * Benchmark (b): peak memory of an MTOM round trip with a large document: encode → HTTPS POST with
 * mutual TLS on loopback → the server splits the upload and sends the document back as an
 * ITI-43-like MTOM response → the client decodes it and compares the bytes. Client and server run
 * in separate processes; each reports its peak RSS (getrusage maxRSS) above its own baseline.
 * Both response framings are measured: with Content-Length (the body is filled into one buffer as
 * it arrives) and chunked (the chunks are joined at the end: one more transient copy).
 * Usage: node --import tsx --conditions=volet-source bench/transport/mtom-memory.ts [megabytes=100] [runs=3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPki, median, runChild, sibling, startChild } from './child.js';

interface ClientResult {
  readonly megabytes: number;
  readonly identical: boolean;
  readonly seconds: number;
  readonly baselineRssMb: number;
  readonly peakRssMb: number;
  readonly overBaselineMb: number;
}

const megabytes = Number(process.argv[2] ?? 100);
const runs = Number(process.argv[3] ?? 3);
const framings = ['length', 'chunked'] as const;
const dir = mkdtempSync(join(tmpdir(), 'volet-bench-'));
try {
  const paths = await benchPki(dir);
  const worker = sibling(import.meta.url, 'mtom-memory-worker');
  const rows: string[] = [];
  const times: number[] = [];
  for (const framing of framings) {
    const clients: ClientResult[] = [];
    const servers: number[] = [];
    for (let r = 0; r < runs; r++) {
      // A fresh server per run: maxRSS is a per-process high-water mark.
      const server = await startChild<{ port: number; baselineRssMb: number }>(worker, ['server', paths, '-', '-', framing]);
      try {
        // The server reports after each answer; the warm-up call comes first, then the large document.
        const served = (async (): Promise<number> => {
          for (;;) {
            const line = await server.next<{ bytes: number; peakRssMb: number }>();
            if (line.bytes >= megabytes * 1024 * 1024) return line.peakRssMb;
          }
        })();
        const res = await runChild<ClientResult>(worker, ['client', paths, String(server.first.port), String(megabytes)], ['--expose-gc']);
        if (!res.identical) throw new Error('the document came back different');
        clients.push(res);
        servers.push((await served) - server.first.baselineRssMb);
      } finally {
        server.child.stdin?.end();
      }
    }
    const over = median(clients.map((c) => c.overBaselineMb));
    const srv = median(servers);
    times.push(...clients.map((c) => c.seconds));
    const label = framing === 'length' ? 'response with Content-Length' : 'chunked response';
    rows.push(
      `| client: encode, POST, receive, decode, compare (${label}) | ${over.toFixed(0)} | ${(over / megabytes).toFixed(2)} | ${clients.map((c) => c.overBaselineMb.toFixed(0)).join(', ')} |`,
    );
    rows.push(
      `| server: receive, split, answer (${label}) | ${srv.toFixed(0)} | ${(srv / megabytes).toFixed(2)} | ${servers.map((s) => s.toFixed(0)).join(', ')} |`,
    );
  }
  console.log(`\nMTOM round trip, ${megabytes} MiB document, mutual TLS on loopback (${runs} runs per framing, median)\n`);
  console.log('| process | peak RSS over baseline (MiB) | in document copies | per run (MiB) |');
  console.log('|---|---:|---:|---|');
  for (const row of rows) console.log(row);
  console.log(
    `\nclient round trip ${median(times).toFixed(2)} s (median); bytes identical in every run; target: client well under 3 copies (${3 * megabytes} MiB)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
