import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { createPemSigner, SecurityError, type Signer } from '@volet/runtime';
import { signAssertion, verifyAssertionSignature } from '@volet/runtime/security';
import { opensslCredentials, type OpensslCredentials } from '../support/pki.js';
import { hasTool, toolsSkipReason, xmlsecVerify } from './tools.js';

/** Signing credentials made with openssl (only when it is installed: the suites skip otherwise). */
let pki: OpensslCredentials;
before(async () => {
  if (hasTool('openssl', 'version')) pki = await opensslCredentials();
});

const skip = toolsSkipReason('openssl', 'xmlsec1');
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';

function assertion(id: string, value = 'v'): string {
  return (
    `<saml2:Assertion xmlns:saml2="${SAML}" ID="${id}" IssueInstant="2026-01-01T00:00:00.000Z" Version="2.0">` +
    `<saml2:Issuer>CN=test</saml2:Issuer><saml2:Subject><saml2:NameID>${value}</saml2:NameID></saml2:Subject></saml2:Assertion>`
  );
}

function envelope(...headerParts: string[]): string {
  return `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">${headerParts.join('')}</wsse:Security></soap:Header><soap:Body/></soap:Envelope>`;
}

let signer: Signer | undefined;
function orgSigner(): Signer {
  signer ??= createPemSigner({ key: pki.org.keyPem, certificate: pki.org.certPem });
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
    await assert.rejects(
      signAssertion(assertion('_a').replace(/<saml2:Issuer>.*<\/saml2:Issuer>/, ''), orgSigner()),
      (e: unknown) => e instanceof SecurityError,
    );
  });
});

