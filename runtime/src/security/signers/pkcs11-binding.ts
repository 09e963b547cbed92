/**
 * Loads the optional `pkcs11js` native addon on first use. The runtime never imports it
 * statically: vendors without smart cards need neither the package nor a C++ toolchain, and the
 * published type declarations do not mention it (the small interface below is all we use).
 */
import { SecurityError } from '../errors.js';

/** A PKCS#11 handle (slot, session, object), opaque bytes in pkcs11js. */
export type Pkcs11Handle = Buffer;

/** An attribute template entry. */
export interface Pkcs11Attribute {
  /** CKA_* type. */
  type: number;
  /** Value to match (find) — omitted when reading. */
  value?: number | boolean | string | Buffer;
}

/** The subset of `pkcs11js.PKCS11` used by the signer. */
export interface Pkcs11Api {
  load(path: string): void;
  C_Initialize(): void;
  C_Finalize(): void;
  close(): void;
  C_GetSlotList(tokenPresent?: boolean): Pkcs11Handle[];
  C_GetTokenInfo(slot: Pkcs11Handle): { label: string; serialNumber: string };
  C_OpenSession(slot: Pkcs11Handle, flags: number): Pkcs11Handle;
  C_CloseSession(session: Pkcs11Handle): void;
  C_Login(session: Pkcs11Handle, userType: number, pin?: string): void;
  C_Logout(session: Pkcs11Handle): void;
  C_FindObjectsInit(session: Pkcs11Handle, template: Pkcs11Attribute[]): void;
  C_FindObjects(session: Pkcs11Handle, maxObjectCount: number): Pkcs11Handle[];
  C_FindObjectsFinal(session: Pkcs11Handle): void;
  C_GetAttributeValue(session: Pkcs11Handle, object: Pkcs11Handle, template: Pkcs11Attribute[]): { type: number; value?: unknown }[];
  C_SignInit(session: Pkcs11Handle, mechanism: { mechanism: number }, key: Pkcs11Handle): void;
  C_Sign(session: Pkcs11Handle, data: Buffer, out: Buffer): Buffer;
  C_SignAsync?(session: Pkcs11Handle, data: Buffer, out: Buffer): Promise<Buffer>;
}

/** The constants the signer needs, read from the module (never hard-coded twice). */
export interface Pkcs11Constants {
  readonly CKF_SERIAL_SESSION: number;
  readonly CKU_USER: number;
  readonly CKO_PRIVATE_KEY: number;
  readonly CKO_CERTIFICATE: number;
  readonly CKA_CLASS: number;
  readonly CKA_LABEL: number;
  readonly CKA_ID: number;
  readonly CKA_VALUE: number;
  readonly CKA_KEY_TYPE: number;
  readonly CKA_MODULUS: number;
  readonly CKK_RSA: number;
  readonly CKM_SHA256_RSA_PKCS: number;
  readonly CKM_SHA1_RSA_PKCS: number;
}

/** What {@link loadPkcs11js} returns. */
export interface Pkcs11Binding {
  /** Creates a fresh `PKCS11` object. */
  create(): Pkcs11Api;
  /** Constants. */
  readonly constants: Pkcs11Constants;
}

const CONSTANT_NAMES: readonly (keyof Pkcs11Constants)[] = [
  'CKF_SERIAL_SESSION',
  'CKU_USER',
  'CKO_PRIVATE_KEY',
  'CKO_CERTIFICATE',
  'CKA_CLASS',
  'CKA_LABEL',
  'CKA_ID',
  'CKA_VALUE',
  'CKA_KEY_TYPE',
  'CKA_MODULUS',
  'CKK_RSA',
  'CKM_SHA256_RSA_PKCS',
  'CKM_SHA1_RSA_PKCS',
];

let cached: Promise<Pkcs11Binding> | undefined;

/**
 * Imports `pkcs11js` (once). Rejects with `pkcs11-unavailable` when the package is missing or its
 * native addon was not built (install scripts blocked, no toolchain).
 */
export function loadPkcs11js(): Promise<Pkcs11Binding> {
  cached ??= (async () => {
    // A variable specifier keeps TypeScript from resolving (and requiring) the optional package.
    const specifier = 'pkcs11js';
    let mod: unknown;
    try {
      mod = await import(specifier);
    } catch (cause) {
      throw new SecurityError(
        'pkcs11-unavailable',
        'PKCS#11 signing needs the optional dependency pkcs11js (a native addon built with node-gyp): ' +
          'install it with `npm install pkcs11js` and allow its install script',
        { cause },
      );
    }
    const root = (mod as { default?: unknown }).default ?? mod;
    const api = root as Record<string, unknown>;
    if (typeof api.PKCS11 !== 'function') throw new SecurityError('pkcs11-unavailable', 'pkcs11js loaded but exports no PKCS11 class');
    const constants: Record<string, number> = {};
    for (const name of CONSTANT_NAMES) {
      const value = api[name];
      if (typeof value !== 'number') throw new SecurityError('pkcs11-unavailable', `pkcs11js lacks the constant ${name}`);
      constants[name] = value;
    }
    const Ctor = api.PKCS11 as new () => Pkcs11Api;
    return { create: () => new Ctor(), constants: constants as unknown as Pkcs11Constants };
  })();
  // A failed import is not cached: the package may be installed later in the same process (tests).
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}
