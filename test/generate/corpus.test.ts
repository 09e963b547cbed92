/**
 * Corpus: `volet generate` on the official WSDL sets — the 7 DMP WSDLs, the IPF IHE WSDLs and the
 * INSi WSDL — into a scratch folder; the output must compile with `tsc --strict --noEmit`
 * (module/moduleResolution nodenext, verbatimModuleSyntax, TypeScript 6.0, the repository's)
 * in a vendor-like ESM package, and contain no `any` and no Node-only type.
 * TypeScript 7.0 and 5.9 run in corpus-ts-versions.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { GenerateResult } from '../../generator/generate/generate.js';
import { forbiddenTypes } from '../emit/support/emit-fixture.js';
import { corpusSkipReason } from '../support/paths.js';
import { consumerProject, generateSets, officialSets, runtimeDeclarations, runTsc, tscSkipReason } from './support/corpus-generation.js';

const skip = corpusSkipReason;
let scratch = '';
let result: GenerateResult;

before(() => {
  if (skip !== false) return;
  scratch = mkdtempSync(join(tmpdir(), 'volet-corpus-'));
  result = generateSets(officialSets(), join(scratch, 'out'));
});

after(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

describe('generating the official corpus sets', { skip }, () => {
  test('every official WSDL generates (DMP 7, IPF, INSi)', () => {
    const sets = officialSets();
    assert.equal(sets[0]?.wsdls.length, 7, 'the 7 DMP WSDLs');
    const failed = result.services.filter((s) => s.files === null);
    const errors = failed.flatMap((s) =>
      s.diagnostics.filter((d) => d.severity === 'error').map((d) => `${s.service.name}: ${d.file}:${d.line}: ${d.message}`),
    );
    assert.deepEqual(errors, []);
    const counts = sets.map((set) => `${set.name} ${set.wsdls.length}`).join(', ');
    const types = result.services.reduce((n, s) => n + s.typeCount, 0);
    console.log(
      `generated ${result.services.length} descriptions (${counts}): ${types} type declarations; model ${Math.round(result.timings.model)} ms, emit ${Math.round(result.timings.emit)} ms`,
    );
  });

  test('the output contains no any and no Node-only type', () => {
    const offending: string[] = [];
    for (const file of allFiles(join(scratch, 'out'))) {
      for (const line of forbiddenTypes(readFileSync(file, 'utf8'))) offending.push(`${file}: ${line.trim()}`);
    }
    assert.deepEqual(offending, []);
  });

  test('the output compiles with tsc 6.0 --strict, nodenext, verbatimModuleSyntax', { skip: tscSkipReason('6.0') }, () => {
    const types = runtimeDeclarations(join(scratch, 'runtime-types'));
    const project = consumerProject(scratch, types, ['out/**/*.ts']);
    const r = runTsc('6.0', project);
    assert.equal(r.code, 0, r.output.split('\n').slice(0, 40).join('\n'));
    console.log(`tsc 6.0: ${result.services.length} generated folders compiled, 0 errors`);
  });
});
