/**
 * The transport contract between the SOAP client layer and the network: bytes and headers in,
 * status, headers and bytes out. HttpsTransport is the real one; tests and simulators may plug
 * in their own.
 */

/**
 * A body piece read while the request is written (an MTOM part from a file or a stream). The
 * MTOM `AttachmentSource` is one.
 */
export interface BodyStream {
  /** Length in bytes, when known: a body whose pieces all have one is sent with a Content-Length, otherwise chunked. */
  readonly byteLength: number | undefined;
  /** True when {@link BodyStream.open} may be called again (a request resent on a stale connection). */
  readonly replayable: boolean;
  /** The bytes, from the start. */
  open(): AsyncIterable<Uint8Array>;
}

/** A body piece: text is sent as UTF-8. */
export type BodyChunk = Uint8Array | string | BodyStream;

/** Status and headers of a response, before its body (header names lower-case). */
export interface ResponseHead {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The transport's limit on buffered response bytes (`maxResponseBytes`): a body reader applies it to what it keeps in memory. */
  readonly maxBufferedBytes: number;
}

/**
 * Reads a response body as it arrives instead of the transport buffering it (MTOM responses with
 * streamed attachments): given the head, returns undefined to let the transport buffer as usual,
 * or a function that consumes the (decompressed) body and resolves with the bytes to return as
 * `TransportResponse.body` (for MTOM, the root part).
 */
export type ResponseBodyReader = (head: ResponseHead) => ((body: AsyncIterable<Uint8Array>) => Promise<Uint8Array>) | undefined;

/** One HTTP POST. */
export interface TransportRequest {
  /** Target URL (https:). */
  readonly url: string | URL;
  /** Request headers (Content-Type, SOAPAction…); Content-Length is computed. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The body, whole or as chunks written in order without being joined (MTOM parts). */
  readonly body: BodyChunk | readonly BodyChunk[];
  /** Cancels the call; the promise rejects with a TransportError of kind `aborted`. */
  readonly signal?: AbortSignal;
  /** Limit for the whole exchange (connection, upload, response), overriding the transport default. */
  readonly timeoutMs?: number;
  /** Reads the response body as it arrives (see {@link ResponseBodyReader}); transports that cannot stream may ignore it. */
  readonly readBody?: ResponseBodyReader;
}

/** The response. Header names are lower-case; repeated headers are joined with `, `. */
export interface TransportResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** The complete body (decompressed when the server used gzip/deflate/br). */
  readonly body: Uint8Array;
}

/** Sends SOAP requests. */
export interface Transport {
  /**
   * Sends one request and resolves with the complete response. SOAP-like responses resolve whatever
   * their status (faults come with HTTP 500); failures reject with a TransportError.
   */
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections. */
  close?(): void;
}
