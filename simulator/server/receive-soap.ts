/**
 * First look at a request, before any service rule: HTTP method, framing (plain SOAP 1.2 or
 * MTOM multipart), the envelope text, its WS-Addressing headers and the HTTP `action=` parameter.
 * Everything that cannot be read becomes a Sender fault with a message in the style of Apache CXF
 * (the DMP's stack), never an exception that escapes.
 */
import { AddressingError, MtomError } from '@volet/runtime';
import { readAddressingHeaders, type ResponseAddressing } from '@volet/runtime/addressing';
import { parseContentType } from '@volet/runtime/http';
import { envelopeText, splitSoapPayload } from '@volet/runtime/mtom';
import { actionFromContentType } from '@volet/runtime/soap';
import type { SoapHttpRequest } from './exchange.js';
import { SimulatedFault } from './simulated-fault.js';

/** A request whose envelope could be located and read. */
export interface ReceivedSoap {
  /** The envelope as received (the root part for MTOM). */
  readonly envelope: string;
  /** Whether the request was multipart/related (MTOM). */
  readonly multipart: boolean;
  /** XOP parts by normalised Content-ID. */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  /** WS-Addressing headers of the request. */
  readonly addressing: ResponseAddressing;
  /** The `action=` parameter of the HTTP Content-Type, if any. */
  readonly httpAction: string | undefined;
}

function sender(reason: string, status = 500): SimulatedFault {
  return new SimulatedFault({ code: 'Sender', reason, status });
}

/**
 * Reads the envelope of a request.
 * @throws SimulatedFault for a wrong method, framing, charset or XML
 */
export function receiveSoap(request: SoapHttpRequest): ReceivedSoap {
  if (request.method !== 'POST') throw sender(`HTTP method ${request.method.slice(0, 16)} is not supported: SOAP requests are POSTed.`, 405);
  const contentType = request.headers['content-type'];
  const ct = parseContentType(contentType);
  if (ct === undefined) throw sender('The request has no Content-Type.', 415);
  if (ct.mediaType === 'text/xml') {
    throw new SimulatedFault({ code: 'VersionMismatch', reason: 'A SOAP 1.1 message is not valid when sent to a SOAP 1.2 only endpoint.' });
  }
  if (ct.mediaType !== 'application/soap+xml' && ct.mediaType !== 'multipart/related') {
    throw sender(`Content-Type ${ct.mediaType.slice(0, 60)} is not a SOAP 1.2 message.`, 415);
  }
  let payloadEnvelope: string;
  let multipart: boolean;
  let attachments: ReadonlyMap<string, Uint8Array>;
  try {
    const payload = splitSoapPayload(contentType, request.body);
    payloadEnvelope = envelopeText(payload);
    multipart = payload.multipart;
    attachments = payload.attachments;
  } catch (error) {
    if (error instanceof MtomError) throw sender(`Couldn't read the MIME message: ${error.message}`);
    throw error;
  }
  let addressing: ResponseAddressing;
  try {
    addressing = readAddressingHeaders(payloadEnvelope);
  } catch (error) {
    if (error instanceof AddressingError) throw sender('Unmarshalling Error: the message is not well-formed XML or uses an undeclared prefix.');
    throw error;
  }
  // Only the HTTP header counts: SoapUI writes operation names in the root part's action (TD2.1).
  const httpAction = actionFromContentType(contentType ?? '');
  return { envelope: payloadEnvelope, multipart, attachments, addressing, httpAction };
}
