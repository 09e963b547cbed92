/**
 * Pass: the value type of complex types with simple content. For an extension it is the base's value
 * type (the base itself when simple); for a restriction, the restated anonymous simple type
 * (`<id>/~content`, whose base is the base's value type) or, when nothing is restated, the base's.
 */
import type { ComplexTypeDefinition, TypeRef } from '../../model/model.js';
import { XSD_NS } from '../../model/model.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';

const ANY_SIMPLE_TYPE = `{${XSD_NS}}anySimpleType`;

function valueTypeOf(ctx: ResolveContext, id: TypeRef, stack: Set<TypeRef>, memo: Map<TypeRef, TypeRef>): TypeRef {
  const known = memo.get(id);
  if (known !== undefined) return known;
  const t = ctx.types.get(id);
  if (!t) return id.startsWith(`{${XSD_NS}}`) ? id : ANY_SIMPLE_TYPE; // built-in simple type (anyType excluded below)
  if (t.kind === 'simple') return id;
  if (t.content.kind !== 'simple') return ANY_SIMPLE_TYPE;
  if (stack.has(id)) {
    report(ctx, 'error', t.source, `circular derivation of ${id}`, 'circular-derivation');
    return ANY_SIMPLE_TYPE;
  }
  stack.add(id);
  const result = computeValueType(ctx, t, stack, memo);
  stack.delete(id);
  memo.set(id, result);
  return result;
}

function computeValueType(ctx: ResolveContext, t: ComplexTypeDefinition, stack: Set<TypeRef>, memo: Map<TypeRef, TypeRef>): TypeRef {
  const raw = ctx.rawTypes.get(t.id);
  const base = t.base ?? ANY_SIMPLE_TYPE;
  const baseDef = ctx.types.get(base);
  const baseIsSimpleContent = baseDef ? baseDef.kind === 'simple' || baseDef.content.kind === 'simple' : base !== `{${XSD_NS}}anyType`;
  if (!baseIsSimpleContent) {
    // A restriction of a mixed type with an emptiable particle is allowed by XSD; volet keeps any text.
    if (!(t.derivation === 'restriction' && baseDef && baseDef.kind === 'complex' && baseDef.content.kind === 'mixed')) {
      report(ctx, 'error', t.source, `simpleContent of ${t.id} derives from ${base}, which has no simple content`, 'simple-content-base');
    }
  }
  const baseValue = baseIsSimpleContent ? valueTypeOf(ctx, base, stack, memo) : ANY_SIMPLE_TYPE;
  if (t.derivation === 'restriction' && raw?.kind === 'complex' && raw.simpleRestriction) {
    const restricted = ctx.types.get(raw.simpleRestriction.id);
    // Without an inline xs:simpleType, the restated value restricts the base's value type.
    if (restricted && restricted.kind === 'simple' && restricted.base === null) restricted.base = baseValue;
    return raw.simpleRestriction.id;
  }
  return baseValue;
}

/** Fills `content.type` of simple-content complex types. */
export const simpleContent: ResolvePass = {
  name: 'simple-content',
  run(ctx) {
    const memo = new Map<TypeRef, TypeRef>();
    for (const t of ctx.types.values()) {
      if (t.kind === 'complex' && t.content.kind === 'simple') t.content = { kind: 'simple', type: valueTypeOf(ctx, t.id, new Set(), memo) };
    }
  },
};
