/**
 * `volet generate` and `volet check` without the CLI: build the model of each configured service
 * description, merge them into the run's model (each namespace once), emit the shared schema
 * modules and each service folder, type-check them all in one program. Nothing is written here;
 * {@link writeGenerated} and {@link compareGenerated} do that part.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ServiceConfig, VoletConfig } from '../config/config.js';
import { DocumentCache } from '../load/document-cache.js';
import type { CatalogEntry } from '../load/types.js';
import type { Diagnostic, Model } from '../model/model.js';
import { buildModel, hasErrors } from '../pipeline.js';
import { mergeRunModels } from '../resolve/run/run-model.js';
import { emitRun } from '../emit/emit-service.js';
import { inputsHash, type HashedInput } from '../emit/header.js';
import { modelInputs, stableName } from '../emit/inputs.js';
import { typecheckGenerated } from '../emit/typecheck.js';
import type { TypecheckDiagnostic } from '../emit/typecheck-diagnostic.js';
import { compareOutput, writeOutput, type GeneratedFile, type OutputDifference } from './output.js';

/** What to generate. */
export interface GenerateRequest {
  services: readonly ServiceConfig[];
  /** Base of the names hashed into headers and shown as sources (the config file's folder, or the output folder). */
  baseDir: string;
  catalog: readonly CatalogEntry[];
  /** Type-check the emitted files (default true). */
  typecheck: boolean;
  /** The generator version written in headers. */
  version: string;
  /** The shared schemas folder (absolute); default {@link defaultSchemasFolder}. */
  schemas?: string;
  /** Module names by namespace, over the built-in ones. */
  modules?: Readonly<Record<string, string>>;
  /** Extension of relative imports in the generated files (default `js`). */
  importExtension?: 'js' | 'ts';
}

/** The outcome for one service description. */
export interface ServiceOutcome {
  service: ServiceConfig;
  /** The model's diagnostics (warnings, and errors when `files` is null). */
  diagnostics: Diagnostic[];
  /**
   * The service description's model, without names (`tsName` empty): the run's merged model, which
   * the files are emitted from, has them.
   */
  model: Model;
  /** The files to write; null when the description has errors. */
  files: GeneratedFile[] | null;
  typeCount: number;
  elementCount: number;
  operations: number;
}

/** The shared schemas folder of a run and its files. */
export interface SchemasOutcome {
  out: string;
  files: GeneratedFile[];
  /** Schema types declared there (each once). */
  typeCount: number;
  /** Warnings of the merge (a component declared differently by two descriptions). */
  diagnostics: Diagnostic[];
}

/** Milliseconds spent in each step. */
export interface GenerateTimings {
  /** load + parse + resolve, every service. */
  model: number;
  /** TypeScript emission, every service. */
  emit: number;
  /** In-process type check of all the emitted files (0 when skipped). */
  typecheck: number;
}

/** The outcome of a generation. */
export interface GenerateResult {
  services: ServiceOutcome[];
  /** The shared schema modules; null when a description has errors. */
  schemas: SchemasOutcome | null;
  /** Compiler diagnostics in emitted files (empty when they compile or the check was skipped). */
  typecheckDiagnostics: TypecheckDiagnostic[];
  typechecked: boolean;
  timings: GenerateTimings;
}

/**
 * The default schemas folder: `schemas` inside the folder the service folders have in common
 * (`generated/schemas` for `generated/a` and `generated/b`; `<out>/schemas` for a single `--out`).
 */
export function defaultSchemasFolder(config: Pick<VoletConfig, 'services' | 'file'>): string {
  const outs = config.services.map((s) => resolve(s.out));
  if (config.file === null && outs.length === 1) return join(outs[0], 'schemas');
  let common = outs.length === 1 ? dirname(outs[0]) : outs[0].split(sep);
  if (Array.isArray(common)) {
    let n = common.length;
    for (const o of outs) {
      const parts = o.split(sep);
      let i = 0;
      while (i < n && parts[i] === common[i]) i++;
      n = i;
    }
    common = common.slice(0, n).join(sep) || sep;
  }
  return join(common, 'schemas');
}

