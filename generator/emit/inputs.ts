/**
 * The inputs of one service description as they enter the header hash: every file the model was
 * built from, named relative to the base folder with `/` separators (built-in catalog schemas as
 * `volet:catalog/<file>`). Names never depend on the current folder or the
 * OS, so the hash (and the header) is the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { BUILTIN_PREFIX, BUILTIN_SCHEMAS } from '../catalog/builtin-catalog.js';
import type { Model } from '../model/model.js';
import type { HashedInput } from './header.js';

/** The stable name of a file: relative to `baseDir`, forward slashes. */
export function stableName(absolutePath: string, baseDir: string): string {
  const rel = relative(baseDir, absolutePath);
  const name = rel === '' ? '.' : isAbsolute(rel) ? absolutePath : rel;
  return name.split(sep).join('/');
}

/**
 * The hashed inputs of a model: its sources (display paths, resolved against `cwd`) read again.
 */
export function modelInputs(model: Model, baseDir: string, cwd: string = process.cwd()): HashedInput[] {
  const inputs: HashedInput[] = [];
  for (const source of model.sources) {
    if (source.startsWith(BUILTIN_PREFIX)) {
      const file = source.slice(BUILTIN_PREFIX.length);
      const builtin = BUILTIN_SCHEMAS.find((b) => b.name === file);
      inputs.push({ name: `volet:catalog/${file}`, content: builtin?.text ?? '' });
      continue;
    }
    const path = resolve(cwd, source);
    let content: Uint8Array | string;
    try {
      content = readFileSync(path);
    } catch {
      content = '';
    }
    inputs.push({ name: stableName(path, baseDir), content });
  }
  return inputs;
}
