/**
 * Structural comparison of two XML trees, values aside: element names and namespaces, order,
 * attribute names (namespace declarations excluded), `saml:Attribute/@Name` and resolved
 * `xsi:type` QNames. Used to hold our assertions to the official examples' shape.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** The shape of one element. */
export interface Shape {
  readonly name: string;
  readonly attributes: readonly string[];
  readonly xsiType?: string;
  readonly samlAttributeName?: string;
  readonly children: Shape[];
}

function qname(ns: string | null, local: string | null): string {
  return ns ? `{${ns}}${local}` : String(local);
}

/** Parses XML (any string; DOCTYPE-free test data) into its shape tree. */
export function shapeOf(xml: string): Shape {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) throw new Error('no root element');
  return shapeOfElement(root);
}

/** Shape of an element subtree. */
export function shapeOfElement(e: Element): Shape {
  const attributes: string[] = [];
  let xsiType: string | undefined;
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes.item(i);
    if (!a || a.namespaceURI === XMLNS || a.name === 'xmlns') continue;
    attributes.push(qname(a.namespaceURI, a.localName));
    if (a.namespaceURI === XSI && a.localName === 'type') {
      const [prefix, local] = a.value.includes(':') ? a.value.split(':') : [null, a.value];
      xsiType = qname(e.lookupNamespaceURI(prefix), local);
    }
  }
  const children: Shape[] = [];
  for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) children.push(shapeOfElement(c as Element));
  const isSamlAttribute = e.namespaceURI === SAML && e.localName === 'Attribute';
  return {
    name: qname(e.namespaceURI, e.localName),
    attributes: attributes.sort(),
    ...(xsiType !== undefined && { xsiType }),
    ...(isSamlAttribute && { samlAttributeName: e.getAttribute('Name') ?? '' }),
    children,
  };
}

/** Lists the structural differences (empty when identical). */
export function shapeDiff(actual: Shape, expected: Shape, path = ''): string[] {
  const here = `${path}/${expected.name.replace(/^\{[^}]*\}/, '')}`;
  const out: string[] = [];
  if (actual.name !== expected.name) return [`${here}: element ${actual.name} instead of ${expected.name}`];
  if (actual.attributes.join(' ') !== expected.attributes.join(' ')) out.push(`${here}: attributes [${actual.attributes}] instead of [${expected.attributes}]`);
  if (actual.xsiType !== expected.xsiType) out.push(`${here}: xsi:type ${actual.xsiType} instead of ${expected.xsiType}`);
  if (actual.samlAttributeName !== expected.samlAttributeName)
    out.push(`${here}: Attribute Name ${actual.samlAttributeName} instead of ${expected.samlAttributeName}`);
  const n = Math.max(actual.children.length, expected.children.length);
  for (let i = 0; i < n; i++) {
    const a = actual.children[i];
    const x = expected.children[i];
    const label = x?.samlAttributeName ?? a?.samlAttributeName;
    const childPath = label ? `${here}[${label}]` : here;
    if (!a) out.push(`${childPath}: missing child ${x?.name}`);
    else if (!x) out.push(`${childPath}: extra child ${a.name}`);
    else out.push(...shapeDiff(a, x, childPath));
  }
  return out;
}

/** A copy of `shape` without the direct children named `name` (a documented, deliberate difference). */
export function withoutChild(shape: Shape, name: string): Shape {
  return { ...shape, children: shape.children.filter((c) => c.name !== name) };
}
