/** Visitors over raw components, shared by the passes that need to see every nested part. */
import type { RawAttributeItem, RawParticle, RawType, RawTypeUse, SchemaComponents } from '../parse/xsd/components.js';

/** Callbacks of {@link walkComponents}; every one is optional. */
export interface RawVisitor {
  /** Every type, named or anonymous (anonymous ones right after their owner's part that holds them). */
  type?(type: RawType): void;
  /** Every type use (a QName reference or an inline type). */
  typeUse?(use: RawTypeUse, simpleOnly: boolean): void;
  /** Every particle, in model groups of types and named groups. */
  particle?(particle: RawParticle): void;
  /** Every attribute item, in types and attribute groups. */
  attribute?(item: RawAttributeItem): void;
}

function walkUse(use: RawTypeUse | null, v: RawVisitor, simpleOnly: boolean): void {
  if (!use) return;
  v.typeUse?.(use, simpleOnly);
  if (use.kind === 'inline') walkType(use.type, v);
}

function walkParticle(p: RawParticle, v: RawVisitor): void {
  v.particle?.(p);
  const t = p.term;
  if (t.kind === 'element') walkUse(t.decl.type, v, false);
  else if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') {
    // Index loops: these walks run before V8 optimises them, where `for…of` makes an object per step.
    for (let i = 0; i < t.particles.length; i++) walkParticle(t.particles[i], v);
  }
}

function walkAttributes(items: RawAttributeItem[], v: RawVisitor): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    v.attribute?.(item);
    if (item.kind === 'attribute') walkUse(item.type, v, true);
  }
}

/** Visits a type and everything inside it. */
export function walkType(type: RawType, v: RawVisitor): void {
  v.type?.(type);
  if (type.kind === 'simple') {
    walkUse(type.base, v, true);
    walkUse(type.itemType, v, true);
    for (let i = 0; i < type.memberTypes.length; i++) walkUse(type.memberTypes[i], v, true);
    return;
  }
  if (type.simpleRestriction) walkType(type.simpleRestriction, v);
  if (type.particle) walkParticle(type.particle, v);
  walkAttributes(type.attributes, v);
}

/** Visits every component and everything inside it, in map order. */
export function walkComponents(c: SchemaComponents, v: RawVisitor): void {
  for (const t of c.types.values()) walkType(t, v);
  for (const e of c.elements.values()) walkUse(e.type, v, false);
  for (const a of c.attributes.values()) walkUse(a.type, v, true);
  for (const g of c.groups.values()) if (g.group) for (let i = 0; i < g.group.particles.length; i++) walkParticle(g.group.particles[i], v);
  for (const g of c.attributeGroups.values()) walkAttributes(g.attributes, v);
}
