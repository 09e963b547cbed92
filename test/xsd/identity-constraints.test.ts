import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementByName, elementTerms, errors, particleOf, runSchema, schema } from './support.js';

test('key, keyref and unique are kept as metadata on global and local elements', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:element name="Library">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="book" maxOccurs="unbounded">
          <xs:complexType><xs:attribute name="isbn" type="xs:string"/><xs:attribute name="author" type="xs:string"/></xs:complexType>
          <xs:unique name="UniqueAuthor"><xs:selector xpath="."/><xs:field xpath="@author"/></xs:unique>
        </xs:element>
        <xs:element name="loan" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType><xs:attribute name="isbn" type="xs:string"/></xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
    <xs:key name="BookKey"><xs:selector xpath="t:book"/><xs:field xpath="@isbn"/></xs:key>
    <xs:keyref name="LoanBook" refer="t:BookKey"><xs:selector xpath="t:loan"/><xs:field xpath="@isbn"/><xs:field xpath="."/></xs:keyref>
  </xs:element>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  assert.deepEqual(elementByName(model, '{urn:t}Library').identityConstraints, [
    { kind: 'key', name: '{urn:t}BookKey', selector: 't:book', fields: ['@isbn'] },
    { kind: 'keyref', name: '{urn:t}LoanBook', selector: 't:loan', fields: ['@isbn', '.'], refer: '{urn:t}BookKey' },
  ]);
  const [book, loan] = elementTerms(particleOf(complexType(model, '{urn:t}Library~')));
  assert.deepEqual(book.identityConstraints, [{ kind: 'unique', name: '{urn:t}UniqueAuthor', selector: '.', fields: ['@author'] }]);
  assert.equal(loan.identityConstraints, undefined);
});

test('a keyref to an unknown key is an error', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:element name="E" type="xs:string">
    <xs:keyref name="K" refer="t:Nothing"><xs:selector xpath="."/><xs:field xpath="."/></xs:keyref>
  </xs:element>`),
  );
  assert.deepEqual(
    errors(diagnostics).map((d) => d.code),
    ['unresolved-identity-constraint'],
  );
});
