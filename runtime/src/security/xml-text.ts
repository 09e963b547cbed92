/**
 * Escaping for the few XML strings this module writes by hand (assertions, contexts). Values that
 * XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF) are reported,
 * not dropped: a silently altered identifier would be worse than an error.
 */

// Chars outside the XML 1.0 `Char` production. With the `u` flag a surrogate range only matches a
// lone surrogate: a valid pair is one code point.
const INVALID_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u;

/** True when every character of `value` may appear in an XML 1.0 document. */
export function isXmlText(value: string): boolean {
  return !INVALID_XML_CHAR.test(value);
}

/** Escapes character data (`&`, `<`, `>`; CR as a reference so it survives parsing). */
export function escapeText(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
}

/** Escapes an attribute value for double quotes (whitespace as references so it is not normalised away). */
export function escapeAttr(value: string): string {
  return value.replace(/[&<"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '"':
        return '&quot;';
      case '\t':
        return '&#x9;';
      case '\n':
        return '&#xA;';
      default:
        return '&#xD;';
    }
  });
}
