/**
 * The test PKI for tests (a thin re-export of simulator/pki) plus one shared instance per test
 * process, written to a temporary folder that is removed when the process exits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki, type TestPki } from '../../simulator/pki/index.js';

export * from '../../simulator/pki/index.js';

let shared: Promise<TestPki> | undefined;

/** The process-wide test PKI (created on first use, deleted at exit). */
export function sharedTestPki(): Promise<TestPki> {
  if (shared === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'volet-pki-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    shared = createTestPki(dir);
  }
  return shared;
}
