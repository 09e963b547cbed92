import { VoletError } from '../errors/volet-error.js';
import { redactXml } from '../xml/redact-xml.js';

/**
 * The one error type the transport throws: every failure (TLS, timeout, abort, size, HTTP,
 * network, proxy) arrives as a TransportError whose `kind` says which, with a message a support
 * engineer can act on. Messages never carry secrets (passphrases, proxy credentials, query strings).
 */

/** What went wrong, coarsely. */
export type TransportErrorKind = 'tls' | 'timeout' | 'aborted' | 'too-large' | 'http' | 'network' | 'proxy';

/** Why a TLS connection failed, when the cause is known. */
export type TlsFailureReason =
  /** The server wants a client certificate and none was sent. */
  | 'client-certificate-required'
  /** The server refused the client certificate (bad, unsupported, revoked, access denied). */
  | 'client-certificate-rejected'
  /** The server does not trust the CA that issued the client certificate. */
  | 'client-certificate-unknown-ca'
  /** The server says the client certificate has expired. */
  | 'client-certificate-expired'
  /** The server certificate does not chain to a configured CA. */
  | 'server-certificate-untrusted'
  /** The server certificate has expired. */
  | 'server-certificate-expired'
  /** The server certificate is not valid yet (or the local clock is wrong). */
  | 'server-certificate-not-yet-valid'
  /** The server certificate is valid but for another host name. */
  | 'hostname-mismatch'
  /** No TLS version both sides accept (the client requires TLS 1.2 or later). */
  | 'protocol-version'
  /** Handshake failure without a more precise cause. */
  | 'handshake-failed'
  /** The local client certificate, key or CA bundle could not be loaded. */
  | 'credentials-invalid';

/** Constructor input of {@link TransportError}. */
export interface TransportErrorDetails {
  /** Category. */
  readonly kind: TransportErrorKind;
  /** Human-readable message (already free of secrets). */
  readonly message: string;
  /** HTTP status of the response, when one arrived. */
  readonly status?: number;
  /** Bounded, redacted excerpt of a non-SOAP response body (≤ 200 characters; see {@link bodyExcerpt}). */
  readonly excerpt?: string;
  /** Content-Type of the response, when one arrived. */
  readonly contentType?: string;
  /** Underlying node / OpenSSL error code (e.g. `ERR_TLS_CERT_ALTNAME_INVALID`, `ECONNREFUSED`). */
  readonly systemCode?: string;
  /** Precise TLS cause for `kind: 'tls'`. */
  readonly reason?: TlsFailureReason;
  /** For timeouts: establishing the connection, or waiting for the whole response. */
  readonly phase?: 'connect' | 'response';
  /** The target, as origin + path (no user info, no query). */
  readonly url?: string;
  /** The original error. */
  readonly cause?: unknown;
}

/**
 * A failed HTTP exchange. Check `kind` (also in `code`, as for every VoletError) and `reason` for
 * TLS rather than parsing the message.
 */
export class TransportError extends VoletError {
  /** Category (the same value as `code`). */
  readonly kind: TransportErrorKind;
  /** HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** Bounded excerpt of a non-SOAP body. */
  readonly excerpt: string | undefined;
  /** Response Content-Type, when a response arrived. */
  readonly contentType: string | undefined;
  /** Underlying node / OpenSSL error code. */
  readonly systemCode: string | undefined;
  /** Precise TLS cause. */
  readonly reason: TlsFailureReason | undefined;
  /** Timeout phase. */
  readonly phase: 'connect' | 'response' | undefined;
  /** Target origin + path. */
  readonly url: string | undefined;

  /** @param details - kind, message and optional fields */
  constructor(details: TransportErrorDetails) {
    super(details.kind, details.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = details.kind;
    this.status = details.status;
    this.excerpt = details.excerpt;
    this.contentType = details.contentType;
    this.systemCode = details.systemCode;
    this.reason = details.reason;
    this.phase = details.phase;
    this.url = details.url;
  }
}

/** A URL reduced to what may appear in a message: origin and path, without user info or query. */
export function redactUrl(url: URL | string): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

// C0/C1 controls, DEL, and bidirectional overrides that could disguise log lines.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A short printable excerpt of a response body for an error message, safe to log: a body that
 * starts with markup (XML, HTML) is shown as its redacted structure ({@link redactXml}: element
 * names, namespaces and safe-by-construction values only); any other body is not shown at all
 * (`''`: the message gives its type and length). Control characters are removed, whitespace
 * collapsed, the result cut to `max` characters. Only the first 8 KiB are looked at. The bytes
 * themselves are available with `volet call --dump` or a trace with `revealValues`.
 * @param body - the response bytes
 * @param max - maximum length in characters (default 200)
 */
export function bodyExcerpt(body: Uint8Array, max = 200): string {
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(body.subarray(0, 8192))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text.startsWith('<')) return '';
  const shown = redactXml(text).replace(CONTROL, ' ').replace(/\s+/g, ' ').replace(/> </g, '><').trim();
  const chars = Array.from(shown);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : shown;
}
