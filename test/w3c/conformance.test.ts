/**
 * The W3C XML Schema suite in `npm test`: a fixed stratified sample (every 8th group of each
 * contributor, in index order) plus every group that failed in a full run (known-groups.ts), through
 * the whole runner — generate, type-check, decode, encode, compare, xmllint. Each case must pass,
 * except the failures docs/conformance.md explains (their list is in known-groups.ts). The full
 * suite is `npm run conformance` (about 6 minutes alone).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { xmllintSkipReason } from '../support/xmllint.js';
import { loadSuite, passed, runGroups, w3cSkipReason, type SuiteGroup } from './conformance.js';
import { EXPECTED_FAILURES, EVER_FAILED } from './known-groups.js';

/** Every `step`-th group of each contributor, plus the groups that ever failed. */
function selection(groups: readonly SuiteGroup[], step: number): SuiteGroup[] {
  const seen = new Map<string, number>();
  return groups.filter((g) => {
    const n = seen.get(g.contributor) ?? 0;
    seen.set(g.contributor, n + 1);
    return n % step === 0 || EVER_FAILED.has(g.group);
  });
}

test('W3C XSD suite: stratified sample and every group that ever failed', { skip: w3cSkipReason || xmllintSkipReason }, () => {
  const groups = selection(loadSuite(), 8);
  const outcomes = runGroups(groups);
  const unexpected = outcomes.filter((c) => !passed(c) && !EXPECTED_FAILURES.has(`${c.group} ${c.instance}`));
  const report = unexpected.slice(0, 20).map((c) => `${c.group} ${c.instance}: ${c.stage ?? ''}: ${c.message}`);
  assert.equal(unexpected.length, 0, `${unexpected.length} of ${outcomes.length} cases fail:\n${report.join('\n')}`);
  assert.ok(outcomes.length > 1000, `the sample holds ${outcomes.length} cases`);
});
