/**
 * Signer whose RSA key stays inside a PKCS#11 token (CPS card through the CPS middleware,
 * an HSM, SoftHSM2 in tests). The token hashes and signs (`CKM_SHA256_RSA_PKCS` /
 * `CKM_SHA1_RSA_PKCS`); only the signature leaves it.
 */
import { X509Certificate } from 'node:crypto';
import { certificateDer, signerCertificate } from '../certificate.js';
import { SecurityError } from '../errors.js';
import { loadPkcs11js, type Pkcs11Api, type Pkcs11Attribute, type Pkcs11Binding, type Pkcs11Handle } from './pkcs11-binding.js';
import type { SignatureAlgorithmName, Signer } from './signer.js';

/** How to reach the key. Give at least `keyLabel` or `keyId`. */
export interface Pkcs11SignerOptions {
  /** Path of the PKCS#11 library, e.g. `/usr/lib/softhsm/libsofthsm2.so` or the CPS middleware's. */
  readonly module: string;
  /** User PIN. Never logged nor put in error messages. */
  readonly pin: string;
  /** Token label (trailing blanks ignored). Default: the only/first token present. */
  readonly tokenLabel?: string;
  /** Token serial number, when several tokens share a label. */
  readonly tokenSerial?: string;
  /** `CKA_LABEL` of the private key. */
  readonly keyLabel?: string;
  /** `CKA_ID` of the private key, as hex text or bytes. */
  readonly keyId?: string | Uint8Array;
  /**
   * The signing certificate (PEM/DER). Default: the `CKO_CERTIFICATE` object with the key's
   * `CKA_ID` (else its label) on the token.
   */
  readonly certificate?: string | Uint8Array;
}

interface LoadedModule {
  readonly api: Pkcs11Api;
  /** False when someone else had already initialised the library in this process. */
  readonly ownsInitialize: boolean;
  users: number;
}

// PKCS#11 libraries are process-wide: C_Initialize once per library, C_Finalize after the last user.
const modules = new Map<string, LoadedModule>();

const CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;
const CKR_USER_ALREADY_LOGGED_IN = 0x100;

function ckr(error: unknown): { name: string; code: number } {
  const e = error as { message?: unknown; code?: unknown };
  const message = String(e.message ?? '');
  const name = /CKR_[A-Z0-9_]+/.exec(message)?.[0] ?? 'error';
  return { name, code: typeof e.code === 'number' ? e.code : 0 };
}

function acquireModule(binding: Pkcs11Binding, path: string): LoadedModule {
  const existing = modules.get(path);
  if (existing) {
    existing.users++;
    return existing;
  }
  const api = binding.create();
  try {
    api.load(path);
  } catch (cause) {
    throw new SecurityError('pkcs11-module', 'PKCS#11: the module library could not be loaded', { cause });
  }
  let ownsInitialize = true;
  try {
    api.C_Initialize();
  } catch (cause) {
    if (ckr(cause).code !== CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new SecurityError('pkcs11-module', `PKCS#11: C_Initialize failed (${ckr(cause).name})`, { cause });
    }
    ownsInitialize = false;
  }
  const loaded: LoadedModule = { api, ownsInitialize, users: 1 };
  modules.set(path, loaded);
  return loaded;
}

function releaseModule(path: string): void {
  const loaded = modules.get(path);
  if (!loaded || --loaded.users > 0) return;
  modules.delete(path);
  try {
    if (loaded.ownsInitialize) loaded.api.C_Finalize();
    loaded.api.close();
  } catch {
    // Finalisation errors leave nothing to recover.
  }
}

function findObjects(api: Pkcs11Api, session: Pkcs11Handle, template: Pkcs11Attribute[]): Pkcs11Handle[] {
  api.C_FindObjectsInit(session, template);
  try {
    return api.C_FindObjects(session, 16);
  } finally {
    api.C_FindObjectsFinal(session);
  }
}

function attributeBytes(api: Pkcs11Api, session: Pkcs11Handle, object: Pkcs11Handle, type: number): Buffer | undefined {
  const [attr] = api.C_GetAttributeValue(session, object, [{ type }]);
  return Buffer.isBuffer(attr?.value) ? attr.value : undefined;
}

function attributeNumber(api: Pkcs11Api, session: Pkcs11Handle, object: Pkcs11Handle, type: number): number | undefined {
  const bytes = attributeBytes(api, session, object, type);
  // CK_ULONG in host byte order (little-endian on every platform we run on).
  return bytes && bytes.length >= 4 ? Number(bytes.length >= 8 ? bytes.readBigUInt64LE(0) : bytes.readUInt32LE(0)) : undefined;
}

function stripLeadingZeros(bytes: Buffer): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  return bytes.subarray(i);
}

function selectSlot(api: Pkcs11Api, options: Pkcs11SignerOptions): Pkcs11Handle {
  const slots = api.C_GetSlotList(true);
  for (const slot of slots) {
    const info = api.C_GetTokenInfo(slot);
    if (options.tokenLabel !== undefined && info.label.trimEnd() !== options.tokenLabel) continue;
    if (options.tokenSerial !== undefined && info.serialNumber.trimEnd() !== options.tokenSerial) continue;
    return slot;
  }
  throw new SecurityError('pkcs11-token-not-found', slots.length === 0 ? 'PKCS#11: no token present' : 'PKCS#11: no token matches the given label/serial');
}

/**
 * Opens a session on the token, logs in and locates the key (and its certificate). Call
 * `close()` when done: it logs out and, for the last user of the library, finalises it.
 */
