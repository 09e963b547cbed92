/**
 * Corpus output under the other TypeScript versions generated code must support: 7.0 (the native
 * compiler) and 5.9 (the oldest supported). Same sets and project setup as corpus.test.ts; the
 * compilers are devDependencies installed under aliases (`typescript-7`, `typescript-59`).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { GenerateResult } from '../../generator/generate/generate.js';
import { corpusSkipReason } from '../support/paths.js';
import { consumerProject, generateSets, officialSets, runtimeDeclarations, runTsc, tscSkipReason } from './support/corpus-generation.js';

const skip = corpusSkipReason;
let scratch = '';
let project = '';
let result: GenerateResult;

before(() => {
  if (skip !== false) return;
  scratch = mkdtempSync(join(tmpdir(), 'volet-corpus-tsv-'));
  result = generateSets(officialSets(), join(scratch, 'out'));
  project = consumerProject(scratch, runtimeDeclarations(join(scratch, 'runtime-types')), ['out/**/*.ts']);
});

after(() => {
  if (scratch !== '') rmSync(scratch, { recursive: true, force: true });
});

describe('corpus output with other TypeScript versions', { skip }, () => {
  for (const version of ['7.0', '5.9'] as const) {
    test(`compiles with tsc ${version}`, { skip: tscSkipReason(version) }, () => {
      assert.ok(
        result.services.every((s) => s.files !== null),
        'every official WSDL generates',
      );
      const r = runTsc(version, project);
      assert.equal(r.code, 0, r.output.split('\n').slice(0, 40).join('\n'));
      console.log(`tsc ${version}: ${result.services.length} generated folders compiled, 0 errors`);
    });
  }
});
