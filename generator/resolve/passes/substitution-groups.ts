/**
 * Pass: substitution groups. `substitutionMembers` of a head lists every element that names it,
 * directly or through other members (sorted). `substitutes` of an element term referring to a head
 * lists the members that may really appear in its place: non-abstract, and not excluded by the head's
 * `block` (substitution, or the derivation methods from the head's type to the member's type).
 */
import type { DerivationMethod, ElementDeclaration, Particle, QNameString, TypeRef } from '../../model/model.js';
import { XSD_NS } from '../../model/model.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The derivation methods from `from` up to `to` along `base`, or `null` when `from` does not derive from `to`. */
function derivationPath(ctx: ResolveContext, from: TypeRef, to: TypeRef): DerivationMethod[] | null {
  const methods: DerivationMethod[] = [];
  const seen = new Set<TypeRef>();
  for (let id: TypeRef | null = from; id !== null; ) {
    if (id === to) return methods;
    if (seen.has(id)) return null;
    seen.add(id);
    const t = ctx.types.get(id);
    if (!t) break;
    if (t.kind === 'complex') {
      if (t.derivation) methods.push(t.derivation);
      id = t.base ?? `{${XSD_NS}}anyType`;
    } else {
      methods.push(t.base !== null ? 'restriction' : t.variety === 'list' ? 'list' : 'union');
      id = t.base ?? `{${XSD_NS}}anySimpleType`;
    }
  }
  // Every type derives from anyType; simple types from anySimpleType.
  if (to === `{${XSD_NS}}anyType` || to === `{${XSD_NS}}anySimpleType`) return methods;
  return null;
}

/** True when the member may stand for the head (block constraints of the head and its type). */
function allowedSubstitute(ctx: ResolveContext, head: ElementDeclaration, member: ElementDeclaration): boolean {
  if (head.block.includes('substitution')) return false;
  const path = derivationPath(ctx, member.type, head.type);
  if (path === null) return true; // reported once per member by the pass
  const headType = ctx.types.get(head.type);
  const typeBlock = headType?.kind === 'complex' ? headType.block : [];
  return !path.some((m) => head.block.includes(m) || typeBlock.includes(m));
}

function visitParticle(p: Particle, f: (p: Particle) => void): void {
  f(p);
  const t = p.term;
  if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') t.particles.forEach((c) => visitParticle(c, f));
}

/** Fills `substitutionMembers` and `substitutes`. */
export const substitutionGroups: ResolvePass = {
  name: 'substitution-groups',
  run(ctx) {
    const direct = new Map<QNameString, QNameString[]>();
    for (const e of ctx.elements.values()) {
      if (e.substitutionGroup === null) continue;
      const list = direct.get(e.substitutionGroup) ?? [];
      list.push(e.name);
      direct.set(e.substitutionGroup, list);
      const head = ctx.elements.get(e.substitutionGroup);
      if (head && derivationPath(ctx, e.type, head.type) === null) {
        report(
          ctx,
          'warning',
          e.source,
          `type ${e.type} of ${e.name} does not derive from ${head.type}, the type of its substitution group head`,
          'invalid-substitution',
        );
      }
    }
    for (const e of ctx.elements.values()) {
      const all = new Set<QNameString>();
      const stack = [...(direct.get(e.name) ?? [])];
      while (stack.length > 0) {
        const m = stack.pop() as QNameString;
        if (m === e.name) {
          report(ctx, 'error', e.source, `circular substitution group through ${e.name}`, 'circular-substitution');
          continue;
        }
        if (all.has(m)) continue;
        all.add(m);
        stack.push(...(direct.get(m) ?? []));
      }
      e.substitutionMembers = [...all].sort(byCodeUnit);
    }
    const substitutesOf = new Map<QNameString, QNameString[]>();
    for (const e of ctx.elements.values()) {
      if (e.substitutionMembers.length === 0) continue;
      substitutesOf.set(
        e.name,
        e.substitutionMembers.filter((m) => {
          const member = ctx.elements.get(m);
          return member !== undefined && !member.abstract && allowedSubstitute(ctx, e, member);
        }),
      );
    }
    for (const t of ctx.types.values()) {
      if (t.kind !== 'complex' || (t.content.kind !== 'element' && t.content.kind !== 'mixed') || !t.content.particle) continue;
      visitParticle(t.content.particle, (p) => {
        if (p.term.kind !== 'element' || p.term.ref === null) return;
        const subs = substitutesOf.get(p.term.ref);
        if (subs && subs.length > 0) p.term.substitutes = subs;
      });
    }
  },
};