/** The import path from a service folder to the schemas folder (`../schemas`, `./schemas`). */
function importPath(from: string, to: string): string {
  const rel = relative(from, to).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Generates every service description in memory. */
export function generate(request: GenerateRequest): GenerateResult {
  const cache = new DocumentCache();
  const timings: GenerateTimings = { model: 0, emit: 0, typecheck: 0 };
  const built: { service: ServiceConfig; model: Model; entries: string[] }[] = [];
  const services: ServiceOutcome[] = [];
  for (const service of request.services) {
    const t = performance.now();
    // Entry order must not matter: sort by stable name.
    const entries = [...service.wsdl].sort((a, b) => {
      const x = stableName(a, request.baseDir);
      const y = stableName(b, request.baseDir);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const mtom = service.mtom === undefined ? {} : { mtom: service.mtom };
    // No names in the description's own model: the run allocates them for the merged schema.
    const model = buildModel(entries, { catalog: [...request.catalog], cache, names: false, ...mtom });
    timings.model += performance.now() - t;
    built.push({ service, model, entries });
    services.push({ service, diagnostics: model.diagnostics, model, files: null, typeCount: 0, elementCount: 0, operations: 0 });
  }
  if (built.some((b) => hasErrors(b.model.diagnostics))) {
    return { services, schemas: null, typecheckDiagnostics: [], typechecked: false, timings };
  }
  let t = performance.now();
  const run = mergeRunModels(
    built.map((b) => ({ name: b.service.name, model: b.model, names: b.service.names ?? {} })),
    request.modules,
  );
  timings.model += performance.now() - t;
  t = performance.now();
  const schemasOut = request.schemas ?? defaultSchemasFolder({ services: [...request.services], file: 'config' });
  // One hash for the run: every file of it is emitted from all the inputs together.
  const inputs = new Map<string, HashedInput>();
  for (const b of built) for (const i of modelInputs(b.model, request.baseDir)) inputs.set(i.name, i);
  const emitted = emitRun(
    run,
    built.map((b) => ({ name: b.service.name, schemas: importPath(resolve(b.service.out), schemasOut) })),
    {
      version: request.version,
      inputsHash: inputsHash([...inputs.values()]),
      source: [...new Set(built.flatMap((b) => b.entries.map((e) => stableName(e, request.baseDir))))].join(', '),
      importExtension: request.importExtension ?? 'js',
    },
  );
  timings.emit += performance.now() - t;
  built.forEach((b, i) => {
    const e = emitted.services[i];
    const outcome = services[i];
    outcome.files = e.files;
    outcome.typeCount = e.typeCount;
    outcome.elementCount = e.elementCount;
    outcome.operations = e.operations;
    for (const key of e.unusedNames) {
      outcome.diagnostics = [
        ...outcome.diagnostics,
        {
          severity: 'warning',
          file: b.entries[0] ?? '',
          line: 1,
          column: 1,
          message: `names.${key} in the configuration matches no service, port or operation`,
          code: 'unused-name',
        },
      ];
    }
  });
  const schemas: SchemasOutcome = { out: schemasOut, files: emitted.schemas, typeCount: emitted.typeCount, diagnostics: run.diagnostics };
  let typecheckDiagnostics: TypecheckDiagnostic[] = [];
  const folders = [
    { dir: schemasOut, files: schemas.files },
    ...services.filter((s) => s.files !== null).map((s) => ({ dir: resolve(s.service.out), files: s.files as GeneratedFile[] })),
  ];
  if (request.typecheck) {
    const t2 = performance.now();
    typecheckDiagnostics = typecheckGenerated(folders);
    timings.typecheck = performance.now() - t2;
  }
  return { services, schemas, typecheckDiagnostics, typechecked: request.typecheck, timings };
}

/** What writing one folder's files did. */
export interface WriteOutcome {
  written: string[];
  removed: string[];
  unchanged: number;
}

/** The other output folders of the run inside `dir` (their files are not this folder's stale files). */
function nested(dir: string, result: GenerateResult): string[] {
  const all = [...result.services.map((s) => resolve(s.service.out)), ...(result.schemas === null ? [] : [resolve(result.schemas.out)])];
  return all.filter((d) => d !== resolve(dir) && d.startsWith(resolve(dir) + sep));
}

/** Writes the files of one folder of the run (only the changed ones; stale generated files are removed). */
export function writeGenerated(out: string, files: readonly GeneratedFile[], result: GenerateResult): WriteOutcome {
  const w = writeOutput(out, files, nested(out, result));
  return { ...w, unchanged: files.length - w.written.length };
}

/** Compares one folder of the run with what would be written. */
export function compareGenerated(out: string, files: readonly GeneratedFile[], result: GenerateResult): OutputDifference[] {
  return compareOutput(out, files, nested(out, result));
}

/** Writes every folder of a run: the shared schemas folder first, then each service folder. */
export function writeRun(result: GenerateResult): { out: string; outcome: WriteOutcome }[] {
  const out: { out: string; outcome: WriteOutcome }[] = [];
  if (result.schemas !== null) out.push({ out: result.schemas.out, outcome: writeGenerated(result.schemas.out, result.schemas.files, result) });
  for (const s of result.services) out.push({ out: s.service.out, outcome: writeGenerated(s.service.out, s.files ?? [], result) });
  return out;
}
