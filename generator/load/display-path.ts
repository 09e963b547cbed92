/** How paths are shown in diagnostics and in the model. */
import { isAbsolute, relative, sep } from 'node:path';

/** A POSIX path with an empty, `.` or `..` segment, or a trailing slash: not normalised. */
const NOT_NORMAL = /\/\/|\/\.\.?(?:\/|$)|\/$/;

/** The path relative to the current folder when inside it, else the absolute path; `/` separators. */
export function displayPathOf(absolutePath: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(absolutePath)) return absolutePath;
  // The usual case on POSIX, a normalised path inside the current folder: what `relative` gives is
  // the rest of it (one call per document read, and `relative` normalises both paths character by character).
  if (sep === '/' && absolutePath.startsWith(cwd) && absolutePath.charCodeAt(cwd.length) === 0x2f && cwd !== '/' && !NOT_NORMAL.test(absolutePath)) {
    const rest = absolutePath.slice(cwd.length + 1);
    // As below: a first segment starting with `..` (a folder `..a`) is shown absolute.
    if (!rest.startsWith('..')) return rest;
  }
  const rel = relative(cwd, absolutePath);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const shown = inside ? rel : absolutePath;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
