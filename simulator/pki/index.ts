/**
 * The test PKI: IGC-Santé-TEST-style CAs and certificates made at test or simulator start.
 * @packageDocumentation
 */
export { createTestPki } from './create-test-pki.js';
export type { TestPki, TestPkiEntity, TestPkiLeaf, TestPkiOptions } from './create-test-pki.js';
export { issueCertificate, formatDn } from './certificate.js';
export type { CertificateSpec, CertificateIssuer, DnAttribute, KeyUsageBit, ExtendedKeyUsage } from './certificate.js';
export { buildPkcs12 } from './pkcs12.js';
export { testKeyPair } from './keys.js';
export type { TestKeyPair } from './keys.js';
