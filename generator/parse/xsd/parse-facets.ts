/** Constraining facets of an `xs:restriction`. */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Facets } from '../../model/model.js';
import { XSD } from '../../load/namespaces.js';
import { documentationOf } from './documentation.js';
import { attr, childElements } from '../../load/xml-elements.js';
import type { SchemaContext } from './schema-context.js';

const COUNT_FACETS = new Set(['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits']);
const BOUND_FACETS = new Set(['minInclusive', 'minExclusive', 'maxInclusive', 'maxExclusive']);

/** True when an element is a facet. */
export function isFacet(el: XmlElement): boolean {
  const n = el.localName ?? '';
  return el.namespaceURI === XSD && (COUNT_FACETS.has(n) || BOUND_FACETS.has(n) || n === 'pattern' || n === 'enumeration' || n === 'whiteSpace');
}

/** Reads the facets among a restriction's children. */
export function parseFacets(ctx: SchemaContext, restriction: XmlElement): Facets {
  const facets: Facets = {};
  for (const el of childElements(restriction)) {
    if (!isFacet(el)) continue;
    const name = el.localName ?? '';
    const value = attr(el, 'value');
    if (value === null) {
      ctx.report('error', el, `facet xs:${name} without value`, 'invalid-facet');
      continue;
    }
    if (COUNT_FACETS.has(name)) {
      const n = Number(value.trim());
      if (!Number.isInteger(n) || n < 0) {
        ctx.report('error', el, `facet xs:${name} needs a non-negative integer, got '${value}'`, 'invalid-facet');
        continue;
      }
      (facets as Record<string, unknown>)[name] = n;
    } else if (BOUND_FACETS.has(name)) {
      (facets as Record<string, unknown>)[name] = value.trim();
    } else if (name === 'pattern') {
      (facets.pattern ??= []).push(value);
    } else if (name === 'enumeration') {
      (facets.enumeration ??= []).push(value);
      const doc = documentationOf(el);
      if (doc !== undefined) {
        const docs = (facets.enumerationDocs ??= {});
        // An enumeration value may be `__proto__`: define it as an own property rather than set the prototype.
        if (value === '__proto__') Object.defineProperty(docs, value, { value: doc, enumerable: true, writable: true, configurable: true });
        else docs[value] = doc;
      }
    } else if (name === 'whiteSpace') {
      const v = value.trim();
      if (v === 'preserve' || v === 'replace' || v === 'collapse') facets.whiteSpace = v;
      else ctx.report('error', el, `invalid whiteSpace '${value}'`, 'invalid-facet');
    }
  }
  return facets;
}
