/**
 * Soak benchmark, the long version of test/soak/soak.test.ts: N INSi searches (default 100,000),
 * 32 in flight, through one generated client (mutual TLS, keep-alive, `tlsi` profile) against the
 * in-process simulators. Prints calls/s, RSS at start and end, and the heap after a full GC every
 * tenth of the run; fails (exit 1) if a call is not answered or a handle is left open.
 * Usage: node --import tsx --conditions=volet-source bench/transport/soak.bench.ts [calls=100000] [concurrency=32]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '../../simulator/pki/index.js';
import { runSoak } from '../../test/support/soak.js';

const calls = Number(process.argv[2] ?? 100_000);
const concurrency = Number(process.argv[3] ?? 32);
const MiB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'volet-soak-'));
try {
  const pki = await createTestPki(dir);
  const checkpoints = Array.from({ length: 10 }, (_, i) => Math.round(((i + 1) * calls) / 10));
  console.log(
    `soak: ${calls} calls, ${concurrency} in flight; ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}, node ${process.version}`,
  );
  console.log('| calls | heap after GC (MiB) | RSS (MiB) |');
  console.log('|---:|---:|---:|');
  const result = await runSoak({
    pki,
    calls,
    concurrency,
    checkpoints,
    onCheckpoint: (n, heap, rss) => console.log(`| ${n} | ${(heap / MiB).toFixed(1)} | ${(rss / MiB).toFixed(0)} |`),
  });
  const perSecond = (result.calls / result.elapsedMs) * 1000;
  console.log(`\n${result.answered}/${result.calls} answered in ${(result.elapsedMs / 1000).toFixed(1)} s: ${perSecond.toFixed(0)} calls/s`);
  console.log(
    `RSS start ${(result.rssStart / MiB).toFixed(0)} MiB, end ${(result.rssEnd / MiB).toFixed(0)} MiB; at most ${result.maxSocketsSeen} network handles at once; left open: ${result.leftoverHandles.length}`,
  );
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  if (result.errors.length > 0) console.log(`errors: ${result.errors.join(' | ')}`);
  if (result.answered !== calls || result.leftoverHandles.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
