/**
 * The runtime's version, from its own package.json (one source of truth with what npm installed).
 */
import { createRequire } from 'node:module';

let version: string | undefined;

/**
 * The version of the installed `@volet/runtime` (e.g. `0.1.0`). Read from its package.json on the
 * first call, through the package's own name, so it is right from `src/`, `dist/` or a bundle.
 */
export function runtimeVersion(): string {
  version ??= (createRequire(import.meta.url)('@volet/runtime/package.json') as { version: string }).version;
  return version;
}
