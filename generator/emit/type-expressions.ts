/**
 * TypeScript type expressions for type references: built-ins mapped the way the runtime decodes
 * them (docs/mapping.md), model types by their allocated names, and complex types that other
 * emitted types derive from by their polymorphic union (`<Name>OrDerived`, named by resolve).
 * {@link Retyped}: `rt.Retyped`, the runtime's `{ $type, $value }` of a simple element retyped by `xsi:type`.
 */
import { isBuiltin, XSD_NS, type ComplexTypeDefinition, type SimpleTypeDefinition, type TypeDefinition, type TypeRef } from '../model/model.js';
import { builtinKind, simpleKind, type ValueKind } from '../resolve/value-kind.js';
import { localOf, namespaceOf, type SchemaIndex } from './schema-index.js';

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
  /** The module of each id or name asked for so far. */
  private readonly moduleById = new Map<string, string>();
  /** Simple types whose elements show the retyped form: unions (`xsi:type` names the member a value is of). */
  private readonly retypable = new Set<TypeRef>();

  constructor(index: SchemaIndex, modules: ReadonlyMap<string, string>) {
    this.index = index;
    this.modules = modules;
    for (const t of index.types) if (t.kind === 'simple' && t.variety === 'union') this.retypable.add(t.id);
    for (const t of index.types) {
      if (t.kind !== 'complex' || this.concreteVariants(t).length <= (t.abstract ? 0 : 1)) continue;
      // Resolve names the union of every type a concrete named type derives from (the emitted ones are among them).
      if (t.unionName === undefined) throw new Error(`no union name allocated for ${t.id}`);
      this.unions.set(t.id, t.unionName);
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
    // Asked for every type and element written, many times each: remembered by id.
    let module = this.moduleById.get(idOrName);
    if (module === undefined) {
      module = this.modules.get(namespaceOf(idOrName)) ?? 'no-namespace';
      this.moduleById.set(idOrName, module);
    }
    return module;
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
    return simpleKind(type, (ref) => this.index.type(ref));
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
