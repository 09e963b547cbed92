/**
 * The production transport: node:https with one keep-alive agent per transport (a TLS handshake
 * with a client certificate costs more than the SOAP call itself), mutual TLS, TLS 1.2 floor,
 * host name verification that cannot be turned off, timeouts, a response size limit,
 * AbortSignal, and HTTP proxies through CONNECT.
 */
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { Agent, request as httpsRequest, type AgentOptions } from 'node:https';
import { checkServerIdentity, type PeerCertificate, type TLSSocket } from 'node:tls';
import { pipeline, type Transform } from 'node:stream';
import { brotliDecompressSync, createBrotliDecompress, createGunzip, createInflate, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { VoletError } from '../errors/volet-error.js';
import { MtomError } from '../mtom/mtom-error.js';
import { bypassesProxy, describeProxy, resolveProxy, type ProxyOption, type ProxySettings } from './proxy.js';
import { checkSoapResponse } from './response-check.js';
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

/** Marker for a keep-alive connection closed by the server before our request was read. */
const STALE = Symbol('stale-connection');

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

function startTimer(ms: number, onTimeout: () => void): NodeJS.Timeout | undefined {
  return ms > MAX_TIMER ? undefined : setTimeout(onTimeout, Math.max(0, ms));
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
  readonly #maxResponseBytes: number;
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
    this.#maxResponseBytes = checkDuration('maxResponseBytes', options.maxResponseBytes, DEFAULT_MAX_RESPONSE);
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
  async send(request: TransportRequest): Promise<TransportResponse> {
    let url: URL;
    try {
      url = typeof request.url === 'string' ? new URL(request.url) : request.url;
    } catch {
      throw new TypeError('invalid request URL');
    }
    if (url.protocol !== 'https:') throw new TypeError(`HttpsTransport sends only to https: URLs (got ${url.protocol})`);
    const timeoutMs = checkDuration('timeoutMs', request.timeoutMs, this.#timeoutMs);
    const deadline = Date.now() + timeoutMs;
    if (request.signal?.aborted) {
      throw new TransportError({ kind: 'aborted', message: `request to ${redactUrl(url)} aborted before sending`, url: redactUrl(url) });
    }
    const headers: Record<string, string> = {};
    const given = request.headers;
    if (given !== undefined) {
      for (const name of Object.keys(given)) {
        if (!STRIPPED_HEADERS.has(name.toLowerCase())) headers[name] = given[name] as string;
      }
    }
    const chunks = toChunks(request.body);
    const length = bodyLength(chunks);
    // Without a length (a stream of unknown size) node:http sends the body chunked.
    if (length !== undefined) headers['content-length'] = String(length);
    // A stream read once cannot be resent on a fresh connection.
    let replayable = true;
    for (const c of chunks) if (!(c instanceof Uint8Array) && !c.replayable) replayable = false;

    try {
      return await this.#exchange(url, headers, chunks, request.signal, deadline, timeoutMs, this.#retryStale && replayable, request.readBody);
    } catch (err) {
      if (err !== STALE) throw err;
      return this.#exchange(url, headers, chunks, request.signal, deadline, timeoutMs, false, request.readBody);
    }
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

  #exchange(
    url: URL,
    headers: Record<string, string>,
    chunks: readonly WireChunk[],
    signal: AbortSignal | undefined,
    deadline: number,
    timeoutMs: number,
    allowRetry: boolean,
    readBody: ResponseBodyReader | undefined,
  ): Promise<TransportResponse> {
    return new Promise<TransportResponse>((resolve, reject) => {
      const port = url.port === '' ? 443 : Number(url.port);
      const { agent, viaProxy } = this.#agentFor(url, port);
      let redactedUrl: string | undefined;
      const redacted = (): string => (redactedUrl ??= redactUrl(url));
      let settled = false;
      let handshakeDone = false;
      let responseStarted = false;

      const host = url.hostname;
      const req = httpsRequest({
        hostname: host.charCodeAt(0) === 0x5b ? host.slice(1, -1) : host, // [IPv6] without its brackets
        port,
        path: url.pathname + url.search,
        method: 'POST',
        headers,
        agent,
      });

      const finish = (): void => {
        settled = true;
        if (timer !== undefined) clearTimeout(timer);
        if (connectTimer !== undefined) clearTimeout(connectTimer);
        signal?.removeEventListener('abort', onAbort);
      };
      const fail = (err: unknown): void => {
        if (settled) return;
        finish();
        // MTOM errors of a streamed body (a source that cannot be read, a part too large) keep their own type.
        const mapped =
          err instanceof VoletError && !(err instanceof TransportError)
            ? err
            : toTransportError(err, {
                url: redacted(),
                authority: url.host,
                hasClientCertificate: this.#tls.hasClientCertificate,
                handshakeDone,
                viaProxy,
                freshConnection: !req.reusedSocket,
                responseStarted,
              });
        req.destroy();
        reject(mapped);
      };
      const timer = startTimer(deadline - Date.now(), () =>
        fail(
          new TransportError({
            kind: 'timeout',
            phase: 'response',
            message: `no complete response from ${redacted()} within ${timeoutMs} ms`,
            url: redacted(),
          }),
        ),
      );
      // The connect limit runs only while a new connection is being made: a pooled socket needs none, and
      // the wait in the pool's queue for a socket is bounded by the whole-exchange limit alone.
      let connectTimer: NodeJS.Timeout | undefined;
      const onAbort = (): void => fail(new TransportError({ kind: 'aborted', message: `request to ${redacted()} aborted`, url: redacted() }));
      signal?.addEventListener('abort', onAbort, { once: true });

      req.on('socket', (socket) => {
        // A request queued behind maxSockets is handed a pooled, already connected socket without
        // `reusedSocket` set: waiting for its 'secureConnect' would leak a listener per call and let
        // the connect limit cut a slow answer short.
        if (req.reusedSocket || isHandshakeComplete(socket as TLSSocket)) {
          handshakeDone = true;
          return;
        }
        const connectMs = this.#connectTimeoutMs;
        if (connectMs < deadline - Date.now()) {
          connectTimer = startTimer(connectMs, () => {
            if (handshakeDone) return;
            const through = viaProxy ? ' (through the proxy)' : '';
            fail(
              new TransportError({
                kind: 'timeout',
                phase: 'connect',
                message: `no TLS connection to ${url.host}${through} within ${connectMs} ms`,
                url: redacted(),
              }),
            );
          });
        }
        (socket as TLSSocket).once('secureConnect', () => {
          handshakeDone = true;
          if (connectTimer !== undefined) clearTimeout(connectTimer);
        });
      });
      req.on('error', (err) => {
        if (settled) return;
        if (allowRetry && req.reusedSocket && !responseStarted && isStaleError(err)) {
          finish();
          req.destroy();
          reject(STALE);
          return;
        }
        fail(err);
      });
      req.on('response', (res: IncomingMessage) => {
        responseStarted = true;
        // The head is built only for a streaming reader: a buffered answer normalises its headers once, at its end.
        const head =
          readBody === undefined
            ? undefined
            : { status: res.statusCode ?? 0, headers: normalizeHeaders(res.headers), maxBufferedBytes: this.#maxResponseBytes };
        const reader = head === undefined ? undefined : readBody?.(head);
        if (head !== undefined && reader !== undefined) {
          res.on('close', () => {
            if (!settled && !res.complete) {
              fail(
                new TransportError({
                  kind: 'network',
                  status: head.status,
                  message: `connection closed before the response from ${redacted()} was complete`,
                  url: redacted(),
                }),
              );
            }
          });
          reader(decodedBody(res)).then((body) => {
            if (settled) return;
            finish();
            try {
              checkSoapResponse(head.status, head.headers, body, url);
            } catch (err) {
              reject(err);
              return;
            }
            resolve({ status: head.status, headers: head.headers, body });
          }, fail);
          return;
        }
        this.#readResponse(
          res,
          redacted,
          () => settled,
          fail,
          (response) => {
            if (settled) return;
            finish();
            try {
              checkSoapResponse(response.status, response.headers, response.body, url);
            } catch (err) {
              reject(err);
              return;
            }
            resolve(response);
          },
        );
      });

      const only = chunks.length === 1 ? chunks[0] : undefined;
      if (only instanceof Uint8Array && only.byteLength <= WRITE_SLICE) req.end(only);
      else void this.#writeBody(req, chunks, () => settled).catch(fail);
    });
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

  #readResponse(
    res: IncomingMessage,
    redacted: () => string,
    isSettled: () => boolean,
    fail: (err: unknown) => void,
    done: (response: TransportResponse) => void,
  ): void {
    const max = this.#maxResponseBytes;
    const tooLarge = (size: string): TransportError =>
      new TransportError({
        kind: 'too-large',
        status: res.statusCode ?? 0,
        message: `response from ${redacted()} is larger than maxResponseBytes=${max} (${size})`,
        url: redacted(),
      });
    const declaredRaw = res.headers['content-length'];
    const declared = declaredRaw !== undefined && /^\d+$/.test(declaredRaw) ? Number(declaredRaw) : undefined;
    if (declared !== undefined && declared > max) {
      res.resume();
      fail(tooLarge(`Content-Length ${declared}`));
      return;
    }
    // Fill one buffer as data arrives, so peak memory is the body, not chunks + their concatenation.
    // With a Content-Length that buffer has the exact size (a body that comes in one chunk is kept as
    // it is, without a copy). Without one (chunked MTOM streams), small bodies collect chunks; past
    // SPILL_BYTES the body moves to a buffer of maxResponseBytes: a large uninitialised allocation is
    // reserved address space (mmap), and only the pages written count.
    let target: Buffer | undefined;
    let reserved = false;
    const parts: Buffer[] = [];
    let received = 0;
    res.on('data', (chunk: Buffer) => {
      if (isSettled()) return;
      const at = received;
      received += chunk.length;
      if (received > max) {
        fail(tooLarge(`more than ${max} bytes received`));
        return;
      }
      if (at === 0 && declared !== undefined) {
        if (chunk.length === declared) {
          parts.push(chunk);
          return;
        }
        if (chunk.length < declared) target = Buffer.allocUnsafe(declared);
      }
      if (target !== undefined && received <= target.length) {
        chunk.copy(target, at);
        return;
      }
      if (target !== undefined) {
        // More bytes than the Content-Length announced: keep them, the HTTP parser decides.
        parts.push(target.subarray(0, at));
        target = undefined;
      }
      parts.push(chunk);
      if (declared === undefined && !reserved && received > SPILL_BYTES) {
        reserved = true;
        const reserve = tryAllocate(max);
        if (reserve !== undefined) {
          let offset = 0;
          for (const p of parts) offset += p.copy(reserve, offset);
          parts.length = 0;
          target = reserve;
        }
      }
    });
    res.on('error', fail);
    res.on('close', () => {
      if (!isSettled() && !res.complete) {
        fail(
          new TransportError({
            kind: 'network',
            status: res.statusCode ?? 0,
            message: `connection closed before the response from ${redacted()} was complete`,
            url: redacted(),
          }),
        );
      }
    });
    res.on('end', () => {
      if (isSettled()) return;
      let body: Buffer;
      if (target !== undefined) body = received === target.length ? target : target.subarray(0, received);
      else body = parts.length === 1 && parts[0] !== undefined ? parts[0] : Buffer.concat(parts, received);
      const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
      if (encoding !== '' && encoding !== 'identity') {
        try {
          body = decompress(body, encoding, max);
        } catch (err) {
          const code = (err as { code?: unknown }).code;
          fail(
            code === 'ERR_BUFFER_TOO_LARGE'
              ? tooLarge('after decompression')
              : new TransportError({
                  kind: 'http',
                  status: res.statusCode ?? 0,
                  message: `cannot decode Content-Encoding ${encoding} from ${redacted()}`,
                  url: redacted(),
                  cause: err,
                }),
          );
          return;
        }
      }
      done({ status: res.statusCode ?? 0, headers: normalizeHeaders(res.headers), body });
    });
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
