/**
 * XML layer: streaming namespace-aware reader (own scanner) with limits, escaping, QNames, prefix
 * allocation, raw capture.
 * @packageDocumentation
 */
export { XML_NS, XMLNS_NS, XSI_NS, XSD_NS } from './namespaces.js';
export { type QName, clark, parseClark, splitPrefixed, isNCName } from './qname.js';
export { escapeXml, isXmlChars } from './escape.js';
export { type XmlLimits, DEFAULT_LIMITS } from './limits.js';
export { XmlReader, readXml, readXmlAsync, type XmlHandler, type XmlTag, type XmlAttribute, type XmlReaderOptions } from './reader.js';
export { RawCapture } from './raw-capture.js';
export { PrefixAllocator } from './prefixes.js';
export { redactXml, isSafeElementText, isSafeAttribute, MASK, type RedactOptions } from './redact-xml.js';
