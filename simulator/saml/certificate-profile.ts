/**
 * What a certificate is made for, read from its extensions with node-forge (node's X509Certificate
 * exposes the extended key usage but not the key usage bits): the simulators tell an ORG_SIGN-like
 * signing certificate from a TLS certificate, and a personal card (CPS-like) certificate from an
 * organisation one.
 */
import forge from 'node-forge';

/** The usage and the subject fields the simulators look at. */
export interface CertificateProfile {
  /** Key usage digitalSignature or nonRepudiation is set. */
  readonly signs: boolean;
  /** Extended key usage lists serverAuth (a TLS server certificate). */
  readonly serverAuth: boolean;
  /** Extended key usage lists clientAuth (a TLS client / authentication certificate). */
  readonly clientAuth: boolean;
  /** Subject CN. */
  readonly commonName: string | undefined;
  /** Subject OU values (IGC-Santé puts the structure identifier there). */
  readonly organizationalUnits: readonly string[];
  /** The subject names a person (surname and given name), as card certificates do. */
  readonly personal: boolean;
}

function fieldValues(subject: forge.pki.Certificate['subject'], name: string): string[] {
  return subject.attributes.filter((a) => a.name === name && typeof a.value === 'string').map((a) => a.value as string);
}

/**
 * Reads the profile of a DER certificate; undefined when forge cannot read it (non-RSA keys).
 * @param der - the certificate
 */
export function certificateProfile(der: Uint8Array): CertificateProfile | undefined {
  let cert: forge.pki.Certificate;
  try {
    cert = forge.pki.certificateFromAsn1(forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(der).toString('binary'))));
  } catch {
    return undefined;
  }
  const ku = cert.getExtension('keyUsage') as { digitalSignature?: boolean; nonRepudiation?: boolean } | null;
  const eku = cert.getExtension('extKeyUsage') as { serverAuth?: boolean; clientAuth?: boolean } | null;
  return {
    signs: ku !== null && (ku.digitalSignature === true || ku.nonRepudiation === true),
    serverAuth: eku?.serverAuth === true,
    clientAuth: eku?.clientAuth === true,
    commonName: fieldValues(cert.subject, 'commonName')[0],
    organizationalUnits: fieldValues(cert.subject, 'organizationalUnitName'),
    personal: fieldValues(cert.subject, 'surname').length > 0 && fieldValues(cert.subject, 'givenName').length > 0,
  };
}
