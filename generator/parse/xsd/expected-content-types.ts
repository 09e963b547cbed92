/**
 * `xmime:expectedContentTypes` (W3C "Describing Media Content of Binary Data in XML"): the schema-level
 * cue that a `base64Binary` value is binary content, which MTOM sends as an XOP attachment.
 * Schemas write it on element declarations and, in the IHE MTOM schemas the DMP ships, on the
 * `xs:extension base="xs:base64Binary"` of a simple-content complex type.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { SchemaContext } from './schema-context.js';

/** The xmime namespace. */
export const XMIME = 'http://www.w3.org/2005/05/xmlmime';

const LOCAL = 'expectedContentTypes';

/**
 * The qualified names of an element's attributes. The tree API ({@link XmlElement}) reads attributes by
 * qualified name only; the prefix bound to the xmime namespace is the schema author's choice, so the
 * names are listed from what both tree implementations hold: the light tree's `Map` and xmldom's
 * `NamedNodeMap`.
 */
export function attributeNamesOf(el: XmlElement): string[] {
  const held: unknown = (el as unknown as { attributes?: unknown }).attributes;
  if (held instanceof Map) return [...(held as Map<unknown, unknown>).keys()].filter((k): k is string => typeof k === 'string');
  if (typeof held === 'object' && held !== null && 'length' in held && typeof held.length === 'number') {
    const out: string[] = [];
    const list = held as { length: number; item?: unknown; [index: number]: unknown };
    const item = list.item;
    for (let i = 0; i < list.length; i++) {
      const a: unknown = typeof item === 'function' ? (item as (i: number) => unknown).call(list, i) : list[i];
      if (typeof a === 'object' && a !== null && 'name' in a && typeof a.name === 'string') out.push(a.name);
    }
    return out;
  }
  return [];
}

/**
 * The value of `xmime:expectedContentTypes` on a schema element (whatever its prefix), trimmed;
 * `undefined` when absent. An empty value says nothing, so it counts as absent.
 */
export function expectedContentTypesOf(ctx: SchemaContext, el: XmlElement): string | undefined {
  // The usual prefix first: no attribute listing needed.
  if (el.hasAttribute(`xmime:${LOCAL}`) && ctx.lookupPrefix(el, 'xmime') === XMIME) return nonEmpty(el.getAttribute(`xmime:${LOCAL}`));
  for (const name of attributeNamesOf(el)) {
    const colon = name.indexOf(':');
    if (colon < 0 || name.slice(colon + 1) !== LOCAL) continue;
    const prefix = name.slice(0, colon);
    if (prefix !== 'xmlns' && ctx.lookupPrefix(el, prefix) === XMIME) return nonEmpty(el.getAttribute(name));
  }
  return undefined;
}

function nonEmpty(value: string | null): string | undefined {
  const v = value?.trim() ?? '';
  return v === '' ? undefined : v;
}
