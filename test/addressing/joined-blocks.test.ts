/**
 * A response's WS-Addressing header blocks are read in one pass, joined: the raw blocks the envelope
 * decoder captures are self-contained (they carry the declarations they use, here made on the
 * Envelope), so reading them together gives what reading each one gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readAddressingHeaders, WSA_NS } from '@volet/runtime/addressing';
import { decodeEnvelope } from '@volet/runtime/soap';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

test('WS-Addressing blocks read joined give what each block read alone gives', () => {
  const envelope = `<s:Envelope xmlns:s="${SOAP12}" xmlns:wsa="${WSA_NS}" xmlns:o="urn:other"><s:Header>
    <wsa:Action>urn:a</wsa:Action><o:Thing>x</o:Thing><wsa:MessageID> urn:m </wsa:MessageID>
    <wsa:RelatesTo>urn:r1</wsa:RelatesTo><wsa:RelatesTo RelationshipType="urn:rt">urn:r2</wsa:RelatesTo>
    <wsa:ReplyTo><wsa:Address>urn:reply</wsa:Address></wsa:ReplyTo><wsa:Action>urn:second</wsa:Action>
  </s:Header><s:Body/></s:Envelope>`;
  const blocks = decodeEnvelope(envelope).headers.flatMap((h) => (h.namespace === WSA_NS && h.xml !== undefined ? [h.xml] : []));
  assert.equal(blocks.length, 6);
  const joined = readAddressingHeaders(blocks.join(''));
  assert.deepEqual(joined, readAddressingHeaders(blocks));
  assert.deepEqual(joined, {
    action: 'urn:a',
    messageId: 'urn:m',
    replyTo: 'urn:reply',
    relatesTo: [
      { value: 'urn:r1', relationshipType: 'http://www.w3.org/2005/08/addressing/reply' },
      { value: 'urn:r2', relationshipType: 'urn:rt' },
    ],
  });
});