export async function openPkcs11Signer(options: Pkcs11SignerOptions): Promise<Signer> {
  if (options.keyLabel === undefined && options.keyId === undefined) {
    throw new SecurityError('invalid-input', 'PKCS#11: give keyLabel or keyId');
  }
  const binding = await loadPkcs11js();
  const c = binding.constants;
  const loaded = acquireModule(binding, options.module);
  const { api } = loaded;
  let session: Pkcs11Handle | undefined;
  let loggedIn = false;
  const cleanup = (): void => {
    try {
      if (session && loggedIn) api.C_Logout(session);
    } catch {
      // Logout failure on close: the session is closed next anyway.
    }
    try {
      if (session) api.C_CloseSession(session);
    } catch {
      // Nothing to recover.
    }
    session = undefined;
    releaseModule(options.module);
  };
  try {
    const slot = selectSlot(api, options);
    session = api.C_OpenSession(slot, c.CKF_SERIAL_SESSION);
    try {
      api.C_Login(session, c.CKU_USER, options.pin);
      loggedIn = true;
    } catch (cause) {
      const { name, code } = ckr(cause);
      if (code !== CKR_USER_ALREADY_LOGGED_IN) throw new SecurityError('pkcs11-login-failed', `PKCS#11: login refused (${name})`);
    }
    const keyId = options.keyId === undefined ? undefined : typeof options.keyId === 'string' ? Buffer.from(options.keyId, 'hex') : Buffer.from(options.keyId);
    const keyTemplate: Pkcs11Attribute[] = [{ type: c.CKA_CLASS, value: c.CKO_PRIVATE_KEY }];
    if (options.keyLabel !== undefined) keyTemplate.push({ type: c.CKA_LABEL, value: options.keyLabel });
    if (keyId) keyTemplate.push({ type: c.CKA_ID, value: keyId });
    const keys = findObjects(api, session, keyTemplate);
    if (keys.length === 0) throw new SecurityError('pkcs11-key-not-found', 'PKCS#11: no private key matches the given label/id');
    if (keys.length > 1) throw new SecurityError('pkcs11-key-not-found', 'PKCS#11: several private keys match; give both label and id');
    const key = keys[0];
    if (attributeNumber(api, session, key, c.CKA_KEY_TYPE) !== c.CKK_RSA) throw new SecurityError('unsupported-key', 'PKCS#11: the key is not an RSA key');

    let der: Uint8Array | undefined;
    if (options.certificate !== undefined) {
      der = certificateDer(options.certificate);
    } else {
      const id = attributeBytes(api, session, key, c.CKA_ID);
      const label = attributeBytes(api, session, key, c.CKA_LABEL);
      const certTemplate: Pkcs11Attribute[] = [{ type: c.CKA_CLASS, value: c.CKO_CERTIFICATE }];
      if (id && id.length > 0) certTemplate.push({ type: c.CKA_ID, value: id });
      else if (label) certTemplate.push({ type: c.CKA_LABEL, value: label.toString('utf8') });
      const [cert] = findObjects(api, session, certTemplate);
      const value = cert ? attributeBytes(api, session, cert, c.CKA_VALUE) : undefined;
      if (!value) throw new SecurityError('pkcs11-key-not-found', 'PKCS#11: no certificate for the key on the token; pass `certificate`');
      der = certificateDer(value);
    }
    // The modulus is public: compare it so a wrong certificate fails now, not at the server.
    const modulus = attributeBytes(api, session, key, c.CKA_MODULUS);
    const jwk = new X509Certificate(Buffer.from(der)).publicKey.export({ format: 'jwk' });
    if (modulus && typeof jwk.n === 'string' && !stripLeadingZeros(modulus).equals(stripLeadingZeros(Buffer.from(jwk.n, 'base64url')))) {
      throw new SecurityError('key-certificate-mismatch', 'PKCS#11: the certificate does not belong to the key');
    }
    const certificate = signerCertificate(der);
    const openSession = session;
    let queue: Promise<unknown> = Promise.resolve();
    const mechanisms: Readonly<Record<SignatureAlgorithmName, number>> = { 'RSA-SHA256': c.CKM_SHA256_RSA_PKCS, 'RSA-SHA1': c.CKM_SHA1_RSA_PKCS };
    const signOnce = async (data: Uint8Array, algorithm: SignatureAlgorithmName): Promise<Uint8Array> => {
      if (session === undefined) throw new SecurityError('signature-failed', 'PKCS#11: the signer is closed');
      const mechanism = mechanisms[algorithm];
      if (mechanism === undefined) throw new SecurityError('unsupported-algorithm', 'unsupported signature algorithm');
      try {
        api.C_SignInit(openSession, { mechanism }, key);
        const out = Buffer.alloc(1024);
        const input = Buffer.from(data);
        return api.C_SignAsync ? await api.C_SignAsync(openSession, input, out) : api.C_Sign(openSession, input, out);
      } catch (cause) {
        throw new SecurityError('pkcs11-error', `PKCS#11: signing failed (${ckr(cause).name})`, { cause });
      }
    };
    return {
      certificate,
      subjectDn: certificate.subjectDn,
      // C_SignInit/C_Sign pairs must not interleave on one session: calls are queued.
      sign(data, algorithm) {
        const result = queue.then(() => signOnce(data, algorithm));
        queue = result.catch(() => undefined);
        return result;
      },
      async close() {
        await queue;
        if (session !== undefined) cleanup();
      },
    };
  } catch (error) {
    cleanup();
    if (error instanceof SecurityError) throw error;
    throw new SecurityError('pkcs11-error', `PKCS#11: ${ckr(error).name}`, { cause: error });
  }
}
