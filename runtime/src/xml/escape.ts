import { EncodeError } from '../errors/encode-error.js';

/**
 * Fast path, a loop (a regular expression costs more than the scan on the short values a message
 * is made of): 1 for the ASCII characters below `@` that need a look: `&`, `<`, `>`, `"` and the
 * C0 controls (tab, LF and CR included, which are escaped in some places).
 */
const LOOK = new Uint8Array(64);
for (let c = 0; c < 64; c++) LOOK[c] = c < 0x20 || c === 0x26 || c === 0x3c || c === 0x3e || c === 0x22 ? 1 : 0;
// In text, CR is escaped because a raw CR is read back as LF. In attribute values, tab, LF and CR
// are escaped too, because attribute-value normalisation would turn them into spaces.
const TEXT_SPECIALS = /[&<>\r]/g;
const ATTRIBUTE_SPECIALS = /[&<>"\t\n\r]/g;
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function replaceOne(c: string): string {
  return ENTITY[c];
}

/**
 * The one escape function of the runtime, for text content and for double-quoted attribute
 * values. Throws {@link EncodeError} (`invalid-char`) for characters XML 1.0 cannot carry: C0
 * controls other than tab/LF/CR, U+FFFE, U+FFFF and unpaired surrogates.
 *
 * @param value - the string to escape
 * @param attribute - true for an attribute value (also escapes `"`, tab, LF and CR so they survive normalisation)
 * @param path - the value's property path, for the error
 */
export function escapeXml(value: string, attribute = false, path = ''): string {
  const len = value.length;
  let i = 0;
  for (; i < len; i++) {
    const c = value.charCodeAt(i);
    // At or above U+D800: surrogates, U+FFFE/U+FFFF (and the rest of the range, checked below).
    if (c < 64 ? LOOK[c] !== 0 : c >= 0xd800) break;
  }
  if (i === len) return value;
  if (INVALID.test(value)) {
    throw new EncodeError('invalid-char', 'a character that XML 1.0 cannot carry (control character, U+FFFE/U+FFFF or unpaired surrogate)', path);
  }
  return value.replace(attribute ? ATTRIBUTE_SPECIALS : TEXT_SPECIALS, replaceOne);
}

/** True when every character of `value` is allowed in XML 1.0. */
export function isXmlChars(value: string): boolean {
  return !INVALID.test(value);
}
