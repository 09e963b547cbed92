/**
 * The element children of a SOAP envelope's Body, each as a standalone document carrying the
 * namespace declarations in scope in the envelope (so that QName values such as `xsi:type="c:T"`
 * keep their meaning), for validating each body element with xmllint as a validation root: the SOAP
 * envelope schema would only check Body content laxly, letting an undeclared element pass.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const SOAP_ENVELOPES = new Set(['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope']);

/** Structural view of the xmldom nodes used here. */
interface DomNode {
  readonly nodeType: number;
  readonly namespaceURI: string | null;
  readonly localName: string | null;
  readonly parentNode: DomNode | null;
  readonly childNodes: { readonly length: number; item(i: number): DomNode | null };
  readonly documentElement?: DomNode;
  readonly attributes?: { readonly length: number; item(i: number): { readonly name: string; readonly value: string } | null };
  hasAttribute?(name: string): boolean;
  setAttributeNS?(ns: string, name: string, value: string): void;
  cloneNode(deep: boolean): DomNode;
}

function children(node: DomNode): DomNode[] {
  const out: DomNode[] = [];
  for (let i = 0; i < node.childNodes.length; i++) {
    const c = node.childNodes.item(i);
    if (c !== null && c.nodeType === 1) out.push(c);
  }
  return out;
}

/** The Body's element children as standalone XML texts; null when `xml` is not a SOAP envelope. */
export function bodyElements(xml: string): string[] | null {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as DomNode;
  const envelope = doc.documentElement;
  if (envelope === undefined || envelope.localName !== 'Envelope' || !SOAP_ENVELOPES.has(envelope.namespaceURI ?? '')) return null;
  const body = children(envelope).find((c) => c.localName === 'Body' && c.namespaceURI === envelope.namespaceURI);
  if (body === undefined) return [];
  return children(body).map((el) => {
    const copy = el.cloneNode(true);
    for (let node: DomNode | null = body; node !== null && node.nodeType === 1; node = node.parentNode) {
      const attrs = node.attributes;
      if (attrs === undefined) continue;
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs.item(i);
        if (a === null || !(a.name === 'xmlns' || a.name.startsWith('xmlns:'))) continue;
        if (copy.hasAttribute?.(a.name) !== true) copy.setAttributeNS?.(XMLNS, a.name, a.value);
      }
    }
    return new XMLSerializer().serializeToString(copy as unknown as Parameters<XMLSerializer['serializeToString']>[0]);
  });
}
