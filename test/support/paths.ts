/**
 * Where tests find the repository and the shared WSDL corpus. The corpus is read in place
 * (never copied): `VOLET_CORPUS` overrides the default `../shared/wsdl-corpus`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const parsed: unknown = JSON.parse(readFileSync(pkg, 'utf8'));
      if (typeof parsed === 'object' && parsed !== null && (parsed as { name?: unknown }).name === 'volet') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('volet repository root not found above ' + start);
    dir = parent;
  }
}

/** The repository root (the folder of the top-level package.json). */
export const repoRoot: string = findRepoRoot(dirname(fileURLToPath(import.meta.url)));

/** The shared WSDL/XSD corpus, read in place. */
export const corpusRoot: string = resolve(process.env.VOLET_CORPUS ?? join(repoRoot, '..', 'shared', 'wsdl-corpus'));

/** True when the corpus is present; corpus tests skip with a message otherwise. */
export const corpusAvailable: boolean = existsSync(corpusRoot);

/** A path inside the corpus. */
export function corpus(...segments: string[]): string {
  return join(corpusRoot, ...segments);
}

/** The reason corpus tests give when they skip. */
export const corpusSkipReason: string | false = corpusAvailable ? false : `WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS)`;
