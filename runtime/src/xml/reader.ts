import { SaxesParser, type SaxesTagNS } from 'saxes';
import { TextDecoder } from 'node:util';
import { XmlError, type XmlPosition } from '../errors/xml-error.js';
import { resolveLimits, type XmlLimits } from './limits.js';

/** A start or end tag as the reader reports it: names resolved against the in-scope namespaces. */
export type XmlTag = SaxesTagNS;

/** An attribute of an {@link XmlTag}: `uri` is resolved, `''` for no namespace. */
export type XmlAttribute = XmlTag['attributes'][string];

/**
 * Receives the events of one document, or of one subtree when a handler hands over to another
 * (see {@link XmlReader.handler}). Whitespace between elements arrives through `text` too.
 */
export interface XmlHandler {
  /** A start tag (also called for `<a/>`, followed at once by {@link XmlHandler.closeTag}). */
  openTag(tag: XmlTag): void;
  /** Character data, entity and character references already replaced. */
  text(text: string): void;
  /** An end tag; the element's namespace declarations are still in scope for {@link XmlReader.resolve}. */
  closeTag(tag: XmlTag): void;
  /** A CDATA section; when absent, CDATA arrives through {@link XmlHandler.text}. */
  cdata?(text: string): void;
  /** A comment; ignored when absent. (Processing instructions are dropped: SOAP forbids them.) */
  comment?(text: string): void;
}

/** Options of {@link XmlReader}. */
export interface XmlReaderOptions {
  /** Overrides of {@link DEFAULT_LIMITS}. */
  limits?: Partial<XmlLimits>;
}

const CHUNK = 64 * 1024;
/** saxes prefixes its error messages with the position. */
const SAXES_POSITION = /^\d+:\d+: /;

/** The options every reader gives saxes. */
const SAXES_OPTIONS = { xmlns: true, position: true } as const;

/**
 * Objects that live as long as the module: a parser with the same handlers as every reader's,
 * which has parsed a small document, and a tag and an attribute it produced. saxes adds its
 * handlers as properties after construction, and its tags get properties added as they are
 * processed; when no object of those shapes is alive, a full GC drops the shapes, the optimised
 * code that depended on them is thrown away, and after a few rounds V8 stops optimising it
 * (measured: saxes parsing 4x slower from the sixth document on when a GC ran between
 * documents). Keeping one live instance of each shape keeps them, and the code, valid.
 */
const shapeKeepers: unknown[] = [];
{
  const keeper = new SaxesParser(SAXES_OPTIONS);
  const noop = (): void => {};
  keeper.on('doctype', noop);
  keeper.on('opentag', (tag: SaxesTagNS) => {
    if (shapeKeepers.length === 0) shapeKeepers.push(tag, ...Object.values(tag.attributes));
  });
  keeper.on('closetag', noop);
  keeper.on('text', noop);
  keeper.on('cdata', noop);
  keeper.on('comment', noop);
  keeper.write('<a xmlns:p="urn:p" p:x="1" y="2"><b>t&amp;</b><![CDATA[c]]><!--c--><p:c/></a>').close();
  shapeKeepers.push(keeper);
}

/**
 * A streaming, namespace-aware XML reader on saxes, with limits and no DTD support at all:
 * a DOCTYPE (and so any entity declaration) is refused with an {@link XmlError} `doctype`.
 *
 * Feed it with {@link XmlReader.write} and {@link XmlReader.end}, or use {@link readXml}.
 * Byte input must be UTF-8 (a BOM is accepted); invalid UTF-8 gives `XmlError` `encoding`.
 */
export class XmlReader {
  /** The handler receiving events; a handler may replace itself to hand a subtree to another one. */
  handler: XmlHandler;
  /** The limits in force. */
  readonly limits: XmlLimits;
  /** Current element depth (1 inside the root element). */
  depth = 0;

  private readonly parser: SaxesParser<{ xmlns: true }>;
  private readonly names: string[] = [];
  private elements = 0;
  private inputSize = 0;
  private lastEventAt = 0;
  private sawBytes = false;
  private decoder: TextDecoder | undefined;
  private done = false;
  private declarationChecked = false;

  /**
   * @param handler - the first handler (usually the one for the root element)
   * @param options - limits
   */
  constructor(handler: XmlHandler, options: XmlReaderOptions = {}) {
    this.handler = handler;
    this.limits = resolveLimits(options.limits);
    const parser = new SaxesParser(SAXES_OPTIONS);
    this.parser = parser;
    // At most six handlers: saxes stores each one with a keyed property write, and a seventh
    // turns the parser object into a dictionary-mode object, which makes parsing ~5x slower
    // (measured). So: no 'error' handler (saxes then throws, see feed()), no 'xmldecl' handler
    // (the public xmlDecl field is checked instead), no 'processinginstruction' handler (PIs are
    // not allowed in SOAP messages and are dropped).
    parser.on('doctype', () => {
      throw this.error('doctype', 'DOCTYPE declarations are not accepted (no DTD, no entity declarations)');
    });
    parser.on('opentag', (tag: XmlTag) => {
      const depth = ++this.depth;
      const limits = this.limits;
      this.names.push(tag.name);
      if (depth > limits.maxDepth) throw this.error('limit-depth', `element nesting deeper than ${limits.maxDepth}`);
      if (++this.elements > limits.maxElements) throw this.error('limit-elements', `more than ${limits.maxElements} elements`);
      const position = parser.position;
      // Each attribute takes at least 5 characters (` a=""`): count them only for a tag that long.
      if (position - this.lastEventAt > 5 * limits.maxAttributes) {
        let count = 0;
        for (const _ in tag.attributes) count++;
        if (count > limits.maxAttributes) throw this.error('limit-attributes', `more than ${limits.maxAttributes} attributes on one element`);
      }
      this.lastEventAt = position;
      this.handler.openTag(tag);
    });
    parser.on('closetag', (tag: XmlTag) => {
      this.handler.closeTag(tag);
      this.names.pop();
      this.depth--;
      this.lastEventAt = parser.position;
    });
    parser.on('text', (text: string) => {
      if (text.length > this.limits.maxTextLength) throw this.error('limit-text', `a text node longer than ${this.limits.maxTextLength} characters`);
      this.lastEventAt = parser.position;
      if (this.depth > 0) this.handler.text(text);
    });
    parser.on('cdata', (text: string) => {
      if (text.length > this.limits.maxTextLength) throw this.error('limit-text', `a CDATA section longer than ${this.limits.maxTextLength} characters`);
      this.lastEventAt = parser.position;
      const handler = this.handler;
      if (handler.cdata !== undefined) handler.cdata(text);
      else handler.text(text);
    });
    parser.on('comment', (text: string) => {
      this.lastEventAt = parser.position;
      if (this.depth > 0) this.handler.comment?.(text);
    });
  }

