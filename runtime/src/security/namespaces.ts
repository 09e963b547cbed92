/**
 * Namespace URIs and fixed URIs shared by the assertion builders and the verifier.
 */

/** SAML 2.0 assertion namespace. */
export const SAML2_NS = 'urn:oasis:names:tc:SAML:2.0:assertion';
/** XML-DSig namespace. */
export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
/** XML Schema instance namespace (`xsi:type`). */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** XML Schema namespace (`xs:string`). */
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';
/** HL7 v3 namespace (VIHF `Role`, `PurposeOfUse`). */
export const HL7_NS = 'urn:hl7-org:v3';
/** WS-Security 1.0 secext namespace (`wsse:Security`). */
export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
/** Issuer/NameID format for a certificate subject DN. */
export const X509_SUBJECT_NAME_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName';
/** Exclusive XML canonicalization 1.0 (no comments). */
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
/** Enveloped-signature transform. */
export const ENVELOPED_SIGNATURE = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** CI-TLSi `ContexteLPS` (the software's context header). */
export const CTXLPS_NS = 'urn:siram:lps:ctxlps';
/** CI-TLSi `ContexteBAM` (the health-insurance context header). */
export const CTXBAM_NS = 'urn:siram:bam:ctxbam';
