/**
 * Small DOM helpers for reading WSDL elements: children by name, attributes, QName values,
 * documentation and source locations.
 */
import type { Element, Node } from '@xmldom/xmldom';
import type { Diagnostic, QNameString, SourceLocation } from '../../model/model.js';
import { qname } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { locationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';

const ELEMENT_NODE = 1;
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The element children of `parent`, optionally only those with the given namespace and local name. */
export function childElements(parent: Element, namespace?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let n: Node | null = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType !== ELEMENT_NODE) continue;
    const el = n as Element;
    if (namespace !== undefined && el.namespaceURI !== namespace) continue;
    if (local !== undefined && el.localName !== local) continue;
    out.push(el);
  }
  return out;
}

/** The first element child with the given namespace and local name, or `null`. */
export function firstChild(parent: Element, namespace: string, local: string): Element | null {
  return childElements(parent, namespace, local)[0] ?? null;
}

/** An unqualified attribute's value, or `null` when absent. */
export function attr(el: Element, name: string): string | null {
  return el.hasAttribute(name) ? el.getAttribute(name) : null;
}

/** Where an attribute (or, when absent, its element) is. */
export function attrLocation(el: Element, name: string, doc: LoadedDocument): SourceLocation {
  return locationOf(el.getAttributeNode(name) ?? el, doc);
}

/**
 * The text of the `documentation` children of `el` (in namespace `ns`), lines trimmed, blank runs
 * collapsed; `undefined` when there is none or it is empty.
 */
export function documentationOf(el: Element, ns: string): string | undefined {
  const texts = childElements(el, ns, 'documentation').map((d) => normaliseText(d.textContent ?? ''));
  const text = texts.filter((t) => t !== '').join('\n\n');
  return text === '' ? undefined : text;
}

function normaliseText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Resolves a QName-valued attribute of `el` against the namespaces in scope (an unprefixed name
 * takes the default namespace, as XML Schema QNames do). Returns `null` and records an error when
 * the prefix is not bound; returns `null` silently when the attribute is absent.
 */
export function qnameAttr(el: Element, name: string, doc: LoadedDocument, diagnostics: Diagnostic[]): QNameString | null {
  const value = attr(el, name);
  if (value === null) return null;
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  const prefix = colon < 0 ? '' : trimmed.slice(0, colon);
  const local = colon < 0 ? trimmed : trimmed.slice(colon + 1);
  if (local === '' || local.includes(':')) {
    diagnostics.push(diagnostic('error', attrLocation(el, name, doc), `${name}="${value}" is not a valid QName`, 'wsdl-invalid-qname'));
    return null;
  }
  if (prefix === 'xml') return qname(XML_NS, local);
  const namespace = el.lookupNamespaceURI(prefix);
  if (namespace === null && prefix !== '') {
    diagnostics.push(
      diagnostic('error', attrLocation(el, name, doc), `${name}="${value}": namespace prefix '${prefix}' is not declared`, 'wsdl-unresolved-prefix'),
    );
    return null;
  }
  return qname(namespace ?? '', local);
}

/**
 * A reference to a WSDL definition (message, port type, binding) by QName. `fallback` is set for an
 * unprefixed name whose default namespace is not the document's target namespace: many WSDLs write
 * `binding="MyBinding"` meaning the target namespace, which XML namespace rules do not allow; the
 * lookup accepts it with a warning.
 */
export interface WsdlRef {
  /** The QName as written, resolved by the namespace rules. */
  name: QNameString;
  /** The same local name in the referring document's target namespace, tried when `name` names nothing. */
  fallback: QNameString | null;
  /** Where the reference is written. */
  at: SourceLocation;
}

/** Reads a QName-valued attribute as a {@link WsdlRef}; `null` when absent or unresolvable (reported). */
export function refAttr(el: Element, name: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlRef | null {
  const resolved = qnameAttr(el, name, doc, diagnostics);
  if (resolved === null) return null;
  const written = (attr(el, name) ?? '').trim();
  let fallback: QNameString | null = null;
  if (!written.includes(':')) {
    const tns = el.ownerDocument?.documentElement?.getAttribute('targetNamespace') ?? '';
    const candidate = qname(tns, written);
    if (candidate !== resolved) fallback = candidate;
  }
  return { name: resolved, fallback, at: attrLocation(el, name, doc) };
}
