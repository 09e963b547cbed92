/**
 * What `volet generate` and `volet check` work on, from their arguments: either entry files with
 * `--out`, or a configuration file (`--config`, default `volet.config.json` in the current folder).
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import type { CatalogEntry } from '../load/types.js';
import { ConfigError, loadConfig, type VoletConfig } from './config.js';

/** The default configuration file name, looked up in the current folder. */
export const CONFIG_FILE = 'volet.config.json';

/** The options `generate` and `check` share. */
export interface GenerateArguments {
  /** Entry files given on the command line (then `out` is required). */
  wsdl?: readonly string[] | undefined;
  out?: string | undefined;
  config?: string | undefined;
  /** Entries of a `--catalog` file, added after the configuration's own. */
  catalog?: readonly CatalogEntry[] | undefined;
  /** `--no-typecheck` gives false. */
  typecheck?: boolean | undefined;
}

/**
 * The configuration to run with. Throws {@link ConfigError} for a configuration that cannot be
 * used or arguments that do not fit together (the CLI reports both as usage errors).
 *
 * From arguments, paths are relative to `cwd`, and the base folder of hashed names is the folder
 * the entry files have in common, so that generating from another folder, or into another one,
 * gives the same bytes.
 */
export function resolveGenerateInputs(args: GenerateArguments, cwd: string = process.cwd()): VoletConfig {
  const entries = args.wsdl ?? [];
  if (entries.length > 0) {
    if (args.config !== undefined) throw new ConfigError('give either entry files with --out, or --config, not both');
    if (args.out === undefined) throw new ConfigError('--out <dir> is required with entry files');
    const out = resolve(cwd, args.out);
    const wsdl = entries.map((e) => resolve(cwd, e));
    return {
      file: null,
      baseDir: commonFolder(wsdl),
      services: [{ name: basename(out) || 'generated', wsdl, out }],
      catalog: [...(args.catalog ?? [])],
      typecheck: args.typecheck ?? true,
    };
  }
  if (args.out !== undefined) throw new ConfigError('--out needs entry files (volet generate <wsdl...> --out <dir>)');
  const file = resolve(cwd, args.config ?? CONFIG_FILE);
  if (args.config === undefined && !existsSync(file)) {
    throw new ConfigError(`no ${CONFIG_FILE} in ${cwd}: give --config <file>, or entry files with --out <dir>`);
  }
  const config = loadConfig(file);
  return {
    ...config,
    catalog: [...config.catalog, ...(args.catalog ?? [])],
    typecheck: args.typecheck === false ? false : config.typecheck,
  };
}

/** The deepest folder containing every file of `paths` (absolute). */
export function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((p) => dirname(p).split(sep));
  const first = folders[0] ?? [];
  let n = first.length;
  for (const f of folders) {
    let i = 0;
    while (i < n && i < f.length && f[i] === first[i]) i++;
    n = i;
  }
  const common = first.slice(0, n).join(sep);
  return common === '' || common.endsWith(':') ? common + sep : common;
}
