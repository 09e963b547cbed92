import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createPemSigner, SecurityError, type Signer } from '@volet/runtime';
import { signAssertion, verifyAssertionSignature } from '@volet/runtime/security';
import { testPki } from './pki.js';
import { toolsSkipReason, xmlsecVerify } from './tools.js';

const skip = toolsSkipReason('openssl', 'xmlsec1');
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

function assertion(id: string, value = 'v'): string {
  return (
    `<saml2:Assertion xmlns:saml2="${SAML}" ID="${id}" IssueInstant="2026-01-01T00:00:00.000Z" Version="2.0">` +
    `<saml2:Issuer>CN=test</saml2:Issuer><saml2:Subject><saml2:NameID>${value}</saml2:NameID></saml2:Subject></saml2:Assertion>`
  );
}

function envelope(...headerParts: string[]): string {
  return `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>${headerParts.join('')}</soap:Header><soap:Body/></soap:Envelope>`;
}

let signer: Signer | undefined;
function orgSigner(): Signer {
  signer ??= createPemSigner({ key: testPki().org.keyPem, certificate: testPki().org.certPem });
  return signer;
}

function reason(xml: string, options?: Parameters<typeof verifyAssertionSignature>[1]): string {
  const r = verifyAssertionSignature(xml, options);
  return r.valid ? 'valid' : r.reason;
}

describe('signAssertion', { skip }, () => {
  test('Signature lands right after Issuer, references the ID, carries the certificate', async () => {
    const signed = await signAssertion(assertion('_a1'), orgSigner());
    assert.match(signed, /<\/saml2:Issuer><Signature xmlns="http:\/\/www\.w3\.org\/2000\/09\/xmldsig#"><SignedInfo>/);
    assert.match(signed, /<Reference URI="#_a1">/);
    const b64 = /<X509Certificate>([^<]+)<\/X509Certificate>/.exec(signed)?.[1] ?? '';
    assert.deepEqual(Buffer.from(b64, 'base64'), Buffer.from(orgSigner().certificate.der));
    assert.match(signed, /<\/Signature><saml2:Subject>/);
  });

  test('refuses documents it cannot sign as an assertion', async () => {
    const isInvalidXml = (e: unknown): boolean => e instanceof SecurityError && e.code === 'invalid-xml';
    await assert.rejects(signAssertion('<x ID="_a"/>', orgSigner()), isInvalidXml);
    await assert.rejects(signAssertion(assertion('1bad'), orgSigner()), isInvalidXml);
    await assert.rejects(signAssertion(assertion('_a').replace(/<saml2:Issuer>.*<\/saml2:Issuer>/, ''), orgSigner()), (e: unknown) => e instanceof SecurityError);
  });
});

describe('verifyAssertionSignature', { skip }, () => {
  test('shape checks before cryptography', async () => {
    const pki = testPki();
    const signed = await signAssertion(assertion('_v1'), orgSigner());
    assert.equal(reason(signed), 'valid');
    assert.equal(reason('<not-xml'), 'invalid-xml');
    assert.equal(reason(`<!DOCTYPE x [<!ENTITY e "x">]>${signed}`), 'invalid-xml');
    assert.equal(reason('<root/>'), 'no-assertion');
    assert.equal(reason(assertion('_u')), 'unsigned');
    assert.equal(reason(envelope(signed, assertion('_other'))), 'ambiguous-assertion');
    assert.equal(reason(envelope(signed, assertion('_other')), { assertionId: '_v1' }), 'valid');
    assert.equal(reason(envelope(signed, assertion('_other')), { assertionId: '_other' }), 'unsigned');
    assert.equal(reason(signed.replace('URI="#_v1"', 'URI="#_elsewhere"')), 'bad-structure');
    assert.equal(
      reason(signed.replace('<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>', '<Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/>')),
      'bad-structure',
    );
    assert.equal(reason(signed.replace('xml-exc-c14n#"/><SignatureMethod', 'xml-c14n-20010315"/><SignatureMethod').replace('<CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/', '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-')), 'unsupported-algorithm');
    assert.equal(reason(signed.replace(/<KeyInfo>.*<\/KeyInfo>/, '')), 'no-certificate');
    // Trust: the organisation certificate chains to the test CA, not to an unrelated certificate.
    assert.equal(reason(signed, { trustedCertificates: [pki.caCertPem] }), 'valid');
    assert.equal(reason(signed, { trustedCertificates: [pki.org.certPem] }), 'valid');
    assert.equal(reason(signed, { trustedCertificates: [pki.other.certPem] }), 'untrusted-certificate');
    assert.equal(reason(signed, { trustedCertificates: [pki.caCertPem], now: () => new Date('2099-01-01T00:00:00Z') }), 'certificate-expired');
  });

  test('a swapped certificate or key fails in xmlsec1 and here', async () => {
    const pki = testPki();
    const otherSigner = createPemSigner({ key: pki.other.keyPem, certificate: pki.other.certPem });
    const signed = await signAssertion(assertion('_k1'), otherSigner);
    // KeyInfo claims the organisation certificate while the other key signed.
    const orgB64 = Buffer.from(orgSigner().certificate.der).toString('base64');
    const lying = signed.replace(/<X509Certificate>[^<]+<\/X509Certificate>/, `<X509Certificate>${orgB64}</X509Certificate>`);
    assert.equal(reason(lying), 'bad-signature');
    assert.equal(xmlsecVerify(pki.file('lying.xml', lying), pki.org.certFile).ok, false);
    assert.ok(xmlsecVerify(pki.file('honest.xml', signed), pki.other.certFile).ok);
  });

  test('signature wrapping: a second element with the same ID is refused (xmlsec1 refuses it too)', async () => {
    const pki = testPki();
    const signed = await signAssertion(assertion('_w1', 'genuine'), orgSigner());
    const wrapped = envelope(signed).replace('<soap:Body/>', `<soap:Body>${assertion('_w1', 'forged')}</soap:Body>`);
    assert.equal(reason(wrapped), 'ambiguous-assertion');
    assert.equal(reason(wrapped, { assertionId: '_w1' }), 'duplicate-id');
    const sneaky = envelope(signed).replace('<soap:Body/>', '<soap:Body><x:Data xmlns:x="urn:x" ID="_w1">forged</x:Data></soap:Body>');
    assert.equal(reason(sneaky), 'duplicate-id');
    assert.equal(xmlsecVerify(pki.file('wrapped.xml', wrapped), pki.org.certFile).ok, false);
  });
});
