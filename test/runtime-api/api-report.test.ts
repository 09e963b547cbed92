/**
 * The runtime's public surface is a reviewed artefact: runtime/api-report.json lists the names of
 * every entry point, and this test fails on any difference (run with VOLET_UPDATE_API_REPORT=1 to
 * rewrite the report, then review its diff). Generated code must need only the root entry.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { apiReportPath, computeApiSurface, formatApiReport, type ApiSurface } from './api-surface.js';

const surface = computeApiSurface();

describe('runtime API report', () => {
  it('runtime/api-report.json lists exactly the names each entry point exports', () => {
    const expected = formatApiReport(surface);
    if (process.env.VOLET_UPDATE_API_REPORT === '1') writeFileSync(apiReportPath, expected);
    assert.ok(existsSync(apiReportPath), 'runtime/api-report.json is missing: run this test with VOLET_UPDATE_API_REPORT=1');
    const report = JSON.parse(readFileSync(apiReportPath, 'utf8')) as ApiSurface;
    for (const entry of new Set([...Object.keys(report), ...Object.keys(surface)])) {
      const want = report[entry];
      const got = surface[entry];
      assert.ok(want !== undefined, `entry ${entry} is not in the report (VOLET_UPDATE_API_REPORT=1 to accept it)`);
      assert.ok(got !== undefined, `entry ${entry} of the report is no longer exported`);
      const wantNames = new Set([...want.values, ...want.types]);
      const gotNames = new Set([...got.values, ...got.types]);
      const added = [...gotNames].filter((n) => !wantNames.has(n));
      const removed = [...wantNames].filter((n) => !gotNames.has(n));
      assert.deepEqual(
        { entry, added, removed },
        { entry, added: [], removed: [] },
        'public surface changed (VOLET_UPDATE_API_REPORT=1 to accept, then review the diff)',
      );
      // Compared as data: the file's layout is the formatter's business.
      assert.deepEqual(got, want, `entry ${entry}: a name moved between values and types`);
    }
  });

  it('the root stays small and holds every name the generated clients import', () => {
    const root = surface['.'];
    assert.ok(root !== undefined);
    const names = new Set([...root.values, ...root.types]);
    assert.ok(names.size <= 100, `the root exports ${names.size} names`);
    const used = new Set<string>();
    for (const service of readdirSync(join(repoRoot, 'generated'))) {
      for (const file of readdirSync(join(repoRoot, 'generated', service))) {
        if (!file.endsWith('.ts')) continue;
        const text = readFileSync(join(repoRoot, 'generated', service, file), 'utf8');
        assert.doesNotMatch(text, /from '@volet\/runtime\//, `generated/${service}/${file} imports a runtime subpath`);
        for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'@volet\/runtime'/g)) {
          for (const part of m[1].split(',')) {
            const name = part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0];
            if (name !== '') used.add(name);
          }
        }
        for (const m of text.matchAll(/\brt\.(\w+)/g)) used.add(m[1]);
      }
    }
    assert.ok(used.size > 0, 'no runtime import found in generated/');
    assert.deepEqual(
      [...used].filter((n) => !names.has(n)),
      [],
    );
  });

  it('every entry point is a subpath of package.json exports with types and volet-source conditions', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'runtime', 'package.json'), 'utf8')) as { exports: Record<string, unknown>; sideEffects?: unknown };
    assert.equal(pkg.sideEffects, false);
    for (const [key, target] of Object.entries(pkg.exports)) {
      if (key === './package.json') continue;
      assert.deepEqual(Object.keys(target as object), ['volet-source', 'types', 'default'], key);
    }
  });
});
