/**
 * Canonical comparison of two XML documents for round-trip tests: same elements (by namespace
 * and local name), same attributes (by namespace and local name, namespace declarations aside),
 * same text, same order. Prefixes, whitespace-only text nodes, comments and attribute order are
 * ignored. Independent of the runtime (plain saxes), so that it can judge the runtime's output.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** A node of the canonical tree. */
export type CanonNode = { el: string; attrs: [string, string][]; children: CanonNode[] } | { text: string };

/** How {@link canonical} reads a document. */
export interface CanonicalOptions {
  /** Compare `xsi:type` values as resolved Clark names (an encoder may choose other prefixes). */
  readonly resolveXsiType?: boolean;
  /** Trim every text node. */
  readonly trimText?: boolean | undefined;
}

/** Parses XML into the canonical tree; with `root` (Clark name), returns the first element of that name. */
export function canonical(xml: string, root?: string, options: CanonicalOptions = {}): CanonNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: { el: string; attrs: [string, string][]; children: CanonNode[] }[] = [];
  let result: CanonNode | undefined;
  let capturing = root === undefined ? 0 : -1;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = `{${tag.uri}}${tag.local}`;
    if (capturing < 0) {
      if (name !== root) return;
      capturing = 0;
    }
    if (capturing === 0 && result !== undefined) return;
    const attrs: [string, string][] = Object.values(tag.attributes)
      .filter((a) => a.uri !== XMLNS)
      .map((a): [string, string] => {
        let value = a.value;
        if (options.resolveXsiType === true && a.uri === XSI && a.local === 'type') {
          const colon = value.indexOf(':');
          value = `{${parser.resolve(colon < 0 ? '' : value.slice(0, colon)) ?? ''}}${value.slice(colon + 1)}`;
        }
        return [`{${a.uri}}${a.local}`, value];
      })
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const node = { el: name, attrs, children: [] as CanonNode[] };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (text: string) => {
    if (stack.length === 0 || text.trim() === '') return;
    const children = stack[stack.length - 1].children;
    const last = children[children.length - 1];
    if (last !== undefined && 'text' in last) last.text += text;
    else children.push({ text });
  });
  parser.on('cdata', (text: string) => {
    if (stack.length === 0) return;
    stack[stack.length - 1].children.push({ text });
  });
  parser.on('closetag', () => {
    if (stack.length === 0) return;
    const node = stack.pop();
    if (stack.length === 0 && result === undefined) result = node;
  });
  parser.write(xml).close();
  if (result === undefined) throw new Error(root === undefined ? 'no root element' : `no element ${root}`);
  if (options.trimText === true) trim(result);
  return result;
}

function trim(node: CanonNode): void {
  if ('text' in node) node.text = node.text.trim();
  else node.children.forEach(trim);
}

/** The first difference between two canonical trees, as `path: what`, or null when equivalent. */
export function difference(a: CanonNode, b: CanonNode, path = ''): string | null {
  if ('text' in a || 'text' in b) {
    if ('text' in a && 'text' in b) return a.text === b.text ? null : `${path}: text ${JSON.stringify(a.text)} ≠ ${JSON.stringify(b.text)}`;
    return `${path}: text vs element`;
  }
  const here = `${path}/${a.el}`;
  if (a.el !== b.el) return `${path}: element ${a.el} ≠ ${b.el}`;
  const aa = JSON.stringify(a.attrs);
  const ba = JSON.stringify(b.attrs);
  if (aa !== ba) return `${here}: attributes ${aa} ≠ ${ba}`;
  if (a.children.length !== b.children.length) {
    const names = (n: CanonNode[]): string => n.map((c) => ('text' in c ? '#text' : c.el.replace(/^\{[^}]*\}/, ''))).join(',');
    return `${here}: ${a.children.length} children (${names(a.children)}) ≠ ${b.children.length} (${names(b.children)})`;
  }
  for (let i = 0; i < a.children.length; i++) {
    const d = difference(a.children[i], b.children[i], `${here}[${i}]`);
    if (d !== null) return d;
  }
  return null;
}

/**
 * The first difference between two XML documents (or the `root` elements inside them, by Clark
 * name: `{urn:x}Name`), or null when they are equivalent.
 */
export function xmlDifference(actual: string, expected: string, options: { actualRoot?: string; expectedRoot?: string } = {}): string | null {
  return difference(canonical(actual, options.actualRoot), canonical(expected, options.expectedRoot));
}
