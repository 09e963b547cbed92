/**
 * The state the resolve passes share: the raw components going in, the model components coming out,
 * and the diagnostics. Each pass reads what earlier passes produced and adds its own part.
 */
import type { AttributeDeclaration, SchemaModel, Service, Diagnostic, ElementDeclaration, SourceLocation, TypeDefinition, TypeRef } from '../model/model.js';
import { diagnostic } from '../model/diagnostics.js';
import type { ServiceRoots } from '../model/roots.js';
import type { RawType, SchemaComponents } from '../parse/xsd/components.js';

/** What the passes share. */
export interface ResolveContext {
  readonly components: SchemaComponents;
  readonly roots: ServiceRoots;
  readonly diagnostics: Diagnostic[];
  /** Every raw type, named and anonymous, by id (filled by the collect pass). */
  readonly rawTypes: Map<TypeRef, RawType>;
  /** Model types by id (filled by the build pass). */
  readonly types: Map<TypeRef, TypeDefinition>;
  /** Model global elements by QName. */
  readonly elements: Map<string, ElementDeclaration>;
  /** Model global attributes by QName. */
  readonly attributes: Map<string, AttributeDeclaration>;
  /** The WSDL services whose parts the last passes check and flag (none for XSD-only inputs). */
  readonly services: readonly Service[];
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The last schema model made of each context, with the sizes of the maps it was made from. */
const made = new WeakMap<ResolveContext, { sizes: string; schema: SchemaModel }>();

/**
 * The schema model the passes have built so far: every list sorted, as {@link SchemaModel} says.
 * Passes only add components (never replace or remove one): while no map has grown, the lists last
 * made hold the same components and are reused (the last passes and the result ask for them in turn).
 */
export function schemaOf(ctx: ResolveContext): SchemaModel {
  const sizes = `${ctx.components.namespaces.length} ${ctx.types.size} ${ctx.elements.size} ${ctx.attributes.size}`;
  const last = made.get(ctx);
  if (last !== undefined && last.sizes === sizes) return { ...last.schema };
  const schema: SchemaModel = {
    namespaces: [...ctx.components.namespaces].sort(byCodeUnit),
    types: [...ctx.types.values()].sort((a, b) => byCodeUnit(a.id, b.id)),
    elements: [...ctx.elements.values()].sort((a, b) => byCodeUnit(a.name, b.name)),
    attributes: [...ctx.attributes.values()].sort((a, b) => byCodeUnit(a.name, b.name)),
  };
  made.set(ctx, { sizes, schema });
  return { ...schema };
}

/** A fresh context. */
export function createContext(components: SchemaComponents, roots: ServiceRoots, diagnostics: Diagnostic[], services: readonly Service[] = []): ResolveContext {
  return {
    components,
    roots,
    diagnostics,
    services,
    rawTypes: new Map(),
    types: new Map(),
    elements: new Map(),
    attributes: new Map(),
  };
}

/** Reports a problem at a source location. */
export function report(ctx: ResolveContext, severity: Diagnostic['severity'], at: SourceLocation, message: string, code: string): void {
  ctx.diagnostics.push(diagnostic(severity, at, message, code));
}

/** One resolve pass: a name (for errors and docs) and what it does to the context. */
export interface ResolvePass {
  name: string;
  run(ctx: ResolveContext): void;
}
