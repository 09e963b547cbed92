/**
 * A minimal HTTP CONNECT proxy on loopback (test-only): records the tunnels it opens and can
 * demand Basic credentials, like a hospital proxy.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A running test proxy. */
export interface TestProxy {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** `host:port` targets of the CONNECT requests, in order. */
  readonly tunnels: string[];
  /** Proxy-Authorization headers received. */
  readonly authorizations: (string | undefined)[];
  /** Stops the proxy and its tunnels. */
  close(): Promise<void>;
}

/**
 * Starts the proxy.
 * @param requiredAuth - when set, CONNECT without this exact Proxy-Authorization gets 407
 */
export async function startConnectProxy(requiredAuth?: string): Promise<TestProxy> {
  const tunnels: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    const target = req.url ?? '';
    const auth = req.headers['proxy-authorization'];
    authorizations.push(auth);
    if (requiredAuth !== undefined && auth !== requiredAuth) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels.push(target);
    const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
    if (!m) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const upstream = connect(Number(m[2]), m[1], () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
