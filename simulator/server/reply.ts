/**
 * Writing replies: response envelopes encoded with the generated descriptors, WS-Addressing
 * response headers as the DMP sends them (Action, MessageID, To anonymous, RelatesTo), faults,
 * and the multipart/related framing (MTOM) that some endpoints use for every answer.
 */
import { WSA_ANONYMOUS, WSA_NS, newMessageId } from '@volet/runtime/addressing';
import { encodeMtom } from '@volet/runtime/mtom';
import { encodeEnvelope, encodeFaultEnvelope, soapContentType, type BodyBlock } from '@volet/runtime/soap';
import { escapeXml } from '@volet/runtime/xml';
import type { SoapHttpReply } from './exchange.js';
import type { FaultSpec } from './simulated-fault.js';
import type { XopBinder } from './xop-binder.js';

/** The action of WS-Addressing SOAP faults. */
export const WSA_FAULT_ACTION = 'http://www.w3.org/2005/08/addressing/soap/fault';

function block(local: string, value: string): string {
  return `<wsa:${local} xmlns:wsa="${WSA_NS}">${escapeXml(value)}</wsa:${local}>`;
}

/**
 * The WS-Addressing headers of a response, in the order of the DMP examples.
 * @param action - the response action
 * @param relatesTo - the request's MessageID, when it had one
 */
export function responseAddressing(action: string, relatesTo: string | undefined): string[] {
  const blocks = [block('Action', action), block('MessageID', newMessageId('urn:uuid')), block('To', WSA_ANONYMOUS)];
  if (relatesTo !== undefined && relatesTo !== '') blocks.push(block('RelatesTo', relatesTo));
  return blocks;
}

/** How a reply is framed. */
export interface ReplyFraming {
  /** Send as multipart/related (MTOM), as the DMP does for every ITI-43 answer. */
  readonly multipart?: boolean;
  /** Binary values bound as XOP parts (implies multipart). */
  readonly xop?: XopBinder;
}

function framed(status: number, envelope: string, action: string | undefined, framing: ReplyFraming): SoapHttpReply {
  if (framing.xop !== undefined) {
    const message = framing.xop.finish(envelope, action);
    return { status, contentType: message.contentType, body: message.chunks };
  }
  if (framing.multipart === true) {
    const message = encodeMtom(envelope, [], { soapVersion: '1.2', ...(action === undefined ? {} : { action }) });
    return { status, contentType: message.contentType, body: message.chunks };
  }
  return { status, contentType: soapContentType('1.2', action), body: envelope };
}

/**
 * A successful response: the body encoded with its generated element, headers as given.
 * @param body - the response element and value
 * @param headers - raw header blocks (e.g. from {@link responseAddressing})
 * @param action - the response action (for the Content-Type)
 * @param framing - plain or multipart
 */
export function envelopeReply(body: BodyBlock, headers: readonly string[], action: string | undefined, framing: ReplyFraming = {}): SoapHttpReply {
  const envelope = encodeEnvelope({ version: '1.2', headers, body, ...(framing.xop === undefined ? {} : { encodeOptions: framing.xop.encodeOptions() }) });
  return framed(200, envelope, action, framing);
}

/**
 * A response whose envelope is already written (canned answers).
 * @param envelope - the envelope bytes or text, sent unchanged
 */
export function rawEnvelopeReply(envelope: string | Uint8Array, action: string | undefined): SoapHttpReply {
  return { status: 200, contentType: soapContentType('1.2', action), body: envelope };
}

/**
 * A fault response (HTTP 500 unless the spec says otherwise).
 * @param spec - the fault
 * @param headers - raw header blocks to send with it
 * @param framing - plain or multipart
 */
export function faultReply(spec: FaultSpec, headers: readonly string[] = [], framing: ReplyFraming = {}): SoapHttpReply {
  const envelope = encodeFaultEnvelope({
    version: '1.2',
    code: spec.code,
    subcodes: spec.subcodes ?? [],
    reasons: [{ text: spec.reason, lang: spec.lang ?? 'en' }],
    detail: spec.detail ?? [],
    headers,
  });
  return framed(spec.status ?? 500, envelope, undefined, framing);
}
