/**
 * Validates SOAP envelopes carrying WS-Addressing headers with `xmllint --schema`, against the
 * SOAP 1.1/1.2 and WS-Addressing 1.0 schemas of the corpus, offline (an XML catalog maps the
 * remote xml.xsd import to the local copy).
 */
import { join } from 'node:path';
import { corpus, corpusAvailable } from '../support/paths.js';
import { xmllintSkipReason as noXmllint, xmllintValidate, type SchemaImport, type XmllintResult } from '../support/xmllint.js';

const SCHEMAS = corpus('wss4j-ws-schemas', 'ws-security-stax', 'src', 'main', 'resources', 'schemas');
const WSA_XSD = corpus('wss4j-ws-schemas', 'ws-security-policy-stax', 'src', 'main', 'resources', 'schemas', 'ws-addr200508.xsd');

/** Why the xmllint tests must skip, or false. */
export function xmllintSkipReason(): string | false {
  return corpusAvailable ? noXmllint : 'WSDL corpus not found (set VOLET_CORPUS)';
}

/**
 * Validates `xml` against SOAP `version` + WS-Addressing; returns xmllint's exit status and messages.
 * @param xml - a complete envelope
 * @param version - SOAP version of the envelope
 */
export function validateEnvelope(xml: string, version: '1.1' | '1.2'): XmllintResult {
  const soap: SchemaImport =
    version === '1.2'
      ? { namespace: 'http://www.w3.org/2003/05/soap-envelope', location: join(SCHEMAS, 'soap-1.2.xsd') }
      : { namespace: 'http://schemas.xmlsoap.org/soap/envelope/', location: join(SCHEMAS, 'soap-1.1.xsd') };
  return xmllintValidate(xml, [soap, { namespace: 'http://www.w3.org/2005/08/addressing', location: WSA_XSD }], {
    'http://www.w3.org/2001/xml.xsd': join(SCHEMAS, 'xml.xsd'),
  });
}
