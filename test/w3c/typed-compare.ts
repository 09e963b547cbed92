/**
 * The W3C runner's comparison of a re-encoded document with the original: namespace-aware (elements
 * and attributes by expanded name, in order; prefixes, comments, whitespace-only text and attribute
 * order ignored) and values compared by what they mean rather than by spelling, since a schema-aware
 * writer may choose another lexical form of the same value:
 *   - QNames (and `xsi:type`) by expanded name, with the namespaces in scope where each was written;
 *   - numbers by value: decimals exactly (digits, not doubles), float/double forms by double value —
 *     a lexical form a `pattern` facet forbids is caught by the xmllint validation of the output;
 *   - booleans (`1`/`true`, `0`/`false`), hexBinary in any case, base64 with or without line breaks;
 *   - whitespace runs collapsed, and list items compared item by item by the same rules.
 * Schema-location hints (`xsi:schemaLocation`, `xsi:noNamespaceSchemaLocation`) are not data and are
 * ignored, as is `xsi:nil="false"` (the same as no xsi:nil). Independent of the runtime: plain saxes.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const HINTS = new Set([`{${XSI}}schemaLocation`, `{${XSI}}noNamespaceSchemaLocation`]);

/** A value as written, with the expanded names its tokens would have as QNames. */
interface Value {
  text: string;
  /** Per whitespace-separated token: its expanded name when it reads as a QName in scope, else null. */
  qnames: (string | null)[];
}

interface Element {
  name: string;
  attrs: [string, Value][];
  children: Node[];
}
type Node = Element | Value;

const isElement = (n: Node): n is Element => 'name' in n;
const QNAME = /^(?:([^\s:]+):)?([^\s:]+)$/;

