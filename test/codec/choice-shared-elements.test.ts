/**
 * A choice whose branches share elements: SAML 2.0 `AuthnContextType` is
 * (ClassRef, (Decl | DeclRef)?) | (Decl | DeclRef). The official AIR token sends ClassRef then Decl;
 * strict decoding must accept it, and still refuse what no branch allows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DecodeError } from '@volet/runtime';
import { decode, encode } from '@volet/runtime/codec';
import { AuthnContextElement } from '../../generated/schemas/saml2/index.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const CLASS = 'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI';

test('choice branches sharing an element: ClassRef + Decl, Decl alone, ClassRef alone decode strictly', () => {
  const both = decode(
    AuthnContextElement,
    `<s:AuthnContext xmlns:s="${SAML}"><s:AuthnContextClassRef>${CLASS}</s:AuthnContextClassRef><s:AuthnContextDeclRef>${CLASS}</s:AuthnContextDeclRef></s:AuthnContext>`,
    { mode: 'strict' },
  );
  assert.equal(both.AuthnContextClassRef, CLASS);
  assert.equal(both.AuthnContextDeclRef, CLASS);
  const declOnly = decode(AuthnContextElement, `<s:AuthnContext xmlns:s="${SAML}"><s:AuthnContextDeclRef>${CLASS}</s:AuthnContextDeclRef></s:AuthnContext>`, {
    mode: 'strict',
  });
  assert.equal(declOnly.AuthnContextDeclRef, CLASS);
  assert.equal(declOnly.AuthnContextClassRef, undefined);
  const classOnly = decode(
    AuthnContextElement,
    `<s:AuthnContext xmlns:s="${SAML}"><s:AuthnContextClassRef>${CLASS}</s:AuthnContextClassRef></s:AuthnContext>`,
    { mode: 'strict' },
  );
  assert.equal(classOnly.AuthnContextClassRef, CLASS);
  // And back: the encoder applies the same rule.
  assert.match(encode(AuthnContextElement, both), /AuthnContextClassRef>.*AuthnContextDeclRef>/);
});

test('choice branches sharing an element: what no branch allows is still refused', () => {
  assert.throws(
    () => decode(AuthnContextElement, `<s:AuthnContext xmlns:s="${SAML}"></s:AuthnContext>`, { mode: 'strict' }),
    (e: unknown) => e instanceof DecodeError && e.code === 'missing-element',
  );
});
