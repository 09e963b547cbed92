/**
 * The production transport: node:https with one keep-alive agent per transport (a TLS handshake
 * with a client certificate costs more than the SOAP call itself), mutual TLS, TLS 1.2 floor,
 * host name verification that cannot be turned off, timeouts, a response size limit,
 * AbortSignal, and HTTP proxies through CONNECT.
 */
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Agent, request as httpsRequest, type AgentOptions } from 'node:https';
import { isIP, type Socket } from 'node:net';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { pipeline, type Transform } from 'node:stream';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, createInflate, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { VoletError } from '../errors/volet-error.js';
import { MtomError } from '../mtom/mtom-error.js';
import { bypassesProxy, describeProxy, resolveProxy, type ProxyOption, type ProxySettings } from './proxy.js';
import { checkSoapResponse } from './response-check.js';
import { resolveInCheckPhase } from './resolve-in-check-phase.js';
import { createClientTlsContext, type ClientTlsContext, type ClientTlsSettings } from './tls-credentials.js';
import { SERVER_CHECK_FAILED, toTransportError } from './tls-errors.js';
import { TunnelAgent } from './tunnel-agent.js';
import type { BodyChunk, BodyStream, ResponseBodyReader, Transport, TransportRequest, TransportResponse } from './transport.js';
import { redactUrl, TransportError } from './transport-error.js';

/** Options of {@link HttpsTransport}. Host name verification is always on and has no switch. */
export interface HttpsTransportOptions extends ClientTlsSettings {
  /**
   * Limit for opening a connection, in ms (default 10 000): TCP + TLS handshake (through a proxy, the
   * CONNECT tunnel has a limit of the same length, then the handshake). A call waiting in the pool's
   * queue for a connection is bounded by `timeoutMs` alone.
   */
  readonly connectTimeoutMs?: number;
  /** Default limit for a whole exchange, in ms (default 60 000); `Infinity` for none. */
  readonly timeoutMs?: number;
  /** Largest accepted response body, in bytes, after decompression (default 64 MiB). */
  readonly maxResponseBytes?: number;
  /**
   * Connections open at once per host (default 8). Calls beyond it wait in the pool's queue, in
   * order; a hospital server sending hundreds of calls at once may raise it (each connection is
   * one more TLS session on the service's side).
   */
  readonly maxSockets?: number;
  /** Idle keep-alive connections kept per host for the next calls (default: `maxSockets`). */
  readonly maxFreeSockets?: number;
  /** Proxy: `undefined` reads HTTPS_PROXY/NO_PROXY, `false` connects directly, or a URL / settings. */
  readonly proxy?: ProxyOption;
  /** Environment read for proxy variables (default `process.env`). */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * An extra check of the server certificate, run after the standard host name verification
   * (never instead of it), e.g. to require an issuer or a CN suffix. Return an Error to refuse.
   */
  readonly verifyServerCertificate?: (hostname: string, certificate: PeerCertificate) => Error | undefined;
  /**
   * Resend once when a pooled keep-alive connection turns out to have been closed by the server
   * before any response byte arrived (the request could not have been processed). Default true.
   */
  readonly retryOnStaleConnection?: boolean;
}

const DEFAULT_CONNECT_TIMEOUT = 10_000;
const DEFAULT_TIMEOUT = 60_000;
const DEFAULT_MAX_RESPONSE = 64 * 1024 * 1024;
const DEFAULT_MAX_SOCKETS = 8;
const MAX_TIMER = 2_147_483_647;
// Large bodies are written in slices so backpressure keeps TLS buffers small (no second copy of a 100 MB document).
const WRITE_SLICE = 1024 * 1024;
const STRIPPED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);
// Responses without Content-Length switch from a chunk list to one reserved buffer past this size.
const SPILL_BYTES = 1024 * 1024;

/** An uninitialised buffer, or undefined when the system refuses the reservation (no overcommit). */
function tryAllocate(size: number): Buffer | undefined {
  try {
    return Buffer.allocUnsafe(size);
  } catch {
    return undefined;
  }
}

/** True when the socket's TLS handshake is over (`getProtocol()` is 'unknown' before, null once closed). */
function isHandshakeComplete(socket: TLSSocket): boolean {
  if (socket.connecting) return false;
  const protocol = typeof socket.getProtocol === 'function' ? socket.getProtocol() : null;
  return protocol !== null && protocol !== 'unknown';
}

