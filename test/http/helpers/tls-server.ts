/**
 * Local HTTPS servers for transport tests: 127.0.0.1, an ephemeral port, client certificates
 * required and checked against the test CA unless told otherwise.
 */
import { createServer, type Server, type ServerOptions } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { TestPki, TestPkiLeaf } from '../../support/pki.js';

/** A running test server. */
export interface TestServer {
  /** The server. */
  readonly server: Server;
  /** `https://localhost:<port>` (matches the server certificate's SAN). */
  readonly url: string;
  /** The port. */
  readonly port: number;
  /** TLS handshakes completed so far ('secureConnection' events). */
  readonly handshakes: () => number;
  /** Subjects (CN) of the client certificates seen, one per request. */
  readonly clientCns: string[];
  /** Closes the server and every connection. */
  close(): Promise<void>;
}

/** Options of {@link startTlsServer}. */
export interface TestServerOptions {
  /** Server certificate (default pki.server). */
  readonly certificate?: TestPkiLeaf;
  /** Require a client certificate (default true). */
  readonly requireClientCert?: boolean;
  /** Extra TLS options (versions, ciphers). */
  readonly tls?: ServerOptions;
}

/** A handler that reads the whole request body first. */
export type BodyHandler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

/** Reads a request body into one Buffer. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts an HTTPS server on 127.0.0.1.
 * @param pki - the test PKI
 * @param handler - receives the request and its complete body
 * @param options - certificate, client-certificate policy, TLS options
 */
export async function startTlsServer(pki: TestPki, handler: BodyHandler, options: TestServerOptions = {}): Promise<TestServer> {
  const cert = options.certificate ?? pki.server;
  const require = options.requireClientCert ?? true;
  const clientCns: string[] = [];
  let handshakes = 0;
  const server = createServer(
    {
      key: cert.keyPem,
      cert: cert.chainPem,
      ca: pki.caBundlePem,
      requestCert: require,
      rejectUnauthorized: require,
      ...options.tls,
    },
    (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      const cn = peer.subject?.CN;
      clientCns.push(typeof cn === 'string' ? cn : '');
      readBody(req).then(
        (body) => handler(req, body, res),
        () => res.destroy(),
      );
    },
  );
  server.on('secureConnection', () => handshakes++);
  // Handshake failures are the point of several tests: keep them off stderr.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `https://localhost:${port}`,
    handshakes: () => handshakes,
    clientCns,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A SOAP 1.2 envelope for canned answers. */
export const SOAP12_OK = '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><ok xmlns="urn:test"/></env:Body></env:Envelope>';

/** Answers every request with a small SOAP 1.2 envelope. */
export const okHandler: BodyHandler = (_req, _body, res) => {
  res.writeHead(200, { 'content-type': 'application/soap+xml; charset=utf-8' });
  res.end(SOAP12_OK);
};
