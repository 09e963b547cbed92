/**
 * Turns node / OpenSSL errors into TransportErrors with messages that name the likely cause
 * (missing client certificate, unknown CA, expired certificate, wrong host name, TLS version).
 */
import { TransportError, type TlsFailureReason } from './transport-error.js';

/** What the transport knew when the error happened. */
export interface ErrorContext {
  /** Redacted target URL. */
  readonly url: string;
  /** `host:port` of the target. */
  readonly authority: string;
  /** Whether a client certificate is configured. */
  readonly hasClientCertificate: boolean;
  /** Whether the TLS handshake had completed on this request's socket. */
  readonly handshakeDone: boolean;
  /** Whether the connection goes through a proxy. */
  readonly viaProxy: boolean;
  /** Whether this request opened a new connection (rather than reusing a pooled one). */
  readonly freshConnection: boolean;
  /** Whether any response byte had arrived. */
  readonly responseStarted: boolean;
}

const SERVER_UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'CERT_CHAIN_TOO_LONG',
  'CERT_REVOKED',
]);

const CLIENT_REJECTED = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
]);

const PROTOCOL = new Set([
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_TLSV1_ALERT_INAPPROPRIATE_FALLBACK',
]);

const NETWORK_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found (DNS)',
  EAI_AGAIN: 'host name lookup failed temporarily (DNS)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'TCP connection timed out',
  ECONNRESET: 'connection reset by the peer',
  EPIPE: 'connection closed by the peer while sending',
  ECONNABORTED: 'connection aborted',
};

function tls(reason: TlsFailureReason, message: string, ctx: ErrorContext, code: string | undefined, cause: unknown): TransportError {
  return new TransportError({
    kind: 'tls',
    reason,
    message: `TLS with ${ctx.authority}: ${message}`,
    url: ctx.url,
    ...(code ? { systemCode: code } : {}),
    cause,
  });
}

// TLS alert numbers (RFC 8446 §6) as node names them when it reports `EPROTO` with "SSL alert number N".
const ALERT_CODES: Readonly<Record<string, string>> = {
  '40': 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  '42': 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  '43': 'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  '44': 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  '45': 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  '46': 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  '48': 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  '49': 'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
  '70': 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  '71': 'ERR_SSL_TLSV1_ALERT_INSUFFICIENT_SECURITY',
  '116': 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
};

/** Code that {@link HttpsTransport} gives errors returned by `verifyServerCertificate`. */
export const SERVER_CHECK_FAILED = 'ERR_VOLET_SERVER_CERTIFICATE_REFUSED';

/** The OpenSSL reason text without the `80BC…:error:0A000410:SSL routines:fn:` prefix and source position. */
function opensslReason(raw: string): string {
  const m = /:SSL routines:[^:]*:([^:]+):/.exec(raw);
  return (m?.[1] ?? raw.split('\n')[0] ?? raw).trim();
}

/**
 * OpenSSL 3.2 and later (Node 24's) name the alerts "ssl/tls alert …" (`ERR_SSL_SSL/TLS_ALERT_*`)
 * where OpenSSL 3.0 (Node 20's) says "sslv3 alert …" (`ERR_SSL_SSLV3_ALERT_*`): one name for both.
 */
function sameAlertName(code: string): string {
  return code.replace(/^ERR_SSL_SSL[/_]TLS_ALERT_/, 'ERR_SSL_SSLV3_ALERT_');
}

/**
 * Maps any error raised while sending a request to a {@link TransportError}.
 * TransportErrors pass through unchanged.
 * @param err - what node raised
 * @param ctx - request context
 */