/**
 * Connections whose handshake this transport saw complete: a request queued behind `maxSockets` is
 * handed one without `reusedSocket` set, and this answers without asking the TLS layer (a native call).
 */
const secured = new WeakSet<TLSSocket>();

function checkDuration(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (typeof v !== 'number' || Number.isNaN(v) || v <= 0) throw new TypeError(`${name} must be a positive number of milliseconds`);
  return v;
}

function checkCount(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!(Number.isInteger(v) || v === Number.POSITIVE_INFINITY) || v < 1) throw new TypeError(`${name} must be a whole number of connections, at least 1`);
  return v;
}

function startTimer(ms: number, onTimeout: (exchange: Exchange) => void, exchange: Exchange): NodeJS.Timeout | undefined {
  return ms > MAX_TIMER ? undefined : setTimeout(onTimeout, Math.max(0, ms), exchange);
}

type WireChunk = Uint8Array | BodyStream;

function toChunks(body: BodyChunk | readonly BodyChunk[]): WireChunk[] {
  if (!Array.isArray(body)) return [typeof body === 'string' ? Buffer.from(body, 'utf8') : (body as Uint8Array | BodyStream)];
  return (body as readonly BodyChunk[]).map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c));
}

/** The body's length when every piece knows its own, else undefined (sent chunked). */
function bodyLength(chunks: readonly WireChunk[]): number | undefined {
  let length = 0;
  for (const c of chunks) {
    if (c.byteLength === undefined) return undefined;
    length += c.byteLength;
  }
  return length;
}

/** The response body as it arrives, decompressed when the server used gzip/deflate/br. */
function decodedBody(res: IncomingMessage): AsyncIterable<Uint8Array> {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return res;
  // pipeline, not pipe: a response destroyed (timeout, abort, lost connection) fails the reader too.
  const through = (z: Transform): AsyncIterable<Uint8Array> => pipeline(res, z, () => undefined);
  if (encoding === 'gzip' || encoding === 'x-gzip') return through(createGunzip());
  if (encoding === 'br') return through(createBrotliDecompress());
  if (encoding === 'deflate') return through(createInflate());
  const unsupported = new Error(`unsupported Content-Encoding ${encoding.slice(0, 40)}`);
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(unsupported) }) };
}

function normalizeHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value !== undefined) out[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

/**
 * The response headers with lower-case names, read from the raw list in one pass when no name
 * occurs twice (each value is then what node:http's `headers` holds: no duplicate to drop or join).
 * Otherwise node's own rules decide (first Content-Type kept, Set-Cookie and others joined), through
 * its `headers` object, which it builds only when read.
 */
function responseHeaders(res: IncomingMessage): Record<string, string> {
  const raw = res.rawHeaders;
  const out: Record<string, string> = {};
  for (let k = 0; k + 1 < raw.length; k += 2) {
    const name = (raw[k] as string).toLowerCase();
    // A name seen twice, or one an object inherits (`constructor`, `__proto__`…): node's rules decide.
    if (out[name] !== undefined) return normalizeHeaders(res.headers);
    out[name] = raw[k + 1] as string;
  }
  return out;
}

function isStaleError(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  return e.code === 'ECONNRESET' || e.code === 'EPIPE' || e.message === 'socket hang up';
}

function waitDrain(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.once('drain', done);
    req.once('close', done);
  });
}

/** Mutual-TLS HTTPS transport with a keep-alive connection pool. */
export class HttpsTransport implements Transport {
  readonly #tls: ClientTlsContext;
  readonly #agentOptions: AgentOptions;
  readonly #direct: Agent;
  readonly #proxy: ProxySettings | undefined;
  #tunnel: Agent | undefined;
  readonly #connectTimeoutMs: number;
  readonly #timeoutMs: number;
  readonly #limits: ExchangeLimits;
  #lastTarget: Target | undefined;
  readonly #retryStale: boolean;

