/**
 * Canned answers: the simulated DMP can answer an action with a given envelope (for instance an
 * official example response read from the corpus), after the same transport and VIHF checks as
 * its own operations. This is how clients generated from the official WSDLs are tested against
 * the exact messages the DMP documents, without the simulator knowing their schemas.
 */
import { encodeMtom, type MtomAttachment } from '@volet/runtime/mtom';
import type { SoapHttpReply } from '../server/exchange.js';
import { rawEnvelopeReply } from '../server/reply.js';

/** One canned answer. */
export interface CannedResponse {
  /** The request WS-Addressing action it answers. */
  readonly action: string;
  /** The binding's soapAction, also accepted as the HTTP `action=` (default none). */
  readonly soapAction?: string;
  /** The response action, for the Content-Type (optional). */
  readonly responseAction?: string;
  /** The response envelope, sent byte for byte. */
  readonly envelope: string | Uint8Array;
  /** XOP parts: with them (or with `multipart`), the answer is multipart/related with the envelope as root. */
  readonly attachments?: readonly MtomAttachment[];
  /** Frame as multipart/related even without attachments. */
  readonly multipart?: boolean;
}

/** A canned answer as the addressing check sees it. */
export interface CannedTarget {
  readonly action: string;
  readonly soapAction: string;
  readonly response: CannedResponse;
}

/** Indexes canned answers by action (the last one wins). */
export function indexCanned(responses: readonly CannedResponse[]): ReadonlyMap<string, CannedTarget> {
  return new Map(responses.map((r) => [r.action, { action: r.action, soapAction: r.soapAction ?? '', response: r }]));
}

/** The HTTP reply of a canned answer. */
export function cannedReply(response: CannedResponse): SoapHttpReply {
  if (response.attachments !== undefined || response.multipart === true) {
    const message = encodeMtom(response.envelope, response.attachments ?? [], {
      soapVersion: '1.2',
      ...(response.responseAction === undefined ? {} : { action: response.responseAction }),
    });
    return { status: 200, contentType: message.contentType, body: message.chunks };
  }
  return rawEnvelopeReply(response.envelope, response.responseAction);
}
