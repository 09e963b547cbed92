/**
 * Header values and prefixes: the runtime's escaping, with this module's typed error for
 * characters XML 1.0 cannot carry (refused, not dropped).
 */
import { escapeXml, isXmlChars } from '../xml/escape.js';
import { isNCName } from '../xml/qname.js';
import { AddressingError } from './addressing-error.js';

/** Escapes text content. */
export function escapeText(value: string, what: string): string {
  if (!isXmlChars(value)) throw new AddressingError('invalid-value', `${what} contains a character XML 1.0 cannot carry`);
  return escapeXml(value);
}

/** Throws unless `prefix` is a usable namespace prefix. */
export function checkPrefix(prefix: string, what: string): void {
  if (!isNCName(prefix) || /^xml/i.test(prefix)) throw new AddressingError('invalid-value', `${what} "${prefix}" is not a valid namespace prefix`);
}