export function toTransportError(err: unknown, ctx: ErrorContext): TransportError {
  if (err instanceof TransportError) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; message?: unknown; reason?: unknown; cert?: unknown };
  let code = typeof e.code === 'string' ? sameAlertName(e.code) : undefined;
  const raw = typeof e.message === 'string' ? e.message : String(err);
  if (code === 'EPROTO') {
    const alert = /SSL alert number (\d+)/.exec(raw)?.[1];
    code =
      (alert !== undefined ? ALERT_CODES[alert] : undefined) ??
      sameAlertName(
        `ERR_SSL_${opensslReason(raw)
          .toUpperCase()
          .replace(/[^A-Z0-9]+/g, '_')}`,
      );
  }

  if (code === SERVER_CHECK_FAILED) {
    return tls('server-certificate-untrusted', `the server certificate was refused by verifyServerCertificate: ${raw}`, ctx, code, err);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const detail = typeof e.reason === 'string' ? ` (${e.reason})` : '';
    const altNames = (e.cert as { subjectaltname?: unknown } | undefined)?.subjectaltname;
    const names = typeof altNames === 'string' && altNames !== '' ? `; the certificate is for ${altNames}` : '';
    return tls('hostname-mismatch', `the server certificate is not valid for this host name${detail}${names}`, ctx, code, err);
  }
  if (code === 'CERT_HAS_EXPIRED') return tls('server-certificate-expired', 'the server certificate has expired', ctx, code, err);
  if (code === 'CERT_NOT_YET_VALID') {
    return tls('server-certificate-not-yet-valid', 'the server certificate is not valid yet (check the local clock)', ctx, code, err);
  }
  if (code !== undefined && SERVER_UNTRUSTED.has(code)) {
    return tls(
      'server-certificate-untrusted',
      `the server certificate is not trusted: it does not chain to a configured CA (${code}); add the issuing CA to trust.ca / trust.caFile`,
      ctx,
      code,
      err,
    );
  }
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED') {
    return tls(
      'client-certificate-required',
      ctx.hasClientCertificate
        ? 'the server requires a client certificate and did not receive one'
        : 'the server requires a client certificate (mutual TLS) and none is configured: set credentials (PKCS#12 or PEM)',
      ctx,
      code,
      err,
    );
  }
  if (code === 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA') {
    return tls('client-certificate-unknown-ca', 'the server does not trust the CA that issued the client certificate', ctx, code, err);
  }
  if (code === 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED') {
    return tls('client-certificate-expired', 'the server rejected the client certificate as expired', ctx, code, err);
  }
  if (code !== undefined && CLIENT_REJECTED.has(code)) {
    return tls('client-certificate-rejected', `the server rejected the client certificate (${code})`, ctx, code, err);
  }
  if (code === 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE' && !ctx.hasClientCertificate) {
    return tls(
      'client-certificate-required',
      'the server aborted the handshake; it most likely requires a client certificate (mutual TLS) and none is configured',
      ctx,
      code,
      err,
    );
  }
  if (code !== undefined && PROTOCOL.has(code)) {
    return tls('protocol-version', 'no common TLS version: this client requires TLS 1.2 or later', ctx, code, err);
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return tls('handshake-failed', 'the server did not answer with TLS (plain HTTP port, or a proxy in the way?)', ctx, code, err);
  }
  if (code !== undefined && code.startsWith('ERR_SSL_')) {
    return tls('handshake-failed', `handshake failed (${code})`, ctx, code, err);
  }
  if (code !== undefined && code.startsWith('HPE_')) {
    return new TransportError({ kind: 'http', message: `malformed HTTP response from ${ctx.url} (${code})`, url: ctx.url, systemCode: code, cause: err });
  }
  const text = code !== undefined ? NETWORK_TEXT[code] : undefined;
  const closed = code === 'ECONNRESET' || code === 'EPIPE' || raw === 'socket hang up';
  if (closed && ctx.freshConnection && !ctx.responseStarted) {
    // A fresh connection closed before any answer: servers that check client certificates in
    // application code (node, some proxies) just drop the connection, during the handshake with
    // TLS 1.2, right after it with TLS 1.3 (the client's handshake has already completed then).
    const when = ctx.handshakeDone ? 'right after the TLS handshake, before answering' : 'during the TLS handshake';
    return tls(
      ctx.hasClientCertificate ? 'client-certificate-rejected' : 'handshake-failed',
      ctx.hasClientCertificate
        ? `the server closed the connection ${when}: it most likely refused the client certificate (unknown CA, expired, revoked or not allowed)`
        : `the server closed the connection ${when}: it may require a client certificate (none is configured) or another TLS version`,
      ctx,
      code,
      err,
    );
  }
  if (text !== undefined || closed) {
    const message = `${text ?? 'connection closed by the peer'} (${ctx.authority})`;
    return new TransportError({ kind: 'network', message, url: ctx.url, ...(code ? { systemCode: code } : {}), cause: err });
  }
  return new TransportError({ kind: 'network', message: `${raw} (${ctx.authority})`, url: ctx.url, ...(code ? { systemCode: code } : {}), cause: err });
}
