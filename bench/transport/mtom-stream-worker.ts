/**
 * Worker of mtom-stream.ts.
 * `server <pkiJson> <maxBytes>`: the streaming XDS.b repository of the tests (uploads hashed as they
 * arrive, retrieved documents generated from a seed); prints its port, then one line per upload.
 * `client <argsJson>`: the streamed ITI-41 upload and ITI-43 retrieve through the generated client;
 * prints the hashes and memory figures.
 */
import { readFileSync } from 'node:fs';
import { runStreamClient, type StreamClientArgs } from '../../test/mtom/helpers/stream-client.js';
import { startStreamingXdsServer } from '../../test/mtom/helpers/streaming-xds-server.js';

interface PkiPaths {
  readonly ca: string;
  readonly serverKey: string;
  readonly serverCert: string;
}

const [mode, json, maxText] = process.argv.slice(2);

if (mode === 'server') {
  const pki = JSON.parse(json ?? '{}') as PkiPaths;
  const server = await startStreamingXdsServer(
    { keyPem: readFileSync(pki.serverKey, 'utf8'), certPem: readFileSync(pki.serverCert, 'utf8'), caPem: readFileSync(pki.ca, 'utf8') },
    Number(maxText),
  );
  const base = process.memoryUsage().rss;
  process.stdout.write(JSON.stringify({ port: server.port, baselineRssMb: base / 1024 / 1024 }) + '\n');
  let reported = 0;
  const timer = setInterval(() => {
    while (reported < server.uploads.length) {
      const upload = server.uploads[reported++];
      process.stdout.write(JSON.stringify({ ...upload?.parts[0], peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
    }
  }, 50);
  process.stdin.resume();
  process.stdin.on('end', () => {
    clearInterval(timer);
    void server.close().then(() => process.exit(0));
  });
} else if (mode === 'client') {
  const result = await runStreamClient(JSON.parse(json ?? '{}') as StreamClientArgs);
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  throw new Error('usage: mtom-stream-worker.ts server <pkiJson> <maxBytes> | client <argsJson>');
}
