/**
 * MTOM/XOP: multipart/related encoder (zero-copy chunks, file/stream parts), buffered decoder
 * (zero-copy parts), streaming decoder (parts to files or sinks as they arrive), Content-ID
 * handling, and the response splitter the client uses on every SOAP response.
 * @packageDocumentation
 */
export { MtomError } from './mtom-error.js';
export type { MtomErrorCode } from './mtom-error.js';
export { XOP_INCLUDE_NS, normalizeContentId, newContentId, cidHref, xopIncludeElement } from './content-id.js';
export { encodeMtom, encodeMtomStreamed, findXopReferences, XopPackage } from './encode.js';
export type { MtomAttachment, MtomEncodeOptions, MtomMessage, StreamedMtomAttachment, StreamedMtomMessage, XopReference } from './encode.js';
export { AttachmentSource, attachmentFromFile, attachmentFromStream } from './attachment-source.js';
export type { ByteStream, AttachmentSourceOptions, StreamSourceOptions, WithAttachmentSources } from './attachment-source.js';
export { isAttachmentSource, isReceivedAttachment } from './source-brand.js';
export { ReceivedAttachment, DEFAULT_MAX_ATTACHMENT_BYTES } from './received-attachment.js';
export type {
  WithReceivedAttachments,
  AttachmentOutput,
  AttachmentDirOutput,
  AttachmentSinkOutput,
  AttachmentOutputLimits,
  AttachmentPartInfo,
} from './received-attachment.js';
export { readMultipartStream } from './multipart-stream.js';
export type { MultipartStreamOptions, StreamedMultipart, PartSink } from './multipart-stream.js';
export { AttachmentCollector, attachmentFileName } from './attachment-sinks.js';
export { decodeMultipartRelated, resolveXopHref, partText, sniffBoundary } from './decode.js';
export type { MimePart, MultipartRelated, DecodeMultipartOptions } from './decode.js';
export { splitSoapPayload, envelopeText } from './soap-payload.js';
export type { SoapPayload } from './soap-payload.js';
export { inlineXopIncludes } from './inline.js';