  /**
   * Loads the TLS credentials and trust store now: a wrong passphrase or unreadable file throws
   * a TransportError (`kind: 'tls'`, `reason: 'credentials-invalid'`) here.
   * @param options - TLS, timeouts, limits, proxy
   */
  constructor(options: HttpsTransportOptions = {}) {
    this.#tls = createClientTlsContext(options);
    this.#connectTimeoutMs = checkDuration('connectTimeoutMs', options.connectTimeoutMs, DEFAULT_CONNECT_TIMEOUT);
    this.#timeoutMs = checkDuration('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT);
    const maxResponseBytes = checkDuration('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE);
    this.#limits = { connectTimeoutMs: this.#connectTimeoutMs, maxResponseBytes, hasClientCertificate: this.#tls.hasClientCertificate };
    this.#retryStale = options.retryOnStaleConnection ?? true;
    const maxSockets = checkCount('maxSockets', options.maxSockets, DEFAULT_MAX_SOCKETS);
    const maxFreeSockets = checkCount('maxFreeSockets', options.maxFreeSockets, maxSockets);
    const extraCheck = options.verifyServerCertificate;
    this.#agentOptions = {
      keepAlive: true,
      maxSockets,
      maxFreeSockets,
      scheduling: 'lifo',
      secureContext: this.#tls.secureContext,
      rejectUnauthorized: true,
      checkServerIdentity: (hostname: string, cert: PeerCertificate): Error | undefined => {
        const standard = checkServerIdentity(hostname, cert);
        if (standard !== undefined || extraCheck === undefined) return standard;
        const refused = extraCheck(hostname, cert);
        if (refused === undefined) return undefined;
        return Object.assign(new Error(refused.message, { cause: refused }), { code: SERVER_CHECK_FAILED });
      },
    };
    this.#direct = new Agent(this.#agentOptions);
    this.#proxy = resolveProxy(options.proxy, options.env ?? process.env);
  }

  /** The proxy in use (`http://host:port`, without credentials), or undefined. */
  get proxy(): string | undefined {
    return this.#proxy ? describeProxy(this.#proxy.url) : undefined;
  }

