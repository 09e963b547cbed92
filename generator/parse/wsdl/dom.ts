/**
 * Reading WSDL elements: QName values and documentation (children, attributes and their locations
 * are read with the light tree's helpers, load/xml-elements.ts and load/location.ts).
 */
import type { Diagnostic, QNameString, SourceLocation } from '../../model/model.js';
import { qname } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attributeLocationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';
import { attr, childElements, lookupNamespace, rootOf } from '../../load/xml-elements.js';
import type { XmlElement } from '../../load/xml-tree.js';

/**
 * The text of the `documentation` children of `el` (in namespace `ns`), lines trimmed, blank runs
 * collapsed; `undefined` when there is none or it is empty.
 */
export function documentationOf(el: XmlElement, ns: string): string | undefined {
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
export function qnameAttr(el: XmlElement, name: string, doc: LoadedDocument, diagnostics: Diagnostic[]): QNameString | null {
  const value = attr(el, name);
  if (value === null) return null;
  const trimmed = value.trim();
  const colon = trimmed.indexOf(':');
  const prefix = colon < 0 ? '' : trimmed.slice(0, colon);
  const local = colon < 0 ? trimmed : trimmed.slice(colon + 1);
  if (local === '' || local.includes(':')) {
    diagnostics.push(diagnostic('error', attributeLocationOf(el, name, doc), `${name}="${value}" is not a valid QName`, 'wsdl-invalid-qname'));
    return null;
  }
  const namespace = lookupNamespace(el, prefix);
  if (namespace === null) {
    diagnostics.push(
      diagnostic('error', attributeLocationOf(el, name, doc), `${name}="${value}": namespace prefix '${prefix}' is not declared`, 'wsdl-unresolved-prefix'),
    );
    return null;
  }
  return qname(namespace, local);
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
export function refAttr(el: XmlElement, name: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlRef | null {
  const resolved = qnameAttr(el, name, doc, diagnostics);
  if (resolved === null) return null;
  const written = (attr(el, name) ?? '').trim();
  let fallback: QNameString | null = null;
  if (!written.includes(':')) {
    const tns = rootOf(el).getAttribute('targetNamespace') ?? '';
    const candidate = qname(tns, written);
    if (candidate !== resolved) fallback = candidate;
  }
  return { name: resolved, fallback, at: attributeLocationOf(el, name, doc) };
}
