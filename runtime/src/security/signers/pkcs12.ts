/**
 * PKCS#12 (.p12/.pfx) reading. Node can use a .p12 for TLS but cannot export its key, and its
 * OpenSSL 3 refuses the legacy RC2-40 encryption that older IGC-Santé/CPS tooling produced; node-forge
 * reads all of AES/PBES2, 3DES and RC2 files, so the signing key is always extracted with forge.
 * Only parse files you own: forge has a CVE history (≥ 1.4.3 required).
 */
import { createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type forgeModule from 'node-forge';
import { certificateToPem } from '../certificate.js';
import { SecurityError } from '../errors.js';
import { keyObjectSigner } from './key-object-signer.js';
import type { Signer } from './signer.js';

/** The content of a PKCS#12 file that matters for signing. */
export interface Pkcs12Contents {
  /** The private key (node:crypto). */
  readonly privateKey: KeyObject;
  /** DER of the certificate whose public key matches the private key. */
  readonly certificate: Buffer;
  /** DER of the other certificates in the file (chain), in file order. */
  readonly chain: readonly Buffer[];
}

type Forge = typeof forgeModule;
let forgeInstance: Forge | undefined;

/**
 * node-forge, loaded on the first PKCS#12 read: importing the runtime must not load it (about 30
 * modules). It is CommonJS, so a synchronous require keeps {@link createPkcs12Signer} synchronous.
 */
function loadForge(): Forge {
  forgeInstance ??= createRequire(import.meta.url)('node-forge') as Forge;
  return forgeInstance;
}

function isMacFailure(error: unknown): boolean {
  const text = String((error as { message?: unknown }).message ?? '');
  return /MAC could not be verified|Invalid password|wrong password/i.test(text);
}

function toDer(forge: Forge, node: forgeModule.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

/** Decrypts a PKCS#12 file with node-forge and returns its key, matching certificate and chain. */
export function readPkcs12(pfx: Uint8Array, passphrase: string): Pkcs12Contents {
  const forge = loadForge();
  let p12: forgeModule.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(Buffer.from(pfx).toString('binary'));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, passphrase);
  } catch (cause) {
    if (isMacFailure(cause)) throw new SecurityError('bad-passphrase', 'PKCS#12: wrong passphrase (integrity check failed)');
    throw new SecurityError('pkcs12-unreadable', 'PKCS#12: not a readable PKCS#12 file', { cause });
  }
  const keys: KeyObject[] = [];
  const certs: Buffer[] = [];
  try {
    for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
      for (const bag of p12.getBags({ bagType })[bagType] ?? []) {
        // forge decodes RSA keys only; other key types come back as raw PrivateKeyInfo ASN.1.
        const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
        if (info) keys.push(createPrivateKey({ key: toDer(forge, info), format: 'der', type: 'pkcs8' }));
      }
    }
    const certBag = forge.pki.oids.certBag;
    for (const bag of p12.getBags({ bagType: certBag })[certBag] ?? []) {
      const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
      if (node) certs.push(toDer(forge, node));
    }
  } catch (cause) {
    throw new SecurityError('pkcs12-unreadable', 'PKCS#12: a key or certificate bag could not be decoded', { cause });
  }
  if (keys.length === 0) throw new SecurityError('pkcs12-unreadable', 'PKCS#12: the file holds no private key');
  if (certs.length === 0) throw new SecurityError('pkcs12-unreadable', 'PKCS#12: the file holds no certificate');
  for (const key of keys) {
    const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const index = certs.findIndex((der) => new X509Certificate(der).publicKey.export({ type: 'spki', format: 'der' }).equals(spki));
    if (index >= 0) return { privateKey: key, certificate: certs[index], chain: certs.filter((_, i) => i !== index) };
  }
  throw new SecurityError('key-certificate-mismatch', 'PKCS#12: no certificate matches the private key');
}

/** A {@link Signer} over the key of a PKCS#12 file (any encryption forge reads, RC2 included). */
export function createPkcs12Signer(options: { pfx: Uint8Array; passphrase: string }): Signer {
  const contents = readPkcs12(options.pfx, options.passphrase);
  return keyObjectSigner(contents.privateKey, contents.certificate);
}

/** Same as {@link createPkcs12Signer}, reading the file. */
export async function loadPkcs12Signer(options: { file: string; passphrase: string }): Promise<Signer> {
  return createPkcs12Signer({ pfx: await readFile(options.file), passphrase: options.passphrase });
}

/** PEM form of a PKCS#12 file (unencrypted PKCS#8 key, leaf certificate, chain) for TLS stacks that refuse it. */
export function pkcs12ToPem(pfx: Uint8Array, passphrase: string): { key: string; certificate: string; chain: string } {
  const c = readPkcs12(pfx, passphrase);
  return {
    key: c.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: certificateToPem(c.certificate),
    chain: c.chain.map(certificateToPem).join(''),
  };
}

/**
 * Checks that node's own TLS stack accepts a PKCS#12 file as `pfx`. Node (OpenSSL 3 without the
 * legacy provider) rejects RC2-40 files with `ERR_CRYPTO_UNSUPPORTED_OPERATION`; this turns that
 * into `pkcs12-legacy-encryption` with the fix, and a MAC failure into `bad-passphrase`.
 */
export function assertPkcs12UsableByNode(pfx: Uint8Array, passphrase: string): void {
  try {
    createSecureContext({ pfx: Buffer.from(pfx), passphrase });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    const text = String((cause as { message?: unknown }).message ?? '');
    if (code === 'ERR_CRYPTO_UNSUPPORTED_OPERATION' || /unsupported/i.test(text)) {
      throw new SecurityError(
        'pkcs12-legacy-encryption',
        "PKCS#12: node (OpenSSL 3) refuses this file's legacy encryption (RC2-40). Re-encrypt it " +
          '(`openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`), use pkcs12ToPem(), ' +
          'or run node with --openssl-legacy-provider',
        { cause },
      );
    }
    if (/mac verify/i.test(text)) throw new SecurityError('bad-passphrase', 'PKCS#12: wrong passphrase (integrity check failed)');
    throw new SecurityError('pkcs12-unreadable', 'PKCS#12: node cannot load this file', { cause });
  }
}
