/**
 * `npm run conformance`: the whole W3C suite through the runner (conformance.ts), then the score by
 * contributor and by category and every failing case with its step and message, as Markdown on
 * stdout (the tables of docs/conformance.md come from it). Options:
 *   --no-typecheck       skip the type-check of the emitted TypeScript (faster);
 *   --json <file>        also write every outcome as JSON;
 *   --only <substring>   run the groups whose name contains the substring.
 *
 * Run: node --import tsx --conditions=volet-source test/w3c/report.ts [options]
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { loadSuite, passed, runGroups, w3cRoot, w3cSkipReason, type CaseOutcome } from './conformance.js';

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};

if (w3cSkipReason !== false) {
  console.error(w3cSkipReason);
  process.exit(1);
}
const only = option('--only');
const groups = loadSuite().filter((g) => only === undefined || g.group.includes(only));
const start = performance.now();
const outcomes = runGroups(groups, {
  typecheck: !argv.includes('--no-typecheck'),
  progress: (done) => process.stderr.write(`\r${done}/${groups.length} groups, ${Math.round((performance.now() - start) / 1000)} s`),
});
process.stderr.write('\n');
const seconds = Math.round((performance.now() - start) / 1000);
const json = option('--json');
if (json !== undefined) writeFileSync(json, JSON.stringify(outcomes, null, 1) + '\n');

const pct = (n: number, total: number): string => (total === 0 ? '–' : `${((100 * n) / total).toFixed(2)} %`);
function table(title: string, key: (c: CaseOutcome) => string): string[] {
  const rows = new Map<string, { total: number; pass: number }>();
  for (const c of outcomes) {
    const row = rows.get(key(c)) ?? { total: 0, pass: 0 };
    row.total++;
    if (passed(c)) row.pass++;
    rows.set(key(c), row);
  }
  const lines = [`| ${title} | cases | pass | fail | score |`, '|---|---:|---:|---:|---:|'];
  for (const [name, r] of [...rows].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
    lines.push(`| ${name} | ${r.total} | ${r.pass} | ${r.total - r.pass} | ${pct(r.pass, r.total)} |`);
  return lines;
}

const failures = outcomes.filter((c) => !passed(c));
const pass = outcomes.length - failures.length;
const timedOut = outcomes.filter((c) => c.oracleTimedOut === true).length;
const oracle = outcomes.filter((c) => c.oracleRejectsOriginal).length - timedOut;
const out: string[] = [
  `W3C suite at ${w3cRoot}: ${groups.length} groups, ${outcomes.length} cases, **${pass} pass (${pct(pass, outcomes.length)})**, ${failures.length} fail.`,
  `${oracle} cases whose original instance xmllint itself rejects, ${timedOut} whose group xmllint did not validate in time: their output validation is not counted.`,
  `${seconds} s on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}.`,
  '',
  ...table('contributor', (c) => c.contributor),
  '',
  ...table('category', (c) => `${c.contributor} ${c.category}`),
  '',
  '| group | instance | step | message |',
  '|---|---|---|---|',
  ...failures.map((c) => `| ${c.group} | ${c.instance.split('/').pop() ?? ''} | ${c.stage ?? ''} | ${c.message.replace(/\|/g, '\\|')} |`),
];
console.log(out.join('\n'));
