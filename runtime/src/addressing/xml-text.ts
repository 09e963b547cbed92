/**
 * The escaping this module needs for header values (kept local so the addressing helpers do not
 * depend on the codec). Characters XML 1.0 cannot carry are refused, not dropped.
 */
import { AddressingError } from './addressing-error.js';

// Anything outside the XML 1.0 Char production (lone surrogates included).
const INVALID = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NCNAME = /^[A-Za-z_][\w.-]*$/;

function check(value: string, what: string): void {
  if (INVALID.test(value)) throw new AddressingError('invalid-value', `${what} contains a character XML 1.0 cannot carry`);
}

/** Escapes text content. */
export function escapeText(value: string, what: string): string {
  check(value, what);
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Throws unless `prefix` is a usable namespace prefix. */
export function checkPrefix(prefix: string, what: string): void {
  if (!NCNAME.test(prefix) || /^xml/i.test(prefix)) throw new AddressingError('invalid-value', `${what} "${prefix}" is not a valid namespace prefix`);
}
