/**
 * Injection through fault codes: a code or subcode local name is written as element text, so a
 * name like `x</soap:Value>…<evil/>` would add markup to the body. QNames the runtime writes must be
 * NCNames: anything else is a typed EncodeError before any XML is produced.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeMessageJson } from '../../generator/cli/message-json.js';
import type { SchemaDescriptor } from '@volet/runtime/codec';
import { EncodeError } from '@volet/runtime/errors';
import { decodeEnvelope, encodeFaultEnvelope, SoapFault } from '@volet/runtime/soap';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const injected =
  'Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">ok</soap:Text></soap:Reason></soap:Fault><evil/><soap:Fault><soap:Code><soap:Value>soap:Sender';
const hostile = [injected, 'a b', 'x"y', 'a:b', '1abc', '', 'a&b', 'a<b'];

function isInvalidQName(e: unknown): boolean {
  return e instanceof EncodeError && e.code === 'invalid-qname';
}

test('a fault code or subcode that is not an NCName is refused (1.1 and 1.2)', () => {
  for (const local of hostile) {
    for (const version of ['1.1', '1.2'] as const) {
      assert.throws(
        () => encodeFaultEnvelope({ version, code: { namespace: 'urn:x', local }, reasons: [{ text: 'r' }] }),
        isInvalidQName,
        `${version} code ${JSON.stringify(local)}`,
      );
    }
    assert.throws(
      () =>
        encodeFaultEnvelope({
          version: '1.2',
          code: 'Sender',
          subcodes: [
            { namespace: 'urn:x', local: 'ok' },
            { namespace: 'urn:x', local },
          ],
          reasons: [{ text: 'r' }],
        }),
      (e: unknown) => isInvalidQName(e) && /subcode 2/.test((e as Error).message),
    );
  }
});

test('the JSON form of a fault cannot inject body elements', () => {
  const schema: SchemaDescriptor = { v: 1, ns: [''], types: {}, elements: {} };
  const json = { envelope: { version: '1.2', headers: [], fault: { code: `{${SOAP12}}${injected}`, reasons: [{ text: 'r' }] } } };
  assert.throws(() => encodeMessageJson(schema, json), isInvalidQName);
});

test('valid codes are still written and read back', () => {
  const xml = encodeFaultEnvelope({
    version: '1.2',
    code: 'Sender',
    subcodes: [{ namespace: 'urn:siram', local: 'siram_100' }],
    reasons: [{ text: 'a < b & "c"' }],
  });
  assert.throws(
    () => decodeEnvelope(xml),
    (e: unknown) => {
      assert.ok(e instanceof SoapFault);
      assert.equal(e.faultCode.local, 'Sender');
      assert.deepEqual(
        e.subcodes.map((q) => [q.namespace, q.local]),
        [['urn:siram', 'siram_100']],
      );
      return true;
    },
  );
});
