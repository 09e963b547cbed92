/**
 * Pass: `reached` flags, from the service roots (message part elements and types). From an element:
 * its type and its substitution group members. From a type: its base, the types derived from it
 * (they may appear through `xsi:type`), the element terms of its content (their types, and the global
 * elements they refer to), its attributes' types, its simple content type, list item and union members.
 */
import type { Particle, TypeRef } from '../../model/model.js';
import type { ResolvePass } from '../context.js';

/** Sets `reached` on every type and global element the roots lead to. */
export const reachability: ResolvePass = {
  name: 'reachability',
  run(ctx) {
    const types: TypeRef[] = [...ctx.roots.types];
    const elements: string[] = [...ctx.roots.elements];
    const attributeTypes = (name: string): void => {
      const a = ctx.attributes.get(name);
      if (a) types.push(a.type);
    };
    const visitParticle = (p: Particle): void => {
      const t = p.term;
      if (t.kind === 'element') {
        types.push(t.type);
        if (t.ref !== null) elements.push(t.ref);
        if (t.substitutes) elements.push(...t.substitutes);
      } else if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') {
        t.particles.forEach(visitParticle);
      }
    };
    while (types.length > 0 || elements.length > 0) {
      const name = elements.pop();
      if (name !== undefined) {
        const e = ctx.elements.get(name);
        if (!e || e.reached) continue;
        e.reached = true;
        types.push(e.type);
        elements.push(...e.substitutionMembers);
        continue;
      }
      const id = types.pop() as TypeRef;
      const t = ctx.types.get(id);
      if (!t || t.reached) continue;
      t.reached = true;
      if (t.base !== null) types.push(t.base);
      if (t.kind === 'simple') {
        if (t.itemType !== undefined) types.push(t.itemType);
        if (t.memberTypes) types.push(...t.memberTypes);
        continue;
      }
      types.push(...t.derivedTypes);
      if (t.content.kind === 'simple') types.push(t.content.type);
      else if ((t.content.kind === 'element' || t.content.kind === 'mixed') && t.content.particle) visitParticle(t.content.particle);
      for (const a of t.attributes) {
        types.push(a.type);
        if (a.ref !== null) attributeTypes(a.ref);
      }
    }
  },
};
