/**
 * Typed errors shared by the runtime modules.
 * @packageDocumentation
 */
export { VoletError } from './volet-error.js';
export { XmlError, type XmlPosition } from './xml-error.js';
export { DecodeError } from './decode-error.js';
export { EncodeError } from './encode-error.js';
