/** `xs:any` / `xs:anyAttribute` → namespace constraint and processContents. */
import type { XmlElement } from '../../load/xml-tree.js';
import type { NamespaceConstraint, Wildcard } from '../../model/model.js';
import { attr } from '../../load/xml-elements.js';
import type { SchemaContext } from './schema-context.js';

/** Parses the `namespace` attribute of a wildcard. */
export function namespaceConstraint(ctx: SchemaContext, el: XmlElement): NamespaceConstraint {
  const value = (attr(el, 'namespace') ?? '##any').trim();
  if (value === '##any' || value === '') return { kind: 'any' };
  const tns = ctx.targetNamespace;
  if (value === '##other') return { kind: 'not', namespaces: tns === '' ? [''] : ['', tns] };
  const set = new Set<string>();
  for (const token of value.split(/\s+/)) {
    if (token === '##local') set.add('');
    else if (token === '##targetNamespace') set.add(tns);
    else if (token.startsWith('##')) ctx.report('warning', el, `unknown wildcard namespace token '${token}'`, 'invalid-wildcard');
    else set.add(token);
  }
  return { kind: 'enumeration', namespaces: [...set].sort() };
}

/** Parses a wildcard element. */
export function parseWildcard(ctx: SchemaContext, el: XmlElement): Wildcard {
  const pc = attr(el, 'processContents') ?? 'strict';
  let processContents: Wildcard['processContents'] = 'strict';
  if (pc === 'lax' || pc === 'skip' || pc === 'strict') processContents = pc;
  else ctx.report('warning', el, `invalid processContents '${pc}'`, 'invalid-wildcard');
  return { namespace: namespaceConstraint(ctx, el), processContents };
}
