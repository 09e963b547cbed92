/**
 * volet's programmatic API, for build scripts: `import { generate, check, inspect } from 'volet'`.
 * The same work as `volet generate`, `volet check` and `volet inspect`, returning data instead of
 * printing it. Inputs are read from files only, never the network.
 *
 * Errors: a configuration that cannot be used throws {@link ConfigError}; an output file volet did
 * not generate throws `OutputError` (never overwritten). Problems in the WSDL/XSD inputs are not thrown: they are the `diagnostics`.
 */
import { resolve } from 'node:path';
import { resolveGenerateInputs } from './config/generate-inputs.js';
import type { VoletConfig } from './config/config.js';
import type { CatalogEntry } from './load/types.js';
import type { Diagnostic, Model } from './model/model.js';
import type { OutputDifference } from './generate/output.js';
import type { TypecheckDiagnostic } from './emit/typecheck-diagnostic.js';
import { voletVersion } from './cli/version.js';

export { ConfigError } from './config/config.js';
export type { CatalogEntry } from './load/types.js';
export type { Diagnostic, Model } from './model/model.js';
export type { TypecheckDiagnostic } from './emit/typecheck-diagnostic.js';
export type { OutputDifference } from './generate/output.js';

/** What to generate or check: a configuration file, or the entry files of one description with `out`. */
export interface GenerateOptions {
  /** A `volet.config.json` (default: `volet.config.json` in `cwd`); not with `wsdl`. */
  config?: string;
  /** Entry WSDL (or XSD) files of one service description; then `out` is required. */
  wsdl?: readonly string[];
  /** Output folder for `wsdl`. */
  out?: string;
  /** Catalog entries added after the configuration's own. */
  catalog?: readonly CatalogEntry[];
  /** Type-check the generated code before writing it (`generate` only; default: the configuration's, else true). */
  typecheck?: boolean;
  /** The folder relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
}

/** What `generate` did for one output folder (a service folder, or the shared schemas folder). */
export interface GeneratedService {
  /** The service name (from the configuration, or the output folder's name); `schemas` for the shared schema modules. */
  name: string;
  /** The output folder, absolute. */
  out: string;
  /** Files written (changed or new), relative to `out`. */
  written: string[];
  /** Stale generated files removed, relative to `out`. */
  removed: string[];
  /** Files left untouched because their content was already right. */
  unchanged: number;
}

/** The outcome of {@link generate}. */
export interface GenerateSummary {
  /** True when every folder was written; false when an input has errors or the output does not compile (nothing written). */
  ok: boolean;
  /** Diagnostics of every service description (warnings, and the errors when `ok` is false). */
  diagnostics: Diagnostic[];
  /** Compiler errors in the generated code (empty unless it does not compile: please report it). */
  typecheckDiagnostics: TypecheckDiagnostic[];
  /** One entry per output folder, the shared schemas folder first; empty when nothing was written. */
  services: GeneratedService[];
}

/** How one output folder compares with what would be generated. */
export interface CheckedService {
  /** The service name; `schemas` for the shared schema modules. */
  name: string;
  /** The output folder, absolute. */
  out: string;
  /** Empty when the folder is up to date. */
  differences: OutputDifference[];
}

/** The outcome of {@link check}. */
export interface CheckSummary {
  /** True when every folder is identical to what `generate` would write. */
  upToDate: boolean;
  /** Diagnostics of every service description; with an error, `upToDate` is false. */
  diagnostics: Diagnostic[];
  /** One entry per output folder, the shared schemas folder first. */
  services: CheckedService[];
}

/** Options of {@link inspect}. */
export interface InspectOptions {
  /** Catalog entries for remote or missing schema locations. */
  catalog?: readonly CatalogEntry[];
  /** The folder relative entry paths are resolved against (default `process.cwd()`). */
  cwd?: string;
}

function inputs(options: GenerateOptions): VoletConfig {
  return resolveGenerateInputs(
    {
      ...(options.wsdl === undefined ? {} : { wsdl: options.wsdl }),
      ...(options.out === undefined ? {} : { out: options.out }),
      ...(options.config === undefined ? {} : { config: options.config }),
      ...(options.catalog === undefined ? {} : { catalog: options.catalog }),
      ...(options.typecheck === undefined ? {} : { typecheck: options.typecheck }),
    },
    options.cwd ?? process.cwd(),
  );
}

async function run(config: VoletConfig, typecheck: boolean) {
  const orchestration = await import('./generate/generate.js');
  const result = orchestration.generate({
    services: config.services,
    baseDir: config.baseDir,
    catalog: config.catalog,
    typecheck,
    version: voletVersion(),
    schemas: config.schemas ?? orchestration.defaultSchemasFolder(config),
    ...(config.importExtension === undefined ? {} : { importExtension: config.importExtension }),
    ...(config.modules === undefined ? {} : { modules: config.modules }),
  });
  const folders = [
    ...(result.schemas === null ? [] : [{ name: 'schemas', out: result.schemas.out, files: result.schemas.files }]),
    ...result.services.map((s) => ({ name: s.service.name, out: s.service.out, files: s.files ?? [] })),
  ];
  const diagnostics = [...result.services.flatMap((s) => s.diagnostics), ...(result.schemas?.diagnostics ?? [])];
  return { orchestration, result, folders, diagnostics };
}

/**
 * Generates every service of the configuration (or the one description of `wsdl` into `out`) and
 * writes the folders — the shared schema modules, then each service — as `volet generate` does:
 * nothing is written when an input has errors or the output does not compile.
 */
export async function generate(options: GenerateOptions = {}): Promise<GenerateSummary> {
  const config = inputs(options);
  const { orchestration, result, folders, diagnostics } = await run(config, config.typecheck);
  const failed = result.services.some((s) => s.files === null) || result.typecheckDiagnostics.length > 0;
  if (failed) return { ok: false, diagnostics, typecheckDiagnostics: result.typecheckDiagnostics, services: [] };
  const services = folders.map((f): GeneratedService => {
    const w = orchestration.writeGenerated(f.out, f.files, result);
    return { name: f.name, out: resolve(f.out), written: w.written, removed: w.removed, unchanged: w.unchanged };
  });
  return { ok: true, diagnostics, typecheckDiagnostics: [], services };
}

/** Compares the output folders with what {@link generate} would write, as `volet check` does. Writes nothing. */
export async function check(options: GenerateOptions = {}): Promise<CheckSummary> {
  const config = inputs(options);
  const { orchestration, result, folders, diagnostics } = await run(config, false);
  const failed = result.services.some((s) => s.files === null);
  const services = failed
    ? []
    : folders.map((f): CheckedService => ({ name: f.name, out: resolve(f.out), differences: orchestration.compareGenerated(f.out, f.files, result) }));
  return { upToDate: !failed && services.every((s) => s.differences.length === 0), diagnostics, services };
}

/** The model of one service description (entry WSDL, or XSDs), as `volet inspect --json` prints it; its diagnostics included. */
export async function inspect(wsdl: readonly string[], options: InspectOptions = {}): Promise<Model> {
  const { buildModel } = await import('./pipeline.js');
  const cwd = options.cwd ?? process.cwd();
  return buildModel(
    wsdl.map((w) => resolve(cwd, w)),
    options.catalog === undefined ? {} : { catalog: [...options.catalog] },
  );
}
