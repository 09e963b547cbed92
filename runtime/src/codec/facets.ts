/**
 * Facet validation (optional, off by default: `validate: true` turns it on). Checks the value
 * against the facets of every derivation step of its simple type.
 */
import type { FacetsDescriptor } from './descriptors.js';
import { InvalidValue, type ValueKind } from './builtins.js';

/** A compiled facet check: throws {@link InvalidValue} when the value does not satisfy it. */
export type FacetCheck = (value: unknown, lexical: string) => void;

const patternCache = new Map<string, RegExp | null>();

/**
 * True when a character class subtracts another (`[a-z-[aeiou]]`): `-[` inside a class. Outside a
 * class `-[` is a literal hyphen then a class (`[0-9]{4}-[0-9]{2}`), which translates as it is.
 */
function hasClassSubtraction(pattern: string): boolean {
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && depth > 0) depth--;
    else if (c === '-' && depth > 0 && pattern[i + 1] === '[') return true;
  }
  return false;
}

/**
 * Translates an XSD regular expression to a JavaScript one (implicitly anchored). Returns null for
 * constructs JavaScript cannot express the same way (character class subtraction, `\p{Is…}`
 * blocks), in which case the pattern is not checked.
 */
export function xsdPattern(pattern: string): RegExp | null {
  const cached = patternCache.get(pattern);
  if (cached !== undefined) return cached;
  let result: RegExp | null = null;
  if (!hasClassSubtraction(pattern) && !/\\p\{Is|\\P\{Is/.test(pattern)) {
    // `\-` is an escape anywhere in XSD, only inside a class in a JavaScript `u` expression.
    const translated = pattern
      .replace(/\\(.)/g, (sequence, c: string) => (c === '-' ? '\\x2D' : sequence))
      .replace(
        /\\i/g,
        '[A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD]',
      )
      .replace(/\\I/g, '[^A-Za-z_:\\u00C0-\\uFFFD]')
      .replace(/\\c/g, '[-.0-9A-Za-z_:\\u00B7\\u00C0-\\uFFFD]')
      .replace(/\\C/g, '[^-.0-9A-Za-z_:\\u00B7\\u00C0-\\uFFFD]');
    try {
      result = new RegExp(`^(?:${translated})$`, 'u');
    } catch {
      result = null;
    }
  }
  patternCache.set(pattern, result);
  return result;
}

function lengthOf(value: unknown, lexical: string, kind: ValueKind): number {
  if (kind === 'binary' && value instanceof Uint8Array) return value.byteLength;
  if (kind === 'list' && Array.isArray(value)) return value.length;
  // Length counts characters (code points), not UTF-16 units.
  let n = 0;
  for (const _ of lexical) n++;
  return n;
}

function compare(a: string, b: string, kind: ValueKind): number | undefined {
  if (kind === 'number' || kind === 'decimal' || kind === 'integer') {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
    if (kind === 'integer' && (!Number.isSafeInteger(x) || !Number.isSafeInteger(y))) {
      const bx = BigInt(a.replace(/^\+/, ''));
      const by = BigInt(b.replace(/^\+/, ''));
      return bx < by ? -1 : bx > by ? 1 : 0;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // Dates and times with the same shape compare lexically (time zones aside).
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/** Compiles the facets of one derivation step into checks. */
export function compileFacets(facets: FacetsDescriptor, kind: ValueKind, name: string): FacetCheck[] {
  const checks: FacetCheck[] = [];
  const fail = (why: string): never => {
    throw new InvalidValue(name, why);
  };
  if (facets.enumeration !== undefined) {
    const allowed = new Set(facets.enumeration);
    checks.push((value, lexical) => {
      const key =
        kind === 'qname' && typeof value === 'object' && value !== null
          ? `{${(value as { namespace: string }).namespace}}${(value as { local: string }).local}`
          : lexical;
      if (!allowed.has(key) && !allowed.has(lexical)) fail('not one of the enumerated values');
    });
  }
  if (facets.pattern !== undefined) {
    const res = facets.pattern.map(xsdPattern).filter((r): r is RegExp => r !== null);
    if (res.length === facets.pattern.length && res.length > 0) {
      checks.push((_value, lexical) => {
        if (!res.some((r) => r.test(lexical))) fail('does not match the pattern');
      });
    }
  }
  const { length, minLength, maxLength } = facets;
  if (length !== undefined || minLength !== undefined || maxLength !== undefined) {
    checks.push((value, lexical) => {
      const n = lengthOf(value, lexical, kind);
      if (length !== undefined && n !== length) fail('wrong length');
      if (minLength !== undefined && n < minLength) fail('too short');
      if (maxLength !== undefined && n > maxLength) fail('too long');
    });
  }
  const bounds: [string | undefined, (c: number) => boolean, string][] = [
    [facets.minInclusive, (c) => c >= 0, 'below minInclusive'],
    [facets.minExclusive, (c) => c > 0, 'not above minExclusive'],
    [facets.maxInclusive, (c) => c <= 0, 'above maxInclusive'],
    [facets.maxExclusive, (c) => c < 0, 'not below maxExclusive'],
  ];
  for (const [bound, ok, why] of bounds) {
    if (bound === undefined) continue;
    checks.push((_value, lexical) => {
      const c = compare(lexical, bound, kind);
      if (c !== undefined && !ok(c)) fail(why);
    });
  }
  if (facets.totalDigits !== undefined || facets.fractionDigits !== undefined) {
    const { totalDigits, fractionDigits } = facets;
    checks.push((_value, lexical) => {
      const m = /^[+-]?0*([0-9]*)(?:\.([0-9]*?)0*)?$/.exec(lexical);
      if (m === null) return;
      const int = m[1];
      const frac = m[2] ?? '';
      if (totalDigits !== undefined && int.length + frac.length > totalDigits) fail('too many digits');
      if (fractionDigits !== undefined && frac.length > fractionDigits) fail('too many fraction digits');
    });
  }
  return checks;
}
