/**
 * `xmime:expectedContentTypes` (W3C "Describing Media Content of Binary Data in XML"): the schema-level
 * cue that a `base64Binary` value is binary content, which MTOM sends as an XOP attachment.
 * Schemas write it on element declarations and, in the IHE MTOM schemas the DMP ships, on the
 * `xs:extension base="xs:base64Binary"` of a simple-content complex type.
 */
import { attrNS } from '../../load/xml-elements.js';
import type { XmlElement } from '../../load/xml-tree.js';

/** The xmime namespace. */
export const XMIME = 'http://www.w3.org/2005/05/xmlmime';

/**
 * The value of `xmime:expectedContentTypes` on a schema element (whatever its prefix: the reader
 * resolved each attribute's namespace), trimmed; `undefined` when absent. An empty value says
 * nothing, so it counts as absent.
 */
export function expectedContentTypesOf(el: XmlElement): string | undefined {
  const v = attrNS(el, XMIME, 'expectedContentTypes')?.trim() ?? '';
  return v === '' ? undefined : v;
}
