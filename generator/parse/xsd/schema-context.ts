/**
 * The per-schema context of the XSD parser: target namespace (chameleon-aware), form and
 * block/final defaults, and QName resolution against the in-scope namespace declarations.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic, DerivationMethod, QNameString, SourceLocation } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { locationOf } from '../../load/location.js';
import { XSD } from '../../load/namespaces.js';
import { attr, childElements, lookupNamespace } from '../../load/xml-elements.js';
import type { SchemaSource } from '../../load/types.js';
import type { QNameRef } from './components.js';

/** XmlElement children in the XML Schema namespace (annotations excluded). */
export function xsdChildren(parent: XmlElement): XmlElement[] {
  return childElements(parent).filter((e) => e.namespaceURI === XSD && e.localName !== 'annotation');
}

/** The first XML Schema child with one of the local names. */
export function xsdChild(parent: XmlElement, ...names: string[]): XmlElement | null {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as XmlElement;
    if (e.namespaceURI === XSD && names.includes(e.localName ?? '')) return e;
  }
  return null;
}

/** The state shared by everything parsed from one `xs:schema`. */
export class SchemaContext {
  readonly targetNamespace: string;
  readonly elementFormQualified: boolean;
  readonly attributeFormQualified: boolean;
  readonly blockDefault: string;
  readonly finalDefault: string;

  constructor(
    readonly source: SchemaSource,
    readonly diagnostics: Diagnostic[],
  ) {
    const schema = source.element;
    this.targetNamespace = source.targetNamespace;
    this.elementFormQualified = attr(schema, 'elementFormDefault') === 'qualified';
    this.attributeFormQualified = attr(schema, 'attributeFormDefault') === 'qualified';
    this.blockDefault = attr(schema, 'blockDefault') ?? '';
    this.finalDefault = attr(schema, 'finalDefault') ?? '';
  }

  /** Where a node is. */
  at(node: XmlElement): SourceLocation {
    return locationOf(node, this.source.document);
  }

  /** Reports a problem. */
  report(severity: Diagnostic['severity'], node: XmlElement, message: string, code: string): void {
    this.diagnostics.push(diagnostic(severity, this.at(node), message, code));
  }

  /** A QName of a top-level component declared in this schema. */
  componentName(local: string): QNameString {
    return `{${this.targetNamespace}}${local}`;
  }

  /** The namespace bound to a prefix (`''` for the default namespace) at an element, or `null` when unbound. */
  lookupPrefix(el: XmlElement, prefix: string): string | null {
    return lookupNamespace(el, prefix);
  }

  /**
   * Resolves a QName-valued attribute. Unprefixed names take the default namespace; in a chameleon
   * schema, names left in no namespace take the including schema's namespace (XSD 1.0 §4.2.1).
   */
  resolveQName(el: XmlElement, value: string): QNameRef | null {
    const text = value.trim();
    const colon = text.indexOf(':');
    const prefix = colon < 0 ? '' : text.slice(0, colon);
    const local = colon < 0 ? text : text.slice(colon + 1);
    if (local === '' || /\s/.test(text)) {
      this.report('error', el, `invalid QName '${value}'`, 'invalid-qname');
      return null;
    }
    let ns = this.lookupPrefix(el, prefix);
    if (ns === null) {
      this.report('error', el, `undeclared namespace prefix '${prefix}' in '${value}'`, 'unbound-prefix');
      return null;
    }
    if (ns === '' && this.source.chameleon) ns = this.targetNamespace;
    const ref: QNameRef = { name: `{${ns}}${local}`, at: this.at(el) };
    if (ns === '' && prefix === '' && this.targetNamespace !== '') ref.fallback = `{${this.targetNamespace}}${local}`;
    return ref;
  }

  /** Resolves a QName attribute if present. */
  qnameAttr(el: XmlElement, name: string): QNameRef | null {
    const v = attr(el, name);
    return v === null ? null : this.resolveQName(el, v);
  }

  /**
   * Parses a `block`/`final` value (with the schema default), keeping only the methods allowed there.
   * `#all` expands to every allowed method.
   */
  derivationSet(el: XmlElement, name: 'block' | 'final', allowed: readonly DerivationMethod[]): DerivationMethod[] {
    const own = attr(el, name);
    const value = own ?? (name === 'block' ? this.blockDefault : this.finalDefault);
    // The usual case: no attribute, no schema default.
    if (value === '') return [];
    const tokens = value
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    const out = new Set<DerivationMethod>();
    for (const t of tokens) {
      if (t === '#all') allowed.forEach((m) => out.add(m));
      else if ((allowed as readonly string[]).includes(t)) out.add(t as DerivationMethod);
      else if (own !== null) this.report('warning', el, `'${t}' is not allowed in ${name} here`, 'invalid-derivation-set');
    }
    return allowed.filter((m) => out.has(m));
  }
}

/** `true`/`1` → true, `false`/`0` → false; anything else → the fallback (with a warning). */
export function booleanAttr(ctx: SchemaContext, el: XmlElement, name: string, fallback: boolean): boolean {
  const v = attr(el, name);
  if (v === null) return fallback;
  const t = v.trim();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  ctx.report('warning', el, `invalid boolean '${v}' for ${name}`, 'invalid-boolean');
  return fallback;
}
