/**
 * The version of volet, read from the repository's package.json (found upward from this module,
 * which runs from `generator/cli/` in a checkout and from `dist/generator/cli/` when built).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `version` of the `volet` package.json above this module; `'unknown'` if none is found. */
export function voletVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (typeof pkg === 'object' && pkg !== null) {
          const { name, version } = pkg as { name?: unknown; version?: unknown };
          if (name === 'volet' && typeof version === 'string') return version;
        }
      } catch {
        // not ours or unreadable: keep looking upward
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
