/**
 * Writes plain data (strings, numbers, booleans, null, arrays, objects) as a TypeScript literal:
 * single-quoted strings, bare keys where possible, and a layout that keeps short values on one
 * line and puts one entry per line otherwise (trailing commas), so diffs stay small.
 */
import { propertyKey, quote } from './ts-text.js';

/** A value that can be written as a literal. `undefined` members of objects are skipped. */
export type Literal = string | number | boolean | null | readonly Literal[] | { readonly [key: string]: Literal | undefined };

/** Width past which a value is broken over several lines. */
const WIDTH = 120;

/** The literal text of `value`, starting at column `indent.length`. */
export function literal(value: Literal, indent = ''): string {
  const inline = inlineText(value);
  if (inline.length + indent.length <= WIDTH || typeof value !== 'object' || value === null) return inline;
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k, 'object')}: ${literal(v, inner)},`).join('\n')}\n${indent}}`;
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

function inlineText(value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isArray(value)) return `[${value.map(inlineText).join(', ')}]`;
  const entries = Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${propertyKey(k, 'object')}: ${inlineText(v)}`).join(', ')} }`;
}
