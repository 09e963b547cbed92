/**
 * A light, read-only XML element tree, and the minimal element API the schema parser needs.
 * @xmldom/xmldom 0.9 builds a heavy DOM and recompiles a Unicode regular expression at every end
 * tag: parsing the DMP HL7 v3 tree with it takes most of a second; this tree takes a fraction of
 * that. It is read with the runtime's XML reader (xml-tree-reader.ts), or with saxes for the
 * documents that reader refuses by design (a DOCTYPE). xmldom elements satisfy the same API, so
 * schemas inlined in WSDL documents that only xmldom could read are parsed by the same code.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** A node of an XML tree: what the schema parser reads of both xmldom nodes and light nodes. */
export interface XmlNode {
  readonly nodeType: number;
  readonly nextSibling: XmlNode | null;
  readonly parentNode: XmlNode | null;
  readonly textContent: string | null;
}

/** An element: namespace-aware name, attributes by qualified name, children, and its position. */
export interface XmlElement extends XmlNode {
  readonly namespaceURI: string | null;
  readonly localName: string | null;
  readonly nodeName: string;
  readonly firstChild: XmlNode | null;
  /** 1-based line of the element's `<` (set by both parsers). */
  readonly lineNumber?: number;
  /** 1-based column of the element's `<`, in UTF-16 code units. */
  readonly columnNumber?: number;
  hasAttribute(qualifiedName: string): boolean;
  getAttribute(qualifiedName: string): string | null;
}

/** Node types used here (DOM values). */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A text or CDATA node of the light tree. */
export class LightText implements XmlNode {
  readonly nodeType = TEXT_NODE;
  nextSibling: XmlNode | null = null;
  constructor(
    readonly parentNode: LightElement,
    readonly data: string,
  ) {}
  get textContent(): string {
    return this.data;
  }
}

/** An attribute of a light element: its qualified name as written and its value. */
export interface LightAttribute {
  readonly name: string;
  readonly value: string;
}

/** An element of the light tree. */
export class LightElement implements XmlElement {
  readonly nodeType = ELEMENT_NODE;
  firstChild: XmlNode | null = null;
  lastChild: XmlNode | null = null;
  nextSibling: XmlNode | null = null;

  constructor(
    readonly namespaceURI: string | null,
    readonly localName: string,
    readonly nodeName: string,
    /** The attributes as written (namespace declarations included); few per element, so a list. */
    readonly attributes: readonly LightAttribute[],
    readonly lineNumber: number,
    readonly columnNumber: number,
    readonly parentNode: LightElement | null,
  ) {}

  hasAttribute(qualifiedName: string): boolean {
    return this.getAttribute(qualifiedName) !== null;
  }

  getAttribute(qualifiedName: string): string | null {
    // An index loop: an iterator object per call would be garbage for every attribute read.
    const attributes = this.attributes;
    for (let i = 0; i < attributes.length; i++) if (attributes[i].name === qualifiedName) return attributes[i].value;
    return null;
  }

  get textContent(): string {
    let out = '';
    for (let n = this.firstChild; n; n = n.nextSibling) out += n.textContent ?? '';
    return out;
  }

  /** Appends a child (used while building). */
  append(child: XmlNode & { nextSibling: XmlNode | null }): void {
    if (this.lastChild) (this.lastChild as { nextSibling: XmlNode | null }).nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }
}

/** Thrown by {@link parseLightTree} when the text is not well-formed namespace-aware XML. */
export class LightParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'LightParseError';
  }
}

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/**
 * True when the text inside `el` matters to the schema parser: everywhere except directly inside
 * XML Schema elements other than documentation/appinfo (their content is element-only; dropping
 * the whitespace keeps the tree small).
 */
export function keepsText(el: LightElement): boolean {
  return el.namespaceURI !== XSD_NS || el.localName === 'documentation' || el.localName === 'appinfo';
}

/** Offsets where lines start (after `\n`, after a `\r` not followed by `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'), r = text.indexOf('\r'); i >= 0 || r >= 0; ) {
    // CR LF counts once; a lone CR is a line end too (XML normalises it to LF).
    if (r >= 0 && (i < 0 || r < i)) {
      if (text.charCodeAt(r + 1) !== 10) starts.push(r + 1);
      r = text.indexOf('\r', r + 1);
    } else {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
  }
  return starts;
}

/** 1-based line and column of an offset. */
export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo] + 1 };
}

/**
 * Parses XML text into a light tree with saxes (root element returned); text is kept where
 * {@link keepsText} says. Throws {@link LightParseError} when the text is not well-formed.
 */
export function parseLightTreeWithSaxes(text: string): LightElement {
  const starts = lineStarts(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let current: LightElement | null = null;
  let root: LightElement | null = null;
  let keepText = 0; // depth inside elements whose text matters
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes: LightAttribute[] = [];
    for (const key in tag.attributes) attributes.push({ name: key, value: tag.attributes[key].value });
    // saxes reports the position after `>`; the element starts at the matching `<`.
    const start = text.lastIndexOf(`<${tag.name}`, parser.position - 1);
    const at = positionAt(starts, start < 0 ? parser.position : start);
    const el: LightElement = new LightElement(tag.uri === '' ? null : tag.uri, tag.local, tag.name, attributes, at.line, at.column, current);
    if (current) current.append(el);
    else root = el;
    current = el;
    if (keepText > 0 || keepsText(el)) keepText++;
  });
  parser.on('closetag', () => {
    if (keepText > 0) keepText--;
    current = current?.parentNode ?? null;
  });
  const onText = (data: string): void => {
    if (current && keepText > 0) current.append(new LightText(current, data));
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('error', (e: Error) => {
    throw new LightParseError(e.message.replace(/^\d+:\d+: /, ''), parser.line, Math.max(1, parser.column));
  });
  parser.write(text).close();
  if (!root) throw new LightParseError('no root element', 1, 1);
  return root;
}
