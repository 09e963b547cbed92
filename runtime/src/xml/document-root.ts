/**
 * The root element of a small, self-contained XML document (a raw header block, a signed
 * assertion), read with the runtime's own reader: namespaces resolved, no DTD.
 */
import { readXml, type XmlHandler, type XmlTag } from './reader.js';

/**
 * The root element's tag, or undefined when the text holds no element.
 * @throws `XmlError` when the text is not one well-formed document
 * @internal
 */
export function documentRoot(xml: string): XmlTag | undefined {
  let root: XmlTag | undefined;
  const handler: XmlHandler = {
    openTag(tag) {
      root ??= tag;
    },
    text() {},
    closeTag() {},
  };
  readXml(xml, handler);
  return root;
}
