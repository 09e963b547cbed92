/**
 * TypeScript type expressions for type references: built-ins mapped the way the runtime decodes
 * them (docs/mapping.md), model types by their allocated names, and complex types that other
 * types derive from by their polymorphic union (`<Name>OrDerived`).
 * {@link Retyped}: `rt.Retyped`, the runtime's `{ $type, $value }` of a simple element retyped by `xsi:type`.
 */
import { isBuiltin, XSD_NS, type ComplexTypeDefinition, type SimpleTypeDefinition, type TypeDefinition, type TypeRef } from '../model/model.js';
import type { NameRegistry } from './name-registry.js';
import { localOf, namespaceOf, type SchemaIndex } from './schema-index.js';

/** Built-ins decoded to numbers (32-bit-or-smaller integers, float, double). */
const NUMBER_BUILTINS = new Set(['float', 'double', 'int', 'short', 'byte', 'unsignedInt', 'unsignedShort', 'unsignedByte']);
/** Built-in list types: arrays of strings. */
const LIST_BUILTINS = new Set(['NMTOKENS', 'IDREFS', 'ENTITIES']);

/** How a simple value is represented; decides which enumeration values become literals. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'binary' | 'qname' | 'list' | 'unknown';

/** The value kind of a built-in, by local name. */
export function builtinKind(local: string): ValueKind {
  if (NUMBER_BUILTINS.has(local)) return 'number';
  if (local === 'boolean') return 'boolean';
  if (local === 'base64Binary' || local === 'hexBinary') return 'binary';
  if (local === 'QName' || local === 'NOTATION') return 'qname';
  if (LIST_BUILTINS.has(local)) return 'list';
  if (local === 'anyType') return 'unknown';
  // strings, dates and times (lexical form kept), decimal and unbounded/64-bit integers (strings, lossless)
  return 'string';
}

/** Where an expression is written: `types.ts` refers to types bare, the other files through `t.`. */
export interface ExpressionScope {
  /** Prefix of generated type names (`''` in types.ts, `'t.'` elsewhere). */
  types: string;
  /** Prefix of runtime types (`'rt.'`). */
  runtime: string;
  /** Set when an expression used a runtime type (so the file imports the runtime namespace). */
  usedRuntime?: boolean;
  /** The schema module the expression is written in (`null` in a service folder). */
  module?: string | null;
  /** Names the file imports from schema modules, by module (filled as expressions name types). */
  imports?: Map<string, Set<string>>;
}

/** Builds type expressions for one generated folder. */
export class TypeExpressions {
  private readonly index: SchemaIndex;
  /** Polymorphic union names, by complex type id. */
  private readonly unions = new Map<TypeRef, string>();

  private readonly modules: ReadonlyMap<string, string>;
  /** Simple types whose elements show the retyped form: unions (`xsi:type` names the member a value is of). */
  private readonly retypable = new Set<TypeRef>();

  constructor(index: SchemaIndex, names: NameRegistry, modules: ReadonlyMap<string, string>) {
    this.index = index;
    this.modules = modules;
    for (const t of index.types) if (t.kind === 'simple' && t.variety === 'union') this.retypable.add(t.id);
    for (const t of index.types) {
      if (t.kind !== 'complex') continue;
      if (this.concreteVariants(t).length > (t.abstract ? 0 : 1)) this.unions.set(t.id, names.allocate(`${t.tsName}OrDerived`));
    }
  }

  /** The polymorphic union name of a complex type, if it has one. */
  unionName(type: ComplexTypeDefinition): string | undefined {
    return this.unions.get(type.id);
  }

  /** The concrete types a value declared as `type` may have: itself unless abstract, then its named derived types. */
  concreteVariants(type: ComplexTypeDefinition): ComplexTypeDefinition[] {
    const derived = this.index.derivedNamed(type).filter((d) => !d.abstract);
    return type.abstract ? derived : [type, ...derived];
  }

