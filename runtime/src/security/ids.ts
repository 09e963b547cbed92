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

// NCName restricted to the ASCII subset plus the common Latin letters; enough to reject what
// breaks `xs:ID` (leading digit, colon, spaces) without a full Unicode table.
const NCNAME = /^[A-Za-z_\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF][A-Za-z0-9._\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF]*$/;

/** True when `value` can be used as an `xs:ID` (NCName). */
export function isNcName(value: string): boolean {
  return NCNAME.test(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when `value` is a UUID in the canonical 8-4-4-4-12 hexadecimal form. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
