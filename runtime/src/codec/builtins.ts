/**
 * Codecs of the XSD built-in simple types: lexical form ↔ value, per the mapping in
 * docs/mapping.md. No silent precision loss: unbounded integers, 64-bit integers and decimals stay
 * strings; 32-bit-or-smaller integers, float and double are numbers; dates keep their lexical form.
 */
import { Buffer } from 'node:buffer';
import type { QName } from '../xml/qname.js';

/** Thrown by a codec for a lexical form or a value outside the type (turned into a typed error by the caller). */
export class InvalidValue extends Error {
  /** What was expected, for example `xs:int`; never the value itself. */
  readonly expected: string;
  constructor(expected: string, why = '') {
    super(why === '' ? `not a valid ${expected}` : `not a valid ${expected}: ${why}`);
    this.expected = expected;
  }
}

/** What a codec needs from the document being read: prefix resolution for QNames. */
export interface ParseContext {
  resolve(prefix: string): string | undefined;
}

/** What a codec needs from the document being written: a prefix for a namespace. */
export interface FormatContext {
  prefixFor(uri: string): string;
}

/** Whitespace processing: 0 preserve, 1 replace, 2 collapse. */
export type WhiteSpace = 0 | 1 | 2;

/** How a value is represented: drives validation of facets. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'integer' | 'decimal' | 'binary' | 'qname' | 'list';

/** A built-in type's codec. */
export interface BuiltinCodec {
  /** `xs:<name>`. */
  readonly name: string;
  readonly kind: ValueKind;
  readonly whiteSpace: WhiteSpace;
  /** Lexical form (after whitespace processing) → value. */
  parse(text: string, ctx: ParseContext): unknown;
  /** Value → lexical form. */
  format(value: unknown, ctx: FormatContext): string;
  /** True when `format` returns every string as it is (no lexical check): the encoder may skip it. */
  readonly stringAsIs?: boolean;
}

// Module constants: a regular expression literal in a function makes a new RegExp object at
// every call (measured: 0.5 MB per encode of the ITI-41 bench, from xml:lang values alone).
const TAB_LF_CR = /[\t\n\r]/;
const TAB_LF_CR_ALL = /[\t\n\r]/g;
const TO_COLLAPSE = /[\t\n\r]| {2}/;
const WHITESPACE_RUNS = /[\t\n\r ]+/g;

/** Applies whitespace processing. */
export function applyWhiteSpace(text: string, ws: WhiteSpace): string {
  if (ws === 0) return text;
  if (ws === 1) return TAB_LF_CR.test(text) ? text.replace(TAB_LF_CR_ALL, ' ') : text;
  // Fast path: nothing to collapse (the overwhelmingly common case).
  const len = text.length;
  if (len === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(len - 1);
  if (first > 32 && last > 32 && !TO_COLLAPSE.test(text)) return text;
  return text.replace(WHITESPACE_RUNS, ' ').trim();
}

const stringCodec = (name: string, ws: WhiteSpace, lexical?: RegExp): BuiltinCodec => ({
  name,
  kind: 'string',
  whiteSpace: ws,
  stringAsIs: lexical === undefined,
  parse(text) {
    if (lexical !== undefined && !lexical.test(text)) throw new InvalidValue(name);
    return text;
  },
  format(value) {
    if (typeof value !== 'string') throw new InvalidValue(name, 'expected a string');
    if (lexical !== undefined && !lexical.test(applyWhiteSpace(value, ws))) throw new InvalidValue(name);
    return value;
  },
});

const INTEGER = /^[+-]?[0-9]+$/;

/** Integers that fit a JavaScript number exactly (32 bits or less): number values. */
const smallInt = (name: string, min: number, max: number): BuiltinCodec => ({
  name,
  kind: 'number',
  whiteSpace: 2,
  parse(text) {
    if (!INTEGER.test(text)) throw new InvalidValue(name);
    const n = Number(text);
    if (n < min || n > max) throw new InvalidValue(name, 'out of range');
    return n === 0 ? 0 : n; // no -0
  },
  format(value) {
    if (typeof value !== 'number' || !Number.isInteger(value)) throw new InvalidValue(name, 'expected an integer number');
    if (value < min || value > max) throw new InvalidValue(name, 'out of range');
    return String(value === 0 ? 0 : value);
  },
});

function bigintOf(text: string): bigint {
  return BigInt(text.charCodeAt(0) === 0x2b ? text.slice(1) : text);
}

/** Unbounded and 64-bit integers: string values (bigint and safe-integer numbers accepted on encode). */
const bigInt = (name: string, min?: bigint, max?: bigint): BuiltinCodec => {
  const check = (text: string): string => {
    if (!INTEGER.test(text)) throw new InvalidValue(name);
    if (min !== undefined || max !== undefined) {
      const n = bigintOf(text);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) throw new InvalidValue(name, 'out of range');
    }
    return text;
  };
  return {
    name,
    kind: 'integer',
    whiteSpace: 2,
    parse: check,
    format(value) {
      if (typeof value === 'string') return check(applyWhiteSpace(value, 2));
      if (typeof value === 'bigint') return check(value.toString());
      if (typeof value === 'number' && Number.isSafeInteger(value)) return check(String(value));
      throw new InvalidValue(name, 'expected an integer string, a bigint or a safe integer');
    },
  };
};

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
const decimalCodec: BuiltinCodec = {
  name: 'xs:decimal',
  kind: 'decimal',
  whiteSpace: 2,
  parse(text) {
    if (!DECIMAL.test(text)) throw new InvalidValue('xs:decimal');
    return text;
  },
  format(value) {
    let text: string;
    if (typeof value === 'string') text = applyWhiteSpace(value, 2);
    else if (typeof value === 'bigint') text = value.toString();
    else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
    else throw new InvalidValue('xs:decimal', 'expected a decimal string, a bigint or a finite number');
    if (!DECIMAL.test(text)) throw new InvalidValue('xs:decimal');
    return text;
  },
};

