/**
 * Every SOAP response goes through here: the Content-Type decides whether the body is the envelope
 * itself or a multipart/related message whose root part is (ITI-43 responses are always multipart,
 * faults included; ITI-18 responses are plain XML).
 */
import { parseContentType } from '../http/content-type.js';
import { decodeMultipartRelated, partText, sniffBoundary, type MimePart } from './decode.js';
import type { ReceivedAttachment } from './received-attachment.js';

/** The SOAP envelope of an HTTP body and the XOP attachments that came with it. */
export interface SoapPayload {
  /** Whether the body was multipart/related. */
  readonly multipart: boolean;
  /** The envelope bytes (a view into the body). */
  readonly envelope: Uint8Array;
  /** The envelope's Content-Type (root part's for multipart). */
  readonly envelopeContentType: string | undefined;
  /** Attachments by normalised Content-ID (empty for plain bodies). */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  /** The root MIME part, for multipart bodies. */
  readonly rootPart: MimePart | undefined;
  /** Attachments streamed to files or sinks (call option `attachments`), by normalised Content-ID. */
  readonly received?: ReadonlyMap<string, ReceivedAttachment> | undefined;
}

const NO_ATTACHMENTS: ReadonlyMap<string, Uint8Array> = new Map();

/**
 * Separates the envelope from its attachments. A body without Content-Type that starts with a MIME
 * boundary line is parsed as multipart too.
 * @param contentType - the HTTP Content-Type header
 * @param body - the HTTP body
 */
export function splitSoapPayload(contentType: string | undefined, body: Uint8Array): SoapPayload {
  const ct = parseContentType(contentType);
  const boundary = ct === undefined ? sniffBoundary(body) : undefined;
  if (ct?.mediaType === 'multipart/related' || boundary !== undefined) {
    const mp = decodeMultipartRelated(body, ct, boundary !== undefined ? { boundary } : {});
    return { multipart: true, envelope: mp.root.body, envelopeContentType: mp.root.contentType, attachments: mp.attachments, rootPart: mp.root };
  }
  return { multipart: false, envelope: body, envelopeContentType: contentType, attachments: NO_ATTACHMENTS, rootPart: undefined };
}

/**
 * The envelope as text, decoded with its declared charset (UTF-8 by default).
 * @param payload - from {@link splitSoapPayload}
 */
export function envelopeText(payload: SoapPayload): string {
  return partText(payload.rootPart ?? { headers: {}, contentId: undefined, contentType: payload.envelopeContentType, body: payload.envelope });
}
