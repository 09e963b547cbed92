/**
 * Builds X.509 v3 certificates with node-forge's ASN.1 model and signs them with node:crypto
 * (native RSA is ~20x faster than forge's pure-JS signer, which matters for a PKI made per test run).
 */
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

/** One attribute of a distinguished name, in the order it appears (most general last, as in `CN=…,O=…,C=FR`). */
export interface DnAttribute {
  /** forge attribute name. */
  readonly name: 'commonName' | 'countryName' | 'organizationName' | 'organizationalUnitName' | 'surname' | 'givenName' | 'serialNumber' | 'localityName';
  /** The value (UTF-8; countryName must be two ASCII letters). */
  readonly value: string;
}

/** Key usage bits this PKI uses. */
export type KeyUsageBit = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

/** Extended key usages this PKI uses. */
export type ExtendedKeyUsage = 'serverAuth' | 'clientAuth';

/** The issuing side of a certificate: its subject and key pair (the same as the subject's for a self-signed root). */
export interface CertificateIssuer {
  /** Issuer DN, copied into the certificate's issuer field. */
  readonly subject: readonly DnAttribute[];
  /** Signs the certificate. */
  readonly privateKey: KeyObject;
  /** Gives the authority key identifier. */
  readonly publicKey: KeyObject;
}

/** Everything that goes into one certificate. */
export interface CertificateSpec {
  /** Subject DN. */
  readonly subject: readonly DnAttribute[];
  /** Subject public key. */
  readonly publicKey: KeyObject;
  /** Issuer (for a root, the subject itself). */
  readonly issuer: CertificateIssuer;
  /** Start of validity. */
  readonly notBefore: Date;
  /** End of validity. */
  readonly notAfter: Date;
  /** Present for CA certificates; `pathLength` limits the chain below. */
  readonly ca?: { readonly pathLength?: number };
  /** keyUsage bits (the extension is marked critical). */
  readonly keyUsage: readonly KeyUsageBit[];
  /** extendedKeyUsage purposes, when restricted. */
  readonly extendedKeyUsage?: readonly ExtendedKeyUsage[];
  /** subjectAltName entries. */
  readonly altNames?: { readonly dns?: readonly string[]; readonly ip?: readonly string[] };
}

/** SHA-1 over the RSAPublicKey DER: the RFC 5280 §4.2.1.2 method (1) key identifier. */
function keyIdentifier(publicKey: KeyObject): Buffer {
  return createHash('sha1')
    .update(publicKey.export({ type: 'pkcs1', format: 'der' }))
    .digest();
}

function toForgeName(dn: readonly DnAttribute[]): forge.pki.CertificateField[] {
  // UTF8String everywhere except C (PrintableString per RFC 5280): '_' in CNs such as ORG_AUTH_CLI is not printable.
  // DnAttribute lists are written CN first (display order); the ASN.1 RDNSequence starts with C.
  return [...dn]
    .reverse()
    .map((a) =>
      a.name === 'countryName'
        ? { name: a.name, value: a.value }
        : { name: a.name, value: a.value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class },
    );
}

/** The forge pieces used here that @types/node-forge does not declare. */
interface ForgeInternals {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
}

/**
 * Issues a certificate and returns it as PEM.
 * @param spec - subject, key, issuer, validity and extensions
 */
export function issueCertificate(spec: CertificateSpec): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // Positive 16-byte serial: clear the top bit so DER does not need a sign byte.
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(toForgeName(spec.subject));
  cert.setIssuer(toForgeName(spec.issuer.subject));

  const extensions: object[] = [];
  if (spec.ca) {
    extensions.push(
      spec.ca.pathLength === undefined
        ? { name: 'basicConstraints', cA: true, critical: true }
        : { name: 'basicConstraints', cA: true, pathLenConstraint: spec.ca.pathLength, critical: true },
    );
  } else {
    extensions.push({ name: 'basicConstraints', cA: false, critical: true });
  }
  const usage: Record<string, boolean | string> = { name: 'keyUsage', critical: true };
  for (const bit of spec.keyUsage) usage[bit] = true;
  extensions.push(usage);
  if (spec.extendedKeyUsage && spec.extendedKeyUsage.length > 0) {
    const eku: Record<string, boolean | string> = { name: 'extKeyUsage' };
    for (const purpose of spec.extendedKeyUsage) eku[purpose] = true;
    extensions.push(eku);
  }
  const dns = spec.altNames?.dns ?? [];
  const ips = spec.altNames?.ip ?? [];
  if (dns.length + ips.length > 0) {
    extensions.push({
      name: 'subjectAltName',
      altNames: [...dns.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))],
    });
  }
  extensions.push({ name: 'subjectKeyIdentifier' });
  extensions.push({
    name: 'authorityKeyIdentifier',
    keyIdentifier: keyIdentifier(spec.issuer.publicKey).toString('binary'),
  });
  cert.setExtensions(extensions);

  // What forge's cert.sign() does, with the RSA operation delegated to node:crypto.
  const oid = forge.pki.oids['sha256WithRSAEncryption'];
  if (oid === undefined) throw new Error('node-forge lacks the sha256WithRSAEncryption OID');
  cert.signatureOid = oid;
  cert.siginfo.algorithmOid = oid;
  const tbs = (forge.pki as unknown as ForgeInternals).getTBSCertificate(cert);
  const tbsDer = Buffer.from(forge.asn1.toDer(tbs).getBytes(), 'binary');
  cert.signature = sign('sha256', tbsDer, spec.issuer.privateKey).toString('binary');
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, '\n');
}

/** RFC 4514-style text of a DN (most specific first), for display and SAML Issuer fields. */
export function formatDn(dn: readonly DnAttribute[]): string {
  const short: Record<DnAttribute['name'], string> = {
    commonName: 'CN',
    countryName: 'C',
    organizationName: 'O',
    organizationalUnitName: 'OU',
    surname: 'SN',
    givenName: 'GN',
    serialNumber: 'SERIALNUMBER',
    localityName: 'L',
  };
  return dn.map((a) => `${short[a.name]}=${a.value.replace(/([,+"\\<>;=])/g, '\\$1')}`).join(',');
}
