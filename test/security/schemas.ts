/**
 * Schema files for xmllint, read in place from the corpus. The VIHF carries HL7 `Role` and
 * `PurposeOfUse` elements typed `xsi:type="CE"` inside `saml:AttributeValue` (xs:anyType): the SAML
 * schema alone cannot resolve `hl7:CE` and rejects even the official tokens, so the VIHF check
 * uses a wrapper schema (written to a temp folder, referencing the corpus files) that imports the
 * SAML assertion schema and the HL7 v3 datatypes.
 */
import { corpus } from '../support/paths.js';

/** The OASIS SAML 2.0 assertion schema (imports xmldsig and xenc from its folder). */
export const SAML_ASSERTION_XSD = corpus('ipf-saml2', 'schema', 'sstc-saml-schema-assertion-2.0.xsd');
/** HL7 v3 datatypes (declares `CE`), from the DMP schema package. */
export const HL7_DATATYPES_XSD = corpus('dmp-annexe-wsdl-schema', 'schema', 'HL7V3', 'NE2009', 'coreschemas', 'datatypes-base.xsd');
/** The Cnam ContexteLPS schema. */
export const CTXLPS_XSD = corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'CTX', 'ROOT_ctxlps_CTXLPS_V01_00.xsd');
/** The Cnam ContexteBAM schema. */
export const CTXBAM_XSD = corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'CTX', 'ROOT_ctxbam_CTXBAM_V01_02.xsd');
/** The Cnam-restricted `wsse:Security` schema (1..n saml:Assertion). */
export const TLSI_SECURITY_XSD = corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'WSSE', 'Security.xsd');

/** Text of the wrapper schema: SAML assertion + HL7 datatypes. */
export function samlWithHl7Xsd(): string {
  return (
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:volet:test:vihf-wrapper">' +
    `<xs:import namespace="urn:oasis:names:tc:SAML:2.0:assertion" schemaLocation="${SAML_ASSERTION_XSD}"/>` +
    `<xs:import namespace="urn:hl7-org:v3" schemaLocation="${HL7_DATATYPES_XSD}"/>` +
    '</xs:schema>'
  );
}
