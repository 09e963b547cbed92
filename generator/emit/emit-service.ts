/**
 * Emits the files of a run: one module per target namespace under the schemas folder
 * (`<module>/types.ts`, `<module>/elements.ts`, `<module>/index.ts`) and the run's schema
 * descriptor (`schema.ts`), written once and shared by every service; and per service folder
 * `descriptors.ts` (ports, typed operations), `client.ts` and `index.ts` (which re-exports the
 * schema modules the service uses). Pure: the same models, version and hash give byte-identical
 * files. Nothing is written here.
 */
import type { Model, Service } from '../model/model.js';
import type { NameOverrides } from '../resolve/run/client-names.js';
import { mergeRunModels, type RunModel } from '../resolve/run/run-model.js';
import { clientParts, clientText } from './client-file.js';
import { elementStatements, operationKeys, portStatements, schemaStatements } from './descriptors-file.js';
import { createEmitContext, type EmitContext } from './emit-context.js';
import { fileHeader } from './header.js';
import type { GeneratedFile } from '../generate/output.js';
import { printStatements } from './print.js';
import { SchemaIndex } from './schema-index.js';
import { typesStatements } from './types-file.js';

/** What {@link emitRun} needs besides the models. */
export interface EmitOptions {
  /** The generator version written in headers. */
  version: string;
  /** The inputs hash written in headers (see header.ts). */
  inputsHash: string;
  /** The entries as shown in headers (relative, forward slashes). */
  source: string;
  /**
   * Extension of relative imports: `js` (default) for code compiled by tsc or a bundler, `ts` for
   * code run as is by Node's type stripping (vendors then set `rewriteRelativeImportExtensions`).
   */
  importExtension?: 'js' | 'ts';
}

/** One service folder to emit. */
export interface ServiceToEmit {
  /** The configured name (`RunModel.services[].from`). */
  name: string;
  /** The path from the service folder to the schemas folder, with forward slashes (`../schemas`). */
  schemas: string;
}

/** The files of one service folder and what they hold. */
export interface ServiceFiles {
  files: GeneratedFile[];
  /** Schema types the service uses (declared in the shared modules). */
  typeCount: number;
  /** Global elements the service uses. */
  elementCount: number;
  ports: number;
  operations: number;
  /** Name overrides that matched nothing (`names.ports.X`…). */
  unusedNames: string[];
}

/** The emitted files of a run. */
export interface RunFiles {
  /** The schemas folder's files, relative to it. */
  schemas: GeneratedFile[];
  /** Each service folder's files, in the order asked. */
  services: ServiceFiles[];
  /** Schema types declared in the modules (each once). */
  typeCount: number;
}

/** Ends text with exactly one newline. */
function finish(text: string): string {
  return text.trimEnd() + '\n';
}

/** The run model as a {@link Model} (every service over the merged schema). */
function runAsModel(run: RunModel, services: Service[]): Model {
  return { modelVersion: 1, entries: [], sources: [], services, schema: run.schema, diagnostics: [] };
}

/** Emits every file of a run. */
export function emitRun(run: RunModel, services: readonly ServiceToEmit[], options: EmitOptions): RunFiles {
  const ctx = createEmitContext(
    runAsModel(
      run,
      run.services.map((s) => s.service),
    ),
    run.modules,
  );
  const header = fileHeader(options.version, options.inputsHash, options.source) + '\n';
  const schemas: GeneratedFile[] = [{ path: 'schema.ts', content: header + finish(printStatements(schemaStatements(ctx))) }];
  let typeCount = 0;
  const modules = [...new Set([...ctx.index.types.map((t) => ctx.exprs.moduleOf(t.id)), ...ctx.index.elements.map((e) => ctx.exprs.moduleOf(e.name))])].sort();
  for (const module of modules) {
    const types = typesStatements(ctx, module);
    typeCount += types.typeCount;
    const exports = [];
    if (types.typeCount > 0) {
      schemas.push({ path: `${module}/types.ts`, content: header + finish(printStatements(types.statements)) });
      exports.push("export * from './types.js';");
    }
    const elements = elementStatements(ctx, module);
    if (elements !== null) {
      schemas.push({ path: `${module}/elements.ts`, content: header + finish(printStatements(elements)) });
      exports.push("export * from './elements.js';");
    }
    schemas.push({ path: `${module}/index.ts`, content: header + exports.join('\n') + '\n' });
  }
  const out = services.map((s) => emitServiceFolder(ctx, run, s, header));
  if (options.importExtension === 'ts') {
    for (const f of [...schemas, ...out.flatMap((s) => s.files)]) f.content = tsExtensions(f.content);
  }
  return { schemas, services: out, typeCount };
}

/** Relative import and export specifiers ending in `.js` rewritten to `.ts`. */
function tsExtensions(text: string): string {
  return text.replace(/ from '(\.{1,2}\/[^']*)\.js';$/gm, " from '$1.ts';");
}

/** Emits one service folder. */
function emitServiceFolder(run: EmitContext, model: RunModel, service: ServiceToEmit, header: string): ServiceFiles {
  const own = model.services.filter((s) => s.from === service.name).map((s) => s.service);
  const named = model.folders.get(service.name) ?? { ports: [], unused: [] };
  const ctx: EmitContext = { ...run, ports: named.ports };
  const parts = clientParts(ctx, operationKeys, service.schemas);
  const client = clientText(parts);
  const descriptors = portStatements(ctx, parts.typed, parts.headersTypes, parts.typeImports);
  // The modules this service reaches: the ones its index re-exports.
  const index = new SchemaIndex(runAsModel(model, own), true, run.index);
  const used = [...new Set([...index.types.map((t) => run.exprs.moduleOf(t.id)), ...index.elements.map((e) => run.exprs.moduleOf(e.name))])].sort();
  const indexLines = [
    "export * from './descriptors.js';",
    "export * from './client.js';",
    `export { schema } from '${service.schemas}/schema.js';`,
    ...used.map((m) => `export * from '${service.schemas}/${m}/index.js';`),
  ];
  return {
    files: [
      { path: 'descriptors.ts', content: header + finish(printStatements(descriptors)) },
      { path: 'client.ts', content: header + finish(client) },
      { path: 'index.ts', content: header + indexLines.join('\n') + '\n' },
    ],
    typeCount: index.types.length,
    elementCount: index.elements.length,
    ports: ctx.ports.length,
    operations: ctx.ports.reduce((n, p) => n + p.port.operations.length, 0),
    unusedNames: named.unused,
  };
}

/** The files of one service description generated alone, its schemas folder inside it (`schemas/`): for tests and tools. */
export interface EmitResult {
  files: GeneratedFile[];
  typeCount: number;
  elementCount: number;
  ports: number;
  operations: number;
}

/** Emits one model as a run of one service whose schemas folder is `./schemas` (paths relative to the service folder). */
export function emitService(model: Model, options: EmitOptions, names: NameOverrides = {}): EmitResult {
  const run = mergeRunModels([{ name: 'service', model, names }]);
  const files = emitRun(run, [{ name: 'service', schemas: './schemas' }], options);
  const service = files.services[0] as ServiceFiles;
  return {
    files: [...files.schemas.map((f) => ({ path: `schemas/${f.path}`, content: f.content })), ...service.files],
    typeCount: files.typeCount,
    elementCount: service.elementCount,
    ports: service.ports,
    operations: service.operations,
  };
}
