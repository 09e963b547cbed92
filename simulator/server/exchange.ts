/**
 * The shapes a simulator handler works with: one HTTP request as received over mutual TLS, and
 * the reply to send. Kept apart from node:http so handlers stay plain functions that tests can
 * call without a socket.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The client certificate the TLS layer accepted (already verified against the test CA). */
export interface PeerCertificate {
  /** Subject common name, e.g. `INSI-AUTO`. */
  readonly commonName: string | undefined;
  /** Subject organisational unit (IGC-Santé puts the structure identifier there). */
  readonly organizationalUnit: string | undefined;
  /** The certificate, DER. */
  readonly der: Uint8Array;
}

/** One HTTP request. */
export interface SoapHttpRequest {
  readonly method: string;
  /** The URL path, without query. */
  readonly path: string;
  /** Header names in lower case, as node:http gives them. */
  readonly headers: IncomingHttpHeaders;
  readonly body: Uint8Array;
  /** The client certificate, when the connection had one. */
  readonly peer: PeerCertificate | undefined;
}

/** What a handler answers. */
export interface SoapHttpReply {
  readonly status: number;
  readonly contentType: string;
  /** The body: one string or byte array, or chunks (an MTOM message). */
  readonly body: string | Uint8Array | readonly (string | Uint8Array)[];
}

/** Answers one request. Must not throw for bad input: the server turns a throw into a Receiver fault. */
export type SoapHttpHandler = (request: SoapHttpRequest) => Promise<SoapHttpReply>;
