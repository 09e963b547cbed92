/**
 * MTOM/XOP: multipart/related encoder (zero-copy chunks), buffered decoder (zero-copy parts),
 * Content-ID handling, and the response splitter the client uses on every SOAP response.
 * @packageDocumentation
 */
export { MtomError } from './mtom-error.js';
export type { MtomErrorCode } from './mtom-error.js';
export { XOP_INCLUDE_NS, normalizeContentId, newContentId, cidHref, xopIncludeElement } from './content-id.js';
export { encodeMtom, findXopReferences, XopPackage } from './encode.js';
export type { MtomAttachment, MtomEncodeOptions, MtomMessage, XopReference } from './encode.js';
export { decodeMultipartRelated, resolveXopHref, partText, sniffBoundary } from './decode.js';
export type { MimePart, MultipartRelated, DecodeMultipartOptions } from './decode.js';
export { splitSoapPayload, envelopeText } from './soap-payload.js';
export type { SoapPayload } from './soap-payload.js';
export { inlineXopIncludes } from './inline.js';
