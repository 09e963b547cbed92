/**
 * A throw-away PKI made with the openssl CLI at test time, shaped like IGC-Santé TEST: a
 * "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS" CA, an organisation signing ("cachet") certificate
 * and a CPS-like personal certificate with a multi-valued CN+SN+GN RDN. Created once per test
 * process in a temporary folder.
 */
import { readFileSync } from 'node:fs';
import { openssl, tempDir } from './tools.js';

/** One end-entity credential. */
export interface TestCredential {
  /** PKCS#8 PEM private key file (unencrypted). */
  readonly keyFile: string;
  /** PEM certificate file. */
  readonly certFile: string;
  /** DER certificate file. */
  readonly certDerFile: string;
  readonly keyPem: string;
  readonly certPem: string;
}

/** The test PKI. */
export interface TestPki {
  readonly dir: string;
  readonly caCertFile: string;
  readonly caCertPem: string;
  /** Organisation signing certificate (INDIRECTE VIHF signer). */
  readonly org: TestCredential;
  /** CPS-like personal certificate (DIRECTE signer, assertion PS). */
  readonly cps: TestCredential;
  /** A second, unrelated self-signed credential (wrong-key tests). */
  readonly other: TestCredential;
  /** Writes a file in the PKI folder and returns its path. */
  file(name: string, content?: string | Uint8Array): string;
}

let cached: TestPki | undefined;

function issue(t: ReturnType<typeof tempDir>, name: string, subject: string, ca: { cert: string; key: string } | undefined, multiRdn = false): TestCredential {
  const keyFile = t.file(`${name}.key`);
  const certFile = t.file(`${name}.pem`);
  const certDerFile = t.file(`${name}.der`);
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyFile]);
  const subjArgs = ['-subj', subject, '-utf8', ...(multiRdn ? ['-multivalue-rdn'] : [])];
  if (ca) {
    const csr = t.file(`${name}.csr`);
    const ext = t.file(`${name}.ext`, 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n');
    openssl(['req', '-new', '-key', keyFile, '-out', csr, ...subjArgs]);
    openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', '30', '-sha256', '-extfile', ext, '-out', certFile]);
  } else {
    openssl(['req', '-x509', '-new', '-key', keyFile, '-days', '30', '-sha256', '-out', certFile, ...subjArgs]);
  }
  openssl(['x509', '-in', certFile, '-outform', 'DER', '-out', certDerFile]);
  return { keyFile, certFile, certDerFile, keyPem: readFileSync(keyFile, 'utf8'), certPem: readFileSync(certFile, 'utf8') };
}

/** The PKI of this test process (created on first call, removed when the process exits). */
export function testPki(): TestPki {
  if (cached) return cached;
  const t = tempDir('pki');
  // tempDir removes the folder at process exit: the PKI outlives the test that first asked for it.
  const caKey = t.file('ca.key');
  const caCert = t.file('ca.pem');
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', caKey]);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    caKey,
    '-days',
    '365',
    '-sha256',
    '-out',
    caCert,
    '-utf8',
    '-subj',
    '/C=FR/O=ASIP-SANTE/OU=0002 187512751/OU=IGC-SANTE TEST/CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const ca = { cert: caCert, key: caKey };
  const org = issue(t, 'org', '/C=FR/ST=Rhône (69)/O=CENTRE DE SANTE VOLET/OU=10B0127189/CN=Cachet VOLET TEST', ca);
  const cps = issue(t, 'cps', '/C=FR/O=TEST/OU=Médecin/CN=899900038839+SN=TRAL+GN=ADEMIS', ca, true);
  const other = issue(t, 'other', '/C=FR/O=TEST/CN=Autre certificat', undefined);
  cached = { dir: t.dir, caCertFile: caCert, caCertPem: readFileSync(caCert, 'utf8'), org, cps, other, file: t.file };
  return cached;
}
