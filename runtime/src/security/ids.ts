/**
 * Identifiers for assertions and contexts.
 */
import { randomUUID } from 'node:crypto';

/**
 * A fresh `ID` for a SAML assertion: `_` + UUID v4, as in the official tokens. The underscore
 * matters: `ID` is an `xs:ID` (an NCName) and a bare UUID may start with a digit.
 */
export function newAssertionId(): string {
  return `_${randomUUID()}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID in the canonical 8-4-4-4-12 hexadecimal form. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
