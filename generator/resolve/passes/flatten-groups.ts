/**
 * Pass: flatten named model groups and attribute groups into the types that use them. A group
 * reference becomes the group's model group (marked with `group`), with the reference's occurrence
 * bounds; attribute group references become their attributes, in place, and their wildcards are
 * intersected with the type's own (XSD 1.0 §3.4.2, complete wildcard). Circular groups are errors.
 */
import type { NamespaceConstraint, Wildcard } from '../../model/model.js';
import type { RawAttributeItem, RawModelGroup, RawParticle } from '../../parse/xsd/components.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';

function flattenParticle(ctx: ResolveContext, p: RawParticle, stack: string[]): RawParticle | null {
  const t = p.term;
  if (t.kind === 'groupRef') {
    const g = ctx.components.groups.get(t.ref.name);
    if (!g || !g.group) return null; // reported by link-references / the parser
    if (stack.includes(t.ref.name)) {
      report(ctx, 'error', t.ref.at, `circular group reference ${t.ref.name}`, 'circular-group');
      return null;
    }
    const inner = flattenGroup(ctx, g.group, [...stack, t.ref.name]);
    return { ...p, term: { ...inner, group: t.ref.name } };
  }
  if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') {
    const term = flattenGroup(ctx, t, stack);
    return term === t ? p : { ...p, term };
  }
  return p;
}

/**
 * A model group with its group references flattened: the group itself when it holds none (the raw
 * components are not changed after this pass, so a group may be shared rather than copied).
 */
function flattenGroup(ctx: ResolveContext, g: RawModelGroup, stack: string[]): RawModelGroup {
  let particles: RawParticle[] | null = null;
  for (let i = 0; i < g.particles.length; i++) {
    const p = g.particles[i];
    const f = flattenParticle(ctx, p, stack);
    if (particles === null && f === p) continue;
    particles ??= g.particles.slice(0, i);
    if (f) particles.push(f);
  }
  if (particles === null) return g;
  const out: RawModelGroup = { kind: g.kind, particles };
  if (g.group !== undefined) out.group = g.group;
  return out;
}

/** Intersection of two namespace constraints (XSD 1.0 §3.10.6); `not` ∩ `not` of different sets is the union of the negations. */
export function intersectNamespaces(a: NamespaceConstraint, b: NamespaceConstraint): NamespaceConstraint {
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'enumeration' && b.kind === 'enumeration') {
    return { kind: 'enumeration', namespaces: a.namespaces.filter((n) => b.namespaces.includes(n)) };
  }
  if (a.kind === 'enumeration' && b.kind === 'not') return { kind: 'enumeration', namespaces: a.namespaces.filter((n) => !b.namespaces.includes(n)) };
  if (a.kind === 'not' && b.kind === 'enumeration') return { kind: 'enumeration', namespaces: b.namespaces.filter((n) => !a.namespaces.includes(n)) };
  return { kind: 'not', namespaces: [...new Set([...a.namespaces, ...b.namespaces])].sort() };
}

interface FlatAttributes {
  attributes: RawAttributeItem[];
  wildcards: Wildcard[];
}

function flattenAttributes(ctx: ResolveContext, items: RawAttributeItem[], stack: string[]): FlatAttributes {
  const out: FlatAttributes = { attributes: [], wildcards: [] };
  for (const item of items) {
    if (item.kind !== 'attributeGroupRef') {
      out.attributes.push(item);
      continue;
    }
    const g = ctx.components.attributeGroups.get(item.ref.name);
    if (!g) continue; // reported by link-references
    if (stack.includes(item.ref.name)) {
      report(ctx, 'error', item.ref.at, `circular attribute group reference ${item.ref.name}`, 'circular-group');
      continue;
    }
    const inner = flattenAttributes(ctx, g.attributes, [...stack, item.ref.name]);
    // XSD 1.0 §3.6.2: a prohibited use inside an attribute group is not one of the group's attribute
    // uses, so it removes nothing from a base type (XSD 1.1 changed this).
    out.attributes.push(...inner.attributes.filter((a) => !('use' in a) || a.use !== 'prohibited'));
    // The group's own complete wildcard: its local one (whose processContents wins) ∩ its groups' ones.
    const wildcard = combineWildcards(g.anyAttribute, inner.wildcards);
    if (wildcard) out.wildcards.push(wildcard);
  }
  return out;
}

/** The complete wildcard: the local one (its processContents wins) intersected with the groups' ones. */
function combineWildcards(local: Wildcard | null, fromGroups: Wildcard[]): Wildcard | null {
  const all = local ? [local, ...fromGroups] : fromGroups;
  const first = all[0];
  if (!first) return null;
  let namespace = first.namespace;
  for (const w of all.slice(1)) namespace = intersectNamespaces(namespace, w.namespace);
  return { namespace, processContents: first.processContents };
}

/** Flattens the groups of every complex type (named and anonymous). */
export const flattenGroups: ResolvePass = {
  name: 'flatten-groups',
  run(ctx) {
    for (const type of ctx.rawTypes.values()) {
      if (type.kind !== 'complex') continue;
      if (type.particle) type.particle = flattenParticle(ctx, type.particle, []);
      if (type.attributes.length === 0) continue; // nothing to flatten, no wildcard from groups
      const flat = flattenAttributes(ctx, type.attributes, []);
      // XSD forbids two uses of one attribute name; keep the first (document order) and say so.
      const seen = new Set<string>();
      const kept: RawAttributeItem[] = [];
      for (const a of flat.attributes) {
        if (a.kind === 'attributeGroupRef') continue;
        const name = a.kind === 'attribute' ? a.name : a.ref.name;
        if (seen.has(name)) {
          report(ctx, 'warning', a.source, `attribute ${name} is declared twice in type ${type.id}; the first is kept`, 'duplicate-attribute');
          continue;
        }
        seen.add(name);
        kept.push(a);
      }
      type.attributes = kept;
      type.anyAttribute = combineWildcards(type.anyAttribute, flat.wildcards);
    }
  },
};
