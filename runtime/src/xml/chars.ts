/**
 * Character classes of XML 1.0 (fifth edition) for the scanner: lookup tables for ASCII (the
 * fast path) and range checks for everything else.
 */

/** 1 for an ASCII NameStartChar (`:` included; namespace rules are checked on the whole name). */
export const NAME_START = new Uint8Array(128);
/** 1 for an ASCII NameChar. */
export const NAME_CHAR = new Uint8Array(128);
/**
 * Non-zero for an ASCII character that ends the fast path in content: `<`, `&`, `]` (for `]]>`),
 * CR (end-of-line normalisation) and the C0 controls XML forbids.
 */
export const TEXT_STOP = new Uint8Array(128);
/**
 * Non-zero for an ASCII character that ends the fast path in an attribute value: both quotes,
 * `<`, `&`, tab/LF/CR (normalised to spaces) and the forbidden C0 controls.
 */
export const ATTR_STOP = new Uint8Array(128);
/** Non-zero for an ASCII character that needs a look in a comment, CDATA section or PI: CR and forbidden controls. */
export const RAW_STOP = new Uint8Array(128);

for (let c = 0; c < 128; c++) {
  const letter = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const start = letter || c === 0x5f || c === 0x3a;
  NAME_START[c] = start ? 1 : 0;
  NAME_CHAR[c] = start || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e ? 1 : 0;
  const forbidden = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
  TEXT_STOP[c] = forbidden || c === 0x0d || c === 0x3c || c === 0x26 || c === 0x5d ? 1 : 0;
  ATTR_STOP[c] = forbidden || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x22 || c === 0x27 || c === 0x3c || c === 0x26 ? 1 : 0;
  RAW_STOP[c] = forbidden || c === 0x0d ? 1 : 0;
}

/** True for a NameStartChar at or above U+0080 (a code point, supplementary planes included). */
export function isNameStartCodePoint(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0xeffff)
  );
}

/** True for a NameChar at or above U+0080. */
export function isNameCodePoint(c: number): boolean {
  return isNameStartCodePoint(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

/** True for a code point XML 1.0 allows (the Char production). */
export function isXmlCodePoint(c: number): boolean {
  return c >= 0x20 ? c <= 0xd7ff || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff) : c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Width in UTF-16 units of the non-ASCII name character at `i` (1, or 2 for a surrogate pair), or
 * 0 when it is not a name character (or not a start character, with `start`).
 */
export function nameCharWidth(s: string, i: number, start: boolean): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
    const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    return cp <= 0xeffff ? 2 : 0;
  }
  return (start ? isNameStartCodePoint(c) : isNameCodePoint(c)) ? 1 : 0;
}

/**
 * Width in UTF-16 units of the character at `i`, which is at or above U+D800: 2 for a surrogate
 * pair, 1 for a BMP character XML allows, 0 for an unpaired surrogate, U+FFFE or U+FFFF.
 */
export function highCharWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? 2 : 0;
  }
  if (c <= 0xdfff) return 0;
  return c <= 0xfffd ? 1 : 0;
}

/** True for the four XML white-space characters. */
export function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}