  /** The TypeScript type of a value of type `ref`. */
  expression(ref: TypeRef, scope: ExpressionScope): string {
    if (isBuiltin(ref)) return this.builtin(localOf(ref), scope);
    const t = this.index.type(ref);
    if (t === undefined || !this.index.isEmittedType(ref)) return 'unknown';
    if (t.kind === 'complex') {
      const union = this.unions.get(t.id);
      return this.refer(t, union ?? t.tsName, scope);
    }
    return this.refer(t, t.tsName, scope);
  }

  /**
   * The TypeScript type of an element's value of type `ref`: {@link expression}, and for a simple
   * type also {@link Retyped} (`{ $type, $value }`), what decode gives when the element carries
   * `xsi:type` (docs/mapping.md), for a union type, where naming the member is what `xsi:type` is
   * for. Other simple types are left as they are, though decode keeps an `xsi:type` on them too:
   * widening them (tried: every element whose type other named types restrict) put
   * `string | Retyped` on most INSi and DMP context fields and broke 21 readers in our own simulators,
   * for what those schemas never intend. Attributes and simple content cannot be retyped.
   */
  elementValue(ref: TypeRef, scope: ExpressionScope): string {
    const t = this.expression(ref, scope);
    if (t === 'unknown' || !this.retypable.has(ref)) return t;
    scope.usedRuntime = true;
    return `${t} | ${scope.runtime}Retyped`;
  }

  /** The module a type or element (by its id or QName) is declared in. */
  moduleOf(idOrName: string): string {
    return this.modules.get(namespaceOf(idOrName)) ?? 'no-namespace';
  }

  /** A name declared by the module of `t` (the type itself, or its union), imported when written in another module. */
  refer(t: TypeDefinition, name: string, scope: ExpressionScope): string {
    if (scope.imports !== undefined) {
      const module = this.moduleOf(t.id);
      if (module !== scope.module) {
        const set = scope.imports.get(module) ?? new Set<string>();
        set.add(name);
        scope.imports.set(module, set);
      }
    }
    return scope.types + name;
  }

  /** The TypeScript type of a built-in, by local name. */
  builtin(local: string, scope: ExpressionScope): string {
    switch (builtinKind(local)) {
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'binary':
        return 'Uint8Array';
      case 'qname':
        scope.usedRuntime = true;
        return `${scope.runtime}QName`;
      case 'list':
        return 'string[]';
      case 'unknown':
        return 'unknown';
      case 'string':
        return 'string';
    }
  }

  /** The value kind of a simple type (walking restrictions down to the built-in). */
  simpleKind(type: SimpleTypeDefinition): ValueKind {
    if (type.variety === 'list') return 'list';
    if (type.variety === 'union') return 'unknown';
    if (type.builtin !== null) return builtinKind(type.builtin);
    let ref: TypeRef | null = type.base;
    for (let guard = 0; ref !== null && guard < 100; guard++) {
      if (isBuiltin(ref)) return builtinKind(localOf(ref));
      const next = this.index.type(ref);
      if (next === undefined || next.kind !== 'simple') return 'string';
      if (next.variety !== 'atomic') return next.variety === 'list' ? 'list' : 'unknown';
      ref = next.base;
    }
    return 'string';
  }
}

/** `X[]`, parenthesised when `X` is a union or intersection. */
export function arrayOf(element: string): string {
  return hasTopLevelOperator(element) ? `(${element})[]` : `${element}[]`;
}

/** True when a type expression has a `|` or `&` outside brackets (so it needs parentheses). */
export function hasTopLevelOperator(expression: string): boolean {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (quoted) {
      if (c === '\\') i++;
      else if (c === "'") quoted = false;
    } else if (c === "'") quoted = true;
    else if (c === '<' || c === '(' || c === '{' || c === '[') depth++;
    else if (c === '>' || c === ')' || c === '}' || c === ']') depth--;
    else if ((c === '|' || c === '&') && depth === 0) return true;
  }
  return false;
}

/** The XML Schema namespace, for callers that build built-in references. */
export const XSD = XSD_NS;
