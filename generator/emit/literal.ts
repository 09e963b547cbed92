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
  // The one-line texts are remembered for this call only: a value may change between two calls.
  return layout(value, indent, lead, new Map());
}

/** {@link literal}, with the one-line texts of the arrays and objects met so far. */
function layout(value: Literal, indent: string, lead: number, oneLine: OneLineTexts): string {
  if (value instanceof Suffixed) return layout(value.value, indent, lead + value.suffix.length, oneLine) + value.suffix;
  const inline = inlineText(value, WIDTH - indent.length - lead, oneLine);
  if (inline !== null) return inline;
  if (typeof value !== 'object' || value === null) return inlineText(value, Infinity, oneLine) ?? '';
  const inner = `${indent}  `;
  if (isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${inner}${layout(v, inner, 1, oneLine)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries
    .map(([k, v]) => {
      const key = propertyKey(k, 'object');
      return `${inner}${key}: ${layout(v, inner, key.length + 3, oneLine)},`;
    })
    .join('\n')}\n${indent}}`;
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

/** The one-line texts of arrays and objects no wider than {@link WIDTH}, `null` for wider ones, as computed. */
type OneLineTexts = Map<object, string | null>;

/**
 * The one-line text of `value`, or null when it is an array or object wider than `budget`
 * (strings, numbers and the like are never broken). Each array or object is written on one line at
 * most once, and only up to {@link WIDTH} characters (no budget is wider): the layout tries every
 * value inline before breaking it, and its ancestors try it again.
 */
function inlineText(value: Literal, budget: number, oneLine: OneLineTexts): string | null {
  if (value instanceof Suffixed) {
    const inner = inlineText(value.value, budget - value.suffix.length, oneLine);
    return inner === null ? null : inner + value.suffix;
  }
  if (value === null || typeof value !== 'object') return scalarText(value);
  const text = containerText(value, oneLine);
  return text !== null && text.length <= budget ? text : null;
}

function scalarText(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** The one-line text of an array or object, or null when it is wider than {@link WIDTH}. */
function containerText(value: readonly Literal[] | { readonly [key: string]: Literal | undefined }, oneLine: OneLineTexts): string | null {
  const known = oneLine.get(value);
  if (known !== undefined) return known;
  const text = writeContainer(value, oneLine);
  oneLine.set(value, text);
  return text;
}

function writeContainer(value: readonly Literal[] | { readonly [key: string]: Literal | undefined }, oneLine: OneLineTexts): string | null {
  let out: string;
  if (isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item = inlineText(value[i], WIDTH - out.length, oneLine);
      if (item === null) return null;
      out += (i === 0 ? '' : ', ') + item;
      if (out.length > WIDTH) return null;
    }
    out += ']';
    return out.length > WIDTH ? null : out;
  }
  out = '{';
  let first = true;
  for (const key in value) {
    const v = value[key];
    if (v === undefined) continue;
    const item = inlineText(v, WIDTH - out.length, oneLine);
    if (item === null) return null;
    out += `${first ? ' ' : ', '}${propertyKey(key, 'object')}: ${item}`;
    first = false;
    if (out.length > WIDTH) return null;
  }
  if (first) return '{}';
  out += ' }';
  return out.length > WIDTH ? null : out;
}
