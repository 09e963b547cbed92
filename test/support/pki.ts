/**
 * The one test PKI: simulator/pki's IGC-Santé-TEST-style hierarchy (CAs, TLS server and client
 * certificates, expired, wrong-host, unknown-CA and signing-only shapes, PKCS#12 files), one shared
 * instance per test process in a temporary folder removed at exit; plus signing credentials issued
 * by its intermediate CA with the openssl CLI, so that the security tests check volet's signatures
 * and DN handling against certificates volet's own (node-forge) code did not make.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki, type TestPki, testKeyPair } from '../../simulator/pki/index.js';

export * from '../../simulator/pki/index.js';

let shared: Promise<TestPki> | undefined;

/** The process-wide test PKI (created on first use, deleted at exit). */
export function sharedTestPki(): Promise<TestPki> {
  if (shared === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'volet-pki-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    shared = createTestPki(dir);
  }
  return shared;
}

/** A credential whose certificate the openssl CLI made. */
export interface OpensslCredential {
  /** PKCS#8 PEM private key file (unencrypted). */
  readonly keyFile: string;
  /** PEM certificate file. */
  readonly certFile: string;
  /** DER certificate file. */
  readonly certDerFile: string;
  readonly keyPem: string;
  readonly certPem: string;
}

/** Signing credentials made with openssl, beside the shared PKI. */
export interface OpensslCredentials {
  /** Their folder (inside the shared PKI's). */
  readonly dir: string;
  /** The shared PKI they come from. */
  readonly pki: TestPki;
  /** The issuing CA's certificate (the shared PKI's intermediate CA), PEM file and text. */
  readonly caCertFile: string;
  readonly caCertPem: string;
  /** Organisation signing ("cachet") certificate with a UTF-8 ST, issued by the intermediate CA (INDIRECTE VIHF signer). */
  readonly org: OpensslCredential;
  /** CPS-like personal certificate with a multi-valued CN+SN+GN RDN, as on CPS cards, issued by the intermediate CA. */
  readonly cps: OpensslCredential;
  /** An unrelated self-signed credential (wrong-key and untrusted-certificate tests). */
  readonly other: OpensslCredential;
  /** Writes a file in their folder and returns its path. */
  file(name: string, content?: string | Uint8Array): string;
}

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

let credentials: Promise<OpensslCredentials> | undefined;

/** The process-wide openssl-made signing credentials (needs the `openssl` command). */
export function opensslCredentials(): Promise<OpensslCredentials> {
  credentials ??= (async () => {
    const pki = await sharedTestPki();
    const dir = mkdtempSync(join(pki.dir, 'openssl-'));
    const file = (name: string, content?: string | Uint8Array): string => {
      const path = join(dir, name);
      if (content !== undefined) writeFileSync(path, content);
      return path;
    };
    const ca = { cert: pki.intermediateCa.certFile, key: pki.intermediateCa.keyFile };
    const issue = async (name: string, subject: string, issuer: typeof ca | undefined, multiRdn = false): Promise<OpensslCredential> => {
      // Keys from the PKI's key cache (key generation is the slow part); certificates from openssl.
      const keyPem = (await testKeyPair(`openssl-${name}`, 2048)).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const keyFile = file(`${name}.key`, keyPem);
      const certFile = file(`${name}.pem`);
      const subjectArgs = ['-subj', subject, '-utf8', ...(multiRdn ? ['-multivalue-rdn'] : [])];
      if (issuer) {
        const csr = file(`${name}.csr`);
        const ext = file(`${name}.ext`, 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
        openssl(['req', '-new', '-key', keyFile, '-out', csr, ...subjectArgs]);
        openssl([
          'x509',
          '-req',
          '-in',
          csr,
          '-CA',
          issuer.cert,
          '-CAkey',
          issuer.key,
          '-CAcreateserial',
          '-CAserial',
          file(`${name}.srl`),
          '-days',
          '30',
          '-sha256',
          '-extfile',
          ext,
          '-out',
          certFile,
        ]);
      } else {
        openssl(['req', '-x509', '-new', '-key', keyFile, '-days', '30', '-sha256', '-out', certFile, ...subjectArgs]);
      }
      const certDerFile = file(`${name}.der`);
      openssl(['x509', '-in', certFile, '-outform', 'DER', '-out', certDerFile]);
      return { keyFile, certFile, certDerFile, keyPem, certPem: readFileSync(certFile, 'utf8') };
    };
    const org = await issue('org', '/C=FR/ST=Rhône (69)/O=CENTRE DE SANTE VOLET/OU=10B0127189/CN=Cachet VOLET TEST', ca);
    const cps = await issue('cps', '/C=FR/O=TEST/OU=Médecin/CN=899900038839+SN=TRAL+GN=ADEMIS', ca, true);
    const other = await issue('other', '/C=FR/O=TEST/CN=Autre certificat', undefined);
    return { dir, pki, caCertFile: pki.intermediateCa.certFile, caCertPem: pki.intermediateCa.certPem, org, cps, other, file };
  })();
  return credentials;
}
