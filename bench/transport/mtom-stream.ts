/**
 * Benchmark: streamed MTOM both ways with a large document. Through the generated XDS.b
 * repository client, over mutual TLS on loopback: an ITI-41 upload whose document is streamed from
 * a seeded generator, then an ITI-43 retrieve whose document goes to a hashing sink. The server
 * (its own process) streams too: it hashes what it receives and generates what it sends, so
 * neither its memory nor the disk grows with the document. Checks the three SHA-256s (generator,
 * server, client) and reports the client's memory above its baseline (taken after a warm-up round
 * trip): getrusage maxRSS (a high-water mark) and sampled rss / arrayBuffers.
 * Usage: node --import tsx --conditions=volet-source bench/transport/mtom-stream.ts [megabytes=1024]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '../../simulator/pki/index.js';
import type { StreamClientArgs, StreamClientResult } from '../../test/mtom/helpers/stream-client.js';
import { seededSha256 } from '../../test/mtom/helpers/streaming-xds-server.js';
import { runChild, sibling, startChild } from './child.js';

const megabytes = Number(process.argv[2] ?? 1024);
const bytes = megabytes * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'volet-bench-'));
try {
  const pki = await createTestPki(dir);
  const worker = sibling(import.meta.url, 'mtom-stream-worker');
  const server = await startChild<{ port: number; baselineRssMb: number }>(worker, [
    'server',
    JSON.stringify({ ca: pki.caBundleFile, serverKey: pki.server.keyFile, serverCert: pki.server.chainFile }),
    String(bytes),
  ]);
  try {
    const uploads = (async (): Promise<{ sha256: string; bytes: number; peakRssMb: number }> => {
      for (;;) {
        const line = await server.next<{ sha256: string; bytes: number; peakRssMb: number }>();
        if (line.bytes === bytes) return line;
      }
    })();
    const args: StreamClientArgs = {
      url: `https://localhost:${server.first.port}`,
      caFile: pki.caBundleFile,
      p12File: pki.orgAuth.p12File,
      passphrase: pki.passphrase,
      bytes,
    };
    const client = await runChild<StreamClientResult>(worker, ['client', JSON.stringify(args)], ['--expose-gc']);
    const upload = await uploads;
    const expected = await seededSha256('document', bytes);
    const identical = client.uploadSha256 === expected && upload.sha256 === expected && client.downloadSha256 === expected && client.downloadBytes === bytes;
    if (!identical)
      throw new Error(
        `bytes differ: generator ${expected}, client sent ${client.uploadSha256}, server got ${upload.sha256}, client received ${client.downloadSha256}`,
      );
    const mbps = (s: number): string => (megabytes / s).toFixed(0);
    console.log(`\nStreamed MTOM, ${megabytes} MiB document each way, generated XDS.b client, mutual TLS on loopback\n`);
    console.log('| measure | value |');
    console.log('|---|---:|');
    console.log(`| ITI-41 upload (stream → XOP part) | ${client.uploadSeconds.toFixed(1)} s (${mbps(client.uploadSeconds)} MiB/s) |`);
    console.log(
      `| ITI-43 retrieve (multipart parsed as it arrives → hashing sink) | ${client.downloadSeconds.toFixed(1)} s (${mbps(client.downloadSeconds)} MiB/s) |`,
    );
    console.log(`| client peak RSS over baseline (getrusage maxRSS) | ${client.maxRssOverBaselineMb.toFixed(0)} MiB |`);
    console.log(`| client rss over baseline (sampled every 5 ms) | ${client.rssGrowthMb.toFixed(0)} MiB |`);
    console.log(`| client arrayBuffers over baseline (sampled) | ${client.arrayBuffersGrowthMb.toFixed(0)} MiB |`);
    console.log(`| client baseline rss | ${client.baselineRssMb.toFixed(0)} MiB |`);
    console.log(`| server peak RSS over its baseline (at the end of the upload) | ${(upload.peakRssMb - server.first.baselineRssMb).toFixed(0)} MiB |`);
    console.log(`\nSHA-256 identical (generator, server, client both ways): ${expected}; target: client ≤ 64 MiB over baseline`);
  } finally {
    server.child.stdin?.end();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
