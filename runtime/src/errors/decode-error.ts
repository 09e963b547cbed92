import { XmlPositionedError } from './xml-error.js';

/**
 * Well-formed XML that does not match the descriptors: an unknown or misplaced element, a missing
 * required element or attribute, a value outside its type's lexical space, a wrong SOAP envelope.
 * Codes: `unknown-element`, `out-of-order`, `missing-element`, `invalid-value`, …; the message
 * carries no document text unless the caller enabled `debug`.
 */
export class DecodeError extends XmlPositionedError {}
