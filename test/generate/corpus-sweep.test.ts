/**
 * The whole corpus through `volet generate` and `tsc` (TypeScript 7.0, strict, nodenext): every
 * `.wsdl` that loads must give code that compiles; the counts are printed. Runs the sweep script
 * of bench/generate in a child process (it needs its own compiler run over all the outputs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { corpusSkipReason, repoRoot } from '../support/paths.js';

test('every corpus WSDL that loads generates code that compiles (counts printed)', { skip: corpusSkipReason }, (t) => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--conditions=volet-source', join(repoRoot, 'bench', 'generate', 'corpus-sweep.ts'), '--tsc', '7.0'],
    { cwd: repoRoot, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024 },
  );
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  for (const line of lines.filter((l) => /^(corpus|generated|not generated|generation)/.test(l))) t.diagnostic(line);
  const count = (label: string): number => {
    const line = lines.find((l) => l.startsWith(label));
    assert.ok(line !== undefined, `no "${label}" line in:\n${run.stdout}`);
    return Number(/(\d+)\s*$/.exec(line)?.[1]);
  };
  assert.equal(count('generated, not compiling:'), 0, run.stdout);
  assert.ok(count('generated + compiled') >= 140, run.stdout);
});
