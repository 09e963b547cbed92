/**
 * Pass: facets that an official schema leaves out but its service enforces, added to the named
 * simple types that declare none, so that values are checked before they are sent (and generated
 * types are narrower). The INSi request schemas (`INSi_RECSANS_INS.xsd`, `INSi_RECVITALE_INS.xsd`)
 * restrict `xs:string` without facets for the sex and the birth date; the INSi integration rules
 * take `M` or `F` and a `YYYY-MM-DD` date whose day or month may be `00` (a "lunar" date, hence
 * not `xs:date`), the pattern the service's own RESULTAT schema gives its `DateLunaire`.
 */
import type { Facets } from '../../model/model.js';
import type { ResolvePass } from '../context.js';

/** Facets by type QName (`{namespace}local`). */
export const SERVICE_RULES: ReadonlyMap<string, Facets> = new Map<string, Facets>([
  ['{http://www.cnamts.fr/INSiRecSans}CodSexe', { enumeration: ['M', 'F'] }],
  ['{http://www.cnamts.fr/INSiRecSans}DateLunaire', { pattern: ['\\d{4}-\\d{2}-\\d{2}'] }],
  ['{http://www.cnamts.fr/INSiRecVit}CodSexe', { enumeration: ['M', 'F'] }],
  ['{http://www.cnamts.fr/INSiRecVit}DateLunaire', { pattern: ['\\d{4}-\\d{2}-\\d{2}'] }],
]);

/** Adds the {@link SERVICE_RULES} facets to the types that have none of their own. */
export const serviceRules: ResolvePass = {
  name: 'service-rules',
  run(ctx) {
    for (const [id, facets] of SERVICE_RULES) {
      const t = ctx.types.get(id);
      if (t?.kind !== 'simple' || t.variety !== 'atomic' || Object.keys(t.facets).length > 0) continue;
      t.facets = { ...facets };
    }
  },
};
