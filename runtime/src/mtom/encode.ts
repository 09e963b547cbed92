/**
 * MTOM/XOP encoder: a SOAP envelope with `xop:Include` placeholders plus binary parts become a
 * multipart/related body. The result is a list of chunks (short header strings and the caller's
 * own Uint8Arrays, never copied) that the transport writes in order; a 100 MB document stays one
 * 100 MB buffer from the caller to the socket.
 */
import { randomBytes } from 'node:crypto';
import { formatContentType } from '../http/content-type.js';
import type { AttachmentSource } from './attachment-source.js';
import { isAttachmentSource } from './source-brand.js';
import { checkContentId, cidHref, newContentId, normalizeContentId, xopIncludeElement } from './content-id.js';
import { MtomError } from './mtom-error.js';

/** One binary part. */
export interface MtomAttachment {
  /** Content-ID without `<>` (e.g. `1b4e…@volet`). */
  readonly contentId: string;
  /** The bytes, sent as they are (`Content-Transfer-Encoding: binary`). */
  readonly data: Uint8Array;
  /** Part Content-Type (default `application/octet-stream`). */
  readonly contentType?: string;
}

/** One binary part whose content may also be read from a file or a stream as the request is written. */
export interface StreamedMtomAttachment {
  /** Content-ID without `<>`. */
  readonly contentId: string;
  /** The bytes, or a file/stream source ({@link AttachmentSource}). */
  readonly data: Uint8Array | AttachmentSource;
  /** Part Content-Type (default: the source's, else `application/octet-stream`). */
  readonly contentType?: string;
}

/** Options of {@link encodeMtom}. */
export interface MtomEncodeOptions {
  /** SOAP version of the envelope (default 1.2): decides `start-info` and the root part's `type`. */
  readonly soapVersion?: '1.1' | '1.2';
  /** SOAP 1.2 action, added as `action=` to the HTTP and root Content-Types (SOAP 1.1 uses the SOAPAction header instead). */
  readonly action?: string;
  /** MIME boundary (default: random). */
  readonly boundary?: string;
  /** Content-ID of the root part, without `<>` (default `root.message@volet`). */
  readonly rootContentId?: string;
  /** Check that every `xop:Include` has a part and every part is referenced (default true). */
  readonly checkReferences?: boolean;
}

/** A multipart/related body whose chunks may include file/stream sources, read by the transport as it writes. */
export interface StreamedMtomMessage extends Omit<MtomMessage, 'chunks' | 'byteLength'> {
  /** Body chunks in order: part headers, the envelope, attachment bytes and sources. */
  readonly chunks: readonly (string | Uint8Array | AttachmentSource)[];
  /** Total body length in bytes; undefined when a stream's length is unknown (the body is then sent chunked). */
  readonly byteLength: number | undefined;
}

/** A multipart/related body ready to send. */
export interface MtomMessage {
  /** The HTTP Content-Type header value. */
  readonly contentType: string;
  /** Body chunks in order; strings are ASCII part headers, Uint8Arrays are the envelope and the caller's attachments. */
  readonly chunks: readonly (string | Uint8Array)[];
  /** Total body length in bytes (the Content-Length). */
  readonly byteLength: number;
  /** The MIME boundary. */
  readonly boundary: string;
  /** The root part's Content-ID, without `<>`. */
  readonly rootContentId: string;
}

const PRINTABLE = /^[\x20-\x7e]*$/;
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/;
const INCLUDE = /<(?:[A-Za-z_][\w.-]*:)?Include\b([^>]*)>/g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function headerValue(value: string, what: string): string {
  if (!PRINTABLE.test(value)) throw new MtomError('malformed-part', `${what} must be printable ASCII on one line`);
  return value;
}

/** The cid references of the `xop:Include` elements in an envelope, normalised. */
export function findXopReferences(envelope: string): string[] {
  const refs: string[] = [];
  for (const m of envelope.matchAll(INCLUDE)) {
    const href = HREF.exec(m[1] ?? '');
    const value = href?.[1] ?? href?.[2];
    if (value !== undefined) refs.push(normalizeContentId(value.replace(/&amp;/g, '&').replace(/&quot;/g, '"')));
  }
  return refs;
}

/**
 * Builds the multipart/related body.
 * @param envelope - the SOAP envelope XML (UTF-8) with `xop:Include` placeholders
 * @param attachments - the binary parts, in the order they should appear
 * @param options - SOAP version, action, boundary, root Content-ID
 */
export function encodeMtom(envelope: string | Uint8Array, attachments: readonly MtomAttachment[], options: MtomEncodeOptions = {}): MtomMessage {
  // Without sources every chunk is a string or the caller's bytes, and every length is known.
  return encodeMtomStreamed(envelope, attachments, options) as MtomMessage;
}

/**
 * Builds the multipart/related body, attachments given as bytes or as file/stream sources (read
 * by the transport while it writes: the body is never assembled in memory).
 * @param envelope - the SOAP envelope XML (UTF-8) with `xop:Include` placeholders
 * @param attachments - the binary parts, in the order they should appear
 * @param options - SOAP version, action, boundary, root Content-ID
 */
