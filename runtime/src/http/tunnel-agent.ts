/**
 * An https.Agent whose connections run through a proxy CONNECT tunnel. Everything else (keep-alive
 * pool, TLS session cache, SecureContext, host name verification on the *target* name) is the
 * stock agent's: the tunnelled socket is handed to its own createConnection.
 */
import { Agent, type AgentOptions, type RequestOptions } from 'node:https';
import type { Duplex } from 'node:stream';
import { openTunnel } from './proxy.js';

/** Keep-alive HTTPS agent that tunnels through an HTTP proxy. */
export class TunnelAgent extends Agent {
  readonly #proxy: URL;
  readonly #tunnelTimeoutMs: number;

  /**
   * @param options - the same agent options as a direct agent
   * @param proxy - proxy URL (http:)
   * @param tunnelTimeoutMs - limit for opening the tunnel
   */
  constructor(options: AgentOptions, proxy: URL, tunnelTimeoutMs: number) {
    super(options);
    this.#proxy = proxy;
    this.#tunnelTimeoutMs = tunnelTimeoutMs;
  }

  /** Opens the tunnel, then lets https.Agent run TLS over it (async form: result through `callback`). */
  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? 'localhost';
    const port = Number(options.port ?? 443);
    openTunnel(this.#proxy, host.replace(/^\[|\]$/g, ''), port, this.#tunnelTimeoutMs).then(
      (socket) => {
        try {
          const tlsSocket = super.createConnection({ ...options, socket } as RequestOptions);
          if (tlsSocket) callback?.(null, tlsSocket);
        } catch (err) {
          socket.destroy();
          callback?.(err as Error, socket);
        }
      },
      (err: Error) => {
        // The agent ignores the stream on error; a placeholder keeps the callback's type.
        callback?.(err, undefined as unknown as Duplex);
      },
    );
    return undefined;
  }
}
