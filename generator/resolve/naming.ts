/**
 * The pieces of the TypeScript naming rule (docs/naming.md): identifiers from XML names, names of
 * anonymous types from their ids, namespace-derived prefixes, the names to avoid, and the allocator
 * that hands out the names generated code adds (smallest free numeric suffix on a clash).
 */
import { splitQName } from '../model/model.js';

const ID_CONTINUE = /^[\p{ID_Continue}$]$/u;
const SIMPLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** True when a character may appear in an identifier (ASCII fast path: this runs for every name). */
function isIdentifierChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
  return ID_CONTINUE.test(ch);
}

/**
 * An XML name as a PascalCase identifier: `-` and other characters that cannot appear in an identifier
 * start a new capitalised word; `.` becomes `_` (HL7 names such as `MCCI_MT000100UV01.Message` keep
 * their structure); `_` is kept; the first letter is capitalised, the rest is left as written.
 */
export function pascalCase(name: string): string {
  // Fast path: most XML names are already identifier characters only.
  if (SIMPLE_NAME.test(name)) return name.charAt(0).toUpperCase() + name.slice(1);
  let out = '';
  let upperNext = true;
  for (const ch of name) {
    if (ch === '.') {
      out += '_';
      upperNext = true;
    } else if (isIdentifierChar(ch)) {
      out += upperNext ? ch.toUpperCase() : ch;
      upperNext = false;
    } else {
      upperNext = true;
    }
  }
  if (out === '' || !/^[\p{ID_Start}$_]/u.test(out)) out = `_${out}`;
  return out;
}

/** The base name of a type from its id: the local name of a named type, the owner path of an anonymous one. */
export function typeBaseName(id: string): string {
  const { local } = splitQName(id);
  if (!local.includes('/') && !local.includes('~')) return pascalCase(local); // a named type
  const pieces: string[] = [];
  for (const segment of local.split('/')) {
    const dup = /#(\d+)$/.exec(segment);
    let s = dup ? segment.slice(0, dup.index) : segment;
    s = s.replace(/\((?:group|attributeGroup)\)$/, '');
    if (s.startsWith('~')) s = s.slice(1); // ~base, ~item, ~memberN, ~content, ~redefined
    s = s.replace(/^@/, '').replace(/~$/, '');
    pieces.push(pascalCase(s) + (dup ? dup[1] : ''));
  }
  return pieces.join('');
}

/** Words of a namespace URI that say nothing about it. */
const NOISE = new Set([
  'http',
  'https',
  'urn',
  'www',
  'org',
  'com',
  'net',
  'fr',
  'de',
  'uk',
  'eu',
  'int',
  'gov',
  'edu',
  'xsd',
  'xml',
  'wsdl',
  'schema',
  'schemas',
  'ns',
  'names',
  'tc',
  'docs',
]);

/** Words of each namespace met so far: a run asks for the same few namespaces for thousands of names. */
const wordsOf = new Map<string, readonly string[]>();

/** The meaningful words of a namespace URI, in order (versions, dates and noise dropped). */
export function namespaceWords(namespace: string): string[] {
  let words = wordsOf.get(namespace);
  if (words === undefined) {
    words = namespace.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && !NOISE.has(w.toLowerCase()) && !/^v?\d+$/i.test(w));
    wordsOf.set(namespace, words);
  }
  return [...words];
}

/** A prefix made of the last `count` meaningful words of a namespace (`NoNamespace` for none). */
export function namespacePrefix(namespace: string, count: number): string {
  if (namespace === '') return 'NoNamespace';
  const words = namespaceWords(namespace);
  if (words.length === 0) return 'Ns';
  return words
    .slice(-count)
    .map((w) => pascalCase(w))
    .join('');
}

/** Globals of JavaScript, TypeScript's lib and the DOM/Node that a generated name must not shadow. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  'AbortController',
  'AbortSignal',
  'AggregateError',
  'Array',
  'ArrayBuffer',
  'ArrayLike',
  'AsyncGenerator',
  'AsyncIterable',
  'AsyncIterator',
  'Atomics',
  'Attr',
  'Awaited',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
  'Blob',
  'Boolean',
  'Buffer',
  'Capitalize',
  'Comment',
  'ConstructorParameters',
  'Console',
  'DataView',
  'Date',
  'Document',
  'Element',
  'Error',
  'EvalError',
  'Event',
  'EventTarget',
  'Exclude',
  'Extract',
  'FinalizationRegistry',
  'Float32Array',
  'Float64Array',
  'FormData',
  'Function',
  'Generator',
  'Headers',
  'HTMLElement',
  'Infinity',
  'InstanceType',
  'Int16Array',
  'Int32Array',
  'Int8Array',
  'Intl',
  'Iterable',
  'IterableIterator',
  'Iterator',
  'JSON',
  'Lowercase',
  'Map',
  'Math',
  'NaN',
  'Node',
  'NoInfer',
  'NonNullable',
  'Number',
  'Object',
  'Omit',
  'Parameters',
  'Partial',
  'Pick',
  'Promise',
  'PromiseLike',
  'PropertyKey',
  'Proxy',
  'RangeError',
  'Readonly',
  'ReadonlyArray',
  'ReadonlyMap',
  'ReadonlySet',
  'ReadableStream',
  'Record',
  'ReferenceError',
  'Reflect',
  'RegExp',
  'Request',
  'Required',
  'Response',
  'ReturnType',
  'Set',
  'SharedArrayBuffer',
  'String',
  'Symbol',
  'SyntaxError',
  'TemplateStringsArray',
  'Text',
  'TextDecoder',
  'TextEncoder',
  'ThisParameterType',
  'ThisType',
  'TypeError',
  'URIError',
  'URL',
  'URLSearchParams',
  'Uint16Array',
  'Uint32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uncapitalize',
  'Uppercase',
  'WeakMap',
  'WeakRef',
  'WeakSet',
  'Window',
  'XMLDocument',
  // TypeScript/JavaScript keywords, in case a name is left lower-case by a leading `_` or `$`.
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'as',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'any',
  'boolean',
  'constructor',
  'declare',
  'get',
  'module',
  'require',
  'number',
  'set',
  'string',
  'symbol',
  'type',
  'from',
  'of',
  'never',
  'unknown',
  'object',
  'bigint',
  'undefined',
  'keyof',
  'readonly',
  'infer',
  'is',
  'asserts',
  'await',
  'async',
  'namespace',
  'abstract',
  'satisfies',
  'accessor',
  'out',
]);

/** Runtime names the generated files import by name; no generated declaration may use them. */
export const RUNTIME_IMPORTS: readonly string[] = [
  'SoapClient',
  'CallOptions',
  'ClientOptions',
  'SchemaDescriptor',
  'PortDescriptor',
  'ElementRef',
  'elementRef',
  'OperationRef',
  'operationRef',
];

/** Local names the generated files use for namespace imports and the schema descriptor. */
export const FIXED_LOCALS: readonly string[] = ['rt', 't', 'schema'];

/** Allocates unique names: the first to ask keeps the name, later ones get `2`, `3`… */
export class NameAllocator {
  /** The names taken so far (allocating adds to it). */
  readonly taken: Set<string>;

  /** @param taken - names already in use */
  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** Takes `wanted`, or `wanted2`, `wanted3`… whichever is free first. */
  allocate(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name); i++) name = `${wanted}${i}`;
    this.taken.add(name);
    return name;
  }
}
