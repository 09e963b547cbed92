/**
 * A throw-away PKI in the style of IGC-Santé TEST, written to a folder at test or simulator start.
 * Nothing here is ever committed: keys are generated per process (see keys.ts) and files are
 * written where the caller says.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { issueCertificate, formatDn, type CertificateIssuer, type DnAttribute, type ExtendedKeyUsage, type KeyUsageBit } from './certificate.js';
import { testKeyPair, type TestKeyPair } from './keys.js';
import { buildPkcs12 } from './pkcs12.js';

/** Files and PEM text of one certificate holder. */
export interface TestPkiEntity {
  /** Short name, also the file name stem (`org-auth` → `org-auth.cert.pem`). */
  readonly name: string;
  /** Subject DN, RFC 4514 style, CN first. */
  readonly subject: string;
  /** The certificate (PEM file). */
  readonly certFile: string;
  /** The unencrypted PKCS#8 private key (PEM file, mode 0600). */
  readonly keyFile: string;
  /** The certificate followed by its issuing CA (PEM file); what a TLS peer sends. */
  readonly chainFile: string;
  /** PKCS#12 with key, certificate and issuing CA, protected by {@link TestPki.passphrase}; absent for CAs. */
  readonly p12File?: string;
  /** Certificate PEM text. */
  readonly certPem: string;
  /** Private key PEM text. */
  readonly keyPem: string;
  /** Chain PEM text. */
  readonly chainPem: string;
  /** End of validity. */
  readonly notAfter: Date;
}

/** A leaf entity, which always has a PKCS#12. */
export interface TestPkiLeaf extends TestPkiEntity {
  /** PKCS#12 file (key + certificate + issuing CA). */
  readonly p12File: string;
}

/** What {@link createTestPki} wrote. */
export interface TestPki {
  /** The folder holding every file. */
  readonly dir: string;
  /** Passphrase of every PKCS#12 file. */
  readonly passphrase: string;
  /** Root + intermediate CA (PEM file): the trust store for both TLS sides. */
  readonly caBundleFile: string;
  /** Root + intermediate CA PEM text. */
  readonly caBundlePem: string;
  /** "TEST AC RACINE IGC-SANTE ELEMENTAIRE" (self-signed). */
  readonly rootCa: TestPkiEntity;
  /** "TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS", issued by the root; issues every valid leaf. */
  readonly intermediateCa: TestPkiEntity;
  /** A self-signed CA nobody trusts (negative tests). */
  readonly unknownCa: TestPkiEntity;
  /** TLS server: CN=localhost, SAN localhost, 127.0.0.1, ::1 (+ `serverHostnames`). */
  readonly server: TestPkiLeaf;
  /** TLS server certificate valid only for `wrong-host.invalid` (hostname verification tests). */
  readonly serverWrongHost: TestPkiLeaf;
  /** Organisation authentication certificate (ORG_AUTH_CLI style: clientAuth, OU = structure id). */
  readonly orgAuth: TestPkiLeaf;
  /** INSi mutual-TLS certificate, CN exactly `INSI-AUTO`. */
  readonly insiAuto: TestPkiLeaf;
  /** INSi mutual-TLS certificate, CN exactly `INSI-MANU`. */
  readonly insiManu: TestPkiLeaf;
  /** Organisation signing certificate (ORG_SIGN / "cachet": digitalSignature + nonRepudiation, no clientAuth). */
  readonly orgSign: TestPkiLeaf;
  /** Personal CPS-like certificate of a test practitioner (clientAuth + digitalSignature). */
  readonly cps: TestPkiLeaf;
  /** Client certificate whose validity ended yesterday (same key as orgAuth). */
  readonly expiredClient: TestPkiLeaf;
  /** Client certificate issued by {@link TestPki.unknownCa} (same key as orgAuth). */
  readonly unknownCaClient: TestPkiLeaf;
}

/** Knobs for {@link createTestPki}; every field has a default. */
export interface TestPkiOptions {
  /** PKCS#12 passphrase (default `volet-test`). */
  readonly passphrase?: string;
  /** RSA modulus length (default 2048, the IGC-Santé minimum). */
  readonly keyBits?: number;
  /** Extra DNS names or IP addresses for the server certificate. */
  readonly serverHostnames?: readonly string[];
  /** Organisation certificates' O and OU (OU holds the structure identifier, as IGC-Santé does). */
  readonly organisation?: { readonly name?: string; readonly structureId?: string };
  /** The reference time (default now). */
  readonly now?: Date;
}

const DAY = 86_400_000;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

interface Issued {
  readonly dn: readonly DnAttribute[];
  readonly keys: TestKeyPair;
  readonly certPem: string;
}

/**
 * Generates the test PKI into `dir` (created if needed) and returns the file paths and PEM texts.
 * Takes about a second the first time in a process (key generation), a few hundred milliseconds after.
 * @param dir - output folder
 * @param options - passphrase, key size, extra server names, organisation, reference time
 */
