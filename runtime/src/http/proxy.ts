/**
 * HTTP proxies for hospital networks: settings from options or the usual environment variables,
 * NO_PROXY matching, and the CONNECT tunnel the TLS connection runs through (the proxy sees only
 * the target host and port, never the content: mutual TLS stays end to end).
 */
import { request as httpRequest } from 'node:http';
import { isIP, type Socket } from 'node:net';
import { TransportError } from './transport-error.js';

/** A proxy to tunnel through, and the hosts that bypass it. */
export interface ProxySettings {
  /** The proxy URL (`http://[user:password@]host:port`). */
  readonly url: URL;
  /** NO_PROXY entries (host names, `.domain` suffixes, IP addresses, `host:port`, or `*`). */
  readonly noProxy: readonly string[];
}

/** How a transport picks its proxy: `undefined` reads the environment, `false` disables proxies. */
export type ProxyOption = undefined | false | string | URL | { readonly url: string | URL; readonly noProxy?: string | readonly string[] };

/**
 * Splits a NO_PROXY value into lower-cased entries.
 * @param value - comma or space separated list
 */
export function parseNoProxy(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
}

/**
 * Parses and checks a proxy URL; only `http:` proxies are supported (a scheme-less `host:port` means http).
 * @param value - the proxy URL
 */
export function parseProxyUrl(value: string | URL): URL {
  let url: URL;
  try {
    url = typeof value === 'string' ? new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`) : value;
  } catch {
    throw new TransportError({ kind: 'proxy', message: 'invalid proxy URL' });
  }
  if (url.protocol !== 'http:') {
    throw new TransportError({
      kind: 'proxy',
      message: `unsupported proxy scheme ${url.protocol} (only http:// proxies, tunnelling with CONNECT, are supported)`,
    });
  }
  return url;
}

/**
 * Proxy settings from the environment, as curl reads them: `https_proxy`, `HTTPS_PROXY`, then
 * `all_proxy`, `ALL_PROXY`; `no_proxy` / `NO_PROXY` for exceptions. `undefined` when none is set.
 * @param env - the environment (default `process.env`)
 */
export function proxyFromEnvironment(env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  const raw = [env['https_proxy'], env['HTTPS_PROXY'], env['all_proxy'], env['ALL_PROXY']].find((v) => v !== undefined && v.trim() !== '');
  if (raw === undefined) return undefined;
  return { url: parseProxyUrl(raw.trim()), noProxy: parseNoProxy(env['no_proxy'] ?? env['NO_PROXY']) };
}

/**
 * Resolves a {@link ProxyOption} to settings (or `undefined` for a direct connection).
 * @param option - the transport option
 * @param env - the environment, for `undefined`
 */
export function resolveProxy(option: ProxyOption, env: NodeJS.ProcessEnv = process.env): ProxySettings | undefined {
  if (option === false) return undefined;
  if (option === undefined) return proxyFromEnvironment(env);
  if (typeof option === 'string' || option instanceof URL) return { url: parseProxyUrl(option), noProxy: [] };
  const noProxy = typeof option.noProxy === 'string' ? parseNoProxy(option.noProxy) : (option.noProxy ?? []).map((s) => s.toLowerCase());
  return { url: parseProxyUrl(option.url), noProxy };
}

/**
 * True when `host:port` must be reached directly according to the NO_PROXY entries.
 * @param hostname - target host (IPv6 with or without brackets)
 * @param port - target port
 * @param noProxy - entries from {@link parseNoProxy}
 */
export function bypassesProxy(hostname: string, port: number, noProxy: readonly string[]): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  for (const entry of noProxy) {
    if (entry === '*') return true;
    let name = entry;
    let entryPort: number | undefined;
    const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
    if (bracketed) {
      name = bracketed[1] ?? '';
      entryPort = bracketed[2] !== undefined ? Number(bracketed[2]) : undefined;
    } else if (isIP(entry) !== 6) {
      const m = /^(.*):(\d+)$/.exec(entry);
      if (m) {
        name = m[1] ?? '';
        entryPort = Number(m[2]);
      }
    }
    if (entryPort !== undefined && entryPort !== port) continue;
    if (isIP(name) !== 0 || isIP(host) !== 0) {
      if (name === host) return true;
      continue;
    }
    const suffix = name.replace(/^\*?\./, '');
    if (host === suffix || host.endsWith('.' + suffix)) return true;
  }
  return false;
}

/** Proxy-Authorization value from the URL's user info, or undefined. */
function proxyAuthorization(url: URL): string | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  return 'Basic ' + Buffer.from(`${user}:${pass}`, 'utf8').toString('base64');
}

/** The proxy as shown in messages: never its credentials. */
export function describeProxy(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * Opens a CONNECT tunnel to `host:port` through the proxy and resolves with the raw socket,
 * ready for a TLS handshake with the target.
 * @param proxy - the proxy URL
 * @param host - target host
 * @param port - target port
 * @param timeoutMs - limit for the proxy connection and its answer
 */
export function openTunnel(proxy: URL, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const headers: Record<string, string> = { host: authority };
  const auth = proxyAuthorization(proxy);
  if (auth !== undefined) headers['proxy-authorization'] = auth;
  return new Promise<Socket>((resolve, reject) => {
    let done = false;
    const req = httpRequest({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.port === '' ? 80 : Number(proxy.port),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
    });
    const timer = setTimeout(() => {
      fail(new TransportError({ kind: 'proxy', message: `proxy ${describeProxy(proxy)} did not open a tunnel to ${authority} within ${timeoutMs} ms` }));
      req.destroy();
    }, timeoutMs);
    function fail(err: TransportError): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      reject(err);
    }
    req.once('connect', (res, socket, head) => {
      clearTimeout(timer);
      const status = res.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        socket.destroy();
        const why = status === 407 ? 'proxy authentication required (407)' : `HTTP ${status}`;
        fail(new TransportError({ kind: 'proxy', status, message: `proxy ${describeProxy(proxy)} refused the tunnel to ${authority}: ${why}` }));
        return;
      }
      if (done) {
        socket.destroy();
        return;
      }
      done = true;
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    req.once('error', (err: NodeJS.ErrnoException) => {
      fail(
        new TransportError({
          kind: 'proxy',
          message: `cannot reach proxy ${describeProxy(proxy)}: ${err.code ?? err.message}`,
          ...(err.code ? { systemCode: err.code } : {}),
          cause: err,
        }),
      );
    });
    req.end();
  });
}
