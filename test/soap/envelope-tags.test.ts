/**
 * The envelope's own tags are made once per SOAP version and prefix, and the codec options once per
 * frozen caller options and prefix: every version, prefix and attribute still comes out as asked,
 * a bad prefix is refused every time (never remembered), and the caller's options are not changed;
 * SOAP 1.2 content types are made once per action.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EncodeError } from '@volet/runtime';
import { encodeEnvelope, encodeEnvelopeBytes, soapContentType, soapHttpHeaders } from '@volet/runtime/soap';

const NS = { '1.1': 'http://schemas.xmlsoap.org/soap/envelope/', '1.2': 'http://www.w3.org/2003/05/soap-envelope' } as const;

test('each version and prefix gets its own tags, in any order of use', () => {
  for (let round = 0; round < 2; round++) {
    for (const version of ['1.1', '1.2'] as const) {
      for (const prefix of ['soap', 'env', 'S']) {
        const xml = encodeEnvelope({ version, prefix, headers: ['<h xmlns="urn:h"/>'], body: '<b xmlns="urn:b"/>', xmlDeclaration: false });
        assert.equal(
          xml,
          `<${prefix}:Envelope xmlns:${prefix}="${NS[version]}"><${prefix}:Header><h xmlns="urn:h"/></${prefix}:Header><${prefix}:Body><b xmlns="urn:b"/></${prefix}:Body></${prefix}:Envelope>`,
        );
        assert.equal(
          encodeEnvelopeBytes({ version, prefix, body: '<b/>', xmlDeclaration: false }).toString('utf8'),
          xml.replace(/<[^:]+:Header>.*<\/[^:]+:Header>/, '').replace('<b xmlns="urn:b"/>', '<b/>'),
        );
      }
    }
  }
});

test('envelope and body attributes are written where asked', () => {
  const xml = encodeEnvelope({ version: '1.2', envelopeAttributes: ' xmlns:x="urn:x"', bodyAttributes: ' x:id="1"', body: '<b/>', xmlDeclaration: false });
  assert.equal(xml, `<soap:Envelope xmlns:soap="${NS['1.2']}" xmlns:x="urn:x"><soap:Body x:id="1"><b/></soap:Body></soap:Envelope>`);
});

test('a bad prefix is refused on every call', () => {
  for (let k = 0; k < 3; k++) {
    for (const prefix of ['xmlsoap', '1a', 'a:b']) {
      assert.throws(
        () => encodeEnvelope({ version: '1.1', prefix, body: '<b/>' }),
        (err: unknown) => err instanceof EncodeError && err.code === 'invalid-prefix',
      );
    }
  }
});

test("the caller's codec options are left as they were, frozen or not", () => {
  const open = { reservedPrefixes: ['r'] };
  const frozen = Object.freeze({ reservedPrefixes: Object.freeze(['r']) });
  for (const encodeOptions of [open, frozen, open, frozen]) {
    encodeEnvelope({ version: '1.2', body: '<b/>', encodeOptions });
  }
  assert.deepEqual(open, { reservedPrefixes: ['r'] });
  assert.deepEqual(frozen, { reservedPrefixes: ['r'] });
});

test('SOAP 1.2 content types: one per action, a bad action refused on every call', () => {
  for (let round = 0; round < 2; round++) {
    for (let k = 0; k < 300; k++) {
      const action = `urn:test:action:${k}`;
      assert.equal(soapContentType('1.2', action), `application/soap+xml; charset=utf-8; action="${action}"`);
      assert.deepEqual(soapHttpHeaders('1.2', action), { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` });
    }
    for (const action of ['a"b', 'a\\b', 'a\nb']) {
      assert.throws(
        () => soapContentType('1.2', action),
        (err: unknown) => err instanceof EncodeError && err.code === 'invalid-action',
      );
    }
  }
  assert.equal(soapContentType('1.2', ''), 'application/soap+xml; charset=utf-8');
  assert.equal(soapContentType('1.1', 'urn:x'), 'text/xml; charset=utf-8');
});
