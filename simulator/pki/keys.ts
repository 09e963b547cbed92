/**
 * RSA key pairs for the test PKI. Generation dominates the cost of building a PKI (about 0.1 s per
 * 2048-bit key), so keys are generated in the libuv thread pool (both cores at once) and cached for
 * the life of the process: a second `createTestPki` in the same run only signs certificates.
 */
import { generateKeyPair, type KeyObject } from 'node:crypto';

/** A node:crypto key pair. */
export interface TestKeyPair {
  /** The private key. */
  readonly privateKey: KeyObject;
  /** The public key. */
  readonly publicKey: KeyObject;
}

const cache = new Map<string, Promise<TestKeyPair>>();

/**
 * The RSA key pair for `slot` (a role name such as `root-ca`), generated once per process and size.
 * @param slot - cache key; distinct slots give distinct keys
 * @param bits - modulus length
 */
export function testKeyPair(slot: string, bits: number): Promise<TestKeyPair> {
  const key = `${slot}/${bits}`;
  let pending = cache.get(key);
  if (pending === undefined) {
    pending = new Promise<TestKeyPair>((resolve, reject) => {
      generateKeyPair('rsa', { modulusLength: bits }, (err, publicKey, privateKey) => {
        if (err) reject(err);
        else resolve({ publicKey, privateKey });
      });
    });
    // A failed generation must not poison the cache for later calls.
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}