export function encodeMtomStreamed(
  envelope: string | Uint8Array,
  attachments: readonly StreamedMtomAttachment[],
  options: MtomEncodeOptions = {},
): StreamedMtomMessage {
  const version = options.soapVersion ?? '1.2';
  const boundary = options.boundary ?? `MIMEBoundary_volet_${randomBytes(16).toString('hex')}`;
  if (!BOUNDARY.test(boundary) || boundary.endsWith(' ')) throw new MtomError('no-boundary', 'invalid MIME boundary (RFC 2046 bchars, 1-70 characters)');
  const rootId = options.rootContentId ?? 'root.message@volet';
  checkContentId(rootId);
  const action = options.action === undefined ? undefined : headerValue(options.action, 'action');
  const soapType = version === '1.2' ? 'application/soap+xml' : 'text/xml';
  const envelopeBytes = typeof envelope === 'string' ? Buffer.from(envelope, 'utf8') : envelope;

  const seen = new Set<string>([normalizeContentId(rootId)]);
  for (const a of attachments) {
    checkContentId(a.contentId);
    const id = normalizeContentId(a.contentId);
    if (seen.has(id)) throw new MtomError('duplicate-content-id', `Content-ID ${a.contentId} is used twice`);
    seen.add(id);
    if (a.contentType !== undefined) headerValue(a.contentType, 'attachment Content-Type');
    if (isAttachmentSource(a.data) && a.data.contentType !== undefined) headerValue(a.data.contentType, 'attachment Content-Type');
  }
  if (options.checkReferences ?? true) {
    const text = typeof envelope === 'string' ? envelope : new TextDecoder().decode(envelope);
    const refs = new Set(findXopReferences(text));
    for (const ref of refs) {
      if (!seen.has(ref) || ref === normalizeContentId(rootId))
        throw new MtomError('missing-attachment', `xop:Include refers to cid:${ref}, which has no attachment`);
    }
    for (const a of attachments) {
      if (!refs.has(normalizeContentId(a.contentId))) {
        throw new MtomError('unreferenced-attachment', `attachment ${a.contentId} is not referenced by any xop:Include`);
      }
    }
  }

  const rootType = formatContentType('application/xop+xml', {
    charset: 'UTF-8',
    type: soapType,
    ...(version === '1.2' && action !== undefined ? { action } : {}),
  });
  const chunks: (string | Uint8Array | AttachmentSource)[] = [];
  chunks.push(`--${boundary}\r\nContent-Type: ${rootType}\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${rootId}>\r\n\r\n`);
  chunks.push(envelopeBytes);
  for (const a of attachments) {
    chunks.push(
      `\r\n--${boundary}\r\nContent-Type: ${a.contentType ?? (isAttachmentSource(a.data) ? a.data.contentType : undefined) ?? 'application/octet-stream'}\r\n` +
        `Content-Transfer-Encoding: binary\r\nContent-ID: <${a.contentId}>\r\n\r\n`,
    );
    chunks.push(a.data);
  }
  chunks.push(`\r\n--${boundary}--\r\n`);

  let byteLength: number | undefined = 0;
  for (const c of chunks) {
    const n = typeof c === 'string' ? Buffer.byteLength(c, 'latin1') : c.byteLength;
    byteLength = byteLength === undefined || n === undefined ? undefined : byteLength + n;
  }
  const contentType = formatContentType('multipart/related', {
    type: 'application/xop+xml',
    boundary,
    start: `<${rootId}>`,
    'start-info': soapType,
    ...(version === '1.2' && action !== undefined ? { action } : {}),
  });
  return { contentType, chunks, byteLength, boundary, rootContentId: rootId };
}

/** A part registered with {@link XopPackage.add}. */
export interface XopReference {
  /** Content-ID without `<>`. */
  readonly contentId: string;
  /** `cid:` URL for the href. */
  readonly href: string;
  /** The `<xop:Include …/>` element to put where the base64 text would have been. */
  readonly element: string;
}

/**
 * Collects binary parts while the envelope is being written: `add()` returns the `xop:Include`
 * to put in the XML, `encode()` builds the message once the envelope is complete.
 */
export class XopPackage {
  readonly #attachments: StreamedMtomAttachment[] = [];
  #streamed = false;

  /**
   * Registers a binary part.
   * @param data - the bytes (kept by reference, not copied), or a file/stream source (then build with {@link XopPackage.encodeStreamed})
   * @param options - Content-Type and an explicit Content-ID
   */
  add(data: Uint8Array | AttachmentSource, options: { readonly contentType?: string; readonly contentId?: string } = {}): XopReference {
    const contentId = options.contentId ?? newContentId();
    checkContentId(contentId);
    if (isAttachmentSource(data)) this.#streamed = true;
    this.#attachments.push({ contentId, data, ...(options.contentType !== undefined ? { contentType: options.contentType } : {}) });
    return { contentId, href: cidHref(contentId), element: xopIncludeElement(contentId) };
  }

  /** The parts registered so far (bytes or sources). */
  get attachments(): readonly StreamedMtomAttachment[] {
    return this.#attachments;
  }

  /** True when a file/stream source was added (the message must be built with {@link XopPackage.encodeStreamed}). */
  get streamed(): boolean {
    return this.#streamed;
  }

  /**
   * Builds the multipart/related body around the finished envelope.
   * @param envelope - the SOAP envelope containing the `element`s returned by `add`
   * @param options - SOAP version, action, boundary, root Content-ID
   */
  encode(envelope: string | Uint8Array, options: MtomEncodeOptions = {}): MtomMessage {
    if (this.#streamed) throw new MtomError('streamed-parts', 'this package holds file or stream attachments: build it with encodeStreamed()');
    return encodeMtom(envelope, this.#attachments as readonly MtomAttachment[], options);
  }

  /**
   * Like {@link XopPackage.encode}, attachments possibly read from files or streams by the transport.
   * @param envelope - the SOAP envelope containing the `element`s returned by `add`
   * @param options - SOAP version, action, boundary, root Content-ID
   */
  encodeStreamed(envelope: string | Uint8Array, options: MtomEncodeOptions = {}): StreamedMtomMessage {
    return encodeMtomStreamed(envelope, this.#attachments, options);
  }
}
