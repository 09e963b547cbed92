/** Pass: `derivedTypes` of complex types (the types whose `base` they are), sorted. Circular derivations are errors. */
import type { TypeRef } from '../../model/model.js';
import type { ResolvePass } from '../context.js';
import { report } from '../context.js';

/** Fills `derivedTypes`. */
export const derivedTypes: ResolvePass = {
  name: 'derived-types',
  run(ctx) {
    for (const t of ctx.types.values()) {
      if (t.kind !== 'complex' || t.base === null) continue;
      const base = ctx.types.get(t.base);
      if (base?.kind === 'complex') base.derivedTypes.push(t.id);
    }
    for (const t of ctx.types.values()) {
      if (t.kind === 'complex') t.derivedTypes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    }
    // A derivation cycle (A extends B extends A) would make every walk up `base` loop.
    for (const t of ctx.types.values()) {
      const seen = new Set<TypeRef>([t.id]);
      for (let b = t.base; b !== null; ) {
        if (seen.has(b)) {
          if (b === t.id) report(ctx, 'error', t.source, `circular derivation: ${t.id} derives from itself`, 'circular-derivation');
          break;
        }
        seen.add(b);
        b = ctx.types.get(b)?.base ?? null;
      }
    }
  },
};
