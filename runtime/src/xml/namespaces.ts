/** The XML namespace, always bound to the `xml` prefix and never declared. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** The namespace of namespace declarations (`xmlns`, `xmlns:p`). */
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** XML Schema instance: `xsi:type`, `xsi:nil`, `xsi:schemaLocation`. */
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
/** XML Schema, the namespace of the built-in types. */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
