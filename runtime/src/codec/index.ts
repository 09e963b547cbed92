/**
 * The codec engine: descriptors (plain data emitted by the generator) and the verbs that
 * interpret them. See docs/descriptors.md and docs/mapping.md.
 * @packageDocumentation
 */
export * from './descriptors.js';
export type { RawXml, Tagged, MixedItem, ListItem, QNameValue, AnyAttributes } from './values.js';
export { isRawXml, isTagged } from './values.js';
export { decode, decodeAsync, type DecodeOptions } from './decode.js';
export { encode, type EncodeOptions } from './encode.js';