/** Parses a document into the comparison tree (its root element). */
function tree(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Element[] = [];
  let root: Element | undefined;
  const value = (text: string): Value => ({
    text,
    qnames: text
      .trim()
      .split(/\s+/)
      .map((token) => {
        const m = QNAME.exec(token);
        if (m === null) return null;
        const uri = parser.resolve(m[1] ?? '');
        return m[1] !== undefined && uri === undefined ? null : `{${uri ?? ''}}${m[2] ?? ''}`;
      }),
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs = Object.values(tag.attributes)
      .filter((a) => a.uri !== XMLNS && !HINTS.has(`{${a.uri}}${a.local}`) && !(a.uri === XSI && a.local === 'nil' && /^\s*(false|0)\s*$/.test(a.value)))
      .map((a): [string, Value] => [`{${a.uri}}${a.local}`, value(a.value)])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const node: Element = { name: `{${tag.uri}}${tag.local}`, attrs, children: [] };
    if (stack.length > 0) stack[stack.length - 1]?.children.push(node);
    else root = node;
    stack.push(node);
  });
  const addText = (text: string): void => {
    const top = stack[stack.length - 1];
    if (top === undefined) return;
    const last = top.children[top.children.length - 1];
    if (last !== undefined && !isElement(last)) {
      last.text += text;
      Object.assign(last, value(last.text));
    } else top.children.push(value(text));
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (root === undefined) throw new Error('no root element');
  dropBlankText(root);
  return root;
}

function dropBlankText(e: Element): void {
  e.children = e.children.filter((c) => isElement(c) || c.text.trim() !== '');
  for (const c of e.children) if (isElement(c)) dropBlankText(c);
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** A decimal numeral as sign, significant digits and exponent (exact), or null. */
function exactNumber(token: string): string | null {
  const m = DECIMAL.exec(token);
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  let digits = (m[2] ?? '') + (m[3] ?? '');
  let exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
  digits = digits.replace(/^0+/, '');
  if (digits === '') return '0';
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  return `${m[1] === '-' ? '-' : ''}${digits}e${exponent}`;
}

/** A float/double lexical form as a double (INF, -INF, NaN included), or null. */
function floatValue(token: string): number | null {
  if (token === 'INF' || token === '+INF') return Infinity;
  if (token === '-INF') return -Infinity;
  if (token === 'NaN') return NaN;
  return exactNumber(token) === null ? null : Number(token);
}

function sameToken(a: string, b: string, qa: string | null, qb: string | null): boolean {
  if (a === b) return !a.includes(':') || qa === null || qb === null || qa === qb;
  if (qa !== null && qa === qb) return true;
  const ea = exactNumber(a);
  const eb = exactNumber(b);
  if (ea !== null && eb !== null && ea === eb) return true;
  // Float/double forms (an exponent, INF/NaN, or a fraction) compare as doubles.
  const fa = floatValue(a);
  const fb = floatValue(b);
  if (fa !== null && fb !== null && (/[eEIN.]/.test(a) || /[eEIN.]/.test(b))) return Object.is(fa, fb) || fa === fb;
  const booleans: Record<string, string> = { true: 't', '1': 't', false: 'f', '0': 'f' };
  if (booleans[a] !== undefined && booleans[a] === booleans[b]) return true;
  if (/^[0-9a-fA-F]+$/.test(a) && a.toLowerCase() === b.toLowerCase()) return true;
  return false;
}

function sameValue(a: Value, b: Value): boolean {
  if (a.text === b.text) return true;
  const ta = a.text.trim().split(/\s+/);
  const tb = b.text.trim().split(/\s+/);
  if (ta.length === tb.length && ta.every((t, i) => sameToken(t, tb[i] ?? '', a.qnames[i] ?? null, b.qnames[i] ?? null))) return true;
  // base64 with other line breaks
  const squeeze = (s: string): string => s.replace(/\s+/g, '');
  return /^[A-Za-z0-9+/=\s]+$/.test(a.text) && squeeze(a.text) === squeeze(b.text);
}

const show = (v: Value): string => JSON.stringify(v.text.length > 60 ? `${v.text.slice(0, 60)}…` : v.text);

/** Fixed and default values by element (Clark name): the value an empty element stands for. */
export type ValueConstraints = ReadonlyMap<string, readonly string[]>;

/** True when `a` is empty and `b` holds the value its declaration gives empty elements. */
function emptyStandsFor(a: Element, b: Element, constraints: ValueConstraints): boolean {
  const only = b.children[0];
  if (a.children.length !== 0 || b.children.length !== 1 || only === undefined || isElement(only)) return false;
  return (constraints.get(a.name) ?? []).some((v) => sameValue({ text: v, qnames: [] }, only));
}

function differ(a: Element, b: Element, path: string, constraints: ValueConstraints): string | null {
  const here = `${path}/${a.name.replace(/^\{[^}]*\}/, '')}`;
  if (a.name !== b.name) return `${path}: element ${a.name} ≠ ${b.name}`;
  const an = a.attrs.map(([n]) => n).join(' ');
  const bn = b.attrs.map(([n]) => n).join(' ');
  if (an !== bn) return `${here}: attributes [${an}] ≠ [${bn}]`;
  for (let i = 0; i < a.attrs.length; i++) {
    const [name, va] = a.attrs[i] as [string, Value];
    const vb = (b.attrs[i] as [string, Value])[1];
    if (!sameValue(va, vb)) return `${here}/@${name}: ${show(va)} ≠ ${show(vb)}`;
  }
  if (emptyStandsFor(a, b, constraints)) return null;
  if (a.children.length !== b.children.length) {
    const names = (n: Node[]): string => n.map((c) => (isElement(c) ? c.name.replace(/^\{[^}]*\}/, '') : '#text')).join(',');
    return `${here}: ${a.children.length} children (${names(a.children)}) ≠ ${b.children.length} (${names(b.children)})`;
  }
  for (let i = 0; i < a.children.length; i++) {
    const ca = a.children[i] as Node;
    const cb = b.children[i] as Node;
    if (isElement(ca) && isElement(cb)) {
      const d = differ(ca, cb, here, constraints);
      if (d !== null) return d;
    } else if (!isElement(ca) && !isElement(cb)) {
      if (!sameValue(ca, cb)) return `${here}: text ${show(ca)} ≠ ${show(cb)}`;
    } else return `${here}[${i}]: text vs element`;
  }
  return null;
}

/**
 * The first difference between the original document and the written one, or null when equivalent.
 * `constraints`: an empty element of the original may come back holding its declaration's fixed or
 * default value (XSD §3.3.4: that is its value).
 */
export function typedDifference(original: string, written: string, constraints: ValueConstraints = new Map()): string | null {
  return differ(tree(original), tree(written), '', constraints);
}
