/**
 * Test helpers for the schema front end: write small schemas to a temporary folder, then run
 * loadDescription → parseSchemas → resolveSchema and look things up in the model.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type {
  ComplexTypeDefinition,
  Diagnostic,
  ElementDeclaration,
  ElementTerm,
  Particle,
  SchemaModel,
  SimpleTypeDefinition,
  TypeDefinition,
} from '../../generator/model/model.js';
import { loadDescription } from '../../generator/load/load.js';
import type { LoadOptions, LoadResult } from '../../generator/load/types.js';
import { parseSchemas } from '../../generator/parse/xsd/parse-schemas.js';
import { resolveSchema } from '../../generator/resolve/resolve.js';
import type { ServiceRoots } from '../../generator/model/roots.js';

/** The XML Schema namespace, for building expected QNames. */
export const XS = 'http://www.w3.org/2001/XMLSchema';

/** `{XS}local`. */
export function xs(local: string): string {
  return `{${XS}}${local}`;
}

/** Writes files (path → text) under a fresh temporary folder; returns the folder. */
export function writeFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'volet-xsd-'));
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

/** Wraps schema body text in an `xs:schema` with a target namespace `urn:t` (prefix `t`) unless told otherwise. */
export function schema(body: string, attributes = 'targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified"'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="${XS}" ${attributes}>
${body}
</xs:schema>
`;
}

/** What the front end produced for some files. */
export interface FrontEndResult {
  dir: string;
  loaded: LoadResult;
  model: SchemaModel;
  diagnostics: Diagnostic[];
}

/** Runs the front end on files written to a temporary folder, the first file being the entry (unless `entries` says). */
export function runFiles(
  files: Record<string, string | Uint8Array>,
  roots: Partial<ServiceRoots> = {},
  options: LoadOptions & { entries?: string[] } = {},
): FrontEndResult {
  const dir = writeFiles(files);
  const entries = (options.entries ?? [Object.keys(files)[0] as string]).map((e) => join(dir, e));
  return runEntries(entries, roots, options, dir);
}

/** Runs the front end on existing entry files. */
export function runEntries(entries: string[], roots: Partial<ServiceRoots> = {}, options: LoadOptions = {}, dir = ''): FrontEndResult {
  const loaded = loadDescription(entries, options);
  const diagnostics = [...loaded.diagnostics];
  const components = parseSchemas(loaded, diagnostics);
  const model = resolveSchema(components, { elements: roots.elements ?? [], types: roots.types ?? [] }, diagnostics);
  return { dir, loaded, model, diagnostics };
}

/** Runs the front end on one schema text (file `main.xsd`). */
export function runSchema(text: string, roots: Partial<ServiceRoots> = {}): FrontEndResult {
  return runFiles({ 'main.xsd': text }, roots);
}

/** Errors only. */
export function errors(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** The type with an id; throws when absent. */
export function typeById(model: SchemaModel, id: string): TypeDefinition {
  const t = model.types.find((x) => x.id === id);
  if (!t) throw new Error(`no type ${id}; have ${model.types.map((x) => x.id).join(', ')}`);
  return t;
}

/** The complex type with an id. */
export function complexType(model: SchemaModel, id: string): ComplexTypeDefinition {
  const t = typeById(model, id);
  if (t.kind !== 'complex') throw new Error(`${id} is not complex`);
  return t;
}

/** The simple type with an id. */
export function simpleType(model: SchemaModel, id: string): SimpleTypeDefinition {
  const t = typeById(model, id);
  if (t.kind !== 'simple') throw new Error(`${id} is not simple`);
  return t;
}

/** The global element with a name. */
export function elementByName(model: SchemaModel, name: string): ElementDeclaration {
  const e = model.elements.find((x) => x.name === name);
  if (!e) throw new Error(`no element ${name}; have ${model.elements.map((x) => x.name).join(', ')}`);
  return e;
}

/** The top-level particle of a complex type with element or mixed content. */
export function particleOf(t: ComplexTypeDefinition): Particle {
  if ((t.content.kind !== 'element' && t.content.kind !== 'mixed') || !t.content.particle) throw new Error(`${t.id} has no particle`);
  return t.content.particle;
}

/** Every element term of a particle, depth first. */
export function elementTerms(p: Particle): ElementTerm[] {
  const t = p.term;
  if (t.kind === 'element') return [t];
  if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') return t.particles.flatMap(elementTerms);
  return [];
}
