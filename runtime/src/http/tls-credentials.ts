/**
 * Builds the client TLS context once per transport: client certificate (PKCS#12 or PEM), trusted
 * CAs, TLS version floor. Loading eagerly means a wrong passphrase or a broken file fails at
 * construction with a clear message instead of on the first call, and the passphrase is not kept
 * in agent options where `util.inspect` would show it.
 */
import { readFileSync } from 'node:fs';
import { createSecureContext, type SecureContext } from 'node:tls';
import { certificateToPem } from '../security/certificate.js';
import { SecurityError } from '../security/errors.js';
import { readPkcs12 } from '../security/signers/pkcs12.js';
import { TransportError } from './transport-error.js';

/** Client certificate and key from PKCS#12 bytes (.p12 / .pfx). */
export interface Pkcs12Credentials {
  /** The PKCS#12 bytes. */
  readonly pfx: Uint8Array;
  /** Its passphrase. */
  readonly passphrase?: string;
}

/** Client certificate and key from a PKCS#12 file. */
export interface Pkcs12FileCredentials {
  /** Path of the .p12 / .pfx file. */
  readonly pfxFile: string;
  /** Its passphrase. */
  readonly passphrase?: string;
}

/** Client certificate and key as PEM text or bytes. */
export interface PemCredentials {
  /** Private key (PKCS#1, PKCS#8 or encrypted PKCS#8 PEM). */
  readonly key: string | Uint8Array;
  /** Certificate, optionally followed by its intermediate CAs. */
  readonly cert: string | Uint8Array;
  /** Passphrase of an encrypted key. */
  readonly passphrase?: string;
}

/** Client certificate and key from PEM files. */
export interface PemFileCredentials {
  /** Path of the private key PEM. */
  readonly keyFile: string;
  /** Path of the certificate (+ chain) PEM. */
  readonly certFile: string;
  /** Passphrase of an encrypted key. */
  readonly passphrase?: string;
}

/** The client identity for mutual TLS, in any of the four accepted forms. */
export type ClientCredentials = Pkcs12Credentials | Pkcs12FileCredentials | PemCredentials | PemFileCredentials;

/** Which server certificates to trust. Without any entry, node's built-in Mozilla roots are used. */
export interface TrustOptions {
  /** CA certificates as PEM text/bytes (a bundle may hold several). */
  readonly ca?: string | Uint8Array | readonly (string | Uint8Array)[];
  /** Paths of PEM CA bundles. */
  readonly caFile?: string | readonly string[];
}

/** TLS protocol versions the transport accepts: 1.2 is the floor required by CI-SIS and CI-TLSi. */
export type TlsVersion = 'TLSv1.2' | 'TLSv1.3';

/** Input of {@link createClientTlsContext}. */
export interface ClientTlsSettings {
  /** Client identity (omit for servers that do not ask for one). */
  readonly credentials?: ClientCredentials;
  /** Trusted CAs. */
  readonly trust?: TrustOptions;
  /** Lowest TLS version (default and minimum TLSv1.2). */
  readonly minVersion?: TlsVersion;
  /** Highest TLS version (default TLSv1.3). */
  readonly maxVersion?: TlsVersion;
  /** OpenSSL cipher list (TLS 1.2 suites), when a server needs a specific one. */
  readonly ciphers?: string;
}

/** The built context and what it holds. */
export interface ClientTlsContext {
  /** Ready for `tls.connect({ secureContext })`. */
  readonly secureContext: SecureContext;
  /** Whether a client certificate is configured (used to word handshake errors). */
  readonly hasClientCertificate: boolean;
  /** The TLS version floor in effect. */
  readonly minVersion: TlsVersion;
}

function readBytes(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new TransportError({
      kind: 'tls',
      reason: 'credentials-invalid',
      message: `cannot read the ${what} file ${path}${code ? ` (${code})` : ''}`,
      ...(code ? { systemCode: code } : {}),
      cause: err,
    });
  }
}

