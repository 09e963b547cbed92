/**
 * Property access for values keyed by names from a description. A schema may name an element
 * `constructor`, `toString` or `valueOf`: on a plain object those read the inherited member (a
 * function) instead of "absent", and assigning `__proto__` would replace the prototype. The codec
 * reads and writes value properties through these helpers only.
 */

/** The own property `key` of `obj`, or undefined (never an inherited member). */
export function ownValue(obj: object, key: string): unknown {
  return Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** Sets the own property `key` (an ordinary property even for `__proto__`). */
export function setOwn(obj: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else (obj as Record<string, unknown>)[key] = value;
}

/** The own array property `key`, created empty when absent. */
export function ownArray(obj: object, key: string): unknown[] {
  const existing = ownValue(obj, key);
  if (Array.isArray(existing)) return existing as unknown[];
  const created: unknown[] = [];
  setOwn(obj, key, created);
  return created;
}

/**
 * True when `key` names a member of `Object.prototype` (`constructor`, `toString`, `__proto__`…):
 * only such a property needs {@link ownValue} and {@link setOwn}; for any other name a plain read
 * of an object made by `{}` is undefined when absent, and a plain assignment is an own property.
 */
export function isInheritedName(key: string): boolean {
  return key in Object.prototype;
}
