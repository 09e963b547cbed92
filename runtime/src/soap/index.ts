/**
 * SOAP 1.1 and 1.2: envelopes, HTTP framing, faults.
 * @packageDocumentation
 */
export {
  SOAP11_ENVELOPE_NS,
  SOAP12_ENVELOPE_NS,
  envelopeNamespace,
  soapVersionOf,
  soapContentType,
  soapHttpHeaders,
  actionFromContentType,
} from './versions.js';
export { SoapFault, type SoapFaultInit, type FaultReason, type SoapBlock } from './fault.js';
export {
  encodeEnvelope,
  encodeEnvelopeBytes,
  encodeFaultEnvelope,
  type EnvelopeInput,
  type HeaderBlock,
  type BodyBlock,
  type FaultInput,
} from './encode-envelope.js';
export { decodeEnvelope, decodeEnvelopeAsync, type DecodeEnvelopeOptions, type DecodedEnvelope } from './decode-envelope.js';