const FLOAT = /^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|-?INF|NaN)$/;

/** The lexical form of INF, -INF, NaN and -0 (the float values JSON cannot hold). */
export function formatSpecialFloat(value: number): string {
  if (value === Infinity) return 'INF';
  if (value === -Infinity) return '-INF';
  if (Number.isNaN(value)) return 'NaN';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** The float values written as strings in the JSON form ({@link formatSpecialFloat}). */
const SPECIAL_FLOATS = new Set(['INF', '-INF', 'NaN', '-0']);

const floatCodec = (name: string): BuiltinCodec => ({
  name,
  kind: 'number',
  whiteSpace: 2,
  parse(text) {
    if (!FLOAT.test(text)) throw new InvalidValue(name);
    if (text === 'INF') return Infinity;
    if (text === '-INF') return -Infinity;
    return Number(text);
  },
  format(value) {
    if (typeof value === 'string' && SPECIAL_FLOATS.has(value)) return value;
    if (typeof value !== 'number') throw new InvalidValue(name, 'expected a number');
    return formatSpecialFloat(value);
  },
});

const booleanCodec: BuiltinCodec = {
  name: 'xs:boolean',
  kind: 'boolean',
  whiteSpace: 2,
  parse(text) {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    throw new InvalidValue('xs:boolean');
  },
  format(value) {
    if (typeof value !== 'boolean') throw new InvalidValue('xs:boolean', 'expected a boolean');
    return value ? 'true' : 'false';
  },
};

function asUint8Array(buffer: Buffer): Uint8Array {
  // A plain Uint8Array view: values never carry Buffer (which is Node-only and compares differently).
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const base64Codec: BuiltinCodec = {
  name: 'xs:base64Binary',
  kind: 'binary',
  whiteSpace: 2,
  parse(text) {
    const compact = text.indexOf(' ') < 0 ? text : text.replace(/ /g, '');
    if (!BASE64.test(compact)) throw new InvalidValue('xs:base64Binary');
    return asUint8Array(Buffer.from(compact, 'base64'));
  },
  format(value) {
    if (!(value instanceof Uint8Array)) throw new InvalidValue('xs:base64Binary', 'expected a Uint8Array');
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  },
};

const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const hexCodec: BuiltinCodec = {
  name: 'xs:hexBinary',
  kind: 'binary',
  whiteSpace: 2,
  parse(text) {
    if (!HEX.test(text)) throw new InvalidValue('xs:hexBinary');
    return asUint8Array(Buffer.from(text, 'hex'));
  },
  format(value) {
    if (!(value instanceof Uint8Array)) throw new InvalidValue('xs:hexBinary', 'expected a Uint8Array');
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex').toUpperCase();
  },
};

const PREFIXED = /^(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)$/u;
const qnameCodec = (name: string): BuiltinCodec => ({
  name,
  kind: 'qname',
  whiteSpace: 2,
  parse(text, ctx) {
    const m = PREFIXED.exec(text);
    if (m === null) throw new InvalidValue(name);
    const prefix = m[1] ?? '';
    const namespace = ctx.resolve(prefix);
    if (namespace === undefined) {
      if (prefix !== '') throw new InvalidValue(name, 'unbound prefix');
      return { namespace: '', local: m[2] } satisfies QName;
    }
    return { namespace, local: m[2] } satisfies QName;
  },
  format(value, ctx) {
    if (typeof value !== 'object' || value === null) throw new InvalidValue(name, 'expected { namespace, local }');
    const { namespace, local } = value as Partial<QName>;
    if (typeof namespace !== 'string' || typeof local !== 'string' || !PREFIXED.test(local) || local.includes(':')) {
      throw new InvalidValue(name, 'expected { namespace, local }');
    }
    const prefix = ctx.prefixFor(namespace);
    return prefix === '' ? local : `${prefix}:${local}`;
  },
});

// Date and time types keep their lexical form; the patterns reject what is clearly not one.
const TZ = '(Z|[+-][0-9]{2}:[0-9]{2})?';
const lexical = (name: string, re: string): BuiltinCodec => stringCodec(name, 2, new RegExp(`^${re}$`));

const NAME_START =
  'A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

const CODECS: BuiltinCodec[] = [
  stringCodec('xs:string', 0),
  stringCodec('xs:anySimpleType', 0),
  stringCodec('xs:normalizedString', 1),
  stringCodec('xs:token', 2),
  stringCodec('xs:language', 2, /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/),
  stringCodec('xs:Name', 2, new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`)),
  stringCodec('xs:NCName', 2, new RegExp(`^[${NAME_START.replace(':', '')}][${NAME_CHAR.replace(':', '')}]*$`)),
  stringCodec('xs:ID', 2),
  stringCodec('xs:IDREF', 2),
  stringCodec('xs:ENTITY', 2),
  stringCodec('xs:NMTOKEN', 2, new RegExp(`^[${NAME_CHAR}]+$`)),
  stringCodec('xs:anyURI', 2),
  booleanCodec,
  floatCodec('xs:float'),
  floatCodec('xs:double'),
  decimalCodec,
  bigInt('xs:integer'),
  bigInt('xs:nonPositiveInteger', undefined, 0n),
  bigInt('xs:negativeInteger', undefined, -1n),
  bigInt('xs:nonNegativeInteger', 0n),
  bigInt('xs:positiveInteger', 1n),
  bigInt('xs:long', -(2n ** 63n), 2n ** 63n - 1n),
  bigInt('xs:unsignedLong', 0n, 2n ** 64n - 1n),
  smallInt('xs:int', -2147483648, 2147483647),
  smallInt('xs:short', -32768, 32767),
  smallInt('xs:byte', -128, 127),
  smallInt('xs:unsignedInt', 0, 4294967295),
  smallInt('xs:unsignedShort', 0, 65535),
  smallInt('xs:unsignedByte', 0, 255),
  lexical('xs:dateTime', `-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?${TZ}`),
  lexical('xs:date', `-?[0-9]{4,}-[0-9]{2}-[0-9]{2}${TZ}`),
  lexical('xs:time', `[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?${TZ}`),
  lexical('xs:gYearMonth', `-?[0-9]{4,}-[0-9]{2}${TZ}`),
  lexical('xs:gYear', `-?[0-9]{4,}${TZ}`),
  lexical('xs:gMonthDay', `--[0-9]{2}-[0-9]{2}${TZ}`),
  lexical('xs:gDay', `---[0-9]{2}${TZ}`),
  lexical('xs:gMonth', `--[0-9]{2}${TZ}`),
  lexical('xs:duration', '-?P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?'),
  base64Codec,
  hexCodec,
  qnameCodec('xs:QName'),
  qnameCodec('xs:NOTATION'),
];

const BY_NAME = new Map<string, BuiltinCodec>(CODECS.map((c) => [c.name, c]));

/** The built-in list types and their item types. */
export const BUILTIN_LISTS: Readonly<Record<string, string>> = {
  'xs:NMTOKENS': 'xs:NMTOKEN',
  'xs:IDREFS': 'xs:IDREF',
  'xs:ENTITIES': 'xs:ENTITY',
};

/** The codec of a built-in atomic type (`xs:int`…), or undefined. */
export function builtinCodec(name: string): BuiltinCodec | undefined {
  return BY_NAME.get(name);
}
