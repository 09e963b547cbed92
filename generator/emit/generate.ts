/**
 * `volet generate` and `volet check` without the CLI: build the model of each configured service
 * description, emit its files, type-check them all in one program. Nothing is written here;
 * {@link writeGenerated} and {@link compareGenerated} do that part.
 */
import { resolve } from 'node:path';
import type { ServiceConfig } from '../config/config.js';
import { DocumentCache } from '../load/document-cache.js';
import type { CatalogEntry } from '../load/types.js';
import type { Diagnostic, Model } from '../model/model.js';
import { buildModel, hasErrors } from '../pipeline.js';
import { emitService } from './emit-service.js';
import { inputsHash } from './header.js';
import { modelInputs, stableName } from './inputs.js';
import { compareOutput, writeOutput, type GeneratedFile, type OutputDifference } from './output.js';
import { loadTemplates, type TemplateSet } from './templates.js';
import { typecheckGenerated, type TypecheckDiagnostic } from './typecheck.js';

/** What to generate. */
export interface GenerateRequest {
  services: readonly ServiceConfig[];
  /** Base of the names hashed into headers and shown as sources (the config file's folder, or the output folder). */
  baseDir: string;
  catalog: readonly CatalogEntry[];
  /** User templates folder (absolute), or null for the built-ins. */
  templates: string | null;
  /** Type-check the emitted files (default true). */
  typecheck: boolean;
  /** The generator version written in headers. */
  version: string;
}

/** The outcome for one service description. */
export interface ServiceOutcome {
  service: ServiceConfig;
  /** The model's diagnostics (warnings, and errors when `files` is null). */
  diagnostics: Diagnostic[];
  /** The service description's model. */
  model: Model;
  /** The files to write; null when the description has errors. */
  files: GeneratedFile[] | null;
  typeCount: number;
  elementCount: number;
  operations: number;
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
  /** Compiler diagnostics in emitted files (empty when they compile or the check was skipped). */
  typecheckDiagnostics: TypecheckDiagnostic[];
  typechecked: boolean;
  timings: GenerateTimings;
}

/** Generates every service description in memory. Throws `TemplateError` for unusable templates. */
export function generate(request: GenerateRequest): GenerateResult {
  const templates: TemplateSet = loadTemplates(request.templates);
  const cache = new DocumentCache();
  const timings: GenerateTimings = { model: 0, emit: 0, typecheck: 0 };
  const services: ServiceOutcome[] = [];
  for (const service of request.services) {
    let t = performance.now();
    // Entry order must not matter: sort by stable name.
    const entries = [...service.wsdl].sort((a, b) => {
      const x = stableName(a, request.baseDir);
      const y = stableName(b, request.baseDir);
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const mtom = service.mtom === undefined ? {} : { mtom: service.mtom };
    const model = buildModel(entries, { catalog: [...request.catalog], cache, ...mtom });
    timings.model += performance.now() - t;
    if (hasErrors(model.diagnostics)) {
      services.push({ service, diagnostics: model.diagnostics, model, files: null, typeCount: 0, elementCount: 0, operations: 0 });
      continue;
    }
    t = performance.now();
    const emitted = emitService(model, {
      version: request.version,
      inputsHash: inputsHash(modelInputs(model, request.baseDir, templates)),
      source: entries.map((e) => stableName(e, request.baseDir)).join(', '),
      templates,
    });
    timings.emit += performance.now() - t;
    services.push({
      service,
      diagnostics: model.diagnostics,
      model,
      files: emitted.files,
      typeCount: emitted.typeCount,
      elementCount: emitted.elementCount,
      operations: emitted.operations,
    });
  }
  let typecheckDiagnostics: TypecheckDiagnostic[] = [];
  const folders = services.filter((s) => s.files !== null).map((s) => ({ dir: resolve(s.service.out), files: s.files as GeneratedFile[] }));
  if (request.typecheck && folders.length > 0) {
    const t = performance.now();
    typecheckDiagnostics = typecheckGenerated(folders);
    timings.typecheck = performance.now() - t;
  }
  return { services, typecheckDiagnostics, typechecked: request.typecheck && folders.length > 0, timings };
}

/** What writing one service's files did. */
export interface WriteOutcome {
  written: string[];
  removed: string[];
  unchanged: number;
}

/** Writes the files of one service (only the changed ones; stale generated files are removed). */
export function writeGenerated(outcome: ServiceOutcome): WriteOutcome {
  const files = outcome.files ?? [];
  const result = writeOutput(outcome.service.out, files);
  return { ...result, unchanged: files.length - result.written.length };
}

/** Compares one service's output folder with what would be written. */
export function compareGenerated(outcome: ServiceOutcome): OutputDifference[] {
  return compareOutput(outcome.service.out, outcome.files ?? []);
}
