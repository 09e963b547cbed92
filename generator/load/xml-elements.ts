/**
 * Reading elements of the light tree (xml-tree.ts): children, attributes by name or namespace, the
 * namespaces in scope, and where an attribute is written. Written once for the loader, the WSDL
 * parser and the schema parser.
 */
import { XML } from './namespaces.js';
import { type LightElement, lineStarts, positionAt, sourceTextOf, type XmlElement } from './xml-tree.js';

const ELEMENT_NODE = 1;

/** The element children of `parent`, in document order, optionally only those with the given namespace and local name. */
export function childElements(parent: XmlElement, namespace?: string, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as XmlElement;
    if (namespace !== undefined && el.namespaceURI !== namespace) continue;
    if (local !== undefined && el.localName !== local) continue;
    out.push(el);
  }
  return out;
}

/** An attribute's value by its name as written, or `null` when absent. */
export function attr(el: XmlElement, name: string): string | null {
  return el.getAttribute(name);
}

/** An attribute's value by namespace and local name (whatever its prefix), or `null` when absent. */
export function attrNS(el: XmlElement, namespace: string, local: string): string | null {
  for (const a of el.attributes) if (a.local === local && a.uri === namespace) return a.value;
  return null;
}

/**
 * The namespace bound to `prefix` (`''` for the default namespace) at `el`, from the declarations
 * on it and its ancestors; `''` for an undeclared default namespace, `null` for an undeclared prefix.
 */
export function lookupNamespace(el: XmlElement, prefix: string): string | null {
  if (prefix === 'xml') return XML;
  const name = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
  for (let n: XmlElement | null = el; n !== null; n = n.parentNode) {
    const value = n.getAttribute(name);
    if (value !== null) return value;
  }
  return prefix === '' ? '' : null;
}

/** The root element of the tree holding `el`. */
export function rootOf(el: XmlElement): XmlElement {
  let root = el;
  while (root.parentNode !== null) root = root.parentNode;
  return root;
}

/** Line starts of each source text, computed on the first attribute position asked for. */
const lineStartsOf = new WeakMap<LightElement, number[]>();

/**
 * Where the value of an attribute is written: the line and column (1-based, UTF-16 code units) of
 * its opening quote, or `null` when the element has no such attribute or the tree has no source text.
 */
export function attributePosition(el: XmlElement, name: string): { line: number; column: number } | null {
  const root = rootOf(el);
  const text = sourceTextOf(root);
  if (text === undefined || el.getAttribute(name) === null) return null;
  const quote = attributeQuoteOffset(text, el.offset, name);
  if (quote < 0) return null;
  let starts = lineStartsOf.get(root);
  if (starts === undefined) {
    starts = lineStarts(text);
    lineStartsOf.set(root, starts);
  }
  return positionAt(starts, quote);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Offset of the opening quote of attribute `name` in the start tag at `start` (a well-formed tag), or -1. */
function attributeQuoteOffset(text: string, start: number, name: string): number {
  let i = start + 1;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') i++;
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '=' && text[i] !== '>' && text[i] !== '/') i++;
    if (i === nameStart) return -1; // `>` or `/>`: the end of the tag
    const written = text.slice(nameStart, i);
    while (isSpace(text.charCodeAt(i))) i++;
    if (text[i] !== '=') return -1;
    i++;
    while (isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return -1;
    if (written === name) return i;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return -1;
    i = close + 1;
  }
}