  /** @inheritDoc */
  send(request: TransportRequest): Promise<TransportResponse> {
    // Not an async function: the exchange's own promise is the call's (no second promise, no extra
    // turn); a retry on a stale connection settles that same promise. Errors are still rejections.
    let url: URL;
    let headers: Record<string, string>;
    let chunks: WireChunk[];
    let deadline: number;
    let timeoutMs: number;
    let replayable = true;
    try {
      try {
        url = typeof request.url === 'string' ? new URL(request.url) : request.url;
      } catch {
        throw new TypeError('invalid request URL');
      }
      if (url.protocol !== 'https:') throw new TypeError(`HttpsTransport sends only to https: URLs (got ${url.protocol})`);
      timeoutMs = checkDuration('timeoutMs', request.timeoutMs, this.#timeoutMs);
      deadline = Date.now() + timeoutMs;
      if (request.signal?.aborted) {
        throw new TransportError({ kind: 'aborted', message: `request to ${redactUrl(url)} aborted before sending`, url: redactUrl(url) });
      }
      headers = {};
      const given = request.headers;
      if (given !== undefined) {
        for (const name of Object.keys(given)) {
          if (!STRIPPED_HEADERS.has(name.toLowerCase())) headers[name] = given[name] as string;
        }
      }
      chunks = toChunks(request.body);
      const length = bodyLength(chunks);
      // Without a length (a stream of unknown size) node:http sends the body chunked.
      if (length !== undefined) headers['content-length'] = String(length);
      // A stream read once cannot be resent on a fresh connection.
      for (const c of chunks) if (!(c instanceof Uint8Array) && !c.replayable) replayable = false;
    } catch (err) {
      return Promise.reject(err);
    }
    const call: Call = { url, headers, chunks, signal: request.signal, deadline, timeoutMs, readBody: request.readBody };
    return new Promise<TransportResponse>((resolve, reject) => this.#exchange(call, this.#retryStale && replayable, resolve, reject));
  }

  /** Destroys pooled connections; in-flight requests fail. */
  close(): void {
    this.#direct.destroy();
    this.#tunnel?.destroy();
  }

  #agentFor(url: URL, port: number): { agent: Agent; viaProxy: boolean } {
    const proxy = this.#proxy;
    if (proxy === undefined || bypassesProxy(url.hostname, port, proxy.noProxy)) return { agent: this.#direct, viaProxy: false };
    if (this.#tunnel === undefined) this.#tunnel = new TunnelAgent(this.#agentOptions, proxy.url, this.#connectTimeoutMs);
    return { agent: this.#tunnel, viaProxy: true };
  }

  /** Sends `call` once; a stale pooled connection (when `allowRetry`) sends it once more, settling the same promise. */
  #exchange(call: Call, allowRetry: boolean, resolve: (response: TransportResponse) => void, reject: (err: unknown) => void): void {
    const url = call.url;
    const target = this.#target(url);
    const { agent, viaProxy } = this.#agentFor(url, target.port);
    const { hostname, port, path } = target;
    // The TLS server name is always the endpoint's host name (none for an IP address): node:https
    // would take it from a caller's Host header, and check the server's certificate against that
    // name instead of the host it connects to. A Host header changes the HTTP header only.
    const req = httpsRequest({ hostname, port, path, method: 'POST', headers: call.headers, agent, servername: target.servername }) as TrackedRequest;
    const retry = allowRetry ? this.#retry : undefined;
    const exchange = new Exchange(this.#limits, call, req, retry, viaProxy, resolve, reject);
    req[EXCHANGE] = exchange;
    req.on('socket', onRequestSocket);
    req.on('error', onRequestError);
    req.on('response', onResponse);
    const chunks = call.chunks;
    const only = chunks.length === 1 ? chunks[0] : undefined;
    if (only instanceof Uint8Array && only.byteLength <= WRITE_SLICE) req.end(only);
    else void this.#writeBody(req, chunks, () => exchange.settled).catch((err: unknown) => exchange.fail(err));
  }

  /** Sends an exchange's call again on a fresh connection, once (made once per transport, not per call). */
  readonly #retry = (exchange: Exchange): void => {
    // Outside the promise's executor now: whatever throws here must still reject the call.
    try {
      this.#exchange(exchange.call, false, exchange.resolve, exchange.reject);
    } catch (err) {
      exchange.reject(err);
    }
  };

  /** Host name, port and path of `url`, worked out once per endpoint (a client sends every call to the same one). */
  #target(url: URL): Target {
    const href = url.href;
    const cached = this.#lastTarget;
    if (cached !== undefined && cached.href === href) return cached;
    const host = url.hostname;
    const hostname = host.charCodeAt(0) === 0x5b ? host.slice(1, -1) : host; // [IPv6] without its brackets
    const made: Target = {
      href,
      hostname,
      port: url.port === '' ? 443 : Number(url.port),
      path: url.pathname + url.search,
      servername: isIP(hostname) === 0 ? hostname : '',
    };
    this.#lastTarget = made;
    return made;
  }

  async #writeBody(req: ClientRequest, chunks: readonly WireChunk[], isSettled: () => boolean): Promise<void> {
    const write = async (chunk: Uint8Array): Promise<boolean> => {
      for (let off = 0; off < chunk.byteLength; off += WRITE_SLICE) {
        if (isSettled() || req.destroyed) return false;
        if (!req.write(chunk.subarray(off, Math.min(off + WRITE_SLICE, chunk.byteLength)))) await waitDrain(req);
      }
      return true;
    };
    for (const chunk of chunks) {
      if (chunk instanceof Uint8Array) {
        if (!(await write(chunk))) return;
        continue;
      }
      // A streamed part: read as written, so only a slice and the socket's buffers are in memory.
      let sent = 0;
      try {
        for await (const piece of chunk.open()) {
          sent += piece.byteLength;
          if (chunk.byteLength !== undefined && sent > chunk.byteLength) break;
          if (!(await write(piece))) return;
        }
      } catch (err) {
        if (err instanceof VoletError) throw err;
        throw new MtomError('unreadable-source', `cannot read a streamed attachment: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, err);
      }
      if (chunk.byteLength !== undefined && sent !== chunk.byteLength) {
        throw new MtomError(
          'unreadable-source',
          `a streamed attachment gave ${sent > chunk.byteLength ? 'more' : 'fewer'} bytes than its announced ${chunk.byteLength} (was the file changed while it was sent?)`,
        );
      }
    }
    if (!isSettled() && !req.destroyed) req.end();
  }
}

/** Where an exchange's request, response and timers find it (the listeners are shared, not made per call). */
const EXCHANGE = Symbol('volet.exchange');

/** A ClientRequest carrying its {@link Exchange}. */
interface TrackedRequest extends ClientRequest {
  [EXCHANGE]?: Exchange;
}

/** A response carrying the {@link Exchange} of its request. */
interface TrackedResponse extends IncomingMessage {
  [EXCHANGE]?: Exchange;
}

/** Host name, port and path of an endpoint, and the href they were taken from. */
interface Target {
  readonly href: string;
  readonly hostname: string;
  readonly port: number;
  readonly path: string;
  /** The TLS server name (SNI, and the name the certificate must hold): none for an IP address. */
  readonly servername: string;
}

/** What the transport sends: everything a retry on a fresh connection needs. */
interface Call {
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly chunks: readonly WireChunk[];
  readonly signal: AbortSignal | undefined;
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly readBody: ResponseBodyReader | undefined;
}

/** What every exchange of a transport shares. */
interface ExchangeLimits {
  readonly connectTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly hasClientCertificate: boolean;
}

function exchangeOf(emitter: ClientRequest | IncomingMessage): Exchange | undefined {
  return (emitter as TrackedRequest | TrackedResponse)[EXCHANGE];
}

function onRequestSocket(this: ClientRequest, socket: Socket): void {
  exchangeOf(this)?.onSocket(socket as TLSSocket);
}

function onRequestError(this: ClientRequest, err: Error): void {
  exchangeOf(this)?.onRequestError(err);
}

function onResponse(this: ClientRequest, res: IncomingMessage): void {
  exchangeOf(this)?.onResponse(res);
}

function onResponseData(this: IncomingMessage, chunk: Buffer): void {
  exchangeOf(this)?.onData(chunk);
}

function onResponseError(this: IncomingMessage, err: Error): void {
  exchangeOf(this)?.fail(err);
}

function onResponseClose(this: IncomingMessage): void {
  const exchange = exchangeOf(this);
  if (exchange !== undefined && !exchange.settled && !this.complete) exchange.fail(exchange.incomplete(this.statusCode ?? 0));
}

function onResponseEnd(this: IncomingMessage): void {
  exchangeOf(this)?.onEnd(this);
}

function onTimeout(exchange: Exchange): void {
  exchange.fail(
    new TransportError({
      kind: 'timeout',
      phase: 'response',
      message: `no complete response from ${exchange.redacted()} within ${exchange.call.timeoutMs} ms`,
      url: exchange.redacted(),
    }),
  );
}

function onConnectTimeout(exchange: Exchange): void {
  if (exchange.handshakeDone) return;
  const through = exchange.viaProxy ? ' (through the proxy)' : '';
  const connectMs = exchange.limits.connectTimeoutMs;
  exchange.fail(
    new TransportError({
      kind: 'timeout',
      phase: 'connect',
      message: `no TLS connection to ${exchange.call.url.host}${through} within ${connectMs} ms`,
      url: exchange.redacted(),
    }),
  );
}

/**
 * One request and its response: its state, timers and the buffered body. One object per call, found
 * by listeners shared by all calls (no closures per call on the request, the response and the timers).
 */
class Exchange {
  settled = false;
  handshakeDone = false;
  responseStarted = false;
  #redactedUrl: string | undefined;
  readonly #timer: NodeJS.Timeout | undefined;
  // The connect limit runs only while a new connection is being made: a pooled socket needs none, and
  // the wait in the pool's queue for a socket is bounded by the whole-exchange limit alone.
  #connectTimer: NodeJS.Timeout | undefined;
  #onAbort: (() => void) | undefined;
  /** The buffered body (see {@link Exchange.onData}). */
  #declared: number | undefined;
  #target: Buffer | undefined;
  #reserved = false;
  #parts: Buffer[] | undefined;
  #received = 0;
  #res: IncomingMessage | undefined;
  #headers: Record<string, string> | undefined;

  /** `retry`: sends the call again when its pooled connection turns out stale (undefined: no retry). */
  constructor(
    readonly limits: ExchangeLimits,
    readonly call: Call,
    readonly req: ClientRequest,
    readonly retry: ((exchange: Exchange) => void) | undefined,
    readonly viaProxy: boolean,
    readonly resolve: (response: TransportResponse) => void,
    readonly reject: (err: unknown) => void,
  ) {
    const signal = call.signal;
    this.#timer = startTimer(call.deadline - Date.now(), onTimeout, this);
    if (signal !== undefined) {
      const onAbort = (): void => this.fail(new TransportError({ kind: 'aborted', message: `request to ${this.redacted()} aborted`, url: this.redacted() }));
      this.#onAbort = onAbort;
      signal.addEventListener('abort', onAbort, { once: true });
    }
  }

  /** The URL without credentials or query, made only for an error or a trace. */
  redacted(): string {
    this.#redactedUrl ??= redactUrl(this.call.url);
    return this.#redactedUrl;
  }

  finish(): void {
    this.settled = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#connectTimer !== undefined) clearTimeout(this.#connectTimer);
    if (this.#onAbort !== undefined) this.call.signal?.removeEventListener('abort', this.#onAbort);
  }

  fail(err: unknown): void {
    if (this.settled) return;
    this.finish();
    // MTOM errors of a streamed body (a source that cannot be read, a part too large) keep their own type.
    const mapped =
      err instanceof VoletError && !(err instanceof TransportError)
        ? err
        : toTransportError(err, {
            url: this.redacted(),
            authority: this.call.url.host,
            hasClientCertificate: this.limits.hasClientCertificate,
            handshakeDone: this.handshakeDone,
            viaProxy: this.viaProxy,
            freshConnection: !this.req.reusedSocket,
            responseStarted: this.responseStarted,
          });
    this.req.destroy();
    this.reject(mapped);
  }

  /** Checks that the answer belongs to the SOAP layer, then resolves the call with it. */
  succeed(response: TransportResponse): void {
    if (this.settled) return;
    this.finish();
    try {
      checkSoapResponse(response.status, response.headers, response.body, this.call.url);
    } catch (err) {
      this.reject(err);
      return;
    }
    resolveInCheckPhase(this.resolve, response);
  }

  incomplete(status: number): TransportError {
    return new TransportError({
      kind: 'network',
      status,
      message: `connection closed before the response from ${this.redacted()} was complete`,
      url: this.redacted(),
    });
  }

  onSocket(socket: TLSSocket): void {
    // A request queued behind maxSockets is handed a pooled, already connected socket without
    // `reusedSocket` set: waiting for its 'secureConnect' would leak a listener per call and let
    // the connect limit cut a slow answer short.
    if (this.req.reusedSocket || secured.has(socket) || isHandshakeComplete(socket)) {
      this.handshakeDone = true;
      return;
    }
    const connectMs = this.limits.connectTimeoutMs;
    if (connectMs < this.call.deadline - Date.now()) this.#connectTimer = startTimer(connectMs, onConnectTimeout, this);
    socket.once('secureConnect', () => {
      secured.add(socket);
      this.handshakeDone = true;
      if (this.#connectTimer !== undefined) clearTimeout(this.#connectTimer);
    });
  }

  onRequestError(err: Error): void {
    if (this.settled) return;
    const retry = this.retry;
    if (retry !== undefined && this.req.reusedSocket && !this.responseStarted && isStaleError(err)) {
      this.finish();
      this.req.destroy();
      // After this turn, as the rejection the retry once went through: the agent sees the dead socket first.
      queueMicrotask(() => retry(this));
      return;
    }
    this.fail(err);
  }

  onResponse(res: IncomingMessage): void {
    this.responseStarted = true;
    const readBody = this.call.readBody;
    if (readBody !== undefined && this.#stream(res, readBody)) return;
    const max = this.limits.maxResponseBytes;
    const headers = responseHeaders(res);
    this.#headers = headers;
    const declaredRaw = headers['content-length'];
    const declared = declaredRaw !== undefined && /^\d+$/.test(declaredRaw) ? Number(declaredRaw) : undefined;
    if (declared !== undefined && declared > max) {
      res.resume();
      this.fail(this.tooLarge(res, `Content-Length ${declared}`));
      return;
    }
    this.#declared = declared;
    this.#res = res;
    (res as TrackedResponse)[EXCHANGE] = this;
    res.on('data', onResponseData);
    res.on('error', onResponseError);
    res.on('close', onResponseClose);
    res.on('end', onResponseEnd);
  }

  tooLarge(res: IncomingMessage, size: string): TransportError {
    return new TransportError({
      kind: 'too-large',
      status: res.statusCode ?? 0,
      message: `response from ${this.redacted()} is larger than maxResponseBytes=${this.limits.maxResponseBytes} (${size})`,
      url: this.redacted(),
    });
  }

  /**
   * A streaming reader (MTOM parts to files or sinks): the head is built for it, the body handed as it
   * arrives. False when the reader declines this response (it is then buffered).
   */
  #stream(res: IncomingMessage, readBody: ResponseBodyReader): boolean {
    const head = { status: res.statusCode ?? 0, headers: responseHeaders(res), maxBufferedBytes: this.limits.maxResponseBytes };
    const reader = readBody(head);
    if (reader === undefined) return false;
    res.on('close', () => {
      if (!this.settled && !res.complete) this.fail(this.incomplete(head.status));
    });
    reader(decodedBody(res)).then(
      (body) => this.succeed({ status: head.status, headers: head.headers, body }),
      (err: unknown) => this.fail(err),
    );
    return true;
  }

  // Fill one buffer as data arrives, so peak memory is the body, not chunks + their concatenation.
  // With a Content-Length that buffer has the exact size (a body that comes in one chunk is kept as
  // it is, without a copy). Without one (chunked MTOM streams), small bodies collect chunks; past
  // SPILL_BYTES the body moves to a buffer of maxResponseBytes: a large uninitialised allocation is
  // reserved address space (mmap), and only the pages written count.
  onData(chunk: Buffer): void {
    if (this.settled) return;
    const max = this.limits.maxResponseBytes;
    const declared = this.#declared;
    const at = this.#received;
    const received = (this.#received = at + chunk.length);
    if (received > max) {
      this.fail(this.tooLarge(this.#res as IncomingMessage, `more than ${max} bytes received`));
      return;
    }
    if (at === 0 && declared !== undefined) {
      if (chunk.length === declared) {
        this.#parts = [chunk];
        return;
      }
      if (chunk.length < declared) this.#target = Buffer.allocUnsafe(declared);
    }
    let target = this.#target;
    if (target !== undefined && received <= target.length) {
      chunk.copy(target, at);
      return;
    }
    const parts = (this.#parts ??= []);
    if (target !== undefined) {
      // More bytes than the Content-Length announced: keep them, the HTTP parser decides.
      parts.push(target.subarray(0, at));
      this.#target = target = undefined;
    }
    parts.push(chunk);
    if (declared === undefined && !this.#reserved && received > SPILL_BYTES) {
      this.#reserved = true;
      const reserve = tryAllocate(max);
      if (reserve !== undefined) {
        let offset = 0;
        for (const p of parts) offset += p.copy(reserve, offset);
        parts.length = 0;
        this.#target = reserve;
      }
    }
  }

  onEnd(res: IncomingMessage): void {
    if (this.settled) return;
    const received = this.#received;
    const target = this.#target;
    const parts = this.#parts;
    let body: Buffer;
    if (target !== undefined) body = received === target.length ? target : target.subarray(0, received);
    else if (parts === undefined) body = Buffer.alloc(0);
    else body = parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts, received);
    const headers = this.#headers ?? responseHeaders(res);
    const encoding = headers['content-encoding'];
    if (encoding !== undefined) {
      const name = encoding.trim().toLowerCase();
      if (name !== '' && name !== 'identity') {
        try {
          body = decompress(body, name, this.limits.maxResponseBytes);
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          this.fail(
            code === 'ERR_BUFFER_TOO_LARGE'
              ? this.tooLarge(res, 'after decompression')
              : new TransportError({
                  kind: 'http',
                  status: res.statusCode ?? 0,
                  message: `cannot decode Content-Encoding ${name} from ${this.redacted()}`,
                  url: this.redacted(),
                  cause: err,
                }),
          );
          return;
        }
      }
    }
    this.succeed({ status: res.statusCode ?? 0, headers, body });
  }
}

function decompress(body: Buffer, encoding: string, max: number): Buffer {
  const opts = { maxOutputLength: max };
  if (encoding === 'gzip' || encoding === 'x-gzip') return gunzipSync(body, opts);
  if (encoding === 'br') return brotliDecompressSync(body, opts);
  if (encoding === 'deflate') {
    try {
      return inflateSync(body, opts);
    } catch (err) {
      // Some servers send raw deflate under this name.
      if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw err;
      return inflateRawSync(body, opts);
    }
  }
  throw new Error(`unsupported Content-Encoding ${encoding}`);
}
