import { XmlError } from '../errors/xml-error.js';
import { resolveLimits, type XmlLimits } from './limits.js';
import { XmlScanner, type XmlHandler } from './scanner.js';
import type { XmlTag } from './tag.js';
import { TokenEnd } from './token-end.js';
import { Utf8Chunks } from './utf8-chunks.js';

export type { XmlHandler } from './scanner.js';
export type { XmlAttribute, XmlTag } from './tag.js';

/** Options of {@link XmlReader}. */
export interface XmlReaderOptions {
  /** Overrides of {@link DEFAULT_LIMITS}. */
  limits?: Partial<XmlLimits> | undefined;
}

const CR = 0x0d;
/** A token left unfinished at the end of a chunk is set aside (not rescanned) beyond this length. */
const SET_ASIDE = 4096;

/**
 * A streaming, namespace-aware XML 1.0 reader with limits and no DTD support at all: a DOCTYPE
 * (and so any entity declaration) is refused with an {@link XmlError} `doctype`. Well-formedness
 * errors are `malformed`, limits `limit-<name>`, all with line, column and element path.
 *
 * Feed it with {@link XmlReader.write} and {@link XmlReader.end}, or use {@link readXml}. Chunks
 * may be cut anywhere. Byte input must be UTF-8 (a BOM is accepted); invalid UTF-8 gives
 * `XmlError` `encoding`, and so does an XML declaration naming another encoding.
 */
export class XmlReader extends XmlScanner {
  private inputSize = 0;
  private decoder: Utf8Chunks | undefined;
  private done = false;
  private failed = false;
  private started = false;
  /** A last character held back from a chunk: a CR (maybe CR LF) or a high surrogate (maybe a pair). */
  private held = '';
  /** A long token being set aside until its end arrives. */
  private pending: TokenEnd | null = null;
  private pendingParts: string[] = [];
  private pendingLength = 0;

  /**
   * @param handler - the first handler (usually the one for the root element)
   * @param options - limits
   */
  constructor(handler: XmlHandler, options: XmlReaderOptions = {}) {
    super(handler, resolveLimits(options.limits));
    if (!warmedUp) warmUp();
  }

  /** Feeds a chunk: a string, or UTF-8 bytes (string and byte chunks must not be mixed). */
  write(chunk: string | Uint8Array): void {
    if (this.done) throw new XmlError('malformed', this.failed ? 'write after an error' : 'write after end', this.position());
    try {
      this.take(chunk);
    } catch (err) {
      // Whatever stopped the document (bad XML, a limit, a handler's error) stops the reader.
      this.done = this.failed = true;
      throw err;
    }
  }

  private take(chunk: string | Uint8Array): void {
    if (typeof chunk === 'string') {
      this.count(chunk.length);
      if (!this.started && chunk.length > 0) {
        this.started = true;
        if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      }
      this.push(chunk);
      return;
    }
    this.bytes = true;
    this.count(chunk.byteLength);
    const decoder = (this.decoder ??= new Utf8Chunks());
    let text: string;
    try {
      text = decoder.decode(chunk);
    } catch {
      throw this.error('encoding', 'the input is not valid UTF-8');
    }
    this.push(text);
  }

  /** Ends the input: checks that the document is complete. */
  end(): void {
    if (this.done) return;
    this.done = true;
    try {
      this.finishInput();
    } catch (err) {
      this.failed = true;
      throw err;
    }
  }

  private finishInput(): void {
    if (this.decoder !== undefined) {
      try {
        this.decoder.end();
      } catch {
        throw this.error('encoding', 'the input is not valid UTF-8 (truncated sequence at the end)');
      }
    }
    const text = this.held;
    this.held = '';
    if (text === '' && this.pending === null) this.scan(true);
    else this.feed(text, true);
  }

  private count(size: number): void {
    this.inputSize += size;
    if (this.inputSize > this.limits.maxInputBytes) {
      throw this.error('limit-input', `input larger than ${this.limits.maxInputBytes}`);
    }
  }

