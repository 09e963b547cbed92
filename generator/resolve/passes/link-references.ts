/**
 * Pass: check that every QName reference names a component of the right kind. Unresolved references
 * are errors at the referring location; they are then replaced by a neutral stand-in (`xs:anyType`,
 * `xs:anySimpleType`, no substitution group) so that the later passes and `volet inspect` still work.
 */
import { XSD_NS } from '../../model/model.js';
import type { QNameRef, RawTypeUse } from '../../parse/xsd/components.js';
import { builtinType } from '../../parse/xsd/builtins.js';
import type { ResolveContext, ResolvePass } from '../context.js';
import { report } from '../context.js';
import { walkComponents } from '../walk-raw.js';

const ANY_TYPE = `{${XSD_NS}}anyType`;
const ANY_SIMPLE_TYPE = `{${XSD_NS}}anySimpleType`;

/** What a type reference designates: a built-in, a simple or complex schema type, or nothing. */
export function typeKind(ctx: ResolveContext, name: string): 'simple' | 'complex' | null {
  const xsdPrefix = `{${XSD_NS}}`;
  if (name.startsWith(xsdPrefix)) {
    const b = builtinType(name.slice(xsdPrefix.length));
    if (!b) return null;
    return b.variety === 'complex' ? 'complex' : 'simple';
  }
  return ctx.rawTypes.get(name)?.kind ?? null;
}

function checkTypeRef(ctx: ResolveContext, ref: QNameRef, simpleOnly: boolean): QNameRef {
  const kind = typeKind(ctx, ref.name);
  if (kind === null) {
    const builtinLike = ref.name.startsWith(`{${XSD_NS}}`);
    report(
      ctx,
      'error',
      ref.at,
      builtinLike ? `${ref.name} is not an XML Schema built-in type` : `unresolved type reference ${ref.name}`,
      'unresolved-type',
    );
    return { name: simpleOnly ? ANY_SIMPLE_TYPE : ANY_TYPE, at: ref.at };
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
    walkComponents(c, {
      typeUse(use: RawTypeUse, simpleOnly) {
        if (use.kind === 'ref') use.ref = checkTypeRef(ctx, use.ref, simpleOnly);
      },
      type(type) {
        if (type.kind !== 'complex' || !type.base) return;
        const kind = typeKind(ctx, type.base.name);
        if (kind === null) {
          type.base = checkTypeRef(ctx, type.base, false);
        } else if (type.contentModel === 'complex' && kind === 'simple') {
          report(ctx, 'error', type.base.at, `complexContent cannot derive from the simple type ${type.base.name}`, 'complex-type-expected');
          type.base = { name: ANY_TYPE, at: type.base.at };
        }
      },
      particle(p) {
        const t = p.term;
        if (t.kind === 'elementRef' && !c.elements.has(t.ref.name)) {
          report(ctx, 'error', t.ref.at, `unresolved element reference ${t.ref.name}`, 'unresolved-element');
        } else if (t.kind === 'groupRef' && !c.groups.has(t.ref.name)) {
          report(ctx, 'error', t.ref.at, `unresolved group reference ${t.ref.name}`, 'unresolved-group');
        }
      },
      attribute(item) {
        if (item.kind === 'attributeRef' && !c.attributes.has(item.ref.name)) {
          report(ctx, 'error', item.ref.at, `unresolved attribute reference ${item.ref.name}`, 'unresolved-attribute');
        } else if (item.kind === 'attributeGroupRef' && !c.attributeGroups.has(item.ref.name)) {
          report(ctx, 'error', item.ref.at, `unresolved attribute group reference ${item.ref.name}`, 'unresolved-attribute-group');
        }
      },
    });
    for (const e of c.elements.values()) {
      if (e.substitutionGroup && !c.elements.has(e.substitutionGroup.name)) {
        report(ctx, 'error', e.substitutionGroup.at, `unresolved substitution group head ${e.substitutionGroup.name}`, 'unresolved-element');
        e.substitutionGroup = null;
      }
    }
    const checkRefer = (list: { kind: string; refer?: string; name: string }[], at: { file: string; line: number; column: number }): void => {
      for (const k of list) {
        if (k.kind === 'keyref' && k.refer !== undefined && !c.identityConstraints.has(k.refer)) {
          report(ctx, 'error', at, `keyref ${k.name} refers to ${k.refer}, which is no key or unique constraint`, 'unresolved-identity-constraint');
        }
      }
    };
    for (const e of c.elements.values()) checkRefer(e.identityConstraints, e.source);
    walkComponents(c, {
      particle(p) {
        if (p.term.kind === 'element') checkRefer(p.term.decl.identityConstraints, p.term.decl.source);
      },
    });
  },
};
