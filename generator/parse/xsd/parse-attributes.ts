/** Attribute declarations and uses, attribute group references and `xs:anyAttribute`. */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Wildcard } from '../../model/model.js';
import type { OwnerScope } from './anonymous-ids.js';
import type { RawAttributeDeclaration, RawAttributeItem, RawTypeUse } from './components.js';
import { documentationOf } from './documentation.js';
import { parseSimpleType } from './parse-simple-type.js';
import { parseWildcard } from './parse-wildcard.js';
import { attr } from '../../load/xml-elements.js';
import { xsdChild, xsdChildren, type SchemaContext } from './schema-context.js';

function useOf(ctx: SchemaContext, el: XmlElement): 'optional' | 'required' | 'prohibited' {
  const v = attr(el, 'use');
  if (v === null || v === 'optional') return 'optional';
  if (v === 'required' || v === 'prohibited') return v;
  ctx.report('warning', el, `invalid use '${v}'`, 'invalid-attribute');
  return 'optional';
}

/** The type of an attribute: `type=` or an inline simple type (named by `anonymousId`); `null` when none. */
function attributeType(ctx: SchemaContext, el: XmlElement, anonymousId: () => string): RawTypeUse | null {
  const inline = xsdChild(el, 'simpleType');
  const typeAttr = attr(el, 'type');
  if (typeAttr !== null) {
    if (inline) ctx.report('error', el, 'attribute has both type and an inline xs:simpleType', 'invalid-attribute');
    const ref = ctx.resolveQName(el, typeAttr);
    return ref ? { kind: 'ref', ref } : null;
  }
  if (inline) return { kind: 'inline', type: parseSimpleType(ctx, inline, anonymousId(), null) };
  return null;
}

/** Parses a global `xs:attribute`. */
export function parseGlobalAttribute(ctx: SchemaContext, el: XmlElement, local: string): RawAttributeDeclaration {
  const name = ctx.componentName(local);
  const decl: RawAttributeDeclaration = {
    name,
    type: attributeType(ctx, el, () => `{${ctx.targetNamespace}}@${local}~`),
    source: ctx.at(el),
  };
  const d = attr(el, 'default');
  const f = attr(el, 'fixed');
  if (d !== null) decl.default = d;
  if (f !== null) decl.fixed = f;
  const doc = documentationOf(el);
  if (doc !== undefined) decl.documentation = doc;
  return decl;
}

/** Parses the attribute items (attributes, attribute group refs) and `xs:anyAttribute` among `parent`'s children. */
export function parseAttributeItems(
  ctx: SchemaContext,
  parent: XmlElement,
  scope: OwnerScope,
): { attributes: RawAttributeItem[]; anyAttribute: Wildcard | null } {
  const attributes: RawAttributeItem[] = [];
  let anyAttribute: Wildcard | null = null;
  for (const el of xsdChildren(parent)) {
    if (el.localName === 'attribute') {
      const item = parseLocalAttribute(ctx, el, scope);
      if (item) attributes.push(item);
    } else if (el.localName === 'attributeGroup') {
      const ref = ctx.qnameAttr(el, 'ref');
      if (ref) attributes.push({ kind: 'attributeGroupRef', ref });
      else ctx.report('error', el, 'attribute group reference without ref', 'invalid-attribute');
    } else if (el.localName === 'anyAttribute') {
      anyAttribute = parseWildcard(ctx, el);
    }
  }
  return { attributes, anyAttribute };
}

function parseLocalAttribute(ctx: SchemaContext, el: XmlElement, scope: OwnerScope): RawAttributeItem | null {
  const use = useOf(ctx, el);
  const d = attr(el, 'default');
  const f = attr(el, 'fixed');
  const doc = documentationOf(el);
  const refValue = attr(el, 'ref');
  if (refValue !== null) {
    const ref = ctx.resolveQName(el, refValue);
    if (!ref) return null;
    const item: RawAttributeItem = { kind: 'attributeRef', ref, use, source: ctx.at(el) };
    if (d !== null) item.default = d;
    if (f !== null) item.fixed = f;
    if (doc !== undefined) item.documentation = doc;
    return item;
  }
  const local = attr(el, 'name');
  if (local === null) {
    ctx.report('error', el, 'xs:attribute needs name or ref', 'invalid-attribute');
    return null;
  }
  const form = attr(el, 'form');
  const qualified = form === null ? ctx.attributeFormQualified : form === 'qualified';
  const name = qualified ? ctx.componentName(local) : `{}${local}`;
  const item: RawAttributeItem = {
    kind: 'attribute',
    name,
    type: attributeType(ctx, el, () => scope.idFor(`@${local}~`)),
    use,
    source: ctx.at(el),
  };
  if (d !== null) item.default = d;
  if (f !== null) item.fixed = f;
  if (doc !== undefined) item.documentation = doc;
  return item;
}
