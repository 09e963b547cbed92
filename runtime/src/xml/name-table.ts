/**
 * Interning of qualified names. A message repeats a few dozen element and attribute names
 * thousands of times: the scanner hashes a name while it checks its characters and finds the
 * split, checked name here without slicing the input again, so every `rim:Slot` is the same
 * string (whose hash V8 keeps, which makes the codec's Map lookups by local name cheap).
 */
import { isNameStartCodePoint, NAME_START } from './chars.js';
import { internalize } from './intern.js';

/** {@link QualifiedName.kind} of an ordinary name. */
export const PLAIN_NAME = 0;
/** {@link QualifiedName.kind} of `xmlns`, which declares the default namespace. */
export const DEFAULT_DECLARATION = 1;
/** {@link QualifiedName.kind} of `xmlns:p`, which declares a prefix. */
export const PREFIX_DECLARATION = 2;

/** One interned name, already checked against the QName production of Namespaces in XML. */
export class QualifiedName {
  /** The generation of the namespace scope in which `prefixUri` was resolved (-1: never). */
  gen = -1;
  /** The prefix's namespace (the default namespace for an unprefixed name) in scope `gen`. */
  prefixUri: string | undefined = undefined;
  /** For an element name: the attribute names it had last time, by position (the scanner's predictions). */
  readonly attributeNames: QualifiedName[] = [];

  constructor(
    readonly raw: string,
    readonly prefix: string,
    readonly local: string,
    /** {@link PLAIN_NAME}, {@link DEFAULT_DECLARATION} or {@link PREFIX_DECLARATION}. */
    readonly kind: number,
  ) {}
}

const SIZE = 2048;
const MASK = SIZE - 1;

/**
 * Direct-mapped cache shared by every reader: bounded (no growth however hostile the input) and
 * holding only immutable, already-validated names. A collision just replaces the entry.
 */
const table: (QualifiedName | undefined)[] = new Array<QualifiedName | undefined>(SIZE).fill(undefined);

/**
 * The interned name for `s[start, end)`, whose characters the caller has checked to be a Name and
 * whose hash it computed; `undefined` when it is not a QName (two colons, empty prefix or local
 * part, local part not starting with a name start character).
 */
export function internName(s: string, start: number, end: number, hash: number): QualifiedName | undefined {
  const slot = hash & MASK;
  const hit = table[slot];
  if (hit !== undefined && hit.raw.length === end - start) {
    const raw = hit.raw;
    let k = 0;
    while (k < raw.length && raw.charCodeAt(k) === s.charCodeAt(start + k)) k++;
    if (k === raw.length) return hit;
  }
  const raw = internalize(s.slice(start, end));
  const colon = raw.indexOf(':');
  let prefix = '';
  let local = raw;
  if (colon >= 0) {
    prefix = internalize(raw.slice(0, colon));
    local = internalize(raw.slice(colon + 1));
    if (prefix === '' || local === '' || local.includes(':')) return undefined;
    const first = local.codePointAt(0) as number;
    if (first < 128 ? NAME_START[first] === 0 : !isNameStartCodePoint(first)) return undefined;
  }
  const kind = prefix === 'xmlns' ? PREFIX_DECLARATION : raw === 'xmlns' ? DEFAULT_DECLARATION : PLAIN_NAME;
  const name = new QualifiedName(raw, prefix, local, kind);
  table[slot] = name;
  return name;
}

let generation = 0;

/** A namespace-scope generation number no reader has used yet (keys the per-name resolution cache). */
export function nextGeneration(): number {
  return ++generation;
}
