/**
 * The codec engine: descriptors (plain data emitted by the generator) and the verbs that
 * interpret them. See docs/descriptors.md and docs/mapping.md.
 * @packageDocumentation
 */
export * from './descriptors.js';
export type { RawXml, Tagged, MixedItem, ListItem, QNameValue, AnyAttributes } from './values.js';
export { isRawXml, isTagged } from './values.js';
export { decode, decodeAsync, type DecodeOptions } from './decode.js';
export { encode, encodeBytes, type EncodeOptions } from './encode.js';
/** For volet's own tools (`volet decode`/`encode`/`call`/`jsonschema`): descriptors compiled for lookups. */
export { compiledSchema, type CompiledSchema, type CompiledElement } from './compile.js';
export { nearestNames, didYouMean } from './nearest-names.js';
export { xsdPattern } from './facets.js';
