/**
 * The built-in namespace catalog: small XSDs written for volet from the public W3C/OASIS specifications,
 * standing in for the remote schemas that real WSDLs import by `http(s):` location. The loader never
 * fetches; it maps those imports here by namespace (or by well-known location).
 */
import { XML_XSD } from './schemas/xml.js';
import { XML_SCHEMA_XSD } from './schemas/xml-schema.js';
import { XSI_XSD } from './schemas/xsi.js';
import { SOAP11_ENVELOPE_XSD } from './schemas/soap11-envelope.js';
import { SOAP11_ENCODING_XSD } from './schemas/soap11-encoding.js';
import { SOAP12_ENVELOPE_XSD } from './schemas/soap12-envelope.js';
import { SOAP12_ENCODING_XSD } from './schemas/soap12-encoding.js';
import { WSDL11_XSD } from './schemas/wsdl11.js';
import { WS_ADDRESSING_XSD } from './schemas/ws-addressing.js';
import { WSS_SECEXT_XSD } from './schemas/wss-secext.js';
import { WSS_UTILITY_XSD } from './schemas/wss-utility.js';
import { SAML2_ASSERTION_XSD } from './schemas/saml2-assertion.js';
import { XMLDSIG_XSD } from './schemas/xmldsig.js';
import { XMLENC_XSD } from './schemas/xmlenc.js';
import { XOP_INCLUDE_XSD } from './schemas/xop-include.js';
import { XMIME_XSD } from './schemas/xmime.js';
import { XLINK_XSD } from './schemas/xlink.js';

/** One built-in schema. */
export interface BuiltinSchema {
  /** File name shown in diagnostics, after {@link BUILTIN_PREFIX}. */
  name: string;
  /** The target namespace it provides. */
  namespace: string;
  /** Well-known remote locations of the official schema (exact match), besides the namespace itself. */
  locations: readonly string[];
  /** The XSD text. */
  text: string;
}

/** Prefix of the path and display path of built-in catalog documents. */
export const BUILTIN_PREFIX = 'volet-catalog:';

/** Every built-in schema, one per namespace. */
export const BUILTIN_SCHEMAS: readonly BuiltinSchema[] = [
  {
    name: 'xml.xsd',
    namespace: 'http://www.w3.org/XML/1998/namespace',
    locations: ['http://www.w3.org/2001/xml.xsd', 'https://www.w3.org/2001/xml.xsd', 'http://www.w3.org/2009/01/xml.xsd'],
    text: XML_XSD,
  },
  {
    name: 'XMLSchema.xsd',
    namespace: 'http://www.w3.org/2001/XMLSchema',
    locations: ['http://www.w3.org/2001/XMLSchema.xsd', 'https://www.w3.org/2001/XMLSchema.xsd', 'http://www.w3.org/2001/XMLSchema'],
    text: XML_SCHEMA_XSD,
  },
  {
    name: 'xsi.xsd',
    namespace: 'http://www.w3.org/2001/XMLSchema-instance',
    locations: ['http://www.w3.org/2001/XMLSchema-instance', 'http://www.w3.org/2001/XMLSchema-instance.xsd'],
    text: XSI_XSD,
  },
  {
    name: 'xlink.xsd',
    namespace: 'http://www.w3.org/1999/xlink',
    locations: ['http://www.w3.org/XML/2008/06/xlink.xsd', 'http://www.w3.org/1999/xlink.xsd', 'https://www.w3.org/1999/xlink.xsd'],
    text: XLINK_XSD,
  },
  {
    name: 'soap11-envelope.xsd',
    namespace: 'http://schemas.xmlsoap.org/soap/envelope/',
    locations: [],
    text: SOAP11_ENVELOPE_XSD,
  },
  {
    name: 'soap11-encoding.xsd',
    namespace: 'http://schemas.xmlsoap.org/soap/encoding/',
    locations: ['http://schemas.xmlsoap.org/soap/encoding/'],
    text: SOAP11_ENCODING_XSD,
  },
  {
    name: 'soap12-envelope.xsd',
    namespace: 'http://www.w3.org/2003/05/soap-envelope',
    locations: ['http://www.w3.org/2003/05/soap-envelope/soap-envelope.xsd'],
    text: SOAP12_ENVELOPE_XSD,
  },
  {
    name: 'soap12-encoding.xsd',
    namespace: 'http://www.w3.org/2003/05/soap-encoding',
    locations: ['http://www.w3.org/2003/05/soap-encoding'],
    text: SOAP12_ENCODING_XSD,
  },
  {
    name: 'wsdl-1.1.xsd',
    namespace: 'http://schemas.xmlsoap.org/wsdl/',
    locations: ['http://schemas.xmlsoap.org/wsdl/', 'http://schemas.xmlsoap.org/wsdl/2003-02-11.xsd'],
    text: WSDL11_XSD,
  },
  {
    name: 'ws-addressing.xsd',
    namespace: 'http://www.w3.org/2005/08/addressing',
    locations: ['http://www.w3.org/2006/03/addressing/ws-addr.xsd', 'http://www.w3.org/2005/08/addressing/ws-addr.xsd'],
    text: WS_ADDRESSING_XSD,
  },
  {
    name: 'wss-secext-1.0.xsd',
    namespace: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
    locations: ['http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd'],
    text: WSS_SECEXT_XSD,
  },
  {
    name: 'wss-utility-1.0.xsd',
    namespace: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd',
    locations: ['http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd'],
    text: WSS_UTILITY_XSD,
  },
  {
    name: 'saml-2.0-assertion.xsd',
    namespace: 'urn:oasis:names:tc:SAML:2.0:assertion',
    locations: ['http://docs.oasis-open.org/security/saml/v2.0/saml-schema-assertion-2.0.xsd'],
    text: SAML2_ASSERTION_XSD,
  },
  {
    name: 'xmldsig-core.xsd',
    namespace: 'http://www.w3.org/2000/09/xmldsig#',
    locations: ['http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd', 'http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd'],
    text: XMLDSIG_XSD,
  },
  {
    name: 'xmlenc-core.xsd',
    namespace: 'http://www.w3.org/2001/04/xmlenc#',
    locations: ['http://www.w3.org/TR/2002/REC-xmlenc-core-20021210/xenc-schema.xsd', 'http://www.w3.org/TR/xmlenc-core/xenc-schema.xsd'],
    text: XMLENC_XSD,
  },
  {
    name: 'xop-include.xsd',
    namespace: 'http://www.w3.org/2004/08/xop/include',
    locations: ['http://www.w3.org/2004/08/xop/include'],
    text: XOP_INCLUDE_XSD,
  },
  {
    name: 'xmime.xsd',
    namespace: 'http://www.w3.org/2005/05/xmlmime',
    locations: ['http://www.w3.org/2005/05/xmlmime'],
    text: XMIME_XSD,
  },
];

/** The built-in schema for a namespace, if any. */
export function builtinForNamespace(namespace: string): BuiltinSchema | undefined {
  return BUILTIN_SCHEMAS.find((s) => s.namespace === namespace);
}

/** The built-in schema for a well-known remote location (exact match, or the namespace URI itself), if any. */
export function builtinForLocation(location: string): BuiltinSchema | undefined {
  return BUILTIN_SCHEMAS.find((s) => s.locations.includes(location));
}

/** The built-in schema behind a `volet-catalog:` path, if any. */
export function builtinForPath(path: string): BuiltinSchema | undefined {
  if (!path.startsWith(BUILTIN_PREFIX)) return undefined;
  const name = path.slice(BUILTIN_PREFIX.length);
  return BUILTIN_SCHEMAS.find((s) => s.name === name);
}
