/**
 * `pki.json`: where the simulators wrote their test PKI, so the demo, tests and vendors' own
 * clients can find the files to configure TLS and signing with. Paths only, plus the test
 * PKCS#12 passphrase (a throw-away test value, never a real secret).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestPki, TestPkiEntity } from './pki/index.js';

/** The files of one certificate holder. */
export interface ManifestEntity {
  readonly subject: string;
  readonly cert: string;
  readonly key: string;
  /** Certificate + issuing CA. */
  readonly chain: string;
  /** PKCS#12 (key, certificate, CA), when the entity is a leaf. */
  readonly p12?: string;
}

/** The content of `pki.json`. */
export interface PkiManifest {
  /** Root + intermediate test CA: the trust store for both TLS sides and for signatures. */
  readonly caBundle: string;
  /** Passphrase of every `.p12` (test value). */
  readonly passphrase: string;
  /** What each entity is for. */
  readonly entities: {
    /** The simulators' TLS server certificate (CN=localhost, SAN 127.0.0.1, ::1). */
    readonly server: ManifestEntity;
    /** DMP TLS client in the INDIRECTE modes (ORG_AUTH_CLI). */
    readonly orgAuth: ManifestEntity;
    /** VIHF signer in the INDIRECTE modes (ORG_SIGN, "cachet"). */
    readonly orgSign: ManifestEntity;
    /** INSi mutual-TLS clients. */
    readonly insiAuto: ManifestEntity;
    readonly insiManu: ManifestEntity;
    /** CPS-like card certificate: DMP DIRECTE and INSi CPx TLS client, assertion PS signer. */
    readonly cps: ManifestEntity;
    /** Negative tests: expired, and issued by an unknown CA. */
    readonly expiredClient: ManifestEntity;
    readonly unknownCaClient: ManifestEntity;
  };
}

function entity(e: TestPkiEntity): ManifestEntity {
  return { subject: e.subject, cert: e.certFile, key: e.keyFile, chain: e.chainFile, ...(e.p12File === undefined ? {} : { p12: e.p12File }) };
}

/** The manifest of a PKI. */
export function pkiManifest(pki: TestPki): PkiManifest {
  return {
    caBundle: pki.caBundleFile,
    passphrase: pki.passphrase,
    entities: {
      server: entity(pki.server),
      orgAuth: entity(pki.orgAuth),
      orgSign: entity(pki.orgSign),
      insiAuto: entity(pki.insiAuto),
      insiManu: entity(pki.insiManu),
      cps: entity(pki.cps),
      expiredClient: entity(pki.expiredClient),
      unknownCaClient: entity(pki.unknownCaClient),
    },
  };
}

/**
 * Writes `pki.json` into the PKI folder.
 * @returns the file's path
 */
export async function writePkiManifest(pki: TestPki): Promise<string> {
  const file = join(pki.dir, 'pki.json');
  await writeFile(file, JSON.stringify(pkiManifest(pki), null, 2) + '\n');
  return file;
}

const ENTITY_NAMES = ['server', 'orgAuth', 'orgSign', 'insiAuto', 'insiManu', 'cps', 'expiredClient', 'unknownCaClient'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readEntity(value: unknown, name: string): ManifestEntity {
  if (!isRecord(value)) throw new Error(`pki.json: entities.${name} is missing`);
  const text = (key: string): string => {
    const v = value[key];
    if (typeof v !== 'string' || v === '') throw new Error(`pki.json: entities.${name}.${key} must be a path`);
    return v;
  };
  const p12 = value['p12'];
  return { subject: text('subject'), cert: text('cert'), key: text('key'), chain: text('chain'), ...(typeof p12 === 'string' ? { p12 } : {}) };
}

/**
 * Reads and checks a `pki.json`.
 * @param file - its path
 * @throws Error naming the missing or malformed entry
 */
export async function readPkiManifest(file: string): Promise<PkiManifest> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!isRecord(raw) || typeof raw['caBundle'] !== 'string' || typeof raw['passphrase'] !== 'string' || !isRecord(raw['entities'])) {
    throw new Error('pki.json: expected { caBundle, passphrase, entities }');
  }
  const entities = raw['entities'];
  const read = Object.fromEntries(ENTITY_NAMES.map((n) => [n, readEntity(entities[n], n)])) as Record<(typeof ENTITY_NAMES)[number], ManifestEntity>;
  return { caBundle: raw['caBundle'], passphrase: raw['passphrase'], entities: read };
}
