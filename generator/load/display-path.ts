/** How paths are shown in diagnostics and in the model. */
import { isAbsolute, relative, sep } from 'node:path';

/** The path relative to the current folder when inside it, else the absolute path; `/` separators. */
export function displayPathOf(absolutePath: string, cwd: string = process.cwd()): string {
  if (!isAbsolute(absolutePath)) return absolutePath;
  const rel = relative(cwd, absolutePath);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const shown = inside ? rel : absolutePath;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
