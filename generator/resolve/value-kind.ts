/**
 * How a simple value is represented in generated code and by the runtime (docs/mapping.md): the
 * value kind of a built-in, and of a simple type through its restrictions. The naming pass needs it
 * to know which enumerations become literal unions with a `<Type>Values` constant; the emitters
 * write type expressions from it.
 */
import { isBuiltin, splitQName, type SimpleTypeDefinition, type TypeDefinition, type TypeRef } from '../model/model.js';

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

/** The value kind of a simple type (walking restrictions down to the built-in); `type` looks a type up by id. */
export function simpleKind(simple: SimpleTypeDefinition, type: (ref: TypeRef) => TypeDefinition | undefined): ValueKind {
  if (simple.variety === 'list') return 'list';
  if (simple.variety === 'union') return 'unknown';
  if (simple.builtin !== null) return builtinKind(simple.builtin);
  let ref: TypeRef | null = simple.base;
  for (let guard = 0; ref !== null && guard < 100; guard++) {
    if (isBuiltin(ref)) return builtinKind(splitQName(ref).local);
    const next = type(ref);
    if (next === undefined || next.kind !== 'simple') return 'string';
    if (next.variety !== 'atomic') return next.variety === 'list' ? 'list' : 'unknown';
    ref = next.base;
  }
  return 'string';
}

/** The literal kinds an enumeration constant can hold. */
export function enumerable(kind: ValueKind): kind is 'string' | 'number' | 'boolean' {
  return kind === 'string' || kind === 'number' || kind === 'boolean';
}

/** True when a simple type declares enumeration values that become a literal union (and a `<Type>Values` constant). */
export function hasLiteralEnumeration(simple: SimpleTypeDefinition, type: (ref: TypeRef) => TypeDefinition | undefined): boolean {
  return simple.variety === 'atomic' && (simple.facets.enumeration?.length ?? 0) > 0 && enumerable(simpleKind(simple, type));
}