export async function createTestPki(dir: string, options: TestPkiOptions = {}): Promise<TestPki> {
  const passphrase = options.passphrase ?? 'volet-test';
  const bits = options.keyBits ?? 2048;
  const now = options.now ?? new Date();
  const orgName = options.organisation?.name ?? 'VOLET ETABLISSEMENT TEST';
  const structureId = options.organisation?.structureId ?? 'VOLET-TEST-0001';
  await mkdir(dir, { recursive: true });

  const slots = ['root-ca', 'intermediate-ca', 'unknown-ca', 'server', 'org-auth', 'insi-auto', 'insi-manu', 'org-sign', 'cps'] as const;
  const pairs = await Promise.all(slots.map((s) => testKeyPair(s, bits)));
  const key = (slot: (typeof slots)[number]): TestKeyPair => {
    const pair = pairs[slots.indexOf(slot)];
    if (pair === undefined) throw new Error('missing key slot ' + slot);
    return pair;
  };

  const caValidity = { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 3650 * DAY) };
  const leafValidity = { notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 365 * DAY) };
  const asIssuer = (i: Issued): CertificateIssuer => ({ subject: i.dn, privateKey: i.keys.privateKey, publicKey: i.keys.publicKey });

  const selfSigned = (dn: readonly DnAttribute[], keys: TestKeyPair): Issued => ({
    dn,
    keys,
    certPem: issueCertificate({
      subject: dn,
      publicKey: keys.publicKey,
      issuer: { subject: dn, privateKey: keys.privateKey, publicKey: keys.publicKey },
      ...caValidity,
      ca: {},
      keyUsage: ['keyCertSign', 'cRLSign'],
    }),
  });

  const rootDn: DnAttribute[] = [
    { name: 'commonName', value: 'TEST AC RACINE IGC-SANTE ELEMENTAIRE' },
    { name: 'organizationalUnitName', value: 'IGC-SANTE TEST' },
    { name: 'organizationName', value: 'ASIP-SANTE' },
    { name: 'countryName', value: 'FR' },
  ];
  const root = selfSigned(rootDn, key('root-ca'));
  const interDn: DnAttribute[] = [
    { name: 'commonName', value: 'TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS' },
    { name: 'organizationalUnitName', value: 'IGC-SANTE TEST' },
    { name: 'organizationName', value: 'ASIP-SANTE' },
    { name: 'countryName', value: 'FR' },
  ];
  const inter: Issued = {
    dn: interDn,
    keys: key('intermediate-ca'),
    certPem: issueCertificate({
      subject: interDn,
      publicKey: key('intermediate-ca').publicKey,
      issuer: asIssuer(root),
      ...caValidity,
      ca: { pathLength: 0 },
      keyUsage: ['keyCertSign', 'cRLSign'],
    }),
  };
  const unknown = selfSigned(
    [
      { name: 'commonName', value: 'TEST AC INCONNUE' },
      { name: 'organizationName', value: 'AUTORITE INCONNUE' },
      { name: 'countryName', value: 'FR' },
    ],
    key('unknown-ca'),
  );

  const caEntity = async (name: string, ca: Issued, chain: readonly string[]): Promise<TestPkiEntity> => {
    return writeEntity(dir, name, ca, chain, undefined, caValidity.notAfter);
  };

  interface LeafSpec {
    readonly name: string;
    readonly dn: readonly DnAttribute[];
    readonly keys: TestKeyPair;
    readonly issuer: Issued;
    readonly keyUsage: readonly KeyUsageBit[];
    readonly eku?: readonly ExtendedKeyUsage[];
    readonly hosts?: readonly string[];
    readonly validity?: { readonly notBefore: Date; readonly notAfter: Date };
  }
  const leaf = async (spec: LeafSpec): Promise<TestPkiLeaf> => {
    const validity = spec.validity ?? leafValidity;
    const hosts = spec.hosts ?? [];
    const certPem = issueCertificate({
      subject: spec.dn,
      publicKey: spec.keys.publicKey,
      issuer: asIssuer(spec.issuer),
      ...validity,
      keyUsage: spec.keyUsage,
      ...(spec.eku ? { extendedKeyUsage: spec.eku } : {}),
      ...(hosts.length > 0 ? { altNames: { dns: hosts.filter((h) => !isIp(h)), ip: hosts.filter((h) => isIp(h)) } } : {}),
    });
    const issued: Issued = { dn: spec.dn, keys: spec.keys, certPem };
    const p12 = buildPkcs12(spec.keys.privateKey, [certPem, spec.issuer.certPem], passphrase, formatDn(spec.dn));
    const entity = await writeEntity(dir, spec.name, issued, [spec.issuer.certPem], p12, validity.notAfter);
    return { ...entity, p12File: entity.p12File ?? '' };
  };

  const org = (cn: string): DnAttribute[] => [
    { name: 'commonName', value: cn },
    { name: 'organizationalUnitName', value: structureId },
    { name: 'organizationName', value: orgName },
    { name: 'countryName', value: 'FR' },
  ];
  const clientAuth = { keyUsage: ['digitalSignature', 'keyEncipherment'] as const, eku: ['clientAuth'] as const };
  const serverDn = (cn: string): DnAttribute[] => [
    { name: 'commonName', value: cn },
    { name: 'organizationName', value: 'VOLET SIMULATEUR TEST' },
    { name: 'countryName', value: 'FR' },
  ];

  const [rootCa, intermediateCa, unknownCa] = await Promise.all([
    caEntity('root-ca', root, []),
    caEntity('intermediate-ca', inter, [root.certPem]),
    caEntity('unknown-ca', unknown, []),
  ]);
  const [server, serverWrongHost, orgAuth, insiAuto, insiManu, orgSign, cps, expiredClient, unknownCaClient] = await Promise.all([
    leaf({
      name: 'server',
      dn: serverDn('localhost'),
      keys: key('server'),
      issuer: inter,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      eku: ['serverAuth'],
      hosts: ['localhost', '127.0.0.1', '::1', ...(options.serverHostnames ?? [])],
    }),
    leaf({
      name: 'server-wrong-host',
      dn: serverDn('wrong-host.invalid'),
      keys: key('server'),
      issuer: inter,
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      eku: ['serverAuth'],
      hosts: ['wrong-host.invalid'],
    }),
    leaf({ name: 'org-auth', dn: org('VOLET ORG_AUTH_CLI TEST'), keys: key('org-auth'), issuer: inter, ...clientAuth }),
    leaf({ name: 'insi-auto', dn: org('INSI-AUTO'), keys: key('insi-auto'), issuer: inter, ...clientAuth }),
    leaf({ name: 'insi-manu', dn: org('INSI-MANU'), keys: key('insi-manu'), issuer: inter, ...clientAuth }),
    leaf({
      name: 'org-sign',
      dn: org('VOLET ORG_SIGN TEST'),
      keys: key('org-sign'),
      issuer: inter,
      keyUsage: ['digitalSignature', 'nonRepudiation'],
    }),
    leaf({
      name: 'cps',
      dn: [
        { name: 'commonName', value: '899700000001' },
        { name: 'surname', value: 'DOC' },
        { name: 'givenName', value: 'TEST' },
        { name: 'organizationalUnitName', value: 'Médecin' },
        { name: 'organizationName', value: 'VOLET TEST' },
        { name: 'countryName', value: 'FR' },
      ],
      keys: key('cps'),
      issuer: inter,
      ...clientAuth,
    }),
    leaf({
      name: 'expired-client',
      dn: org('VOLET ORG_AUTH_CLI EXPIRE'),
      keys: key('org-auth'),
      issuer: inter,
      ...clientAuth,
      validity: { notBefore: new Date(now.getTime() - 730 * DAY), notAfter: new Date(now.getTime() - DAY) },
    }),
    leaf({ name: 'unknown-ca-client', dn: org('VOLET ORG_AUTH_CLI INCONNU'), keys: key('org-auth'), issuer: unknown, ...clientAuth }),
  ]);

  const caBundlePem = root.certPem + inter.certPem;
  const caBundleFile = join(dir, 'ca-bundle.pem');
  await writeFile(caBundleFile, caBundlePem);
  return {
    dir,
    passphrase,
    caBundleFile,
    caBundlePem,
    rootCa,
    intermediateCa,
    unknownCa,
    server,
    serverWrongHost,
    orgAuth,
    insiAuto,
    insiManu,
    orgSign,
    cps,
    expiredClient,
    unknownCaClient,
  };
}

function isIp(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

async function writeEntity(
  dir: string,
  name: string,
  issued: Issued,
  chainAbove: readonly string[],
  p12: Buffer | undefined,
  notAfter: Date,
): Promise<TestPkiEntity> {
  const keyPem = issued.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const chainPem = issued.certPem + chainAbove.join('');
  const certFile = join(dir, `${name}.cert.pem`);
  const keyFile = join(dir, `${name}.key.pem`);
  const chainFile = join(dir, `${name}.chain.pem`);
  const p12File = p12 ? join(dir, `${name}.p12`) : undefined;
  await Promise.all([
    writeFile(certFile, issued.certPem),
    writeFile(keyFile, keyPem, { mode: 0o600 }),
    writeFile(chainFile, chainPem),
    ...(p12 && p12File ? [writeFile(p12File, p12, { mode: 0o600 })] : []),
  ]);
  return {
    name,
    subject: formatDn(issued.dn),
    certFile,
    keyFile,
    chainFile,
    ...(p12File ? { p12File } : {}),
    certPem: issued.certPem,
    keyPem,
    chainPem,
    notAfter,
  };
}
