/**
 * `schemaLocation`/`location` values → absolute local paths. Remote URLs are recognised (and never
 * fetched); `file:` URLs, percent-encoding and Windows separators written in the wild are tolerated.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True for a URL with a scheme other than `file:` (a Windows drive letter is not a scheme). */
export function isRemote(location: string): boolean {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(location);
  if (!m) return false;
  if (m[1].length === 1) return false; // C:\…
  return m[1].toLowerCase() !== 'file';
}

/**
 * The absolute path a location designates, relative to the referring file (`base`) or to the current
 * folder; `null` for a remote URL.
 */
export function resolveLocation(location: string, base: string | null): string | null {
  if (isRemote(location)) return null;
  if (/^file:/i.test(location)) {
    try {
      return fileURLToPath(location);
    } catch {
      return null;
    }
  }
  const dir = base === null ? process.cwd() : dirname(base);
  const direct = isAbsolute(location) ? resolve(location) : resolve(dir, location);
  if (existsSync(direct)) return direct;
  // Tolerate what other tools tolerate: `%20` in relative URIs, backslashes, a trailing fragment.
  const variants: string[] = [];
  const noFragment = location.replace(/[?#].*$/, '');
  variants.push(noFragment);
  try {
    variants.push(decodeURIComponent(noFragment));
  } catch {
    // not percent-encoded
  }
  variants.push(noFragment.replace(/\\/g, '/'));
  for (const v of variants) {
    const candidate = isAbsolute(v) ? resolve(v) : resolve(dir, v);
    if (existsSync(candidate)) return candidate;
  }
  return direct;
}
