/**
 * Every .xsd and .wsdl of the corpus loads, or gives diagnostics with file, line and column; nothing
 * throws, through parse and resolve too. Each file is its own entry, except the two HL7 v3 trees of the
 * DMP package, each loaded as one description (all its files as entries) to keep this test fast: their
 * 150 files include the same core schemas. Prints the counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DocumentCache, loadDescription } from '../../generator/load/load.js';
import type { Diagnostic } from '../../generator/model/model.js';
import { parseSchemas } from '../../generator/parse/xsd/parse-schemas.js';
import { resolveSchema } from '../../generator/resolve/resolve.js';
import { corpus, corpusRoot, corpusSkipReason } from '../support/paths.js';

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.xsd') || name.endsWith('.wsdl')) out.push(p);
  }
  return out;
}

function run(entries: string[], cache: DocumentCache): Diagnostic[] {
  const loaded = loadDescription(entries, { cache });
  const diagnostics = [...loaded.diagnostics];
  const model = resolveSchema(parseSchemas(loaded, diagnostics), { elements: [], types: [] }, diagnostics);
  assert.ok(Array.isArray(model.types));
  for (const d of diagnostics) {
    assert.ok(d.file !== '' && d.line >= 1 && d.column >= 1 && d.message !== '', `${entries[0]}: ${JSON.stringify(d)}`);
  }
  assert.ok(!diagnostics.some((d) => d.code === 'internal-error'), `${entries[0]}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return diagnostics;
}

test('every schema and WSDL file of the corpus loads or gives located diagnostics, never an exception', { skip: corpusSkipReason }, (t) => {
  const hl7Trees = ['NE2008', 'NE2009'].map((v) => corpus('dmp-annexe-wsdl-schema/schema/HL7V3', v));
  const files = walk(corpusRoot, []);
  const groups: string[][] = hl7Trees.map((tree) => files.filter((f) => f.startsWith(tree + '/')));
  for (const f of files) if (!hl7Trees.some((tree) => f.startsWith(tree + '/'))) groups.push([f]);
  const cache = new DocumentCache();
  const counts = { files: files.length, descriptions: groups.length, clean: 0, warningsOnly: 0, withErrors: 0 };
  const failing: string[] = [];
  for (const entries of groups) {
    const diagnostics = run(entries, cache);
    const name = entries.length === 1 ? relative(corpusRoot, entries[0]) : relative(corpusRoot, entries[0]).replace(/\/[^/]+\/[^/]+$/, '/**');
    if (diagnostics.some((d) => d.severity === 'error')) {
      counts.withErrors++;
      failing.push(name);
    } else if (diagnostics.length > 0) counts.warningsOnly++;
    else counts.clean++;
  }
  t.diagnostic(`corpus: ${JSON.stringify(counts)}`);
  t.diagnostic(`descriptions with errors: ${failing.join(', ')}`);
  assert.ok(counts.files > 500);
  // Known facts: NE2008 is complete; NE2009's only errors come from the two message schemas with dangling includes.
  const ne2008 = run(groups[0], cache);
  assert.deepEqual(ne2008, []);
  const ne2009 = run(groups[1], cache);
  assert.deepEqual([...new Set(ne2009.map((d) => `${d.severity} ${d.code} ${d.file.replace(/.*\//, '')}`))].sort(), [
    'error unresolved-type PRPA_IN201305UV02.xsd',
    'error unresolved-type PRPA_IN201306UV02.xsd',
    'warning file-not-found PRPA_IN201305UV02.xsd',
    'warning file-not-found PRPA_IN201306UV02.xsd',
  ]);
});