describe('verifyAssertionSignature', { skip }, () => {
  test('shape checks before cryptography', async () => {
    const signed = await signAssertion(assertion('_v1'), orgSigner());
    assert.equal(reason(signed), 'valid');
    assert.equal(reason('<not-xml'), 'invalid-xml');
    assert.equal(reason(`<!DOCTYPE x [<!ENTITY e "x">]>${signed}`), 'invalid-xml');
    assert.equal(reason('<root/>'), 'no-assertion');
    assert.equal(reason(assertion('_u')), 'unsigned');
    assert.equal(reason(envelope(signed, assertion('_other'))), 'ambiguous-assertion');
    // No way to pick an assertion by ID: a second assertion anywhere is refused.
    assert.equal(reason(envelope(signed)), 'valid');
    assert.equal(reason(signed.replace('URI="#_v1"', 'URI="#_elsewhere"')), 'bad-structure');
    assert.equal(
      reason(
        signed.replace(
          '<Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
          '<Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"/>',
        ),
      ),
      'bad-structure',
    );
    assert.equal(
      reason(
        signed
          .replace('xml-exc-c14n#"/><SignatureMethod', 'xml-c14n-20010315"/><SignatureMethod')
          .replace('<CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/', '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-'),
      ),
      'unsupported-algorithm',
    );
    assert.equal(reason(signed.replace(/<KeyInfo>.*<\/KeyInfo>/, '')), 'no-certificate');
    // Trust: the organisation certificate chains to the test CA, not to an unrelated certificate.
    assert.equal(reason(signed, { trustedCertificates: [pki.caCertPem] }), 'valid');
    assert.equal(reason(signed, { trustedCertificates: [pki.org.certPem] }), 'valid');
    assert.equal(reason(signed, { trustedCertificates: [pki.other.certPem] }), 'untrusted-certificate');
    assert.equal(reason(signed, { trustedCertificates: [pki.caCertPem], now: () => new Date('2099-01-01T00:00:00Z') }), 'certificate-expired');
  });

  test('a swapped certificate or key fails in xmlsec1 and here', async () => {
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
    const signed = await signAssertion(assertion('_w1', 'genuine'), orgSigner());
    const wrapped = envelope(signed).replace('<soap:Body/>', `<soap:Body>${assertion('_w1', 'forged')}</soap:Body>`);
    assert.equal(reason(wrapped), 'ambiguous-assertion');
    const sneaky = envelope(signed).replace('<soap:Body/>', '<soap:Body><x:Data xmlns:x="urn:x" ID="_w1">forged</x:Data></soap:Body>');
    assert.equal(reason(sneaky), 'duplicate-id');
    assert.equal(xmlsecVerify(pki.file('wrapped.xml', wrapped), pki.org.certFile).ok, false);
  });

  test('the result is the assertion rebuilt from the signed bytes, with the namespaces its xsi:type values need', async () => {
    const typed =
      `<saml2:Assertion xmlns:saml2="${SAML}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="_r1" IssueInstant="2026-01-01T00:00:00.000Z" Version="2.0">` +
      `<saml2:Issuer>CN=test</saml2:Issuer><saml2:Subject><saml2:NameID> holder </saml2:NameID></saml2:Subject>` +
      `<saml2:Conditions NotBefore="2026-01-01T00:00:00.000Z" NotOnOrAfter="2026-01-01T00:00:30.000Z"/>` +
      `<saml2:AttributeStatement><saml2:Attribute Name="a"><saml2:AttributeValue xsi:type="xs:string">v</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement></saml2:Assertion>`;
    const signed = await signAssertion(typed, orgSigner());
    // xs is declared only on the envelope: exclusive c14n drops it from the signed bytes.
    const inEnvelope = envelope(signed).replace('<soap:Envelope ', '<soap:Envelope xmlns:xs="http://www.w3.org/2001/XMLSchema" ');
    const r = verifyAssertionSignature(inEnvelope);
    assert.ok(r.valid, r.valid ? '' : r.message);
    assert.equal(r.assertion.id, '_r1');
    assert.equal(r.assertion.issuer, 'CN=test');
    assert.equal(r.assertion.subjectNameId, 'holder');
    assert.equal(r.assertion.issueInstant, '2026-01-01T00:00:00.000Z');
    assert.equal(r.assertion.notBefore, '2026-01-01T00:00:00.000Z');
    assert.equal(r.assertion.notOnOrAfter, '2026-01-01T00:00:30.000Z');
    assert.match(r.assertion.xml, /<saml2:AttributeValue [^>]*xmlns:xs="http:\/\/www\.w3\.org\/2001\/XMLSchema"/);
    assert.doesNotMatch(r.assertion.xml, /Signature/, 'the enveloped signature is not part of the signed bytes');
    assert.equal(r.signature?.certificate.subjectDn, orgSigner().subjectDn);
  });

  test('IDs: only canonical ones are compared; whitespace, tab and case variants are refused as such or as duplicates', async () => {
    const signed = await signAssertion(assertion('_i1'), orgSigner());
    for (const variant of [' _i1 ', '\t_i1', '_i1\n']) assert.equal(reason(signed.replace('ID="_i1"', `ID="${variant}"`)), 'bad-id', JSON.stringify(variant));
    for (const other of [' _i1 ', '_I1', '\t_i1\t']) {
      assert.equal(
        reason(envelope(signed).replace('<soap:Body/>', `<soap:Body><x:D xmlns:x="urn:x" ID="${other}"/></soap:Body>`)),
        'duplicate-id',
        JSON.stringify(other),
      );
    }
    assert.equal(reason(envelope(signed).replace('<soap:Body/>', '<soap:Body><x:D xmlns:x="urn:x" x:Id="_i1"/></soap:Body>')), 'duplicate-id');
  });

  test('where the assertion may be: one wsse:Security, one assertion; allowUnsigned only for an assertion without any Signature', async () => {
    const signed = await signAssertion(assertion('_p1'), orgSigner());
    const second = envelope(signed).replace(
      '</soap:Header>',
      '<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"/></soap:Header>',
    );
    assert.equal(reason(second), 'ambiguous-assertion');
    const bare = `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>${signed}</soap:Header><soap:Body/></soap:Envelope>`;
    assert.equal(reason(bare), 'no-assertion');
    assert.equal(reason(`<x:Wrapper xmlns:x="urn:x">${signed}</x:Wrapper>`), 'no-assertion');
    const unsigned = verifyAssertionSignature(envelope(assertion('_p2')), { allowUnsigned: true });
    assert.ok(unsigned.valid);
    assert.equal(unsigned.signature, undefined);
    assert.equal(unsigned.assertion.subjectNameId, 'v');
    assert.equal(reason(envelope(assertion('_p2')), { allowUnsigned: false }), 'unsigned');
    assert.equal(reason(signed.replace('>v<', '>w<'), { allowUnsigned: true }), 'digest-mismatch');
  });
});
