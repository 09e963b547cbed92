/** `xs:simpleType`: restriction (with facets), list and union. */
import type { XmlElement } from '../../load/xml-tree.js';
import { documentationOf } from './documentation.js';
import type { RawSimpleType, RawTypeUse } from './components.js';
import type { OwnerScope } from './anonymous-ids.js';
import { OwnerScope as Scope } from './anonymous-ids.js';
import { parseFacets } from './parse-facets.js';
import { enumerationQNames } from './qname-values.js';
import { attr } from '../../load/xml-elements.js';
import { xsdChild, xsdChildren, type SchemaContext } from './schema-context.js';

const XSD_ANY_SIMPLE = '{http://www.w3.org/2001/XMLSchema}anySimpleType';

/**
 * Parses an `xs:simpleType` element. `id` is its QName (named) or its anonymous id; `name` is `null`
 * for an anonymous type. Inline types inside take ids under `id`.
 */
export function parseSimpleType(ctx: SchemaContext, el: XmlElement, id: string, name: string | null): RawSimpleType {
  const scope = new Scope(id);
  const type: RawSimpleType = {
    kind: 'simple',
    id,
    name,
    source: ctx.at(el),
    final: ctx.derivationSet(el, 'final', ['restriction', 'list', 'union']),
    derivation: 'restriction',
    base: null,
    facets: {},
    itemType: null,
    memberTypes: [],
  };
  const doc = documentationOf(el);
  if (doc !== undefined) type.documentation = doc;
  const def = xsdChild(el, 'restriction', 'list', 'union');
  if (!def) {
    ctx.report('error', el, 'xs:simpleType without restriction, list or union', 'invalid-simple-type');
    type.base = { kind: 'ref', ref: { name: XSD_ANY_SIMPLE, at: ctx.at(el) } };
    return type;
  }
  if (def.localName === 'restriction') {
    type.base = simpleTypeUse(ctx, def, 'base', scope, '~base');
    type.facets = parseFacets(ctx, def);
    const qnames = enumerationQNames(ctx, def);
    if (qnames !== undefined) type.enumerationQNames = qnames;
  } else if (def.localName === 'list') {
    type.derivation = 'list';
    type.itemType = simpleTypeUse(ctx, def, 'itemType', scope, '~item');
  } else {
    type.derivation = 'union';
    const members: RawTypeUse[] = [];
    const listed = (attr(def, 'memberTypes') ?? '')
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '');
    for (const token of listed) {
      const ref = ctx.resolveQName(def, token);
      if (ref) members.push({ kind: 'ref', ref });
    }
    for (const inline of xsdChildren(def)) {
      if (inline.localName !== 'simpleType') continue;
      const memberId = scope.idFor(`~member${members.length + 1}`);
      members.push({ kind: 'inline', type: parseSimpleType(ctx, inline, memberId, null) });
    }
    if (members.length === 0) ctx.report('error', def, 'xs:union without member types', 'invalid-simple-type');
    type.memberTypes = members;
  }
  return type;
}

/**
 * The simple type a `base`/`itemType` attribute or an inline `xs:simpleType` child designates.
 * Missing both → an error and `xs:anySimpleType`.
 */
export function simpleTypeUse(ctx: SchemaContext, el: XmlElement, attrName: string, scope: OwnerScope, step: string): RawTypeUse {
  const inline = xsdChild(el, 'simpleType');
  const value = attr(el, attrName);
  if (value !== null) {
    if (inline) ctx.report('error', el, `both ${attrName} and an inline xs:simpleType`, 'invalid-simple-type');
    const ref = ctx.resolveQName(el, value);
    if (ref) return { kind: 'ref', ref };
  } else if (inline) {
    return { kind: 'inline', type: parseSimpleType(ctx, inline, scope.idFor(step), null) };
  } else {
    // Invalid, but the intent (a restriction of plain text) is clear; other tools accept it too.
    ctx.report('warning', el, `xs:${el.localName ?? ''} needs ${attrName} or an inline xs:simpleType; xs:anySimpleType assumed`, 'invalid-simple-type');
  }
  return { kind: 'ref', ref: { name: XSD_ANY_SIMPLE, at: ctx.at(el) } };
}
