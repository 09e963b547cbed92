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

/** True when `JSON.stringify` leaves a property with this value out (and writes `null` for it in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** What `JSON.stringify` writes `null` for: non-finite numbers, and omitted values inside arrays. */
function asJsonNull(v: unknown): unknown {
  return (typeof v === 'number' && !Number.isFinite(v)) || omitted(v) ? null : v;
}

/** True when JSON leaves this property of an object out (a left-out key, or an omitted value). */
function skipped(o: Record<string, unknown>, key: string): boolean {
  return NOT_DEFINITION.has(key) || omitted(o[key]);
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
  // The written keys of both, in order, compared as they are met (no filtered copies of the key lists).
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keysA = Object.keys(x);
  const keysB = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && skipped(x, keysA[i])) i++;
    while (j < keysB.length && skipped(y, keysB[j])) j++;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    const k = keysA[i];
    if (k !== keysB[j] || !sameJson(x[k], y[k])) return false;
    i++;
    j++;
  }
}

/**
 * True when two components have the same JSON text once the {@link NOT_DEFINITION} keys are left out
 * (the same keys in the same order and the same values), found without writing either text.
 */
export function sameDefinition(a: Component, b: Component): boolean {
  return sameJson(a, b);
}
