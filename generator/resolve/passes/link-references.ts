/**
 * Pass: check that every QName reference names a component of the right kind. Unresolved references
 * are errors at the referring location; they are then replaced by a neutral stand-in (`xs:anyType`,
 * `xs:anySimpleType`, no substitution group) so that the later passes and `volet inspect` still work.
 * An unprefixed reference that fell in no namespace is retried in the schema's target namespace,
 * with a warning (a frequent slip that other tools forgive).
 */
import { XSD_NS } from '../../model/model.js';
import type { QNameRef, RawTypeUse } from '../../parse/xsd/components.js';
import { builtinType } from '../../parse/xsd/builtins.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';
import { walkComponents } from '../walk-raw.js';

const ANY_TYPE = `{${XSD_NS}}anyType`;
const ANY_SIMPLE_TYPE = `{${XSD_NS}}anySimpleType`;
const XSD_PREFIX = `{${XSD_NS}}`;

/** What a type reference designates: a built-in, a simple or complex schema type, or nothing. */
export function typeKind(ctx: ResolveContext, name: string): 'simple' | 'complex' | null {
  if (name.startsWith(XSD_PREFIX)) {
    const b = builtinType(name.slice(XSD_PREFIX.length));
    if (!b) return null;
    return b.variety === 'complex' ? 'complex' : 'simple';
  }
  return ctx.rawTypes.get(name)?.kind ?? null;
}

/**
 * Resolves a reference in place: its own name, else its target-namespace fallback (with a warning).
 * Returns false, after an error, when neither names anything.
 */
function link(ctx: ResolveContext, ref: QNameRef, exists: (name: string) => boolean, what: string, code: string): boolean {
  if (exists(ref.name)) return true;
  if (ref.fallback !== undefined && exists(ref.fallback)) {
    report(
      ctx,
      'warning',
      ref.at,
      `unprefixed ${what} reference ${ref.name} names nothing (no default namespace is declared); using ${ref.fallback} from the target namespace`,
      'unqualified-reference',
    );
    ref.name = ref.fallback;
    delete ref.fallback;
    return true;
  }
  const builtinLike = what === 'type' && ref.name.startsWith(`{${XSD_NS}}`);
  report(ctx, 'error', ref.at, builtinLike ? `${ref.name} is not an XML Schema built-in type` : `unresolved ${what} reference ${ref.name}`, code);
  return false;
}

function checkTypeRef(ctx: ResolveContext, ref: QNameRef, simpleOnly: boolean): QNameRef {
  // Nearly every reference names a type as written: one lookup, and `link` only for the others.
  let kind = typeKind(ctx, ref.name);
  if (kind === null) {
    if (!link(ctx, ref, (n) => typeKind(ctx, n) !== null, 'type', 'unresolved-type')) {
      return { name: simpleOnly ? ANY_SIMPLE_TYPE : ANY_TYPE, at: ref.at };
    }
    kind = typeKind(ctx, ref.name);
  }
  if (simpleOnly && kind === 'complex') {
    report(ctx, 'error', ref.at, `${ref.name} is a complex type where a simple type is required`, 'simple-type-expected');
    return { name: ANY_SIMPLE_TYPE, at: ref.at };
  }
  return ref;
}

/** Checks and repairs every reference. */
export const linkReferences: ResolvePass = {
  name: 'link-references',
  run(ctx) {
    const c = ctx.components;
    const checkRefer = (list: { kind: string; refer?: string; name: string }[], at: { file: string; line: number; column: number }): void => {
      for (const k of list) {
        if (k.kind === 'keyref' && k.refer !== undefined && !c.identityConstraints.has(k.refer)) {
          report(ctx, 'error', at, `keyref ${k.name} refers to ${k.refer}, which is no key or unique constraint`, 'unresolved-identity-constraint');
        }
      }
    };
    const isElement = (n: string): boolean => c.elements.has(n);
    const isGroup = (n: string): boolean => c.groups.has(n);
    const isAttribute = (n: string): boolean => c.attributes.has(n);
    const isAttributeGroup = (n: string): boolean => c.attributeGroups.has(n);
    walkComponents(c, {
      typeUse(use: RawTypeUse, simpleOnly) {
        if (use.kind === 'ref') use.ref = checkTypeRef(ctx, use.ref, simpleOnly);
      },
      type(type) {
        if (type.kind !== 'complex' || !type.base) return;
        type.base = checkTypeRef(ctx, type.base, false);
        if (type.contentModel === 'complex' && typeKind(ctx, type.base.name) === 'simple') {
          report(ctx, 'error', type.base.at, `complexContent cannot derive from the simple type ${type.base.name}`, 'complex-type-expected');
          type.base = { name: ANY_TYPE, at: type.base.at };
        }
      },
      particle(p) {
        const t = p.term;
        if (t.kind === 'elementRef') link(ctx, t.ref, isElement, 'element', 'unresolved-element');
        else if (t.kind === 'groupRef') link(ctx, t.ref, isGroup, 'group', 'unresolved-group');
        else if (t.kind === 'element' && t.decl.identityConstraints.length > 0) checkRefer(t.decl.identityConstraints, t.decl.source);
      },
      attribute(item) {
        if (item.kind === 'attributeRef') link(ctx, item.ref, isAttribute, 'attribute', 'unresolved-attribute');
        else if (item.kind === 'attributeGroupRef') link(ctx, item.ref, isAttributeGroup, 'attribute group', 'unresolved-attribute-group');
      },
    });
    for (const e of c.elements.values()) {
      if (e.substitutionGroup && !link(ctx, e.substitutionGroup, isElement, 'substitution group head', 'unresolved-element')) {
        e.substitutionGroup = null;
      }
      checkRefer(e.identityConstraints, e.source);
    }
  },
};
