/** WS-Addressing MessageID values. */
import { randomUUID } from 'node:crypto';

/** `urn:uuid:` (RFC 4122 URN, CI-SIS examples) or `uuid:` (what CI-TLSi clients and INSi faults use). */
export type MessageIdStyle = 'urn:uuid' | 'uuid';

/**
 * A fresh random (v4) message identifier.
 * @param style - `urn:uuid` (default, CI-SIS) or `uuid` (CI-TLSi)
 */
export function newMessageId(style: MessageIdStyle = 'urn:uuid'): string {
  return `${style}:${randomUUID()}`;
}
