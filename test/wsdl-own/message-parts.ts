/**
 * Pulls the pieces our schemas describe out of whole example messages, at test time: the Body's first element,
 * a header block, the root part of a raw MIME body, and the XOP-decoded form of an element (xop:Include replaced
 * by the base64 of the attachment it points to). Every extracted element keeps the namespace declarations in
 * scope at its place, so it validates on its own.
 */
import { DOMParser, XMLSerializer, type Document, type Element, type Node } from '@xmldom/xmldom';

const XOP_NS = 'http://www.w3.org/2004/08/xop/include';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

function parse(xml: string): Document {
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function isElement(n: Node | null): n is Element {
  return n !== null && n.nodeType === n.ELEMENT_NODE;
}

/** Element children of `parent`. */
export function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) if (isElement(n)) out.push(n);
  return out;
}

/** Copies the namespace declarations of the ancestors onto `el` (innermost wins), then serialises it. */
function standalone(el: Element): string {
  for (let a = el.parentNode; isElement(a); a = a.parentNode) {
    for (let i = 0; i < a.attributes.length; i++) {
      const attr = a.attributes.item(i);
      if (attr === null) continue;
      const isDecl = attr.name === 'xmlns' || attr.name.startsWith('xmlns:');
      if (isDecl && !el.hasAttribute(attr.name)) el.setAttributeNS(XMLNS_NS, attr.name, attr.value);
    }
  }
  return new XMLSerializer().serializeToString(el);
}

/** The envelope's Body element (any SOAP version, any prefix). */
function body(doc: Document): Element {
  const env = doc.documentElement;
  if (env === null || env.localName !== 'Envelope') throw new Error('not a SOAP envelope');
  const b = childElements(env).find((e) => e.localName === 'Body');
  if (b === undefined) throw new Error('SOAP envelope without Body');
  return b;
}

/** The first element inside the Body of a SOAP envelope, as standalone XML text. */
export function firstBodyElement(envelopeXml: string): string {
  const first = childElements(body(parse(envelopeXml)))[0];
  if (first === undefined) throw new Error('empty SOAP Body');
  return standalone(first);
}

/** The first element child of the document element of `xml`, as standalone XML text. */
export function firstChildElement(xml: string): string {
  const root = parse(xml).documentElement;
  const first = root === null ? undefined : childElements(root)[0];
  if (first === undefined) throw new Error('the root element has no element child');
  return standalone(first);
}

/** The Fault's Detail entry (first element of Detail/detail) of a SOAP fault envelope, as standalone XML text. */
export function faultDetailEntry(envelopeXml: string): string {
  const fault = childElements(body(parse(envelopeXml))).find((e) => e.localName === 'Fault');
  const detail = fault === undefined ? undefined : childElements(fault).find((e) => /^[Dd]etail$/.test(e.localName ?? ''));
  const entry = detail === undefined ? undefined : childElements(detail)[0];
  if (entry === undefined) throw new Error('no SOAP fault detail entry');
  return standalone(entry);
}

/** The header block `{namespace}localName` of a SOAP envelope, as standalone XML text. */
export function headerBlock(envelopeXml: string, namespace: string, localName: string): string {
  const env = parse(envelopeXml).documentElement;
  const header = env === null ? undefined : childElements(env).find((e) => e.localName === 'Header');
  const block = header === undefined ? undefined : childElements(header).find((e) => e.namespaceURI === namespace && e.localName === localName);
  if (block === undefined) throw new Error(`no header block {${namespace}}${localName}`);
  return standalone(block);
}

/** One part of a multipart body. */
export interface MimePart {
  /** Header values by lower-case name. */
  headers: Map<string, string>;
  /** The raw bytes of the part's content. */
  content: Buffer;
}

/**
 * Splits a raw multipart body. The boundary is taken from the first line when not given (the corpus's TD2.1
 * body has no outer headers). Accepts CRLF and bare LF line ends.
 */
export function splitMultipart(raw: Buffer, boundary?: string): MimePart[] {
  const text = raw.toString('latin1'); // one char per byte: slicing keeps the bytes intact
  const firstLine = text.slice(0, text.search(/\r?\n/));
  const delimiter = '--' + (boundary ?? firstLine.replace(/^--/, ''));
  const parts: MimePart[] = [];
  const chunks = text.split(new RegExp(`(?:^|\\r?\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break; // close delimiter
    const afterLine = chunk.replace(/^[ \t]*\r?\n/, '');
    const split = afterLine.search(/\r?\n\r?\n/);
    if (split < 0) throw new Error('MIME part without header/body separator');
    const headers = new Map<string, string>();
    for (const line of afterLine.slice(0, split).split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const start = afterLine.slice(split).match(/^\r?\n\r?\n/)?.[0].length ?? 2;
    parts.push({ headers, content: Buffer.from(afterLine.slice(split + start), 'latin1') });
  }
  return parts;
}

/** The Content-ID of a part without angle brackets, or undefined. */
export function contentId(part: MimePart): string | undefined {
  return part.headers.get('content-id')?.replace(/^<|>$/g, '');
}

/**
 * The XOP-decoded form of an element: every xop:Include is replaced by the base64 text of the attachment its
 * `cid:` href names (compared after percent-decoding, as the XOP spec allows). Returns the XML and the count.
 */
export function inlineXop(elementXml: string, attachment: (cid: string) => Buffer): { xml: string; replaced: number } {
  const doc = parse(elementXml);
  const includes = Array.from(doc.getElementsByTagNameNS(XOP_NS, 'Include'));
  for (const inc of includes) {
    const href = inc.getAttribute('href') ?? '';
    if (!href.startsWith('cid:')) throw new Error(`xop:Include href is not a cid: URL: ${href}`);
    const bytes = attachment(decodeURIComponent(href.slice(4)));
    const parent = inc.parentNode;
    if (parent === null) throw new Error('detached xop:Include');
    // The XOP infoset holds the base64 text alone: drop the whitespace around the Include too.
    while (parent.firstChild !== null) parent.removeChild(parent.firstChild);
    parent.appendChild(doc.createTextNode(bytes.toString('base64')));
  }
  const root = doc.documentElement;
  if (root === null) throw new Error('empty document');
  return { xml: new XMLSerializer().serializeToString(root), replaced: includes.length };
}
