/**
 * Strict DOM parsing for the security code (assertion checks, signature verification). Uses
 * @xmldom/xmldom 0.9, which rejects malformed input; DTDs are refused outright (SOAP forbids them
 * and they are the usual entity-expansion vector).
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';
import { SecurityError } from './errors.js';

/** Parses `xml` or throws `invalid-xml` (the message names the problem, not the content). */
export function parseXmlStrict(xml: string, what: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new SecurityError('invalid-xml', `${what}: DTDs are not allowed`);
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(xml, 'text/xml');
    if (!doc.documentElement) throw new Error('no root element');
    return doc;
  } catch (cause) {
    throw new SecurityError('invalid-xml', `${what}: not well-formed XML`, { cause });
  }
}

/** Element children of `node`, in document order. */
export function childElements(node: Node): Element[] {
  const out: Element[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as Element);
  }
  return out;
}

/** True when `node` is an element with this namespace and local name. */
export function isElement(node: Node | null | undefined, namespace: string, localName: string): node is Element {
  return !!node && node.nodeType === 1 && (node as Element).namespaceURI === namespace && (node as Element).localName === localName;
}