  /** Resolves a prefix in the current scope (during `closeTag`, the closing element's scope). */
  resolve(prefix: string): string | undefined {
    return this.parser.resolve(prefix);
  }

  /** The current position: line, column and element path. */
  position(): XmlPosition {
    return { line: this.parser.line, column: this.parser.column, path: this.path() };
  }

  /** The element path, for example `/soap:Envelope/S:Body/RESULTAT`, names as written. */
  path(): string {
    return this.names.length === 0 ? '' : '/' + this.names.join('/');
  }

  /** Makes an {@link XmlError} at the current position. */
  error(code: string, message: string): XmlError {
    return new XmlError(code, message, this.position());
  }

  /** Feeds a chunk: a string, or UTF-8 bytes (string and byte chunks must not be mixed). */
  write(chunk: string | Uint8Array): void {
    if (this.done) throw new XmlError('malformed', 'write after end', this.position());
    if (typeof chunk === 'string') {
      this.count(chunk.length);
      if (this.inputSize === chunk.length && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      for (let i = 0; i < chunk.length; i += CHUNK) this.feed(chunk.length <= CHUNK ? chunk : chunk.slice(i, i + CHUNK));
      return;
    }
    this.sawBytes = true;
    this.count(chunk.byteLength);
    const decoder = (this.decoder ??= new TextDecoder('utf-8', { fatal: true }));
    for (let i = 0; i < chunk.byteLength; i += CHUNK) {
      const part = chunk.byteLength <= CHUNK ? chunk : chunk.subarray(i, i + CHUNK);
      let text: string;
      try {
        text = decoder.decode(part, { stream: true });
      } catch {
        throw this.error('encoding', 'the input is not valid UTF-8');
      }
      if (text.length > 0) this.feed(text);
    }
  }

  /** Ends the input: checks that the document is complete. */
  end(): void {
    if (this.done) return;
    if (this.decoder !== undefined) {
      let rest: string;
      try {
        rest = this.decoder.decode();
      } catch {
        throw this.error('encoding', 'the input is not valid UTF-8 (truncated sequence at the end)');
      }
      if (rest.length > 0) this.feed(rest);
    }
    this.done = true;
    this.run(() => this.parser.close());
  }

  /** Runs a saxes call, turning its well-formedness errors into XmlError. */
  private run(step: () => unknown): void {
    try {
      step();
    } catch (err) {
      // saxes reports a well-formedness error by throwing a plain Error whose message starts with
      // "line:column: " (no error handler, see the constructor). Anything else (typed errors from
      // handlers, bugs) passes through unchanged.
      if (err instanceof Error && err.constructor === Error && SAXES_POSITION.test(err.message)) {
        throw this.error('malformed', err.message.replace(SAXES_POSITION, ''));
      }
      throw err;
    }
  }

  private checkDeclaration(): void {
    // The XML declaration is complete once the parser has moved past it (any event, or the root).
    const encoding = this.parser.xmlDecl.encoding;
    if (encoding !== undefined && this.sawBytes && !/^utf-?8$/i.test(encoding)) {
      throw this.error('encoding', 'only UTF-8 input is accepted (the XML declaration names another encoding)');
    }
    if (encoding !== undefined || this.depth > 0 || this.elements > 0) this.declarationChecked = true;
  }

  private count(size: number): void {
    this.inputSize += size;
    if (this.inputSize > this.limits.maxInputBytes) {
      throw this.error('limit-input', `input larger than ${this.limits.maxInputBytes}`);
    }
  }

  private feed(text: string): void {
    this.run(() => this.parser.write(text));
    if (!this.declarationChecked) this.checkDeclaration();
    // saxes accumulates a token (text, tag, comment, CDATA) until it ends; bound it while it grows.
    if (this.parser.position - this.lastEventAt > this.limits.maxTextLength) {
      throw this.error('limit-text', `a token (text, tag, comment or CDATA) longer than ${this.limits.maxTextLength} characters`);
    }
  }
}

/** Reads a whole document: string, or UTF-8 bytes. */
export function readXml(input: string | Uint8Array, handler: XmlHandler, options?: XmlReaderOptions): XmlReader {
  const reader = new XmlReader(handler, options);
  reader.write(input);
  reader.end();
  return reader;
}

/** Reads a document from an async source of chunks (for example an HTTP response stream). */
export async function readXmlAsync(
  source: AsyncIterable<string | Uint8Array>,
  handler: XmlHandler,
  options?: XmlReaderOptions,
): Promise<XmlReader> {
  const reader = new XmlReader(handler, options);
  for await (const chunk of source) reader.write(chunk);
  reader.end();
  return reader;
}
