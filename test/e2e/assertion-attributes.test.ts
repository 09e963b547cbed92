/**
 * The simulators read a decoded assertion's attributes: typed string values, and raw `AttributeValue`
 * XML (untyped or element content) read with the runtime's XML reader — text, the HL7 coded value
 * of the first child element, and nothing from what is not one well-formed document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AssertionType } from '../../generated/schemas/saml2/index.js';
import { assertionAttributes, firstText } from '../../simulator/saml/assertion-attributes.js';

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const HL7 = 'urn:hl7-org:v3';

/** An assertion with one attribute statement; only the parts the reader looks at. */
function assertionWith(attributes: Record<string, unknown[]>): AssertionType {
  const items = Object.entries(attributes).map(([Name, AttributeValue]) => ({ $el: 'Attribute', value: { Name, AttributeValue } }));
  return { StatementOrOthers: [{ $el: 'AttributeStatement', value: { AttributeOrEncryptedAttribute: items } }] } as unknown as AssertionType;
}

test('raw and typed attribute values: text, coded HL7 values, refused documents', () => {
  const role = `<saml:AttributeValue xmlns:saml="${SAML}"><Role xmlns="${HL7}" code="10" codeSystem="1.2.250.1.213.1.1.5.5" displayName="M&#233;decin"/></saml:AttributeValue>`;
  const attributes = assertionWith({
    role: [{ $xml: role }],
    subject: [' DOC TEST '],
    untyped: [{ $xml: `<saml:AttributeValue xmlns:saml="${SAML}"> 899700000001 <![CDATA[x]]></saml:AttributeValue>` }],
    doctype: [{ $xml: `<!DOCTYPE a><a>t</a>` }],
    unbound: [{ $xml: '<p:AttributeValue>t</p:AttributeValue>' }],
    number: [42],
  });
  const read = assertionAttributes(attributes);
  assert.deepEqual(read.get('role'), [
    { text: '', coded: { element: 'Role', namespace: HL7, code: '10', codeSystem: '1.2.250.1.213.1.1.5.5', displayName: 'Médecin' } },
  ]);
  assert.equal(firstText(read, 'subject'), 'DOC TEST');
  assert.deepEqual(read.get('untyped'), [{ text: '899700000001 x', coded: undefined }]);
  assert.deepEqual(read.get('doctype'), [{ text: '', coded: undefined }]);
  assert.deepEqual(read.get('unbound'), [{ text: '', coded: undefined }]);
  assert.equal(firstText(read, 'number'), '42');
  assert.equal(firstText(read, 'absent'), undefined);
});
