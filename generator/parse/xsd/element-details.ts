/**
 * What global and local `xs:element` declarations read alike: the value constraint (`default` or
 * `fixed`, never both), the MTOM cue `xmime:expectedContentTypes`, and the documentation.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import { documentationOf } from './documentation.js';
import { expectedContentTypesOf } from './expected-content-types.js';
import { attr } from '../../load/xml-elements.js';
import type { SchemaContext } from './schema-context.js';

/** The optional fields {@link readElementDetails} sets. */
export interface ElementDetails {
  default?: string;
  fixed?: string;
  expectedContentTypes?: string;
  documentation?: string;
}

/** Sets the optional fields of `decl` from `el`; both `default` and `fixed` is an error (`invalid-element`). */
export function readElementDetails(ctx: SchemaContext, el: XmlElement, decl: ElementDetails): void {
  const d = attr(el, 'default');
  const f = attr(el, 'fixed');
  if (d !== null) decl.default = d;
  if (f !== null) decl.fixed = f;
  if (d !== null && f !== null) ctx.report('error', el, `element ${attr(el, 'name') ?? ''} has both default and fixed`, 'invalid-element');
  const mime = expectedContentTypesOf(el);
  if (mime !== undefined) decl.expectedContentTypes = mime;
  const doc = documentationOf(el);
  if (doc !== undefined) decl.documentation = doc;
}
