/**
 * TLS client authentication with a key that stays in a PKCS#11 token (CPS card in DIRECTE mode),
 * through OpenSSL's pkcs11 engine (libp11, Debian `libengine-pkcs11-openssl`) and node's
 * `privateKeyEngine` / `privateKeyIdentifier` TLS options. Engines are deprecated in OpenSSL 3 and
 * node has no provider-based alternative for keys; this works with node 20's bundled OpenSSL 3.0
 * loading the system engine by path (see docs/security.md for what was tested).
 */
import { existsSync } from 'node:fs';
import { SecurityError } from '../errors.js';

/** Where distributions install the libp11 engine. */
const ENGINE_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so',
  '/usr/lib/aarch64-linux-gnu/engines-3/pkcs11.so',
  '/usr/lib64/engines-3/pkcs11.so',
  '/usr/lib/engines-3/pkcs11.so',
  '/opt/homebrew/lib/engines-3/pkcs11.dylib',
  '/usr/local/lib/engines-3/pkcs11.dylib',
];

/** RFC 7512 percent-encoding: unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
function pct(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** Parts of a `pkcs11:` URI (RFC 7512). */
export interface Pkcs11UriParts {
  /** Token label. */
  readonly token?: string;
  /** Object label (`CKA_LABEL`). */
  readonly object?: string | undefined;
  /** Object id (`CKA_ID`) as hex. */
  readonly id?: string | undefined;
  /** Object type. */
  readonly type?: 'private' | 'cert' | 'public';
  /** PIN as the `pin-value` query attribute. The URI then holds a secret: do not log it. */
  readonly pinValue?: string | undefined;
}

/** Builds an RFC 7512 `pkcs11:` URI. */
export function pkcs11Uri(parts: Pkcs11UriParts): string {
  const path: string[] = [];
  if (parts.token !== undefined) path.push(`token=${pct(parts.token)}`);
  if (parts.object !== undefined) path.push(`object=${pct(parts.object)}`);
  if (parts.id !== undefined) {
    if (!/^([0-9a-fA-F]{2})+$/.test(parts.id)) throw new SecurityError('invalid-input', 'pkcs11 URI: id must be hex');
    path.push(`id=${parts.id.replace(/../g, '%$&')}`);
  }
  if (parts.type !== undefined) path.push(`type=${parts.type}`);
  return `pkcs11:${path.join(';')}${parts.pinValue === undefined ? '' : `?pin-value=${pct(parts.pinValue)}`}`;
}

/** Options of {@link pkcs11EngineTlsOptions}. */
export interface Pkcs11EngineTlsOptions {
  /** PKCS#11 library the engine loads; sets `PKCS11_MODULE_PATH` for this process (libp11 reads it at engine init). */
  readonly module?: string;
  /** Token label. */
  readonly token: string;
  /** Key label. */
  readonly keyLabel?: string;
  /** Key id (hex). */
  readonly keyId?: string;
  /** User PIN (goes into the key URI: keep the returned object out of logs). */
  readonly pin?: string;
  /** Engine: its path (default: the first installed libp11 engine found) or an engine id. */
  readonly engine?: string;
}

/**
 * The `privateKeyEngine` / `privateKeyIdentifier` pair to put in `tls.connect` / `https.Agent`
 * options (with `cert` = the token's certificate in PEM), so the TLS handshake signs inside the token.
 */
export function pkcs11EngineTlsOptions(options: Pkcs11EngineTlsOptions): { privateKeyEngine: string; privateKeyIdentifier: string } {
  if (options.keyLabel === undefined && options.keyId === undefined) throw new SecurityError('invalid-input', 'pkcs11 TLS: give keyLabel or keyId');
  // An engine id alone ("pkcs11") only resolves if node's OpenSSL was built with the system's
  // engines directory, which the official node binaries are not: use the path.
  const engine = options.engine ?? ENGINE_CANDIDATES.find((p) => existsSync(p));
  if (engine === undefined)
    throw new SecurityError('pkcs11-unavailable', 'pkcs11 TLS: no OpenSSL pkcs11 engine found (install libengine-pkcs11-openssl / libp11)');
  if (options.module !== undefined) process.env.PKCS11_MODULE_PATH = options.module;
  return {
    privateKeyEngine: engine,
    privateKeyIdentifier: pkcs11Uri({ token: options.token, object: options.keyLabel, id: options.keyId, type: 'private', pinValue: options.pin }),
  };
}
