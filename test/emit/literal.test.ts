/**
 * The literal printer (emit/literal.ts) writes each array or object on one line at most once: its
 * layout must be exactly the one of the direct algorithm (try every value inline within its budget,
 * else break it), written here as the oracle, on random nested values and on the edge widths.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { literal, Suffixed, type Literal } from '../../generator/emit/literal.js';
import { propertyKey, quote } from '../../generator/emit/ts-text.js';

const WIDTH = 120;

/** The direct algorithm: every value tried inline at every level (the previous printer). */
function oracle(value: Literal, indent = '', lead = 0): string {
  if (value instanceof Suffixed) return oracle(value.value, indent, lead + value.suffix.length) + value.suffix;
  const inline = inlineOracle(value, WIDTH - indent.length - lead);
  if (inline !== null) return inline;
  if (typeof value !== 'object' || value === null) return inlineOracle(value, Number.POSITIVE_INFINITY) ?? '';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${(value as readonly Literal[]).map((v) => `${inner}${oracle(v, inner, 1)},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k, 'object')}: ${oracle(v, inner, propertyKey(k, 'object').length + 3)},`).join('\n')}\n${indent}}`;
}

function inlineOracle(value: Literal, budget: number): string | null {
  if (value === null) return 'null';
  if (value instanceof Suffixed) {
    const inner = inlineOracle(value.value, budget - value.suffix.length);
    return inner === null ? null : inner + value.suffix;
  }
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let out: string;
  if (Array.isArray(value)) {
    const items = value as readonly Literal[];
    out = '[';
    for (let i = 0; i < items.length; i++) {
      const item = inlineOracle(items[i], budget - out.length);
      if (item === null) return null;
      out += (i === 0 ? '' : ', ') + item;
      if (out.length > budget) return null;
    }
    out += ']';
    return out.length > budget ? null : out;
  }
  const obj = value as { readonly [key: string]: Literal | undefined };
  out = '{';
  let first = true;
  for (const key in obj) {
    const v = obj[key];
    if (v === undefined) continue;
    const item = inlineOracle(v, budget - out.length);
    if (item === null) return null;
    out += `${first ? ' ' : ', '}${propertyKey(key, 'object')}: ${item}`;
    first = false;
    if (out.length > budget) return null;
  }
  if (first) return '{}';
  out += ' }';
  return out.length > budget ? null : out;
}

/** A small deterministic generator (xorshift), so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

function randomValue(next: () => number, depth: number, shared: Literal[]): Literal {
  const r = next();
  if (depth <= 0 || r < 0.3) {
    const s = next();
    if (s < 0.4) return 'x'.repeat(Math.floor(next() * (next() < 0.1 ? 150 : 30)));
    if (s < 0.6) return Math.floor(next() * 1000);
    if (s < 0.7) return next() < 0.5;
    if (s < 0.75) return null;
    if (s < 0.85 && shared.length > 0) return shared[Math.floor(next() * shared.length)]; // one object at several places
    return new Suffixed(randomValue(next, depth - 1, shared), ' as const');
  }
  let v: Literal;
  if (r < 0.6) v = Array.from({ length: Math.floor(next() * 8) }, () => randomValue(next, depth - 1, shared));
  else {
    const o: { [key: string]: Literal | undefined } = {};
    const n = Math.floor(next() * 8);
    for (let i = 0; i < n; i++)
      o[next() < 0.2 ? `key-${i}` : `k${i}${'y'.repeat(Math.floor(next() * 12))}`] = next() < 0.1 ? undefined : randomValue(next, depth - 1, shared);
    v = o;
  }
  shared.push(v);
  return v;
}

test('the same text as the direct algorithm on random nested values (shared objects, suffixes, long strings, undefined members)', () => {
  for (let seed = 1; seed <= 400; seed++) {
    const next = random(seed * 7919);
    const value = randomValue(next, 6, []);
    const indent = ' '.repeat(Math.floor(next() * 130));
    const lead = Math.floor(next() * 20);
    assert.equal(literal(value, indent, lead), oracle(value, indent, lead), `seed ${seed}`);
    assert.equal(literal(value), oracle(value), `seed ${seed}, no indent`);
  }
});

test('edge widths: a value exactly at the limit stays on one line, one character more breaks it; empty containers at any depth', () => {
  const at = (n: number): Literal => ({ a: 'x'.repeat(n) });
  // `{ a: '' }` is 9 characters: 111 x's make 120.
  assert.equal(literal(at(111)), `{ a: '${'x'.repeat(111)}' }`);
  assert.equal(literal(at(112)), `{\n  a: '${'x'.repeat(112)}',\n}`);
  for (const v of [{}, [], { a: {} }, [[]], new Suffixed({}, ' as const')] as Literal[]) {
    for (const indent of ['', ' '.repeat(119), ' '.repeat(125)]) assert.equal(literal(v, indent), oracle(v, indent));
  }
});

test('a value changed between two calls is written as it is at each call', () => {
  const shared: { [key: string]: Literal } = { a: 1 };
  const value: Literal = { x: shared, y: [shared] };
  assert.equal(literal(value), oracle(value));
  shared.b = 'x'.repeat(130);
  assert.equal(literal(value), oracle(value));
});
