/**
 * `xs:redefine`: the redefined schema is included, then each component inside the `xs:redefine`
 * replaces the original of the same name. The original stays in the model as an anonymous type with id
 * `<QName>/~redefined` (groups and attribute groups: key `<QName>/~redefined`), which the new
 * definition's self-reference (its base, or its reference to the group) now points to.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Redefinition } from '../../load/types.js';
import type { RawAttributeItem, RawModelGroup, RawParticle, RawType, RawTypeUse, SchemaComponents } from './components.js';
import { parseComplexType, type ParseState } from './parse-complex-type.js';
import { parseSimpleType } from './parse-simple-type.js';
import { parseAttributeGroup, parseGroup } from './parse-schemas.js';
import { attr } from '../../load/xml-elements.js';
import { xsdChildren, type SchemaContext } from './schema-context.js';

const SUFFIX = '/~redefined';

/** Rewrites the ids of a type and of the anonymous types inside it from prefix `from` to `to`. */
function reId(type: RawType, from: string, to: string): void {
  const move = (id: string): string => (id.startsWith(from) ? to + id.slice(from.length) : id);
  const visitUse = (use: RawTypeUse | null): void => {
    if (use && use.kind === 'inline') reId(use.type, from, to);
  };
  type.id = move(type.id);
  if (type.kind === 'simple') {
    visitUse(type.base);
    visitUse(type.itemType);
    type.memberTypes.forEach(visitUse);
    return;
  }
  if (type.simpleRestriction) reId(type.simpleRestriction, from, to);
  if (type.particle) visitParticle(type.particle, (u) => visitUse(u));
  type.attributes.forEach((a) => {
    if (a.kind === 'attribute') visitUse(a.type);
  });
}

function visitParticle(p: RawParticle, onType: (use: RawTypeUse | null) => void): void {
  const t = p.term;
  if (t.kind === 'element') onType(t.decl.type);
  else if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') t.particles.forEach((c) => visitParticle(c, onType));
}

function reIdGroup(group: RawModelGroup | null, from: string, to: string): void {
  group?.particles.forEach((p) =>
    visitParticle(p, (use) => {
      if (use && use.kind === 'inline') reId(use.type, from, to);
    }),
  );
}

function retargetGroupRefs(group: RawModelGroup | null, name: string, to: string): number {
  let n = 0;
  const visit = (p: RawParticle): void => {
    const t = p.term;
    if (t.kind === 'groupRef' && t.ref.name === name) {
      t.ref = { ...t.ref, name: to };
      n++;
    } else if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') t.particles.forEach(visit);
  };
  group?.particles.forEach(visit);
  return n;
}

function retargetAttributeGroupRefs(items: RawAttributeItem[], name: string, to: string): number {
  let n = 0;
  for (const item of items) {
    if (item.kind === 'attributeGroupRef' && item.ref.name === name) {
      item.ref = { ...item.ref, name: to };
      n++;
    }
  }
  return n;
}

/** Applies one `xs:redefine` element's definitions. */
function applyOne(ctx: SchemaContext, redefine: XmlElement, out: SchemaComponents, state: ParseState): void {
  for (const el of xsdChildren(redefine)) {
    const kind = el.localName ?? '';
    const local = attr(el, 'name');
    if (local === null) {
      ctx.report('error', el, `xs:${kind} in xs:redefine without name`, 'missing-name');
      continue;
    }
    const name = ctx.componentName(local);
    const original = `${name}${SUFFIX}`;
    if (kind === 'simpleType' || kind === 'complexType') {
      const old = out.types.get(name);
      if (!old) {
        ctx.report('error', el, `xs:redefine of type ${name}, which the redefined schema does not define`, 'invalid-redefine');
        continue;
      }
      out.types.delete(name);
      reId(old, name, original);
      old.name = null;
      out.types.set(original, old);
      const type = kind === 'simpleType' ? parseSimpleType(ctx, el, name, name) : parseComplexType(ctx, el, name, name, state);
      // The redefinition derives from the original: its self-referencing base now names the original.
      if (type.kind === 'simple' && type.base?.kind === 'ref' && type.base.ref.name === name) type.base.ref = { ...type.base.ref, name: original };
      else if (type.kind === 'complex' && type.base?.name === name) type.base = { ...type.base, name: original };
      else ctx.report('error', el, `redefined type ${name} must derive from itself`, 'invalid-redefine');
      out.types.set(name, type);
    } else if (kind === 'group') {
      const old = out.groups.get(name);
      if (!old) {
        ctx.report('error', el, `xs:redefine of group ${name}, which the redefined schema does not define`, 'invalid-redefine');
        continue;
      }
      out.groups.delete(name);
      reIdGroup(old.group, `${name}(group)`, `${original}(group)`);
      out.groups.set(original, { ...old, name: original });
      const group = parseGroup(ctx, el, local, state);
      retargetGroupRefs(group.group, name, original);
      out.groups.set(name, group);
    } else if (kind === 'attributeGroup') {
      const old = out.attributeGroups.get(name);
      if (!old) {
        ctx.report('error', el, `xs:redefine of attribute group ${name}, which the redefined schema does not define`, 'invalid-redefine');
        continue;
      }
      out.attributeGroups.delete(name);
      for (const a of old.attributes) {
        if (a.kind === 'attribute' && a.type?.kind === 'inline') reId(a.type.type, `${name}(attributeGroup)`, `${original}(attributeGroup)`);
      }
      out.attributeGroups.set(original, { ...old, name: original });
      const group = parseAttributeGroup(ctx, el, local);
      retargetAttributeGroupRefs(group.attributes, name, original);
      out.attributeGroups.set(name, group);
    }
  }
}

/** Applies every `xs:redefine` found by the loader. */
export function applyRedefinitions(
  redefinitions: readonly Redefinition[],
  contexts: ReadonlyMap<string, SchemaContext>,
  out: SchemaComponents,
  state: ParseState,
): void {
  for (const r of redefinitions) {
    const ctx = contexts.get(r.redefining);
    if (ctx) applyOne(ctx, r.element, out, state);
  }
}
