/**
 * The short commands' V8 setting (generator/cli/jit-budget.ts) is set only where V8 knows the flag:
 * a flag a V8 does not know makes it print an error on standard error. Run on every supported Node
 * (this folder is part of the per-version CI run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { budgetFlagKnown, setCliJitBudget } from '../../generator/cli/jit-budget.js';
import { repoRoot } from '../support/paths.js';

test('the flag is used on V8 11 (Node 20) only', () => {
  assert.equal(budgetFlagKnown('11.3.244.8-node.33'), true);
  assert.equal(budgetFlagKnown('12.4.254.21-node.33'), false);
  assert.equal(budgetFlagKnown('14.1.146.11-node.12'), false);
  assert.equal(setCliJitBudget(['decode']), null, 'long commands keep the default');
});

test('a short command prints nothing on standard error on this Node', () => {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'volet.js'), 'init', '--help'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const flagged = spawnSync(
    process.execPath,
    [
      '-e',
      `require('node:v8'); import('${join(repoRoot, 'dist', 'generator', 'cli', 'jit-budget.js').replaceAll('\\', '/')}').then((m) => m.setCliJitBudget(['check']))`,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(flagged.status, 0, flagged.stderr);
  assert.equal(flagged.stderr, '', `Node ${process.version}`);
});