  /** Holds back a last character whose meaning depends on the next one, then feeds. */
  private push(text: string): void {
    if (this.held !== '') {
      text = this.held + text;
      this.held = '';
    }
    const last = text.charCodeAt(text.length - 1);
    if (last === CR || (last >= 0xd800 && last <= 0xdbff)) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text.length > 0) this.feed(text, false);
  }

  private feed(text: string, final: boolean): void {
    const pending = this.pending;
    if (pending !== null) {
      this.pendingLength += text.length;
      this.pendingParts.push(text);
      if (pending.find(text, 0) < 0 && !final) {
        if (this.pendingLength > this.limits.maxTextLength) {
          throw this.error('limit-text', `a token (tag, comment, CDATA or processing instruction) longer than ${this.limits.maxTextLength} characters`);
        }
        return;
      }
      this.buf = this.pendingParts.join('');
      this.pendingParts = [];
      this.pending = null;
    } else {
      const keep = this.pos;
      this.rebase(keep);
      this.buf = keep < this.buf.length ? this.buf.slice(keep) + text : text;
    }
    this.pos = 0;
    this.scan(final);
    if (!final) this.setAside();
  }

  /** Sets a long unfinished token aside, so that the next chunks are not joined to it one by one. */
  private setAside(): void {
    const rest = this.buf.length - this.pos;
    if (rest <= SET_ASIDE) return;
    const finder = TokenEnd.at(this.buf, this.pos);
    if (finder === null) return;
    this.rebase(this.pos);
    this.pendingParts = [this.buf.slice(this.pos)];
    this.pendingLength = rest;
    this.pending = finder;
    this.buf = '';
    this.pos = 0;
    if (rest > this.limits.maxTextLength) {
      throw this.error('limit-text', `a token (tag, comment, CDATA or processing instruction) longer than ${this.limits.maxTextLength} characters`);
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
export async function readXmlAsync(source: AsyncIterable<string | Uint8Array>, handler: XmlHandler, options?: XmlReaderOptions): Promise<XmlReader> {
  const reader = new XmlReader(handler, options);
  for await (const chunk of source) reader.write(chunk);
  reader.end();
  return reader;
}

/**
 * Objects that live as long as the module: a reader that has read a small document, and a tag
 * and an attribute it produced. When no object of a shape survives a full GC, V8 drops the shape
 * and throws away the optimised code that depended on it; after a few rounds it stops optimising
 * that code. One live instance of each keeps the shapes, and the code, valid.
 */
const shapeKeepers: unknown[] = [];

/**
 * The scanner's calls into handlers are made megamorphic on purpose, by reading a small document
 * with eight handlers of different shapes once (enough calls for V8 to have allocated feedback).
 * A document's handlers are objects of several classes (envelope, codec, raw capture…) that live
 * only while it is read: call sites specialised on them lose their optimised code at every full
 * GC between two documents (measured: the scanner deoptimised after every forced GC of the codec
 * benchmark). Generic call sites cost a few nanoseconds per event and depend on no handler shape.
 */
const WARM_UP = `<a xmlns:p="urn:p" p:x="1" y="2">${'\n <b>t&amp;</b><![CDATA[c]]><!--c--><p:c z="1"/> x\r\n<d>\r\n\t</d>'.repeat(4)}</a>`;
let warmedUp = false;

/**
 * Runs the warm-up once, on the first reader made (never at import: importing the runtime runs
 * nothing). The warm-up's own readers come back here and find the flag already set.
 */
function warmUp(): void {
  if (warmedUp) return;
  warmedUp = true;
  for (let k = 0; k < 8; k++) {
    const handler: XmlHandler = Object.assign(
      { [`shape${k}`]: k },
      {
        openTag(tag: XmlTag): void {
          if (shapeKeepers.length === 0) shapeKeepers.push(tag, ...tag.attributeList);
        },
        text(): void {},
        closeTag(): void {},
        cdata(): void {},
        comment(): void {},
      },
    );
    for (let round = 0; round < 3; round++) {
      const reader = readXml(WARM_UP, handler);
      if (k === 0 && round === 0) shapeKeepers.push(reader);
    }
  }
}
