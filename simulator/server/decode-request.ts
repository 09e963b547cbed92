/**
 * Decodes a request envelope with the generated descriptors of the operation its action named:
 * the body element must be that operation's input (strict decoding, as a JAXB server is), the
 * declared header blocks are typed, and a `mustUnderstand` block nobody understands is refused.
 */
import { DecodeError, SoapFault, XmlError, type ElementRef, type SoapBlock } from '@volet/runtime';
import { decodeEnvelope } from '@volet/runtime/soap';
import type { BoundOperation } from './port-binding.js';
import type { ReceivedSoap } from './receive-soap.js';
import { SimulatedFault } from './simulated-fault.js';

/** A decoded request. */
export interface DecodedRequest<TBody = unknown> {
  /** The body element's value. */
  readonly body: TBody;
  /** Every header block: typed when a descriptor matched, raw XML otherwise. */
  readonly headers: readonly SoapBlock[];
}

/** Options of {@link decodeRequest}. */
export interface DecodeRequestOptions {
  /** Header elements to type besides the operation's declared ones (e.g. `wsse:Security` for the DMP). */
  readonly extraHeaders?: readonly ElementRef[];
  /** Namespaces whose header blocks this endpoint understands (for `mustUnderstand`), besides typed ones. */
  readonly understoodNamespaces?: readonly string[];
  /** Declared header parts to leave raw (checked by the caller, with its own fault). */
  readonly rawHeaderParts?: readonly string[];
}

/** The first header block with this name, or undefined. */
export function findHeader(headers: readonly SoapBlock[], namespace: string, local: string): SoapBlock | undefined {
  return headers.find((h) => h.namespace === namespace && h.local === local);
}

/**
 * Decodes the request for `operation`.
 * @throws SimulatedFault (Sender, VersionMismatch, MustUnderstand) for anything that does not fit
 */
export function decodeRequest<TBody = unknown>(received: ReceivedSoap, operation: BoundOperation, options: DecodeRequestOptions = {}): DecodedRequest<TBody> {
  let decoded;
  try {
    decoded = decodeEnvelope(received.envelope, {
      // XOP parts are bound into base64Binary fields by the codec.
      attachments: received.attachments,
      bodyDescriptors: [operation.input],
      headerDescriptors: [
        ...Object.entries(operation.headers)
          .filter(([part]) => !(options.rawHeaderParts ?? []).includes(part))
          .map(([, ref]) => ref),
        ...(options.extraHeaders ?? []),
      ],
      mode: 'strict',
    });
  } catch (error) {
    if (error instanceof DecodeError && error.code === 'not-soap-envelope')
      throw new SimulatedFault({ code: 'Sender', reason: 'The message is not a SOAP envelope.' });
    if (error instanceof DecodeError || error instanceof XmlError) {
      // Codec messages name the element path and the problem, never the values.
      throw new SimulatedFault({ code: 'Sender', reason: `Unmarshalling Error: ${error.message}` });
    }
    if (error instanceof SoapFault) throw new SimulatedFault({ code: 'Sender', reason: 'A request body cannot be a SOAP Fault.' });
    throw error;
  }
  if (decoded.version !== '1.2') {
    throw new SimulatedFault({ code: 'VersionMismatch', reason: 'A SOAP 1.1 message is not valid when sent to a SOAP 1.2 only endpoint.' });
  }
  const understood = new Set(options.understoodNamespaces ?? []);
  const notUnderstood = decoded.headers.filter((h) => h.mustUnderstand === true && h.key === undefined && !understood.has(h.namespace));
  if (notUnderstood.length > 0) {
    const names = notUnderstood.map((h) => `{${h.namespace}}${h.local}`.slice(0, 200)).join(', ');
    throw new SimulatedFault({ code: 'MustUnderstand', reason: `MustUnderstand headers: [${names}] are not understood.` });
  }
  const body = decoded.body[0];
  if (decoded.body.length !== 1 || body === undefined || body.key === undefined) {
    throw new SimulatedFault({ code: 'Sender', reason: "Unmarshalling Error: the Body must hold exactly the operation's request element." });
  }
  return { body: body.value as TBody, headers: decoded.headers };
}

/**
 * Reads only the header blocks of a request (raw XML), for endpoints that have no descriptors
 * for the body (canned answers).
 * @throws SimulatedFault for an envelope that cannot be read
 */
export function decodeHeaders(received: ReceivedSoap): readonly SoapBlock[] {
  try {
    const decoded = decodeEnvelope(received.envelope, { mode: 'strict', attachments: received.attachments });
    if (decoded.version !== '1.2') {
      throw new SimulatedFault({ code: 'VersionMismatch', reason: 'A SOAP 1.1 message is not valid when sent to a SOAP 1.2 only endpoint.' });
    }
    return decoded.headers;
  } catch (error) {
    if (error instanceof DecodeError || error instanceof XmlError)
      throw new SimulatedFault({ code: 'Sender', reason: `Unmarshalling Error: ${error.message}` });
    if (error instanceof SoapFault) throw new SimulatedFault({ code: 'Sender', reason: 'A request body cannot be a SOAP Fault.' });
    throw error;
  }
}