function asBuffer(v: string | Uint8Array): string | Buffer {
  return typeof v === 'string' ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

const VERSIONS: readonly string[] = ['TLSv1.2', 'TLSv1.3'];

/**
 * Builds the client SecureContext. Throws a {@link TransportError} (`kind: 'tls'`,
 * `reason: 'credentials-invalid'`) when a file cannot be read, a passphrase is wrong or a PEM is corrupt.
 * Trust is exactly `settings.trust` (or node's Mozilla roots without it): a PKCS#12 is split into key
 * and chain so the CA certificates it bundles never become trust anchors.
 * @param settings - credentials, trust and TLS versions
 * @internal
 */
export function createClientTlsContext(settings: ClientTlsSettings): ClientTlsContext {
  const minVersion = settings.minVersion ?? 'TLSv1.2';
  const maxVersion = settings.maxVersion ?? 'TLSv1.3';
  // Runtime check too: JavaScript callers (and casts) can pass anything.
  if (!VERSIONS.includes(minVersion) || !VERSIONS.includes(maxVersion)) {
    throw new TypeError(`TLS versions must be TLSv1.2 or TLSv1.3 (got ${String(minVersion)}..${String(maxVersion)})`);
  }
  const ca: (string | Buffer)[] = [];
  const trust = settings.trust;
  if (trust?.ca !== undefined) {
    const list = Array.isArray(trust.ca) ? (trust.ca as readonly (string | Uint8Array)[]) : [trust.ca as string | Uint8Array];
    for (const c of list) ca.push(asBuffer(c));
  }
  if (trust?.caFile !== undefined) {
    const files = typeof trust.caFile === 'string' ? [trust.caFile] : trust.caFile;
    for (const f of files) ca.push(readBytes(f, 'CA bundle'));
  }

  const base = {
    minVersion,
    maxVersion,
    ...(ca.length > 0 ? { ca } : {}),
    ...(settings.ciphers !== undefined ? { ciphers: settings.ciphers } : {}),
  };
  const creds = settings.credentials;
  if (creds === undefined) {
    return { secureContext: build(base, 'CA bundle'), hasClientCertificate: false, minVersion };
  }
  if ('pfx' in creds || 'pfxFile' in creds) {
    const pfx = 'pfx' in creds ? Buffer.from(creds.pfx.buffer, creds.pfx.byteOffset, creds.pfx.byteLength) : readBytes(creds.pfxFile, 'PKCS#12');
    const pem = pkcs12KeyAndChain(pfx, creds.passphrase ?? '');
    return { secureContext: build({ ...base, key: pem.key, cert: pem.cert }, 'PKCS#12'), hasClientCertificate: true, minVersion };
  }
  const key = 'key' in creds ? asBuffer(creds.key) : readBytes(creds.keyFile, 'private key');
  const cert = 'cert' in creds ? asBuffer(creds.cert) : readBytes(creds.certFile, 'certificate');
  const passphrase = creds.passphrase;
  return {
    secureContext: build({ ...base, key, cert, ...(passphrase !== undefined ? { passphrase } : {}) }, 'PEM key/certificate'),
    hasClientCertificate: true,
    minVersion,
  };
}

function build(options: Parameters<typeof createSecureContext>[0], what: string): SecureContext {
  try {
    return createSecureContext(options);
  } catch (err) {
    throw credentialsError(err, what);
  }
}

function credentialsError(err: unknown, what: string): TransportError {
  const e = err as { code?: unknown; message?: unknown };
  const raw = typeof e.message === 'string' ? e.message : String(err);
  const code = typeof e.code === 'string' ? e.code : undefined;
  let hint = '';
  if (/mac verify|bad decrypt|bad password|wrong password/i.test(raw)) hint = ': wrong passphrase or corrupt file';
  else if (/no start line|bad base64|not enough data|wrong tag|asn1/i.test(raw)) hint = ': not a valid PEM/DER file';
  else if (/key values mismatch/i.test(raw)) hint = ': the private key does not match the certificate';
  return new TransportError({
    kind: 'tls',
    reason: 'credentials-invalid',
    message: `cannot load the ${what}${hint} (${raw})`,
    ...(code ? { systemCode: code } : {}),
    cause: err,
  });
}

/**
 * Key and certificate chain of a PKCS#12 file, as PEM. Node's own `pfx` option would add the CA
 * certificates bundled in the file to the trust store of the connection: a credential's chain is
 * not a trust anchor, so the file is split here (node-forge, every encryption including RC2-40) and
 * the chain is only *sent*, never trusted.
 */
function pkcs12KeyAndChain(pfx: Buffer, passphrase: string): { key: string; cert: string } {
  let contents;
  try {
    contents = readPkcs12(pfx, passphrase);
  } catch (err) {
    const hint =
      err instanceof SecurityError && err.code === 'bad-passphrase'
        ? 'wrong passphrase or corrupt file'
        : err instanceof Error
          ? err.message.replace(/^PKCS#12: /, '')
          : 'unreadable';
    throw new TransportError({ kind: 'tls', reason: 'credentials-invalid', message: `cannot load the PKCS#12: ${hint}`, cause: err });
  }
  return {
    key: contents.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    cert: [contents.certificate, ...contents.chain].map(certificateToPem).join(''),
  };
}
