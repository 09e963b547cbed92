import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createPemSigner } from '../../runtime/src/security/signers/pem-signer.js';
import { signAssertion } from '../../runtime/src/security/xmldsig/sign-assertion.js';
import { verifyAssertionSignature } from '../../runtime/src/security/xmldsig/verify-assertion.js';
const signer = createPemSigner({ key: readFileSync('/tmp/sec-scratch/key.pem', 'utf8'), certificate: readFileSync('/tmp/sec-scratch/cert.pem', 'utf8') });
console.log(signer.subjectDn);
const xml = `<saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="_abc" IssueInstant="2026-01-01T00:00:00.000Z" Version="2.0"><saml2:Issuer Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">CN=x</saml2:Issuer><saml2:Subject><saml2:NameID>1</saml2:NameID></saml2:Subject></saml2:Assertion>`;
for (const pl of [undefined, ['ds','saml','#default','xsi']]) {
  const out = await signAssertion(xml, signer, { inclusiveNamespacesPrefixList: pl, prefix: pl ? 'ds' : undefined });
  console.log(out.slice(0, 900));
  writeFileSync('/tmp/sec-scratch/o.xml', out);
  try { execFileSync('xmlsec1', ['--verify', '--pubkey-cert-pem', '/tmp/sec-scratch/cert.pem', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', '/tmp/sec-scratch/o.xml'], { stdio: 'pipe' }); console.log('xmlsec ok'); } catch (e) { console.log('xmlsec fail', String((e as {stderr: Buffer}).stderr)); }
  console.log(verifyAssertionSignature(out));
  const env = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsa="http://www.w3.org/2005/08/addressing"><s:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">${out}</wsse:Security></s:Header><s:Body/></s:Envelope>`;
  writeFileSync('/tmp/sec-scratch/e.xml', env);
  try { execFileSync('xmlsec1', ['--verify', '--pubkey-cert-pem', '/tmp/sec-scratch/cert.pem', '--id-attr:ID', 'urn:oasis:names:tc:SAML:2.0:assertion:Assertion', '/tmp/sec-scratch/e.xml'], { stdio: 'pipe' }); console.log('env xmlsec ok'); } catch (e) { console.log('env xmlsec fail', String((e as {stderr: Buffer}).stderr).slice(-300)); }
  console.log('env ours', verifyAssertionSignature(env).valid);
  const t = out.replace('<saml2:NameID>1<', '<saml2:NameID>2<');
  console.log('tampered', verifyAssertionSignature(t));
}
