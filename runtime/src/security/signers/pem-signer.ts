/**
 * Signer from a PEM (or DER PKCS#8) private key and a certificate, read with node:crypto.
 */
import { readFile } from 'node:fs/promises';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { certificateDer } from '../certificate.js';
import { SecurityError } from '../errors.js';
import { keyObjectSigner } from './key-object-signer.js';
import type { Signer } from './signer.js';

/** Key material for {@link createPemSigner}. */
export interface PemSignerOptions {
  /** The private key: PEM text (PKCS#1, PKCS#8, encrypted PKCS#8) or DER PKCS#8 bytes. */
  readonly key: string | Uint8Array;
  /** Passphrase of an encrypted key. */
  readonly passphrase?: string | undefined;
  /** The certificate: PEM (first block = leaf), DER or base64. */
  readonly certificate: string | Uint8Array;
}

/** Reads a private key, mapping OpenSSL's decryption failures to `bad-passphrase`. */
export function readPrivateKey(key: string | Uint8Array, passphrase?: string): KeyObject {
  const isPem = typeof key === 'string' || Buffer.from(key.subarray(0, 11)).toString('latin1') === '-----BEGIN ';
  try {
    return isPem
      ? createPrivateKey({ key: typeof key === 'string' ? key : Buffer.from(key), format: 'pem', passphrase })
      : createPrivateKey({ key: Buffer.from(key), format: 'der', type: 'pkcs8', passphrase });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    const text = String((cause as { message?: unknown }).message ?? '');
    // OpenSSL 3 reports a missing passphrase as an interrupted password callback.
    if (code === 'ERR_MISSING_PASSPHRASE' || (passphrase === undefined && code === 'ERR_OSSL_CRYPTO_INTERRUPTED_OR_CANCELLED'))
      throw new SecurityError('bad-passphrase', 'the private key is encrypted and no passphrase was given');
    if (code === 'ERR_OSSL_BAD_DECRYPT' || /bad decrypt/i.test(text)) {
      throw new SecurityError('bad-passphrase', 'the private key could not be decrypted: wrong passphrase');
    }
    throw new SecurityError('key-unreadable', 'the private key is not a readable PEM/PKCS#8 key', { cause });
  }
}

/** A {@link Signer} over an in-memory PEM key and certificate. */
export function createPemSigner(options: PemSignerOptions): Signer {
  return keyObjectSigner(readPrivateKey(options.key, options.passphrase), certificateDer(options.certificate));
}

/** Same as {@link createPemSigner}, reading the key and certificate from files. */
export async function loadPemSigner(paths: { keyFile: string; certificateFile: string; passphrase?: string }): Promise<Signer> {
  const [key, certificate] = await Promise.all([readFile(paths.keyFile), readFile(paths.certificateFile)]);
  return createPemSigner({ key, certificate, passphrase: paths.passphrase });
}
