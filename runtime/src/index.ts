/**
 * @volet/runtime — the runtime shared by every volet-generated client.
 *
 * The root holds what generated code and its callers need: the client and its options, the
 * descriptor and value types generated code names, the two national profiles and their signers,
 * the business-outcome helpers and the errors a call can throw. Everything else is in a subpath:
 * `@volet/runtime/codec`, `/xml`, `/soap`, `/addressing`, `/mtom`, `/http`, `/security`,
 * `/profiles`, `/client`, `/errors`. Importing the root loads neither node-forge nor xml-crypto nor
 * xmldom (they load on first use) and runs nothing. runtime/api-report.json lists every entry's names.
 * @packageDocumentation
 */
export { runtimeVersion } from './version.js';

// The client generated code wraps, and what its callers pass it.
export { SoapClient } from './client/soap-client.js';
export type { ClientOptions, CallOptions, CommonOptions, SoapResponse } from './client/options.js';
export type { SoapProfile, ProfileContext, ProfileHeader, ProfileRequest } from './client/profile.js';
export type { TraceEvent, TraceHook } from './client/trace.js';
export type { Transport, TransportRequest, TransportResponse, BodyChunk } from './http/transport.js';

// What generated descriptors and types refer to.
export type {
  PortDescriptor,
  OperationDescriptor,
  MessageDescriptor,
  BodyPartDescriptor,
  HeaderPartDescriptor,
  FaultDescriptor,
  OperationRef,
} from './client/operation.js';
export { operationRef } from './client/operation.js';
export { elementRef, type ElementRef, type SchemaDescriptor } from './codec/descriptors.js';
export type { RawXml, Tagged, MixedItem, ListItem, QNameValue, AnyAttributes, Retyped } from './codec/values.js';
export type { QName } from './xml/qname.js';

// Profiles, and the security inputs their callers write.
export { cisisProfile, type CisisProfileOptions, type VihfSource } from './profiles/cisis.js';
export {
  tlsiProfile,
  assertionPsSource,
  type TlsiProfileOptions,
  type TlsiProfileSecurity,
  type AssertionSource,
  type AssertionPsSourceOptions,
} from './profiles/tlsi.js';
export type { ContextValue } from './profiles/tlsi-contexts.js';
export { VihfProvider, type VihfProviderOptions } from './security/vihf/provider.js';
export type { VihfInput, VihfMode, CodedValue, PurposeOfUseCode } from './security/vihf/types.js';
export type { AssertionPsInput } from './security/tlsi/assertion-ps.js';
export { readOrCreateInstanceId } from './security/tlsi/instance-id.js';
export type { Signer, SignatureAlgorithmName } from './security/signers/signer.js';
export { createPemSigner, loadPemSigner, type PemSignerOptions } from './security/signers/pem-signer.js';
export { createPkcs12Signer, loadPkcs12Signer } from './security/signers/pkcs12.js';

// Large documents: files and streams as XOP parts, parts received into files or sinks (generated
// clients of MTOM operations name WithAttachmentSources).
export { attachmentFromFile, attachmentFromStream, type AttachmentSource, type WithAttachmentSources } from './mtom/attachment-source.js';
export { ReceivedAttachment, type AttachmentOutput, type WithReceivedAttachments } from './mtom/received-attachment.js';
export { isReceivedAttachment } from './mtom/source-brand.js';

// Business outcomes (not faults).
export {
  registryResponseStatus,
  registryErrors,
  insiResult,
  type RegistryStatus,
  type RegistryErrorInfo,
  type InsiResult,
} from './client/outcomes.js';

// What a call can throw.
export { VoletError } from './errors/volet-error.js';
export { SoapFault, type FaultReason, type SoapBlock } from './soap/fault.js';
export { TransportError, type TransportErrorKind } from './http/transport-error.js';
export { EncodeError } from './errors/encode-error.js';
export { DecodeError } from './errors/decode-error.js';
export { XmlError } from './errors/xml-error.js';
export { MtomError } from './mtom/mtom-error.js';
export { AddressingError } from './addressing/addressing-error.js';
export { SecurityError, type SecurityErrorCode } from './security/errors.js';
