/**
 * Pass: the `mtom` and `mtomResponse` flags of every operation, from the binary content marked for
 * XOP that its parts reach (the rules are in resolve/mtom.ts).
 */
import { markMtomOperations } from '../mtom.js';
import { schemaOf, type ResolvePass } from '../context.js';

/** Flags the operations that send or receive MTOM. */
export const mtomOperations: ResolvePass = {
  name: 'mtom-operations',
  run(ctx) {
    if (ctx.services.length > 0) markMtomOperations(ctx.services, schemaOf(ctx));
  },
};
