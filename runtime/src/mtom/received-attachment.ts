/**
 * Where the XOP parts of a response go when they are not kept in memory: a folder (one file per
 * part, named from its Content-ID) or a sink the caller opens per part. The response body then
 * holds a {@link ReceivedAttachment} where a `base64Binary` element was bound to the part.
 */
import type { Writable } from 'node:stream';
import type { WritableStream as WebWritableStream } from 'node:stream/web';
import { RECEIVED_ATTACHMENT } from './source-brand.js';
import type { WithBytesOr } from './with-bytes-or.js';

/** A part of a multipart response, as announced by its headers (given to a sink before its bytes). */
export interface AttachmentPartInfo {
  /** Normalised Content-ID (no `<>`, percent-decoded), `''` when the part has none. */
  readonly contentId: string;
  /** The part's Content-Type header value. */
  readonly contentType: string | undefined;
  /** Position of the part in the message (the root part is 0 when it comes first). */
  readonly index: number;
}

/** Default of `maxAttachmentBytes`: 4 GiB of streamed attachment bytes per response. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024 * 1024;

/** Common options of the attachment outputs. */
export interface AttachmentOutputLimits {
  /**
   * Most attachment bytes streamed out of one response, all parts together (default 4 GiB).
   * The transport's `maxResponseBytes` still bounds what is kept in memory: the root part (the
   * envelope), part headers and any part that is not streamed.
   */
  readonly maxAttachmentBytes?: number;
}

/** Write each XOP part of the response into a file of `dir` (created if needed). */
export interface AttachmentDirOutput extends AttachmentOutputLimits {
  /**
   * The folder. Files are named from the Content-ID, sanitised (letters, digits, `.`, `_`, `-`,
   * `@`; no leading dot; at most 120 characters), never overwriting an existing file (`-2`, `-3`…
   * suffixes); a part without Content-ID is `part-<n>`. Files of a failed call are removed.
   */
  readonly dir: string;
}

/** Hand each XOP part of the response to a writable the caller opens for it. */
export interface AttachmentSinkOutput extends AttachmentOutputLimits {
  /**
   * Called when a part's headers have arrived; its bytes are written to the returned stream with
   * backpressure, which is ended at the end of the part (destroyed/aborted if the call fails).
   */
  readonly sink: (part: AttachmentPartInfo) => Writable | WebWritableStream<Uint8Array>;
}

/** Where the XOP parts of a response go instead of memory (call option `attachments`). */
export type AttachmentOutput = AttachmentDirOutput | AttachmentSinkOutput;

/**
 * An XOP part of a response that was streamed to a file or a sink: what a `base64Binary` element
 * bound to it decodes to when the call has an `attachments` output.
 */
export class ReceivedAttachment {
  /** Marks instances across copies of the runtime module. */
  readonly [RECEIVED_ATTACHMENT] = true;
  /** Normalised Content-ID. */
  readonly contentId: string;
  /** The part's Content-Type header value. */
  readonly contentType: string | undefined;
  /** The file written, with the `dir` output. */
  readonly path: string | undefined;
  /** Bytes written (final once the call has resolved). */
  size = 0;

  /** @internal Made by the response reader. */
  constructor(contentId: string, contentType: string | undefined, path: string | undefined) {
    this.contentId = contentId;
    this.contentType = contentType;
    this.path = path;
  }

  /**
   * The JSON form (what `volet call --attachments-dir` prints): `{ "$file": path, "contentId", "contentType", "size" }`
   * for a file, which `volet call` reads back as a request value; `{ "$attachment": contentId, … }` for a sink.
   */
  toJSON(): Record<string, string | number> {
    const head: Record<string, string | number> = this.path !== undefined ? { $file: this.path, contentId: this.contentId } : { $attachment: this.contentId };
    if (this.contentType !== undefined) head.contentType = this.contentType;
    head.size = this.size;
    return head;
  }
}

/**
 * `T` where every `Uint8Array` may also be a {@link ReceivedAttachment}: the type of a response
 * read with the `attachments` call option (generated methods declare the buffered type; widen the
 * result with `as WithReceivedAttachments<…>` and test fields with `isReceivedAttachment`).
 */
export type WithReceivedAttachments<T> = WithBytesOr<T, ReceivedAttachment>;
