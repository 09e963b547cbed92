/**
 * The volet package: its folder and its version, read from its package.json (found upward from
 * this module, which runs from `generator/cli/` in a checkout, from `dist/generator/cli/` when
 * built, and from `dist/` when bundled).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface VoletPackage {
  readonly root: string;
  readonly version: string;
}

let found: VoletPackage | null | undefined;

function findPackage(): VoletPackage | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (typeof pkg === 'object' && pkg !== null) {
          const { name, version } = pkg as { name?: unknown; version?: unknown };
          if (name === 'volet' && typeof version === 'string') return { root: dir, version };
        }
      } catch {
        // not ours or unreadable: keep looking upward
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function voletPackage(): VoletPackage | null {
  if (found === undefined) found = findPackage();
  return found;
}

/** The `version` of the `volet` package.json above this module; `'unknown'` if none is found. */
export function voletVersion(): string {
  return voletPackage()?.version ?? 'unknown';
}

/** The folder of the `volet` package.json above this module (the repository root in a checkout). Throws if none is found. */
export function voletRoot(): string {
  const pkg = voletPackage();
  if (pkg === null) throw new Error('volet package root not found');
  return pkg.root;
}
