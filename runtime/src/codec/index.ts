/**
 * The codec engine: descriptors (plain data emitted by the generator) and the verbs that
 * interpret them. See docs/descriptors.md and docs/mapping.md.
 * @packageDocumentation
 */
export * from './descriptors.js';
export type { RawXml, Tagged, MixedItem, ListItem, QNameValue, AnyAttributes } from './values.js';
export { isRawXml, isTagged } from './values.js';
export { decode, decodeAsync, ElementDecoder, decodeSettings, type DecodeOptions, type DecodeSettings } from './decode.js';
export { encode, type EncodeOptions } from './encode.js';
export { compiledSchema, type CompiledSchema, type CompiledElement } from './compile.js';
export { nearestNames, didYouMean } from './nearest-names.js';
export { xsdPattern } from './facets.js';
