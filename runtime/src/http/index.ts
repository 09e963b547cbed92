/**
 * HTTPS transport: mutual TLS, keep-alive, timeouts, size limits, proxies, typed errors, and
 * Content-Type helpers.
 * @packageDocumentation
 */
export type { Transport, TransportRequest, TransportResponse, BodyChunk, BodyStream, ResponseHead, ResponseBodyReader } from './transport.js';
export { HttpsTransport } from './https-transport.js';
export { resolveInCheckPhase } from './resolve-in-check-phase.js';
export type { HttpsTransportOptions } from './https-transport.js';
export { TransportError, bodyExcerpt, redactUrl } from './transport-error.js';
export type { TransportErrorKind, TlsFailureReason, TransportErrorDetails } from './transport-error.js';
export type {
  ClientCredentials,
  Pkcs12Credentials,
  Pkcs12FileCredentials,
  PemCredentials,
  PemFileCredentials,
  TrustOptions,
  TlsVersion,
  ClientTlsSettings,
  ClientTlsContext,
} from './tls-credentials.js';
export { parseContentType, formatContentType, isMultipartRelated, isSoapLikeContentType } from './content-type.js';
export type { ContentType } from './content-type.js';
export { proxyFromEnvironment, resolveProxy, parseNoProxy, bypassesProxy, parseProxyUrl } from './proxy.js';
export type { ProxySettings, ProxyOption } from './proxy.js';
