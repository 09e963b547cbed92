/**
 * The client side of the streamed-MTOM test and bench, meant to run alone in a child process:
 * through the generated XDS.b repository client, an ITI-41 upload of a document streamed from a
 * seeded generator (hashed as it is produced) and an ITI-43 retrieve whose document goes to a
 * folder or a hashing sink. Reports both SHA-256s and how far memory rose above the baseline
 * taken after a small warm-up round trip.
 * Usage: node --import tsx --conditions=volet-source test/mtom/helpers/stream-client.ts '<json StreamClientArgs>'
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { attachmentFromStream, isReceivedAttachment, type ReceivedAttachment } from '@volet/runtime';
import { DocumentRepositoryClient } from '../../../generated/xds-repository/index.js';
import { seededBytes } from './streaming-xds-server.js';

/** Arguments (one JSON command-line argument). */
export interface StreamClientArgs {
  readonly url: string;
  readonly caFile: string;
  readonly p12File: string;
  readonly passphrase: string;
  /** Document size in bytes, both ways. */
  readonly bytes: number;
  /** Download into this folder; without it, into a hashing sink. */
  readonly dir?: string;
  /** Also sample memory after a forced GC (needs --expose-gc; slows the run a little). */
  readonly liveSamples?: boolean;
}

/** What the child prints (one JSON line). */
export interface StreamClientResult {
  readonly uploadSha256: string;
  readonly downloadSha256: string;
  readonly downloadBytes: number;
  readonly downloadFile: string | undefined;
  readonly uploadSeconds: number;
  readonly downloadSeconds: number;
  /** Peak of sampled `rss` above the baseline, MiB. */
  readonly rssGrowthMb: number;
  /** Peak of sampled `arrayBuffers` (Buffers included) above the baseline, MiB (dead buffers not yet collected included). */
  readonly arrayBuffersGrowthMb: number;
  /** With `liveSamples`: peak of `arrayBuffers` right after a full GC, every 100 ms, above the baseline, MiB. */
  readonly liveArrayBuffersGrowthMb: number | undefined;
  /** getrusage maxRSS at the end above the sampled baseline rss, MiB (a high-water mark: includes start-up). */
  readonly maxRssOverBaselineMb: number;
  readonly baselineRssMb: number;
}

const MB = 1024 * 1024;

async function* hashing(source: AsyncIterable<Buffer>, hash: ReturnType<typeof createHash>): AsyncGenerator<Buffer> {
  for await (const b of source) {
    hash.update(b);
    yield b;
  }
}

async function roundTrip(
  client: DocumentRepositoryClient,
  bytes: number,
  seed: string,
  dir: string | undefined,
  onPhase: (phase: string) => void = () => undefined,
): Promise<Omit<StreamClientResult, 'rssGrowthMb' | 'arrayBuffersGrowthMb' | 'liveArrayBuffersGrowthMb' | 'maxRssOverBaselineMb' | 'baselineRssMb'>> {
  const up = createHash('sha256');
  const t0 = performance.now();
  const registry = await client.provideAndRegisterDocumentSet({
    SubmitObjectsRequest: { RegistryObjectList: {} },
    Document: [
      { id: 'Document01', $value: attachmentFromStream(hashing(seededBytes(seed, bytes), up), { size: bytes, contentType: 'application/octet-stream' }) },
    ],
  });
  if (!registry.status.endsWith(':Success')) throw new Error(`upload refused: ${registry.status}`);
  const t1 = performance.now();
  onPhase('download');
  const down = createHash('sha256');
  const response = await client.retrieveDocumentSet(
    { DocumentRequest: [{ RepositoryUniqueId: '1.2.3', DocumentUniqueId: `${seed}-${bytes}` }] },
    {
      attachments:
        dir !== undefined
          ? { dir }
          : {
              sink: () =>
                new Writable({
                  highWaterMark: 256 * 1024,
                  write(chunk: Buffer, _enc, cb) {
                    down.update(chunk);
                    cb();
                  },
                }),
            },
    },
  );
  const t2 = performance.now();
  const document: unknown = response.DocumentResponse?.[0]?.Document;
  if (!isReceivedAttachment(document)) throw new Error('the document was not streamed');
  const received: ReceivedAttachment = document;
  if (received.path !== undefined) for await (const b of createReadStream(received.path)) down.update(b as Buffer);
  return {
    uploadSha256: up.digest('hex'),
    downloadSha256: down.digest('hex'),
    downloadBytes: received.size,
    downloadFile: received.path,
    uploadSeconds: (t1 - t0) / 1000,
    downloadSeconds: (t2 - t1) / 1000,
  };
}

/** Runs the round trip and measures memory. */
export async function runStreamClient(args: StreamClientArgs): Promise<StreamClientResult> {
  const client = new DocumentRepositoryClient({
    endpoint: `${args.url}/repository`,
    timeoutMs: 3_600_000,
    // A loaded shared machine can take seconds to finish a handshake.
    tls: { connectTimeoutMs: 120_000, trust: { caFile: args.caFile }, credentials: { pfxFile: args.p12File, passphrase: args.passphrase } },
  });
  try {
    // Warm-up: code loaded, TLS session and pool up, before the baseline.
    await roundTrip(client, 64 * 1024, 'warmup', args.dir);
    (globalThis as { gc?: () => void }).gc?.();
    const base = process.memoryUsage();
    let rss = base.rss;
    let arrayBuffers = base.arrayBuffers;
    const phases: Record<string, number> = {};
    let phase = 'upload';
    let live = base.arrayBuffers;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      rss = Math.max(rss, m.rss);
      arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers);
      phases[phase] = Math.max(phases[phase] ?? 0, (m.arrayBuffers - base.arrayBuffers) / MB);
    }, 5);
    // What is really held (garbage collected first): the part of the growth that is not GC lag.
    const collect = (globalThis as { gc?: () => void }).gc;
    const liveSampler =
      collect === undefined || args.liveSamples !== true
        ? undefined
        : setInterval(() => {
            collect();
            // Backing stores are freed by a concurrent sweeper: a second collection a turn later counts them.
            setImmediate(() => {
              collect();
              live = Math.max(live, process.memoryUsage().arrayBuffers);
            });
          }, 100);
    const result = await roundTrip(client, args.bytes, 'document', args.dir, (p) => {
      phase = p;
    });
    if (process.env['VOLET_TEST_VERBOSE'] !== undefined) process.stderr.write(`arrayBuffers growth by phase (MiB): ${JSON.stringify(phases)}\n`);
    clearInterval(sampler);
    if (liveSampler !== undefined) clearInterval(liveSampler);
    const end = process.memoryUsage();
    rss = Math.max(rss, end.rss);
    arrayBuffers = Math.max(arrayBuffers, end.arrayBuffers);
    return {
      ...result,
      rssGrowthMb: (rss - base.rss) / MB,
      arrayBuffersGrowthMb: (arrayBuffers - base.arrayBuffers) / MB,
      liveArrayBuffersGrowthMb: liveSampler === undefined ? undefined : (live - base.arrayBuffers) / MB,
      maxRssOverBaselineMb: (process.resourceUsage().maxRSS * 1024 - base.rss) / MB,
      baselineRssMb: base.rss / MB,
    };
  } finally {
    client.soap.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '\0')) {
  const args = JSON.parse(process.argv[2] ?? '{}') as StreamClientArgs;
  runStreamClient(args).then(
    (r) => process.stdout.write(JSON.stringify(r) + '\n'),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
