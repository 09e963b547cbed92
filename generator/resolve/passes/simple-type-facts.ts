/**
 * Pass: variety, primitive and closest built-in of every simple type, walking `base` to the built-ins.
 * A restriction of a list (union) type is itself a list (union): it keeps its `base` and inherits
 * `itemType` (`memberTypes`). Circular derivations are errors.
 */
import type { SimpleTypeDefinition, TypeRef } from '../../model/model.js';
import { XSD_NS } from '../../model/model.js';
import { builtinType } from '../../parse/xsd/builtins.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';

interface Facts {
  variety: SimpleTypeDefinition['variety'];
  primitive: string | null;
  builtin: string | null;
  itemType?: TypeRef;
  memberTypes?: TypeRef[];
}

const XSD_PREFIX = `{${XSD_NS}}`;

function builtinFacts(local: string): Facts {
  const b = builtinType(local);
  if (!b) return { variety: 'atomic', primitive: null, builtin: null };
  if (b.variety === 'list') return { variety: 'list', primitive: null, builtin: local, itemType: XSD_PREFIX + (b.itemType ?? 'anySimpleType') };
  return { variety: 'atomic', primitive: b.primitive, builtin: local };
}

function factsOf(ctx: ResolveContext, id: TypeRef, stack: Set<TypeRef>, memo: Map<TypeRef, Facts>): Facts {
  if (id.startsWith(XSD_PREFIX)) return builtinFacts(id.slice(XSD_PREFIX.length));
  const known = memo.get(id);
  if (known) return known;
  const t = ctx.types.get(id);
  if (!t || t.kind !== 'simple') return { variety: 'atomic', primitive: null, builtin: null };
  if (stack.has(id)) {
    report(ctx, 'error', t.source, `circular derivation of simple type ${id}`, 'circular-derivation');
    return { variety: 'atomic', primitive: null, builtin: null };
  }
  let facts: Facts;
  if (t.base === null) {
    facts = { variety: t.variety, primitive: null, builtin: null };
  } else {
    stack.add(id);
    const base = factsOf(ctx, t.base, stack, memo);
    stack.delete(id);
    const builtin = t.base.startsWith(XSD_PREFIX) ? t.base.slice(XSD_PREFIX.length) : base.builtin;
    facts = { variety: base.variety, primitive: base.primitive, builtin };
    if (base.itemType !== undefined) facts.itemType = base.itemType;
    if (base.variety === 'list' && base.itemType === undefined) {
      const baseDef = ctx.types.get(t.base);
      if (baseDef?.kind === 'simple' && baseDef.itemType !== undefined) facts.itemType = baseDef.itemType;
    }
    if (base.variety === 'union') {
      const baseDef = ctx.types.get(t.base);
      const members = base.memberTypes ?? (baseDef?.kind === 'simple' ? baseDef.memberTypes : undefined);
      if (members) facts.memberTypes = members;
    }
  }
  memo.set(id, facts);
  return facts;
}

/** Fills `variety`, `primitive`, `builtin` (and inherited `itemType`/`memberTypes`) of simple types. */
export const simpleTypeFacts: ResolvePass = {
  name: 'simple-type-facts',
  run(ctx) {
    const memo = new Map<TypeRef, Facts>();
    for (const t of ctx.types.values()) {
      if (t.kind !== 'simple') continue;
      const f = factsOf(ctx, t.id, new Set(), memo);
      t.variety = f.variety;
      t.primitive = f.variety === 'atomic' ? f.primitive : null;
      t.builtin = f.builtin;
      if (t.base !== null && f.itemType !== undefined && t.itemType === undefined) t.itemType = f.itemType;
      if (t.base !== null && f.memberTypes !== undefined && t.memberTypes === undefined) t.memberTypes = f.memberTypes;
    }
  },
};
