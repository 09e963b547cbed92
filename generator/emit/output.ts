/**
 * Writing generated files to an output folder, and comparing a folder with what would be written
 * (`volet check`). Only files that carry the generated-file mark are ever removed.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { GENERATED_MARK } from './header.js';

/** One file to write, its path relative to the output folder with forward slashes. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** One difference between an output folder and what generation would write. */
export interface OutputDifference {
  path: string;
  kind: 'missing' | 'changed' | 'stale';
  /** For `changed`: the first differing line (1-based) and both versions of it, shortened. */
  line?: number;
  expected?: string;
  actual?: string;
}

function listGenerated(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts') && readFileSync(p, 'utf8').startsWith(GENERATED_MARK)) {
        out.push(relative(dir, p).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return out.sort();
}

function shorten(s: string | undefined): string | undefined {
  return s === undefined ? undefined : s.length > 120 ? s.slice(0, 117) + '...' : s;
}

/** Compares `outDir` with `files`; an empty list means they match byte for byte. */
export function compareOutput(outDir: string, files: readonly GeneratedFile[]): OutputDifference[] {
  const diffs: OutputDifference[] = [];
  const expected = new Set(files.map((f) => f.path));
  for (const file of files) {
    let actual: string;
    try {
      actual = readFileSync(join(outDir, file.path), 'utf8');
    } catch {
      diffs.push({ path: file.path, kind: 'missing' });
      continue;
    }
    if (actual === file.content) continue;
    const a = actual.split('\n');
    const e = file.content.split('\n');
    let i = 0;
    while (i < a.length && i < e.length && a[i] === e[i]) i++;
    diffs.push({ path: file.path, kind: 'changed', line: i + 1, expected: shorten(e[i]), actual: shorten(a[i]) });
  }
  for (const path of listGenerated(outDir)) {
    if (!expected.has(path)) diffs.push({ path, kind: 'stale' });
  }
  return diffs.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** Writes `files` into `outDir`, leaving identical files untouched and removing stale generated ones. */
export function writeOutput(outDir: string, files: readonly GeneratedFile[]): { written: string[]; removed: string[] } {
  const written: string[] = [];
  const removed: string[] = [];
  for (const diff of compareOutput(outDir, files)) {
    const target = join(outDir, diff.path);
    if (diff.kind === 'stale') {
      rmSync(target);
      removed.push(diff.path);
      continue;
    }
    const file = files.find((f) => f.path === diff.path);
    if (file === undefined) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.content);
    written.push(diff.path);
  }
  return { written, removed };
}
