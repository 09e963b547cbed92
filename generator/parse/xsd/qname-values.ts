/**
 * Enumeration values read as QNames. A value of a type derived from `xs:QName` (or `xs:NOTATION`) is a
 * `prefix:local` resolved against the namespace declarations in scope where it is written — at the
 * `xs:enumeration` element — and unprefixed values take the default namespace there (XSD 1.0 Part 2
 * §3.2.18). Whether a type is QName-based is known only once `base` references are resolved, so the
 * parser reads every enumeration value both ways and resolve keeps the QName reading where it applies.
 */
import { isNCName } from '@volet/runtime/xml';
import type { XmlElement } from '../../load/xml-tree.js';
import { XSD } from '../../load/namespaces.js';
import type { RawQNameValue } from './components.js';
import { attr, childElements } from '../../load/xml-elements.js';
import type { SchemaContext } from './schema-context.js';

/** Reads one value written at `el` as a QName (whitespace collapsed, as for every QName). */
export function qnameValue(ctx: SchemaContext, el: XmlElement, value: string): RawQNameValue {
  const text = value.trim();
  const colon = text.indexOf(':');
  const prefix = colon < 0 ? '' : text.slice(0, colon);
  const local = colon < 0 ? text : text.slice(colon + 1);
  const at = ctx.at(el);
  if ((colon >= 0 && !isNCName(prefix)) || !isNCName(local)) return { ok: false, reason: `'${value}' is not a QName`, at };
  const namespace = ctx.lookupPrefix(el, prefix);
  if (namespace === null) return { ok: false, reason: `undeclared namespace prefix '${prefix}' in '${value}'`, at };
  return { ok: true, name: `{${namespace}}${local}` };
}

/**
 * The QName reading of each `xs:enumeration` among a restriction's children, in the order
 * `parseFacets` lists their values; `undefined` when there is none.
 */
export function enumerationQNames(ctx: SchemaContext, restriction: XmlElement): RawQNameValue[] | undefined {
  const out: RawQNameValue[] = [];
  for (const el of childElements(restriction)) {
    if (el.namespaceURI !== XSD || el.localName !== 'enumeration') continue;
    const value = attr(el, 'value');
    if (value !== null) out.push(qnameValue(ctx, el, value));
  }
  return out.length === 0 ? undefined : out;
}
