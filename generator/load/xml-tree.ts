/**
 * A light, read-only XML element tree: what the loader, the WSDL parser and the schema parser read.
 * It is built with the runtime's XML reader (xml-tree-reader.ts), or with saxes for the documents
 * that reader refuses by design (a DOCTYPE) and for the diagnostics of text that is not well-formed.
 * Elements keep their position; attribute positions are found on demand in the source text, which
 * the tree keeps a reference to (diagnostics are rare, attributes many).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

/** A node of the tree: an element or a text. */
export interface XmlNode {
  readonly nodeType: number;
  readonly nextSibling: XmlNode | null;
  readonly parentNode: LightElement | null;
  readonly textContent: string | null;
}

/** An element of the tree (the name every reader of the tree uses). */
export type XmlElement = LightElement;

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

/**
 * An attribute of a light element: its qualified name as written, its namespace (`''` for none;
 * namespace declarations are in `http://www.w3.org/2000/xmlns/`), local name and value.
 */
export interface LightAttribute {
  readonly name: string;
  readonly uri: string;
  readonly local: string;
  readonly value: string;
}

/** An element of the light tree: namespace-aware name, attributes as written, children, and its position. */
export class LightElement implements XmlNode {
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
    /** 1-based line of the element's `<`. */
    readonly lineNumber: number,
    /** 1-based column of the element's `<`, in UTF-16 code units. */
    readonly columnNumber: number,
    /** Offset of the element's `<` in the tree's source text (see {@link sourceTextOf}). */
    readonly offset: number,
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

/** The source text of each tree, by root element: attribute positions are looked up there. */
const sources = new WeakMap<LightElement, string>();

/** Records the text a tree was read from (its offsets count from its start). */
export function setSourceText(root: LightElement, text: string): void {
  sources.set(root, text);
}

/** The text a tree was read from, by its root element; `undefined` for a tree built by hand. */
export function sourceTextOf(root: LightElement): string | undefined {
  return sources.get(root);
}

/** A problem the saxes reader recovers from (an undefined entity, text outside the root): a warning. */
export interface LightParseProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Parses XML text into a light tree with saxes (root element returned); text is kept where
 * {@link keepsText} says. An undefined entity reference (kept as written) and text outside the root
 * element are recoverable: they go to `problems`. Anything else not well-formed throws a
 * {@link LightParseError} located where the mistake is: a start tag never closed, or closed by the
 * wrong end tag, is reported at that start tag, the end tag's position in the message.
 */
export function parseLightTreeWithSaxes(text: string, problems: LightParseProblem[] = []): LightElement {
  const starts = lineStarts(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let current: LightElement | null = null;
  let root: LightElement | null = null;
  let keepText = 0; // depth inside elements whose text matters
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attributes: LightAttribute[] = [];
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      attributes.push({ name: key, uri: a.uri, local: a.local, value: a.value });
    }
    // saxes reports the position after `>`; the element starts at the matching `<`.
    const start = text.lastIndexOf(`<${tag.name}`, parser.position - 1);
    const offset = start < 0 ? parser.position : start;
    const at = positionAt(starts, offset);
    const el: LightElement = new LightElement(tag.uri === '' ? null : tag.uri, tag.local, tag.name, attributes, at.line, at.column, offset, current);
    if (current) current.append(el);
    else root = el;
    current = el;
    if (keepText > 0 || keepsText(el)) keepText++;
  });
  let closed: LightElement | null = null; // the element the last end tag closed
  parser.on('closetag', () => {
    if (keepText > 0) keepText--;
    closed = current;
    current = current?.parentNode ?? null;
  });
  const onText = (data: string): void => {
    if (current && keepText > 0) current.append(new LightText(current, data));
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  let outsideRoot = false;
  parser.on('error', (e: Error) => {
    const message = e.message.replace(/^\d+:\d+: /, '');
    const here = positionAt(starts, Math.max(0, parser.position - 1));
    if (message.startsWith('undefined entity')) {
      const amp = text.lastIndexOf('&', parser.position - 1);
      const reference = /^&[^;\s<&]*;?/.exec(text.slice(amp))?.[0] ?? '&';
      problems.push({ message: `entity not found:${reference}`, ...positionAt(starts, Math.max(0, amp)) });
      return;
    }
    if (message.startsWith('text data outside of root node')) {
      // Reported where the text ends: located at its first non-space character instead.
      let start = text.lastIndexOf('>', parser.position - 2) + 1;
      while (/\s/.test(text.charAt(start))) start++;
      if (!outsideRoot) problems.push({ message: 'text outside the root element', ...positionAt(starts, Math.min(start, parser.position)) });
      outsideRoot = true;
      return;
    }
    if (message.startsWith('document must contain a root element')) throw new LightParseError('no root element', 1, 1);
    // saxes pops the open element (a closetag event) before it says the end tag does not match it.
    if (closed && message.startsWith('unexpected close tag')) {
      const end = text.lastIndexOf('</', parser.position - 1);
      const name = /^<\/([^\s>]*)/.exec(text.slice(end))?.[1] ?? '';
      const at = positionAt(starts, end);
      throw new LightParseError(
        `end tag </${name}> (line ${at.line}, column ${at.column}) does not match the start tag <${closed.nodeName}>`,
        closed.lineNumber,
        closed.columnNumber,
      );
    }
    const unbound = /^unbound namespace prefix: "([^"]*)"/.exec(message);
    if (unbound) {
      // Reported after the start tag: located at the prefixed name inside it.
      const tagStart = text.lastIndexOf('<', parser.position - 1);
      const inTag = new RegExp(`[<\\s]${unbound[1].replace(/[.-]/g, '\\$&')}:`).exec(text.slice(tagStart, parser.position));
      const at = positionAt(starts, inTag ? tagStart + inTag.index + 1 : Math.max(0, tagStart));
      throw new LightParseError(`namespace prefix '${unbound[1]}' is not declared`, at.line, at.column);
    }
    if (current && message.startsWith('unclosed tag')) {
      throw new LightParseError(`start tag <${current.nodeName}> is never closed`, current.lineNumber, current.columnNumber);
    }
    throw new LightParseError(message, here.line, here.column);
  });
  parser.write(text).close();
  if (!root) throw new LightParseError('no root element', 1, 1);
  setSourceText(root, text);
  return root;
}
