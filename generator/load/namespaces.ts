/** Namespaces the loader and the parsers recognise. */

/** XML Schema 1.0. */
export const XSD = 'http://www.w3.org/2001/XMLSchema';
/** WSDL 1.1. */
export const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
/** The `xml:` prefix namespace. */
export const XML = 'http://www.w3.org/XML/1998/namespace';
