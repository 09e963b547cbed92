/**
 * The HTTPS listener both simulators run on: TLS 1.2+, client certificate required and verified
 * against the test CA (as the DMP and the TLSi `-tlsm` hosts do), bounded request bodies, and a
 * last-resort SOAP fault when a handler throws. A hostile request can cost a fault, never the process.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { encodeFaultEnvelope, soapContentType } from '@volet/runtime/soap';
import type { PeerCertificate, SoapHttpHandler, SoapHttpReply, SoapHttpRequest } from './exchange.js';

/** TLS material of the server (PEM text). */
export interface ServerTls {
  readonly key: string;
  /** The server certificate, with its chain. */
  readonly cert: string;
  /** CAs that client certificates must chain to. */
  readonly ca: string;
}

/** Options of {@link startHttpsSoapServer}. */
export interface HttpsSoapServerOptions {
  readonly tls: ServerTls;
  readonly handler: SoapHttpHandler;
  /** Interface to listen on (default `127.0.0.1`: the simulators are for local use). */
  readonly host?: string;
  /** Port (default 0: a free port). */
  readonly port?: number;
  /** Largest request body accepted, in bytes (default 32 MiB). */
  readonly maxRequestBytes?: number;
  /** Told about handler failures (never about refused requests); default: nothing. */
  readonly onError?: (error: unknown) => void;
}

/** A listening server. */
export interface RunningHttpsServer {
  /** `https://host:port` (no trailing slash). */
  readonly origin: string;
  readonly port: number;
  /** Stops listening and closes every connection, idle keep-alive ones included. */
  close(): Promise<void>;
}

const DEFAULT_MAX_REQUEST = 32 * 1024 * 1024;

function faultReply(status: number, reason: string, code: 'Sender' | 'Receiver' = 'Sender'): SoapHttpReply {
  return {
    status,
    contentType: soapContentType('1.2'),
    body: encodeFaultEnvelope({ version: '1.2', code, reasons: [{ text: reason, lang: 'en' }] }),
  };
}

function peerOf(request: IncomingMessage): PeerCertificate | undefined {
  const socket = request.socket as TLSSocket;
  if (typeof socket.getPeerCertificate !== 'function' || !socket.authorized) return undefined;
  const cert = socket.getPeerCertificate(false);
  if (cert === null || typeof cert !== 'object' || cert.raw === undefined) return undefined;
  const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
  return { commonName: first(cert.subject?.CN), organizationalUnit: first(cert.subject?.OU), der: new Uint8Array(cert.raw) };
}

function send(response: ServerResponse, reply: SoapHttpReply): void {
  const chunks = typeof reply.body === 'string' || reply.body instanceof Uint8Array ? [reply.body] : reply.body;
  let length = 0;
  for (const c of chunks) length += typeof c === 'string' ? Buffer.byteLength(c, 'utf8') : c.byteLength;
  response.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': String(length) });
  for (const c of chunks) response.write(c);
  response.end();
}

/** Reads the body up to `max` bytes; resolves undefined (and stops reading) past it. */
function readBody(request: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > max) {
      resolve(undefined);
      return;
    }
    const parts: Buffer[] = [];
    let total = 0;
    let done = false;
    request.on('data', (chunk: Buffer) => {
      if (done) return;
      total += chunk.length;
      if (total > max) {
        done = true;
        resolve(undefined);
        return;
      }
      parts.push(chunk);
    });
    request.on('end', () => {
      if (!done) resolve(Buffer.concat(parts, total));
    });
    request.on('error', (error) => {
      if (!done) reject(error);
    });
  });
}

/**
 * Starts an HTTPS server that hands every request to `handler`.
 * @param options - TLS material, handler, address, limits
 */
export async function startHttpsSoapServer(options: HttpsSoapServerOptions): Promise<RunningHttpsServer> {
  const max = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST;
  const server: Server = createServer({
    key: options.tls.key,
    cert: options.tls.cert,
    ca: options.tls.ca,
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2',
    // Slow or silent clients must not hold connections for ever.
    requestTimeout: 30_000,
    headersTimeout: 10_000,
    keepAliveTimeout: 5_000,
  });
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response);
  });
  // A malformed HTTP request: answer 400 when the socket still allows it.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      const body = await readBody(request, max);
      if (body === undefined) {
        response.setHeader('connection', 'close');
        send(response, faultReply(413, `The request is larger than ${max} bytes.`));
        request.resume();
        return;
      }
      const url = new URL(request.url ?? '/', 'https://simulator.invalid');
      const soapRequest: SoapHttpRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        headers: request.headers,
        body,
        peer: peerOf(request),
      };
      send(response, await options.handler(soapRequest));
    } catch (error) {
      options.onError?.(error);
      if (!response.headersSent) send(response, faultReply(500, 'Internal simulator error.', 'Receiver'));
      else response.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `https://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
