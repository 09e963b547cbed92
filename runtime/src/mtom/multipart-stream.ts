/**
 * Streaming multipart/related reader: parses an MTOM response as it arrives. The root part (the
 * envelope) is collected, bounded by `maxBufferedBytes`; every other part is handed, slice by
 * slice and with backpressure, to a sink opened from its headers, bounded in total by
 * `maxAttachmentBytes`. What is held at any time is the root part, one header block (bounded by
 * `maxHeaderBytes`) and a tail of the boundary's length: a part without a closing boundary or a
 * huge root part fails on a limit instead of growing memory. Accepts what the buffered decoder
 * accepts: LF-only line ends, transport padding after boundaries, a preamble, an epilogue.
 */
import { normalizeContentId } from './content-id.js';
import { decodeTransferEncoding, parseHeaders, type MimePart } from './decode.js';
import { MtomError } from './mtom-error.js';
import type { AttachmentPartInfo } from './received-attachment.js';

/** Receives the bytes of one streamed part. */
export interface PartSink {
  /** Takes the next slice (a view valid until the returned promise settles); resolving is backpressure. */
  write(chunk: Uint8Array): void | Promise<void>;
  /** The part is complete. */
  end(): Promise<void>;
  /** The message failed: release what the sink holds. */
  abort(err: unknown): void;
}

/** Options of {@link readMultipartStream}. */
export interface MultipartStreamOptions {
  /** The MIME boundary (from the Content-Type). */
  readonly boundary: string;
  /** The root part's Content-ID (the Content-Type's `start`); default: the first part. */
  readonly start?: string;
  /** Most bytes kept in memory: preamble, the root part (default 64 MiB). */
  readonly maxBufferedBytes?: number;
  /** Most bytes streamed to sinks, all parts together (default 4 GiB). */
  readonly maxAttachmentBytes?: number;
  /** Most parts (default 1000). */
  readonly maxParts?: number;
  /** Most bytes in one part's header block (default 16 KiB). */
  readonly maxHeaderBytes?: number;
  /** Opens the sink of each non-root part, when its headers have arrived. */
  readonly openPart: (part: AttachmentPartInfo) => PartSink | Promise<PartSink>;
}

/** What {@link readMultipartStream} resolves with once the close delimiter has been read. */
export interface StreamedMultipart {
  /** The root part, in memory. */
  readonly root: MimePart;
  /** Number of parts, root included. */
  readonly partCount: number;
}

const CR = 0x0d;
const LF = 0x0a;
const DASH = 0x2d;
const EMPTY = Buffer.alloc(0);

/** Decodes base64 text that arrives in slices (whitespace ignored, a remainder of < 4 characters carried over). */
class Base64Slices {
  #rest = '';

  push(data: Uint8Array): Buffer {
    const text =
      this.#rest +
      Buffer.from(data.buffer, data.byteOffset, data.byteLength)
        .toString('latin1')
        .replace(/[^A-Za-z0-9+/=]/g, '');
    const n = text.length - (text.length % 4);
    this.#rest = text.slice(n);
    return Buffer.from(text.slice(0, n), 'base64');
  }

  end(): Buffer {
    return this.#rest === '' ? EMPTY : Buffer.from(this.#rest, 'base64');
  }
}

type State = 'preamble' | 'headers' | 'body' | 'delimiter' | 'done';

interface CurrentPart {
  readonly headers: Record<string, string>;
  readonly contentId: string | undefined;
  /** Collected raw bytes, for the root part. */
  readonly chunks: Buffer[] | null;
  readonly sink: PartSink | null;
  readonly base64: Base64Slices | null;
}

