/**
 * Security for the CI-SIS and CI-TLSi transports: VIHF and assertion PS builders, TLSi context
 * headers, `wsse:Security`, enveloped XML-DSig signing/verification, and signers (PEM, PKCS#12,
 * PKCS#11). See docs/security.md.
 * @packageDocumentation
 */
export { SecurityError, type SecurityErrorCode, type SecurityIssue } from './errors.js';
export { systemClock, formatInstant, type Clock } from './time.js';
export { newAssertionId } from './ids.js';
export { subjectDn, issuerDn, escapeDnValue } from './distinguished-name.js';
export { certificateDer, certificateToPem, pemCertificates, signerCertificate, type SignerCertificate } from './certificate.js';
export { SAML2_NS, DSIG_NS, WSSE_NS, HL7_NS, X509_SUBJECT_NAME_FORMAT, CTXLPS_NS, CTXBAM_NS } from './namespaces.js';

export { SIGNATURE_ALGORITHM_URI, DIGEST_ALGORITHM_URI, type Signer, type SignatureAlgorithmName } from './signers/signer.js';
export { createPemSigner, loadPemSigner, readPrivateKey, type PemSignerOptions } from './signers/pem-signer.js';
export { createPkcs12Signer, loadPkcs12Signer, readPkcs12, pkcs12ToPem, assertPkcs12UsableByNode, type Pkcs12Contents } from './signers/pkcs12.js';
export { openPkcs11Signer, type Pkcs11SignerOptions } from './signers/pkcs11-signer.js';
export { pkcs11Uri, pkcs11EngineTlsOptions, type Pkcs11UriParts, type Pkcs11EngineTlsOptions } from './signers/pkcs11-tls.js';

export { signAssertion, type SignAssertionOptions } from './xmldsig/sign-assertion.js';
export {
  verifyAssertionSignature,
  type AssertionVerification,
  type VerificationFailure,
  type VerifyAssertionOptions,
  type SignatureDetails,
  type VerifiedAssertion,
} from './xmldsig/verify-assertion.js';

export type { VihfInput, VihfMode, CodedValue, PurposeOfUseCode } from './vihf/types.js';
export { validateVihfInput, parseVihfInput, type VihfValidation } from './vihf/validate.js';
export { VIHF_INPUT_RULES, type VihfInputRules, type VihfTextRule } from './vihf/rules.js';
export {
  buildVihf,
  buildVihfXml,
  buildVihfToken,
  TEST_INS_OID,
  AIR_LIFETIME_SECONDS,
  VIHF_ATTRIBUTE,
  PURPOSE_OF_USE,
  type VihfBuildOptions,
  type VihfToken,
} from './vihf/build.js';
export { VihfProvider, type VihfProviderOptions } from './vihf/provider.js';

export { securityHeader, type SecurityHeaderOptions } from './wsse.js';

export { readOrCreateInstanceId } from './tlsi/instance-id.js';
export { buildAssertionPs, type AssertionPsInput, type AssertionPsOptions } from './tlsi/assertion-ps.js';
export { tlsiSecurityHeader, type TlsiSecurity } from './tlsi/security-header.js';
