/**
 * The transport contract between the SOAP client layer and the network: bytes and headers in,
 * status, headers and bytes out. HttpsTransport is the real one; tests and simulators may plug
 * in their own.
 */

/** A body piece: text is sent as UTF-8. */
export type BodyChunk = Uint8Array | string;

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
