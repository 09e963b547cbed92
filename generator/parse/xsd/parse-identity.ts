/** `xs:key`, `xs:keyref`, `xs:unique` of an element declaration, kept as metadata. */
import type { XmlElement } from '../../load/xml-tree.js';
import type { IdentityConstraint, SourceLocation } from '../../model/model.js';
import { attr } from '../../load/xml-elements.js';
import { xsdChildren, type SchemaContext } from './schema-context.js';

/** Parses the identity constraints of an element; records key/unique names in `declared`. */
export function parseIdentityConstraints(ctx: SchemaContext, el: XmlElement, declared: Map<string, SourceLocation>): IdentityConstraint[] {
  const out: IdentityConstraint[] = [];
  for (const c of xsdChildren(el)) {
    const kind = c.localName;
    if (kind !== 'key' && kind !== 'keyref' && kind !== 'unique') continue;
    const local = attr(c, 'name');
    if (local === null) {
      ctx.report('error', c, `xs:${kind} without name`, 'invalid-identity-constraint');
      continue;
    }
    const name = ctx.componentName(local);
    let selector = '';
    const fields: string[] = [];
    for (const part of xsdChildren(c)) {
      if (part.localName === 'selector') selector = attr(part, 'xpath') ?? '';
      else if (part.localName === 'field') fields.push(attr(part, 'xpath') ?? '');
    }
    const constraint: IdentityConstraint = { kind, name, selector, fields };
    if (kind === 'keyref') {
      const refer = ctx.qnameAttr(c, 'refer');
      if (refer) constraint.refer = refer.name;
      else ctx.report('error', c, 'xs:keyref without refer', 'invalid-identity-constraint');
    } else if (!declared.has(name)) {
      declared.set(name, ctx.at(c));
    }
    out.push(constraint);
  }
  return out;
}
