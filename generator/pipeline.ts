/**
 * The front half of the generator: load → parse → resolve → model (the resolve passes also check
 * the WSDL parts' references and set the MTOM flags of operations).
 * Each step appends to one diagnostics list; warnings never stop the pipeline.
 */
import type { Diagnostic, Model } from './model/model.js';
import type { LoadOptions } from './load/types.js';
import { loadDescription } from './load/load.js';
import { parseSchemas } from './parse/xsd/parse-schemas.js';
import { parseWsdl } from './parse/wsdl/parse-wsdl.js';
import { resolveSchema } from './resolve/resolve.js';
import { markMtomOperations } from './resolve/mtom.js';
import { serviceRoots } from './parse/wsdl/service-roots.js';
import { diagnostic, sortDiagnostics } from './model/diagnostics.js';
import { schemaRoots } from './model/schema-roots.js';
import { didYouMean } from '@volet/runtime/codec';

/** Per-operation MTOM settings of a `volet.config.json` service (operation name → on/off). */
export interface MtomSettings {
  readonly operations: Readonly<Record<string, boolean>>;
  /** Where they were written (`volet.config.json`), for diagnostics. */
  readonly file: string;
  /** Their JSON path there (`services[2].mtom`). */
  readonly path: string;
}

/** Options of {@link buildModel}. */
export interface BuildModelOptions extends LoadOptions {
  /** MTOM settings overriding what the schemas and the IHE actions say (see `resolve/mtom.ts`). */
  readonly mtom?: MtomSettings;
  /**
   * Allocate the names of the generated code in this model (default true). `volet generate` turns it
   * off: the run's merged model gets its own names, which replace all of these (see `resolveSchema`).
   */
  readonly names?: boolean;
}

/** Builds the model of one service description from its entry files (WSDL or XSD). */
export function buildModel(entries: string[], options: BuildModelOptions = {}): Model {
  const loaded = loadDescription(entries, options);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const components = parseSchemas(loaded, diagnostics);
  const services = parseWsdl(loaded, diagnostics);
  // A description without services (XSDs alone): every global element may be a document root.
  const xsdOnly = services.length === 0 && loaded.documents.every((d) => d.kind === 'xsd');
  const roots = xsdOnly ? schemaRoots(components) : serviceRoots(services);
  const schema = resolveSchema(components, roots, diagnostics, services, { names: options.names !== false });
  if (options.mtom !== undefined) {
    // The configured overrides, over what the mtom-operations pass found.
    const unknownMtom = markMtomOperations(services, schema, options.mtom.operations);
    const names = services.flatMap((s) => s.ports.flatMap((p) => p.operations.map((o) => o.name)));
    for (const name of unknownMtom) {
      const message = `${options.mtom.path}: no operation "${name}" in this description${didYouMean(name, [...new Set(names)])}`;
      diagnostics.push(diagnostic('error', { file: options.mtom.file, line: 0, column: 0 }, message, 'unknown-operation'));
    }
  }
  return {
    modelVersion: 1,
    entries: [...entries],
    sources: loaded.documents.map((d) => d.displayPath).sort(),
    services,
    schema,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** True when the diagnostics hold at least one error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
