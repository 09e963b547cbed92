/**
 * `--catalog <file.json>`: user catalog entries that map namespaces or remote locations to local files.
 *
 * The file holds either a list of entries or `{ "catalog": [...] }`; each entry is
 * `{ "namespace"?: string, "location"?: string, "file": string }`. A relative `file` is relative to
 * the catalog file's folder.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CatalogEntry } from '../load/types.js';
import { UsageError } from './io.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a catalog file; throws {@link UsageError} when it cannot be used. */
export function readCatalogOption(file: string): CatalogEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read catalog file '${file}': ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`catalog file '${file}' is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const list: unknown = isRecord(parsed) ? parsed.catalog : parsed;
  if (!Array.isArray(list)) {
    throw new UsageError(`catalog file '${file}' must hold a list of entries or { "catalog": [ … ] }`);
  }
  const base = dirname(resolve(file));
  return list.map((item: unknown, index): CatalogEntry => {
    const where = `catalog file '${file}', entry ${index + 1}`;
    if (!isRecord(item) || typeof item.file !== 'string' || item.file === '') {
      throw new UsageError(`${where}: "file" (a path) is required`);
    }
    const entry: CatalogEntry = { file: resolve(base, item.file) };
    for (const key of ['namespace', 'location'] as const) {
      const value = item[key];
      if (value === undefined) continue;
      if (typeof value !== 'string') throw new UsageError(`${where}: "${key}" must be a string`);
      entry[key] = value;
    }
    if (entry.namespace === undefined && entry.location === undefined) {
      throw new UsageError(`${where}: give "namespace", "location" or both`);
    }
    return entry;
  });
}
