/**
 * Checks shared by the end-to-end tests: the CI-SIS request headers, VIHF / assertion signatures
 * verified by xmlsec1 and by the project's verifier, reading corpus messages.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseContentType } from '@volet/runtime/http';
import { verifyAssertionSignature } from '@volet/runtime/security';
import { corpus } from '../../support/paths.js';
import { tempDir, toolsSkipReason, xmlsecVerify } from '../../security/tools.js';
import { headerBlock, headerNames, mustUnderstand, securityAssertions, SOAP12_NS, WSA, WSSE, type ReceivedRequest } from './soap-server.js';

/** Why xmlsec1-based checks cannot run, or false. */
export const xmlsecSkipReason: string | false = toolsSkipReason('xmlsec1');

/** A corpus file as text. */
export function corpusText(...segments: string[]): string {
  return readFileSync(corpus(...segments), 'utf8');
}

/** The HTTP action of a SOAP 1.2 request (`action=` of the Content-Type; for multipart, of the outer Content-Type). */
export function httpAction(request: ReceivedRequest): string | undefined {
  return parseContentType(request.headers['content-type'])?.params['action'];
}

/** The text of header block `{WSA}local`. */
export function wsaText(request: ReceivedRequest, local: string): string | undefined {
  return headerBlock(request.doc, WSA, local)?.textContent?.trim();
}

/**
 * Asserts the CI-SIS header layout: MessageID (urn:uuid), empty To, anonymous ReplyTo and Action
 * with SOAP 1.2 mustUnderstand, then wsse:Security holding one VIHF assertion and nothing else.
 */
export function assertCisisHeaders(request: ReceivedRequest, action: string): void {
  assert.deepEqual(headerNames(request.doc), [`{${WSA}}MessageID`, `{${WSA}}To`, `{${WSA}}ReplyTo`, `{${WSA}}Action`, `{${WSSE}}Security`]);
  assert.match(wsaText(request, 'MessageID') ?? '', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(wsaText(request, 'To'), '');
  assert.equal(wsaText(request, 'ReplyTo'), 'http://www.w3.org/2005/08/addressing/anonymous');
  assert.equal(wsaText(request, 'Action'), action);
  for (const name of ['MessageID', 'To', 'ReplyTo', 'Action']) {
    const block = headerBlock(request.doc, WSA, name);
    assert.ok(block !== undefined, name);
    assert.equal(mustUnderstand(block, SOAP12_NS), name === 'ReplyTo' || name === 'Action' ? 'true' : undefined, `${name} mustUnderstand`);
  }
  const security = headerBlock(request.doc, WSSE, 'Security');
  assert.ok(security !== undefined);
  const children = [];
  for (let n = security.firstChild; n !== null; n = n.nextSibling) if (n.nodeType === 1) children.push(n);
  assert.equal(children.length, 1, 'wsse:Security holds only the VIHF');
  assert.equal(securityAssertions(request.envelope).length, 1);
}

/**
 * Verifies an assertion exactly as received: with `xmlsec1 --verify` (the signer's certificate)
 * and with the project's verifier (trust anchor = the issuing CA).
 */
export function assertAssertionVerifies(assertion: string, signerCertFile: string, caPem: string): string {
  const tmp = tempDir('e2e-sig');
  try {
    const file = tmp.file('assertion.xml', assertion);
    const xmlsec = xmlsecVerify(file, signerCertFile);
    assert.ok(xmlsec.ok, `xmlsec1 --verify: ${xmlsec.output}`);
    const ours = verifyAssertionSignature(assertion, { trustedCertificates: [caPem] });
    assert.ok(ours.valid, ours.valid ? '' : `verifier: ${ours.reason} ${ours.message}`);
    assert.equal(ours.signature?.trusted, true);
    return ours.assertion.id;
  } finally {
    tmp.cleanup();
  }
}
