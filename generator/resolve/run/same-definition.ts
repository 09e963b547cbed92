/**
 * Whether two schema components of a run define the same thing: what their JSON texts, without the
 * keys that say where they were read, what reaches them or what they are named, would tell — compared
 * in one walk that stops at the first difference instead of writing both texts (the run compares
 * thousands of components declared by two versions of one schema).
 */
import type { AttributeDeclaration, ElementDeclaration, TypeDefinition } from '../../model/model.js';

/** Keys left out at every depth: not part of what a component defines. */
export const NOT_DEFINITION: ReadonlySet<string> = new Set([
  'source',
  'reached',
  'tsName',
  'valuesName',
  'unionName',
  'documentation',
  'derivedTypes',
  'substitutionMembers',
]);

type Component = TypeDefinition | ElementDeclaration | AttributeDeclaration;

/** The JSON text of a component without the {@link NOT_DEFINITION} keys (what {@link sameDefinition} compares). */
export function definitionText(c: Component): string {
  return JSON.stringify(c, (key, value: unknown) => (NOT_DEFINITION.has(key) ? undefined : value));
}

/** True when `JSON.stringify` leaves a property with this value out (and writes `null` for it in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** What `JSON.stringify` writes `null` for: non-finite numbers, and omitted values inside arrays. */
function asJsonNull(v: unknown): unknown {
  return (typeof v === 'number' && !Number.isFinite(v)) || omitted(v) ? null : v;
}

/** The keys JSON writes for an object, in its order. */
function writtenKeys(o: object): string[] {
  const keys: string[] = [];
  for (const k of Object.keys(o)) if (!NOT_DEFINITION.has(k) && !omitted((o as Record<string, unknown>)[k])) keys.push(k);
  return keys;
}

/** Same JSON text (keys of {@link NOT_DEFINITION} left out) for two plain-data values. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  a = asJsonNull(a);
  b = asJsonNull(b);
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  if (arrayA) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(x[i], y[i])) return false;
    return true;
  }
  const keysA = writtenKeys(a);
  const keysB = writtenKeys(b);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const k = keysA[i];
    if (k !== keysB[i]) return false;
    if (!sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/**
 * True when two components have the same {@link definitionText} (the same keys in the same order
 * and the same values), found without writing either text.
 */
export function sameDefinition(a: Component, b: Component): boolean {
  return sameJson(a, b);
}
