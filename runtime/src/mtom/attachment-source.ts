/**
 * Streamed XOP parts for requests: a `base64Binary` value bound to an XOP part may be a file or a
 * byte stream instead of bytes in memory. The encoder puts the source in the body chunk list and
 * the transport reads it while writing, so a 1 GiB document never sits in memory.
 */
import { createReadStream, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { MtomError } from './mtom-error.js';
import { ATTACHMENT_SOURCE } from './source-brand.js';
import type { WithBytesOr } from './with-bytes-or.js';

/** A byte stream accepted as an attachment: a Node `Readable`, a web `ReadableStream` or any async iterable of bytes. */
export type ByteStream = Readable | WebReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** Options of {@link attachmentFromFile} and {@link attachmentFromStream}. */
export interface AttachmentSourceOptions {
  /** Content-Type of the XOP part (default `application/octet-stream`). */
  readonly contentType?: string;
}

/** Options of {@link attachmentFromStream}. */
export interface StreamSourceOptions extends AttachmentSourceOptions {
  /** The stream's length in bytes when known: lets the request carry a Content-Length instead of chunked framing. */
  readonly size?: number;
}

/**
 * The content of a `base64Binary` value that is read when the request is written: a file (read
 * again if the request is resent) or a stream (read once). Build one with
 * {@link attachmentFromFile} or {@link attachmentFromStream}; it needs MTOM (the operation's
 * default for XDS.b, or the `mtom` option), since it cannot be written as base64 text.
 */
export class AttachmentSource {
  /** Marks instances across copies of the runtime module. */
  readonly [ATTACHMENT_SOURCE] = true;
  /** `file` or `stream`. */
  readonly kind: 'file' | 'stream';
  /** The file path, for `file` sources. */
  readonly path: string | undefined;
  /** Length in bytes, when known (files: their size when the source was made). */
  readonly byteLength: number | undefined;
  /** Content-Type of the XOP part, if given. */
  readonly contentType: string | undefined;
  readonly #stream: ByteStream | undefined;
  #opened = false;

  /** @internal Use {@link attachmentFromFile} or {@link attachmentFromStream}. */
  constructor(
    kind: 'file' | 'stream',
    path: string | undefined,
    stream: ByteStream | undefined,
    byteLength: number | undefined,
    contentType: string | undefined,
  ) {
    this.kind = kind;
    this.path = path;
    this.#stream = stream;
    this.byteLength = byteLength;
    this.contentType = contentType;
  }

  /** True when {@link AttachmentSource.open} may be called again (files; a stream is read once). */
  get replayable(): boolean {
    return this.kind === 'file';
  }

  /**
   * The bytes, from the start.
   * @throws MtomError `stream-consumed` when a stream source is opened a second time
   */
  open(): AsyncIterable<Uint8Array> {
    if (this.kind === 'file') return createReadStream(this.path as string, { highWaterMark: 256 * 1024 });
    if (this.#opened) throw new MtomError('stream-consumed', 'a streamed attachment can be sent once: give a new stream for each call');
    this.#opened = true;
    const s = this.#stream as ByteStream;
    if (s instanceof Readable) return s;
    if (isWebStream(s)) return Readable.fromWeb(s);
    return s;
  }
}

function isWebStream(s: ByteStream): s is WebReadableStream<Uint8Array> {
  return typeof (s as { getReader?: unknown }).getReader === 'function';
}

/**
 * A `base64Binary` value read from a file when the request is written (the file's size gives the
 * Content-Length). The file must exist now.
 * @param path - the file
 * @param options - Content-Type of the part
 * @throws MtomError `unreadable-source` when the path is not a readable regular file
 */
export function attachmentFromFile(path: string, options: AttachmentSourceOptions = {}): AttachmentSource {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (err) {
    throw new MtomError(
      'unreadable-source',
      `cannot read attachment file ${JSON.stringify(path.slice(-200))}: ${(err as Error).message.split('\n')[0] ?? ''}`,
      err,
    );
  }
  return new AttachmentSource('file', path, undefined, size, options.contentType);
}

/**
 * A `base64Binary` value read from a stream when the request is written (once: a stream cannot be
 * resent). Without `size` the request is sent with chunked framing.
 * @param stream - Node `Readable`, web `ReadableStream` or async iterable of bytes
 * @param options - Content-Type of the part, length when known
 */
export function attachmentFromStream(stream: ByteStream, options: StreamSourceOptions = {}): AttachmentSource {
  if (options.size !== undefined && !(Number.isSafeInteger(options.size) && options.size >= 0)) throw new TypeError('size must be a whole number of bytes');
  return new AttachmentSource('stream', undefined, stream, options.size, options.contentType);
}

/**
 * `T` where every `Uint8Array` may also be an {@link AttachmentSource}: the request type generated
 * clients accept for operations that send XOP parts (the source must sit in a `base64Binary`
 * element; a `hexBinary` one is refused when encoding).
 */
export type WithAttachmentSources<T> = WithBytesOr<T, AttachmentSource>;
