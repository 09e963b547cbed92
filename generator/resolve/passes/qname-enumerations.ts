/**
 * Pass: enumeration values of simple types derived from `xs:QName` or `xs:NOTATION` become Clark
 * notation `{namespace}local`, resolved where each value is written (the parser read them so). A value
 * that is not a QName there (undeclared prefix…) is kept as written, with a warning: the type then
 * cannot be narrowed to literal QNames, but generation goes on.
 */
import type { Facets, SimpleTypeDefinition } from '../../model/model.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';

const QNAME_PRIMITIVES: ReadonlySet<string> = new Set(['QName', 'NOTATION']);

function resolveValues(ctx: ResolveContext, t: SimpleTypeDefinition): void {
  const values = t.facets.enumeration;
  const raw = ctx.rawTypes.get(t.id);
  if (values === undefined || raw?.kind !== 'simple') return;
  const read = raw.enumerationQNames ?? [];
  if (read.length !== values.length) return; // not read at the facets (cannot happen for parsed types)
  const enumeration: string[] = [];
  const docs = t.facets.enumerationDocs;
  const enumerationDocs: Record<string, string> = {};
  values.forEach((written, i) => {
    const q = read[i];
    let value = written;
    if (q?.ok === true) value = q.name;
    else if (q?.ok === false) report(ctx, 'warning', q.at, `enumeration value of QName type ${t.id}: ${q.reason}; kept as written`, 'invalid-qname-value');
    // Two spellings of one QName (`tns:a`, and `a` under a default namespace) are one value.
    if (enumeration.includes(value)) return;
    enumeration.push(value);
    const doc = docs !== undefined && Object.hasOwn(docs, written) ? docs[written] : undefined;
    if (doc !== undefined) Object.defineProperty(enumerationDocs, value, { value: doc, enumerable: true, writable: true, configurable: true });
  });
  // A new facets object: the raw type shares the parsed one.
  const facets: Facets = { ...t.facets, enumeration };
  if (docs !== undefined) facets.enumerationDocs = enumerationDocs;
  t.facets = facets;
}

/** Rewrites the enumeration facets of QName-based simple types to Clark notation. */
export const qnameEnumerations: ResolvePass = {
  name: 'qname-enumerations',
  run(ctx) {
    for (const t of ctx.types.values()) {
      if (t.kind === 'simple' && t.variety === 'atomic' && t.primitive !== null && QNAME_PRIMITIVES.has(t.primitive)) resolveValues(ctx, t);
    }
  },
};
