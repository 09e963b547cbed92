/**
 * The public surface of `@volet/runtime`: the names each entry point of its package.json `exports`
 * gives, read from the sources with the TypeScript compiler (values and types apart). The checked-in
 * runtime/api-report.json is compared with it, so any change to the surface is a visible diff.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../support/paths.js';

/** The names one entry point exports. */
export interface EntrySurface {
  /** Names usable as values (functions, classes, constants). Classes also name a type. */
  readonly values: readonly string[];
  /** Names that are types only (interfaces, type aliases). */
  readonly types: readonly string[];
}

/** Entry point (`.`, `./codec`, …) → its names. */
export type ApiSurface = Readonly<Record<string, EntrySurface>>;

/** Where the checked-in report lives. */
export const apiReportPath = join(repoRoot, 'runtime', 'api-report.json');

/** The runtime's entry points with their source files (the `volet-source` condition of each export). */
export function runtimeEntries(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'runtime', 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const entries: Record<string, string> = {};
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target !== 'object' || target === null) continue; // ./package.json
    const source = (target as Record<string, unknown>)['volet-source'];
    if (typeof source !== 'string') throw new Error(`runtime/package.json: export ${key} has no volet-source condition`);
    entries[key] = join(repoRoot, 'runtime', source);
  }
  return entries;
}

/** Computes the surface from the runtime's sources. */
export function computeApiSurface(): ApiSurface {
  const entries = runtimeEntries();
  const program = ts.createProgram(Object.values(entries), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const surface: Record<string, EntrySurface> = {};
  for (const [key, file] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`cannot read the exports of ${file}`);
    const values: string[] = [];
    const types: string[] = [];
    for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
    }
    surface[key] = { values: values.sort(), types: types.sort() };
  }
  return surface;
}

/** The report as written to runtime/api-report.json (stable key order, one name per line). */
export function formatApiReport(surface: ApiSurface): string {
  return `${JSON.stringify(surface, null, 2)}\n`;
}
