/**
 * Option values checked before anything runs, so that a mistake on the command line is a usage
 * error (exit 2) that names the flag: URLs, durations, files that must be readable, CA files that
 * must hold a certificate, and credentials whose passphrase is wrong or missing.
 */
import { X509Certificate } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync } from 'node:fs';
import { UsageError } from './io.js';

/** Why a file cannot be read, in words (`file not found`, `permission denied`, `is a folder`). */
function unreadableReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? String(e);
}

/** Throws a usage error unless `file` is a readable regular file; `what` names it (`--pfx`, `entry file`). */
export function assertReadable(file: string, what: string): void {
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    closeSync(openSync(file, 'r'));
  } catch (e) {
    const reason = unreadableReason(e);
    throw new UsageError(what.startsWith('--') ? `${what}: cannot read '${file}': ${reason}` : `cannot read ${what} '${file}': ${reason}`);
  }
}

/** Throws a usage error unless `url` is an absolute `https:` URL. */
export function checkEndpoint(url: string, flag = '--endpoint'): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`${flag}: not a URL (expected https://host[:port]/path)`);
  }
  if (parsed.protocol !== 'https:') throw new UsageError(`${flag}: volet sends only to https: URLs (got ${parsed.protocol})`);
}

/** Throws a usage error unless `value` is a positive number of milliseconds. */
export function checkMilliseconds(value: number | undefined, flag: string): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag}: expected a positive number of milliseconds`);
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** Throws a usage error unless the readable `file` holds at least one X.509 certificate (PEM, or one DER). */
export function assertHoldsCertificate(file: string, flag: string): void {
  assertReadable(file, flag);
  const bytes = readFileSync(file);
  const pems = bytes.toString('latin1').match(PEM_CERTIFICATE) ?? [];
  const parses = (data: string | Buffer): boolean => {
    try {
      new X509Certificate(data);
      return true;
    } catch {
      return false;
    }
  };
  if (pems.length > 0 ? pems.some((p) => parses(p)) : parses(bytes)) return;
  throw new UsageError(`${flag}: '${file}' holds no certificate (expected PEM "-----BEGIN CERTIFICATE-----" blocks)`);
}

/**
 * The usage error for credentials that could not be loaded (`err`, a TransportError or
 * SecurityError), naming the flag and the file, or undefined when `err` is about something else.
 * A wrong passphrase says so; no passphrase at all says "no passphrase given".
 */
export function credentialsUsageError(err: unknown, flag: string, file: string, passphraseGiven: boolean, passphraseFlags: string): UsageError | undefined {
  const e = err as { name?: unknown; code?: unknown; reason?: unknown; message?: unknown };
  const codes = ['bad-passphrase', 'pkcs12-unreadable', 'pkcs12-legacy-encryption', 'key-certificate-mismatch'];
  const isCredentials = e.reason === 'credentials-invalid' || (typeof e.code === 'string' && codes.includes(e.code));
  if (!isCredentials) return undefined;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.code === 'bad-passphrase' || /passphrase|mac verify|bad decrypt/i.test(message)) {
    return new UsageError(
      passphraseGiven
        ? `${flag} '${file}': wrong passphrase (${passphraseFlags})`
        : `${flag} '${file}': the file is protected and no passphrase was given (${passphraseFlags})`,
    );
  }
  return new UsageError(`${flag} '${file}': ${message}`);
}
