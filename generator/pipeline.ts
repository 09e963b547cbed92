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
import { serviceRoots } from './parse/wsdl/service-roots.js';
import { sortDiagnostics } from './model/diagnostics.js';

/** Options of {@link buildModel}. */
export type BuildModelOptions = LoadOptions;

/** Builds the model of one service description from its entry files (WSDL or XSD). */
export function buildModel(entries: string[], options: BuildModelOptions = {}): Model {
  const loaded = loadDescription(entries, options);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const components = parseSchemas(loaded, diagnostics);
  const services = parseWsdl(loaded, diagnostics);
  const schema = resolveSchema(components, serviceRoots(services), diagnostics, services);
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
