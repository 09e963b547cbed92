/**
 * The state the resolve passes share: the raw components going in, the model components coming out,
 * and the diagnostics. Each pass reads what earlier passes produced and adds its own part.
 */
import type {
  AttributeDeclaration,
  Diagnostic,
  ElementDeclaration,
  SourceLocation,
  TypeDefinition,
  TypeRef,
} from '../model/model.js';
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
}

/** A fresh context. */
export function createContext(components: SchemaComponents, roots: ServiceRoots, diagnostics: Diagnostic[]): ResolveContext {
  return {
    components,
    roots,
    diagnostics,
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
