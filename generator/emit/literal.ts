/**
 * Writes plain data (strings, numbers, booleans, null, arrays, objects) as a TypeScript literal:
 * single-quoted strings, bare keys where possible, and a layout that keeps short values on one
 * line and puts one entry per line otherwise (trailing commas), so diffs stay small.
 */
import { propertyKey, quote } from './ts-text.js';

/** A value that can be written as a literal. `undefined` members of objects are skipped. */
export type Literal = string | number | boolean | null | Suffixed | readonly Literal[] | { readonly [key: string]: Literal | undefined };

/** A value written with a suffix, such as ` as const`. */
export class Suffixed {
  constructor(
    readonly value: Literal,
    readonly suffix: string,
  ) {}
}

/** Width past which a value is broken over several lines. */
const WIDTH = 120;

/**
 * The literal text of `value`, starting at column `indent.length + lead` (`lead`: what precedes the
 * value on its line after the indentation, such as `key: `, plus a trailing comma).
 */
export function literal(value: Literal, indent = '', lead = 0): string {
  if (value instanceof Suffixed) return literal(value.value, indent, lead + value.suffix.length) + value.suffix;
  const inline = inlineText(value, WIDTH - indent.length - lead);
  if (inline !== null) return inline;
  if (typeof value !== 'object' || value === null) return inlineText(value, Infinity) ?? '';
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${literal(v, inner, 1)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => {
      const key = propertyKey(k, 'object');
      return `${inner}${key}: ${literal(v, inner, key.length + 3)},`;
    })
    .join('\n')}\n${indent}}`;
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

/**
 * The one-line text of `value`, or null as soon as it would exceed `budget` characters: values
 * broken over lines are never rendered inline in full, which keeps the whole layout linear.
 */
function inlineText(value: Literal, budget: number): string | null {
  if (value === null) return 'null';
  if (value instanceof Suffixed) {
    const inner = inlineText(value.value, budget - value.suffix.length);
    return inner === null ? null : inner + value.suffix;
  }
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let out: string;
  if (isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = inlineText(value[i], budget - out.length);
      if (item === null) return null;
      out += (i === 0 ? '' : ', ') + item;
      if (out.length > budget) return null;
    }
    out += ']';
    return out.length > budget ? null : out;
  }
  out = '{';
  let first = true;
  for (const key in value) {
    const v = value[key];
    if (v === undefined) continue;
    const item = inlineText(v, budget - out.length);
    if (item === null) return null;
    out += `${first ? ' ' : ', '}${propertyKey(key, 'object')}: ${item}`;
    first = false;
    if (out.length > budget) return null;
  }
  if (first) return '{}';
  out += ' }';
  return out.length > budget ? null : out;
}
