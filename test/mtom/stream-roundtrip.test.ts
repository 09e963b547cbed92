/**
 * Streamed MTOM both ways over mutual TLS, through the generated XDS.b repository client: a
 * 64 MiB ITI-41 upload from a stream and a 64 MiB ITI-43 retrieve into a folder. The server
 * hashes what it receives and generates what it sends from a seed, so the SHA-256s are checked
 * against an independent computation; the client runs in a child process whose memory must stay
 * well below the document size (a bound on memory, not on time): rss, and the Buffers held,
 * sampled after a forced GC every 100 ms (without it, V8 lets tens of MiB of dead Buffers wait
 * for a collection, which says nothing about what the code keeps).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { seededSha256, startStreamingXdsServer, type StreamingXdsServer } from './helpers/streaming-xds-server.js';
import type { StreamClientArgs, StreamClientResult } from './helpers/stream-client.js';

const SIZE = 64 * 1024 * 1024;
/**
 * Bounds, generous for a shared 2-core machine under load (where collections and the sweeping of
 * dead Buffers lag): holding either document would alone add 64 MiB (the buffered path measures
 * about 2.3 copies); streamed, the child measures about 10 MiB on a quiet machine.
 */
const RSS_BOUND_MB = 48;
/** Bound on the Buffers held (sampled right after full collections): half the document. */
const LIVE_BOUND_MB = 32;
const run = promisify(execFile);

let pki: TestPki;
let server: StreamingXdsServer;
let dir: string;

before(async () => {
  pki = await sharedTestPki();
  server = await startStreamingXdsServer({ keyPem: pki.server.keyPem, certPem: pki.server.chainPem, caPem: pki.caBundlePem }, SIZE);
  dir = mkdtempSync(join(tmpdir(), 'volet-mtom-stream-'));
});
after(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('64 MiB up and down, streamed: identical bytes, client memory well below the document size', async () => {
  const out = join(dir, 'attachments');
  const args: StreamClientArgs = {
    url: server.url,
    caFile: pki.caBundleFile,
    p12File: pki.orgAuth.p12File,
    passphrase: pki.passphrase,
    bytes: SIZE,
    dir: out,
    liveSamples: true,
  };
  // The helper next to this file, with its extension (.ts from source, .js in dist), run with the same loader flags.
  const self = fileURLToPath(import.meta.url);
  const client = fileURLToPath(new URL(`./helpers/stream-client${self.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));
  const { stdout } = await run(process.execPath, [...process.execArgv, '--expose-gc', client, JSON.stringify(args)], { maxBuffer: 1024 * 1024 });
  const r = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as StreamClientResult;
  if (process.env.VOLET_TEST_VERBOSE !== undefined) console.log(r);
  const expected = await seededSha256('document', SIZE);

  // Upload: what the generator produced, what the client hashed and what the server received agree.
  const upload = server.uploads.at(-1);
  assert.equal(upload?.parts.length, 1);
  assert.equal(upload?.parts[0]?.bytes, SIZE);
  assert.equal(upload?.parts[0]?.sha256, expected);
  assert.equal(r.uploadSha256, expected);
  // Download: the file holds the generated document.
  assert.equal(r.downloadBytes, SIZE);
  assert.equal(r.downloadSha256, expected);
  assert.equal(statSync(r.downloadFile as string).size, SIZE);
  assert.ok(
    readdirSync(out).some((f) => f.startsWith('doc-1@urn_ihe_iti_xds-b_2007')),
    'file named from the Content-ID',
  );

  // Memory: buffering either document would hold 64 MiB at least.
  assert.ok(r.rssGrowthMb < RSS_BOUND_MB, `rss grew by ${r.rssGrowthMb.toFixed(1)} MiB for a ${SIZE / 1024 / 1024} MiB document (bound ${RSS_BOUND_MB})`);
  const live = r.liveArrayBuffersGrowthMb ?? Number.POSITIVE_INFINITY;
  assert.ok(live < LIVE_BOUND_MB, `Buffers held grew by ${live.toFixed(1)} MiB (bound ${LIVE_BOUND_MB})`);
});
