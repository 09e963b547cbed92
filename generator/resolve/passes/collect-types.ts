/** Pass: index every raw type, named or anonymous, by id. */
import type { ResolvePass } from '../context.js';
import { report } from '../context.js';
import { walkComponents } from '../walk-raw.js';

/** Fills `ctx.rawTypes`. */
export const collectTypes: ResolvePass = {
  name: 'collect-types',
  run(ctx) {
    walkComponents(ctx.components, {
      type(type) {
        const existing = ctx.rawTypes.get(type.id);
        if (existing && existing !== type) {
          report(ctx, 'warning', type.source, `two type definitions share the id ${type.id}; the second is ignored`, 'duplicate-type-id');
          return;
        }
        ctx.rawTypes.set(type.id, type);
      },
    });
  },
};
