/**
 * The node-soap golden request/response cases through `volet decode` → `volet encode` (the runtime
 * calls the CLI makes, lenient decoding): every message whose WSDL loads and that is valid per its
 * own WSDL comes back equivalent (canonical comparison: prefixes, whitespace-only text and the
 * envelope framing the JSON form does not carry aside), and its re-encoded body elements are valid
 * for xmllint against the WSDL's schemas where those can be given to it. Messages that are not
 * well-formed or that xmllint rejects are not applicable; the few that xmllint cannot judge are
 * listed in support/known-cases.ts with the reason, and so are the volet bugs found. Counts are
 * printed; `VOLET_CONFORMANCE_TABLE=1` prints the classification table of docs/conformance.md.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { corpusSkipReason } from '../support/paths.js';
import { xmllintSkip } from '../cli-codec/support/messages.js';
import { KNOWN_CASES } from './support/known-cases.js';
import { caseNames, loadCase, messageFiles, roundTripMessage, scratchDir, type MessageOutcome } from './support/round-trip.js';

const SKIP = corpusSkipReason || xmllintSkip;
const scratch = scratchDir();
after(() => scratch.dispose());

/** How one message was classified. */
type Verdict =
  | 'round-trips, validated'
  | 'round-trips, not validated'
  | 'round-trips, invalid sample'
  | 'n/a: not well-formed'
  | 'n/a: invalid per its WSDL'
  | 'n/a: known bad sample'
  | 'volet bug (known)'
  | 'FAILING';

interface Row {
  readonly name: string;
  readonly file: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

const rows: Row[] = [];
const wsdlErrors: { name: string; error: string }[] = [];

/** The first xmllint error line (namespace warnings come first and say less), else the first line. */
const firstLine = (text: string): string => {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.find((l) => /error/.test(l)) ?? lines[0] ?? '';
};
/** xmllint could not compile the schemas (so it judged nothing). */
const schemaBroken = (output: string): boolean => /Schemas parser error|failed to compile/.test(output);

function classify(name: string, o: MessageOutcome, noValidation: string | null): { verdict: Verdict; detail: string } {
  const known = KNOWN_CASES.get(`${name}/${o.file}`);
  const blocks = `${o.typedBlocks} typed, ${o.rawBlocks} raw block(s)${o.multipart ? ', MTOM' : ''}`;
  if (o.problem === null) {
    if (known !== undefined) return { verdict: 'FAILING', detail: `listed as known (${known.reason}) but round-trips: remove the entry` };
    const v = o.encodedValid;
    if (v === null) return { verdict: 'round-trips, not validated', detail: `${blocks}; ${noValidation ?? ''}` };
    if (v.ok) return { verdict: 'round-trips, validated', detail: blocks };
    if (schemaBroken(v.output))
      return {
        verdict: 'round-trips, not validated',
        detail: `${blocks}; xmllint cannot compile the schemas: ${firstLine(v.output).replace(/^.*Schemas parser error : /, '')}`,
      };
    if (o.originalValid !== null && !o.originalValid.ok)
      return { verdict: 'round-trips, invalid sample', detail: `${blocks}; the original is invalid too: ${firstLine(o.originalValid.output)}` };
    return { verdict: 'FAILING', detail: `re-encoded body rejected by xmllint while the original passes: ${v.output}` };
  }
  const what = `${o.stage}: ${o.problem}`;
  if (known !== undefined) {
    if (!known.problem.test(o.problem)) return { verdict: 'FAILING', detail: `known entry, but the failure changed: ${what}` };
    return { verdict: known.kind === 'sample' ? 'n/a: known bad sample' : 'volet bug (known)', detail: known.reason };
  }
  if (o.malformed !== null) return { verdict: 'n/a: not well-formed', detail: o.malformed };
  const ov = o.originalValid;
  if (ov !== null && !ov.ok && !schemaBroken(ov.output))
    return { verdict: 'n/a: invalid per its WSDL', detail: `xmllint: ${firstLine(ov.output)} — volet ${what}` };
  return { verdict: 'FAILING', detail: what };
}

for (const name of SKIP === false ? caseNames() : []) {
  test(`node-soap ${name}`, async (t) => {
    const dir = join(scratch.dir, name);
    mkdirSync(dir);
    const load = loadCase(name, dir);
    if ('error' in load) {
      wsdlErrors.push({ name, error: load.error });
      t.diagnostic(`WSDL does not load: ${load.error}`);
      return;
    }
    const files = messageFiles(name);
    assert.ok(files.length > 0, 'a case has at least one message');
    for (const file of files) {
      const outcome = roundTripMessage(load.loaded, file);
      const { verdict, detail } = classify(name, outcome, load.loaded.noValidation);
      rows.push({ name, file, verdict, detail });
      t.diagnostic(`${file}: ${verdict} — ${detail}`);
      assert.notEqual(verdict, 'FAILING', `${name}/${file}: ${detail}`);
    }
  });
}

test('node-soap golden cases: counts', { skip: SKIP }, () => {
  const count = (v: Verdict): number => rows.filter((r) => r.verdict === v).length;
  const cases = caseNames().length;
  const loaded = cases - wsdlErrors.length;
  const roundTripped = count('round-trips, validated') + count('round-trips, not validated') + count('round-trips, invalid sample');
  const notApplicable = count('n/a: not well-formed') + count('n/a: invalid per its WSDL') + count('n/a: known bad sample');
  const summary =
    `cases ${cases}, WSDL loads ${loaded}, does not load ${wsdlErrors.length}; messages ${rows.length}: ` +
    `round-tripped ${roundTripped} (validated ${count('round-trips, validated')}), not applicable ${notApplicable}, ` +
    `known volet bugs ${count('volet bug (known)')}, failing ${count('FAILING')}`;
  console.log(summary);
  if (process.env.VOLET_CONFORMANCE_TABLE === '1') {
    const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').slice(0, 300);
    console.log('| case | message | verdict | detail |\n|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.name} | ${r.file} | ${r.verdict} | ${cell(r.detail)} |`);
    console.log('\n| case | first error diagnostic |\n|---|---|');
    for (const w of wsdlErrors) console.log(`| ${w.name} | ${cell(w.error)} |`);
  }
  assert.equal(rows.length + wsdlErrors.length > 0, true);
  assert.equal(count('FAILING'), 0);
  // Every loaded case produced rows; every known entry was met.
  for (const key of KNOWN_CASES.keys())
    assert.ok(
      rows.some((r) => `${r.name}/${r.file}` === key),
      `known entry ${key} matches no message`,
    );
});
