/**
 * RSA key pairs for the test PKI. Generation dominates the cost of building a PKI (0.1–0.4 s per
 * 2048-bit key on a busy machine), and every test file runs in its own process, so keys are cached
 * twice: in memory for the life of the process, and on disk for one hour so the processes of one
 * test run share them. Certificates are always issued afresh. The disk cache lives in a private
 * (0700) folder of the OS temp directory; `VOLET_TEST_KEY_CACHE=off` disables it, any other value
 * names the folder to use.
 */
import { generateKeyPair, createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** A node:crypto key pair. */
export interface TestKeyPair {
  /** The private key. */
  readonly privateKey: KeyObject;
  /** The public key. */
  readonly publicKey: KeyObject;
}

const MAX_AGE_MS = 60 * 60 * 1000;
const memory = new Map<string, Promise<TestKeyPair>>();

/** The disk cache folder, or undefined when disabled or not safely ours. */
function cacheDir(): string | undefined {
  const setting = process.env['VOLET_TEST_KEY_CACHE'] || undefined;
  if (setting === 'off') return undefined;
  const dir = setting ?? join(tmpdir(), `volet-test-keys-${userInfo().uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = statSync(dir);
    // Only a folder we own and nobody else can write to (shared /tmp).
    if (typeof process.getuid === 'function' && st.uid !== process.getuid()) return undefined;
    if ((st.mode & 0o022) !== 0) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

function readCached(file: string): TestKeyPair | undefined {
  try {
    if (Date.now() - statSync(file).mtimeMs > MAX_AGE_MS) return undefined;
    const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    return undefined;
  }
}

function writeCached(file: string, pair: TestKeyPair): void {
  try {
    // Write then rename: concurrent test processes never read a half-written key.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // The cache is an optimisation only.
  }
}

/**
 * The RSA key pair for `slot` (a role name such as `root-ca`): distinct slots give distinct keys.
 * @param slot - cache key
 * @param bits - modulus length
 */
export function testKeyPair(slot: string, bits: number): Promise<TestKeyPair> {
  const key = `${slot}-${bits}`;
  let pending = memory.get(key);
  if (pending === undefined) {
    const dir = cacheDir();
    const file = dir === undefined ? undefined : join(dir, `${key}.pem`);
    const cached = file === undefined ? undefined : readCached(file);
    pending = cached
      ? Promise.resolve(cached)
      : new Promise<TestKeyPair>((resolve, reject) => {
          // Async generation runs in the libuv pool: several keys at once on several cores.
          generateKeyPair('rsa', { modulusLength: bits }, (err, publicKey, privateKey) => {
            if (err) return reject(err);
            const pair = { publicKey, privateKey };
            if (file !== undefined) writeCached(file, pair);
            resolve(pair);
          });
        });
    // A failed generation must not poison the cache for later calls.
    pending.catch(() => memory.delete(key));
    memory.set(key, pending);
  }
  return pending;
}
