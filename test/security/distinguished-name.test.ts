import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { certificateDer, escapeDnValue, issuerDn, subjectDn } from '@volet/runtime/security';
import { corpusSkipReason } from '../support/paths.js';
import { opensslCredentials, type OpensslCredentials } from '../support/pki.js';
import { hasTool, toolsSkipReason } from './tools.js';
import { OFFICIAL_TOKENS, readOfficialToken } from './vihf-oracle.js';

/** Signing credentials made with openssl (only when it is installed: the suites skip otherwise). */
let pki: OpensslCredentials;
before(async () => {
  if (hasTool('openssl', 'version')) pki = await opensslCredentials();
});

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

/** Issuer text and KeyInfo certificate of an official signed token. */
function issuerAndCertificate(xml: string): { issuer: string; der: Buffer } {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const issuer = doc.getElementsByTagNameNS(SAML, 'Issuer')[0]?.textContent ?? '';
  const b64 = doc.getElementsByTagNameNS(DSIG, 'X509Certificate')[0]?.textContent ?? '';
  return { issuer, der: certificateDer(b64) };
}

describe('subject DN (X509SubjectName) against the official tokens', { skip: corpusSkipReason }, () => {
  test('INDIRECTE and INDIRECTE_RENFORCEE: DN of the KeyInfo certificate equals the Issuer', () => {
    for (const file of [OFFICIAL_TOKENS.indirecte, OFFICIAL_TOKENS.renforcee]) {
      const { issuer, der } = issuerAndCertificate(readOfficialToken(file));
      assert.equal(subjectDn(der), issuer, file);
    }
  });

  test('DIRECTE (CPS card): multi-valued CN+SN+GN with SN/GN as OID=#hex, as Java prints them', () => {
    const { issuer, der } = issuerAndCertificate(readOfficialToken(OFFICIAL_TOKENS.directeSigned));
    // The token file lost the "é" of the T61String OU (it shows "M?decin"); the certificate has it.
    assert.equal(issuer, 'CN=899900038839+2.5.4.4=#14045452414c+2.5.4.42=#14064144454d4953,OU=M?decin,O=TEST,C=FR');
    assert.equal(subjectDn(der), 'CN=899900038839+2.5.4.4=#14045452414c+2.5.4.42=#14064144454d4953,OU=Médecin,O=TEST,C=FR');
    assert.equal(issuerDn(der), 'CN=TEST CLASSE-1,OU=TEST PROFESSIONNEL,O=TEST,C=FR');
  });
});

// openssl DER-sorts the SET: SN (shortest encoding) first, then GN, then CN; the DN keeps encoded order.
const EXPECTED_CPS_DN = '2.5.4.4=#0c045452414c+2.5.4.42=#0c064144454d4953+CN=899900038839,OU=Médecin,O=TEST,C=FR';

describe("subject DN of certificates made with openssl (issued by the test PKI's intermediate CA)", { skip: toolsSkipReason('openssl') }, () => {
  test('UTF8String values, multi-valued RDN, reverse order', () => {
    assert.equal(subjectDn(readFileSync(pki.org.certDerFile)), 'CN=Cachet VOLET TEST,OU=10B0127189,O=CENTRE DE SANTE VOLET,ST=Rhône (69),C=FR');
    assert.equal(subjectDn(readFileSync(pki.cps.certDerFile)), EXPECTED_CPS_DN);
    assert.equal(issuerDn(readFileSync(pki.org.certDerFile)), 'CN=TEST AC IGC-SANTE ELEMENTAIRE ORGANISATIONS,OU=IGC-SANTE TEST,O=ASIP-SANTE,C=FR');
  });
});

describe('RFC 4514 value escaping', () => {
  test('special characters, leading/trailing spaces and #', () => {
    assert.equal(escapeDnValue('A+B,C;D<E>F"G\\H'), 'A\\+B\\,C\\;D\\<E\\>F\\"G\\\\H');
    assert.equal(escapeDnValue(' lead'), '\\ lead');
    assert.equal(escapeDnValue('trail '), 'trail\\ ');
    assert.equal(escapeDnValue('#hash'), '\\#hash');
    assert.equal(escapeDnValue(' '), '\\ ');
    assert.equal(escapeDnValue('Rhône (69)'), 'Rhône (69)');
  });
});