class MultipartReader {
  readonly #o: Required<Omit<MultipartStreamOptions, 'start'>> & { start: string | undefined };
  readonly #delim: Buffer;
  #next: Buffer = EMPTY;
  #state: State = 'preamble';
  #buf: Buffer = EMPTY;
  /** Bytes at the start of `#buf` that end the header block (they may begin the next delimiter). */
  #skip = 0;
  #index = 0;
  #buffered = 0;
  #streamed = 0;
  #part: CurrentPart | null = null;
  #root: MimePart | undefined;
  readonly #open = new Set<PartSink>();

  constructor(options: MultipartStreamOptions) {
    if (options.boundary === '') throw new MtomError('no-boundary', 'multipart body without a boundary');
    this.#o = {
      boundary: options.boundary,
      start: options.start !== undefined && options.start !== '' ? normalizeContentId(options.start) : undefined,
      maxBufferedBytes: options.maxBufferedBytes ?? 64 * 1024 * 1024,
      maxAttachmentBytes: options.maxAttachmentBytes ?? 4 * 1024 * 1024 * 1024,
      maxParts: options.maxParts ?? 1000,
      maxHeaderBytes: options.maxHeaderBytes ?? 16 * 1024,
      openPart: options.openPart,
    };
    this.#delim = Buffer.from(`--${options.boundary}`, 'latin1');
  }

  async push(chunk: Uint8Array): Promise<void> {
    const view = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#buf.length === 0) this.#buf = view;
    else if (this.#state === 'body' && (await this.#flushTail(view))) this.#buf = view;
    else this.#buf = Buffer.concat([this.#buf, view]);
    while (await this.#step());
  }

  /**
   * In a part body the buffer holds only a tail shorter than a delimiter. When no delimiter starts
   * in it (checked on the tail plus the chunk's first bytes), it is part data: hand it over and
   * go on with the chunk alone, instead of copying every chunk behind its predecessor's tail.
   */
  async #flushTail(chunk: Buffer): Promise<boolean> {
    const tail = this.#buf;
    const next = this.#next;
    // A delimiter starting in the tail must end (with its next two bytes) inside the probe.
    if (tail.length > next.length || chunk.length < next.length + 2) return false;
    const probe = Buffer.concat([tail, chunk.subarray(0, next.length + 2)]);
    const at = probe.indexOf(next);
    if (at >= 0 && at < tail.length) return false;
    await this.#emit(tail.length);
    // A tail inside the skipped line end keeps nothing of it for the chunk: it began no delimiter.
    this.#skip = 0;
    return true;
  }

  end(): StreamedMultipart {
    if (this.#state !== 'done') throw new MtomError('unterminated', 'the body ends without the closing boundary');
    if (this.#root === undefined) {
      if (this.#o.start !== undefined) throw new MtomError('root-not-found', `no MIME part has the start Content-ID <${this.#o.start.slice(0, 100)}>`);
      throw new MtomError('malformed-part', 'multipart body without any part');
    }
    return { root: this.#root, partCount: this.#index };
  }

  abort(err: unknown): void {
    for (const sink of this.#open) sink.abort(err);
    this.#open.clear();
  }

  /** One parsing step; false when more bytes are needed. */
  async #step(): Promise<boolean> {
    switch (this.#state) {
      case 'preamble':
        return this.#preamble();
      case 'headers':
        return this.#headers();
      case 'body':
        return this.#body();
      case 'delimiter':
        return this.#afterDelimiter();
      case 'done':
        this.#buf = EMPTY; // the epilogue is read and dropped
        return false;
    }
  }

  #preamble(): boolean {
    const buf = this.#buf;
    const delim = this.#delim;
    let from = 0;
    for (;;) {
      const at = buf.indexOf(delim, from);
      if (at < 0) break;
      if (at === 0 || buf[at - 1] === LF) {
        const after = at + delim.length;
        if (after + 1 >= buf.length) {
          this.#discard(at);
          return false;
        }
        const c = buf[after];
        if (c === CR || c === LF || c === 0x20 || c === 0x09) {
          let p = after;
          while (buf[p] === 0x20 || buf[p] === 0x09) p++;
          if (p >= buf.length) {
            this.#discard(at);
            return false;
          }
          const crlf = buf[p] === CR;
          this.#next = Buffer.from(`${crlf ? '\r\n' : '\n'}--${this.#o.boundary}`, 'latin1');
          this.#buf = buf.subarray(at + delim.length);
          this.#state = 'delimiter';
          return true;
        }
        if (c === DASH && buf[after + 1] === DASH) throw new MtomError('malformed-part', 'multipart body without any part');
      }
      from = at + 1;
    }
    // No delimiter yet: drop the preamble but a possible partial delimiter.
    this.#discard(Math.max(0, buf.length - delim.length));
    return false;
  }

  #discard(upTo: number): void {
    this.#buffered += upTo;
    if (this.#buffered > this.#o.maxHeaderBytes) throw new MtomError('boundary-not-found', `no MIME boundary in the first ${this.#o.maxHeaderBytes} bytes`);
    this.#buf = this.#buf.subarray(upTo);
  }

  /** After `--boundary`: the close delimiter, or padding and a line end before the next part's headers. */
  #afterDelimiter(): boolean {
    const buf = this.#buf;
    if (buf.length < 2) return false;
    if (buf[0] === DASH && buf[1] === DASH) {
      this.#state = 'done';
      return true;
    }
    let p = 0;
    while (p < buf.length && (buf[p] === 0x20 || buf[p] === 0x09)) p++;
    if (p > 1024) throw new MtomError('malformed-part', 'too much padding after a MIME boundary');
    if (p >= buf.length || (buf[p] === CR && p + 1 >= buf.length)) return false;
    if (buf[p] === CR && buf[p + 1] === LF) p += 2;
    else if (buf[p] === LF) p += 1;
    else throw new MtomError('malformed-part', 'a MIME boundary is followed by text on its line');
    this.#buf = buf.subarray(p);
    this.#state = 'headers';
    return true;
  }

  async #headers(): Promise<boolean> {
    const buf = this.#buf;
    let p = 0;
    let bodyStart = -1;
    let endOfLine = 0;
    for (;;) {
      const nl = buf.indexOf(LF, p);
      if (nl < 0 || nl > this.#o.maxHeaderBytes) break;
      const lineEnd = nl > p && buf[nl - 1] === CR ? nl - 1 : nl;
      if (lineEnd === p) {
        bodyStart = nl + 1;
        endOfLine = nl + 1 - lineEnd;
        break;
      }
      p = nl + 1;
    }
    if (bodyStart < 0) {
      if (buf.length > this.#o.maxHeaderBytes)
        throw new MtomError('malformed-part', `MIME part ${this.#index + 1} has no end of headers within ${this.#o.maxHeaderBytes} bytes`);
      return false;
    }
    if (this.#index >= this.#o.maxParts) throw new MtomError('too-many-parts', `more than ${this.#o.maxParts} MIME parts`);
    const headers = parseHeaders(buf.toString('latin1', 0, bodyStart));
    const rawId = headers['content-id'];
    const contentId = rawId === undefined ? undefined : normalizeContentId(rawId);
    const isRoot = this.#root === undefined && (this.#o.start === undefined ? this.#index === 0 : contentId === this.#o.start);
    const encoding = (headers['content-transfer-encoding'] ?? 'binary').trim().toLowerCase();
    let sink: PartSink | null = null;
    let base64: Base64Slices | null = null;
    if (!isRoot) {
      if (encoding === 'base64') base64 = new Base64Slices();
      else if (encoding !== 'binary' && encoding !== '8bit' && encoding !== '7bit' && encoding !== '') {
        throw new MtomError('unsupported-encoding', `unsupported Content-Transfer-Encoding ${encoding.slice(0, 40)} for a streamed part`);
      }
      sink = await this.#o.openPart({ contentId: contentId ?? '', contentType: headers['content-type'], index: this.#index });
      this.#open.add(sink);
    }
    this.#index++;
    this.#part = { headers, contentId, chunks: isRoot ? [] : null, sink, base64 };
    // The header block's last line end may also begin the delimiter of an empty part.
    const eol = this.#next.length - this.#delim.length;
    this.#skip = endOfLine === eol ? eol : 0;
    this.#buf = buf.subarray(bodyStart - this.#skip);
    this.#state = 'body';
    return true;
  }

  async #body(): Promise<boolean> {
    const buf = this.#buf;
    const next = this.#next;
    let from = 0;
    for (;;) {
      const at = buf.indexOf(next, from);
      if (at < 0) {
        // Everything but a possible partial delimiter at the end belongs to the part.
        await this.#emit(buf.length - next.length + 1);
        return false;
      }
      const after = at + next.length;
      if (after >= buf.length || (buf[after] === DASH && after + 1 >= buf.length)) {
        await this.#emit(at);
        return false;
      }
      const c = buf[after];
      if (c === CR || c === LF || c === 0x20 || c === 0x09 || (c === DASH && buf[after + 1] === DASH)) {
        await this.#emit(at);
        await this.#finishPart();
        this.#buf = this.#buf.subarray(this.#buf.length - (buf.length - after));
        this.#state = 'delimiter';
        return true;
      }
      from = at + 1;
    }
  }

  /** Hands `#buf[skip, upTo)` to the current part and drops it from the buffer. */
  async #emit(upTo: number): Promise<void> {
    // At or before `skip` there is nothing of the part yet (the bytes may begin its delimiter).
    if (upTo <= this.#skip) return;
    const part = this.#part as CurrentPart;
    const data = this.#buf.subarray(this.#skip, upTo);
    this.#buf = this.#buf.subarray(upTo);
    this.#skip = 0;
    if (data.length === 0) return;
    if (part.chunks !== null) {
      this.#buffered += data.length;
      if (this.#buffered > this.#o.maxBufferedBytes) throw new MtomError('too-large', `the root MIME part is larger than ${this.#o.maxBufferedBytes} bytes`);
      part.chunks.push(data);
      return;
    }
    this.#streamed += data.length;
    if (this.#streamed > this.#o.maxAttachmentBytes)
      throw new MtomError('too-large', `the attachments are larger than maxAttachmentBytes=${this.#o.maxAttachmentBytes}`);
    const bytes = part.base64 !== null ? part.base64.push(data) : data;
    if (bytes.length > 0) await (part.sink as PartSink).write(bytes);
  }

  async #finishPart(): Promise<void> {
    const part = this.#part as CurrentPart;
    this.#part = null;
    if (part.chunks !== null) {
      const raw = part.chunks.length === 1 ? (part.chunks[0] as Buffer) : Buffer.concat(part.chunks);
      this.#root = {
        headers: part.headers,
        contentId: part.contentId,
        contentType: part.headers['content-type'],
        body: decodeTransferEncoding(raw, part.headers['content-transfer-encoding']),
      };
      return;
    }
    const sink = part.sink as PartSink;
    if (part.base64 !== null) {
      const tail = part.base64.end();
      if (tail.length > 0) await sink.write(tail);
    }
    await sink.end();
    this.#open.delete(sink);
  }
}

/**
 * Reads a multipart/related body as it arrives: collects the root part, streams the others to
 * their sinks. On failure every open sink is aborted and the error is an {@link MtomError}
 * (`unterminated`, `too-large`, `malformed-part`…) or the body's own error.
 * @param body - the HTTP body (decompressed)
 * @param options - boundary, start, limits, the sink of each part
 */
export async function readMultipartStream(body: AsyncIterable<Uint8Array>, options: MultipartStreamOptions): Promise<StreamedMultipart> {
  const reader = new MultipartReader(options);
  try {
    for await (const chunk of body) await reader.push(chunk);
    return reader.end();
  } catch (err) {
    reader.abort(err);
    throw err;
  }
}
