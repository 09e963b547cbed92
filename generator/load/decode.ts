/**
 * Bytes → text for XML documents: byte order marks, the declared encoding, and invalid UTF-8.
 * XML files in the wild declare ISO-8859-1 (the W3C primer) or carry a UTF-8 BOM (WSS 1.0 schemas).
 */

/** The decoded text, and a problem worth a warning when the bytes did not match their encoding. */
export interface DecodedText {
  text: string;
  /** The encoding actually used. */
  encoding: string;
  /** Set when the bytes were not valid in the declared encoding (decoded with replacement characters). */
  problem?: { message: string; line: number; column: number };
}

const LATIN1_NAMES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso_8859-1', 'windows-1252', 'cp1252']);

/** The `encoding` pseudo-attribute of the XML declaration, lower-cased, if any. */
function declaredEncoding(head: string): string | null {
  const m = /^<\?xml[^>]*?\sencoding\s*=\s*(["'])([A-Za-z0-9._:-]+)\1/.exec(head);
  return m ? m[2].toLowerCase() : null;
}

/** Line and column (1-based) of a byte offset, counting from `start`. */
function positionOf(bytes: Uint8Array, start: number, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = start; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if ((bytes[i] & 0xc0) !== 0x80) {
      column++;
    }
  }
  return { line, column };
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    if (n < 0 || b > 0xf4) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** Decodes an XML document's bytes: BOM first, then the declared encoding, UTF-8 by default. */
export function decodeXml(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const head = new TextDecoder('latin1').decode(bytes.subarray(start, Math.min(bytes.length, start + 200)));
  const declared = start === 0 ? declaredEncoding(head) : 'utf-8';
  if (declared !== null && LATIN1_NAMES.has(declared)) {
    // WHATWG "latin1" is windows-1252, a superset of ISO-8859-1's printable range.
    return { text: new TextDecoder('latin1').decode(bytes), encoding: 'iso-8859-1' };
  }
  const body = bytes.subarray(start);
  let text: string;
  let bad = -1;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Only scan byte by byte on the rare invalid file, to point at the bad byte.
    bad = firstInvalidUtf8(bytes, start);
    text = new TextDecoder('utf-8').decode(body);
  }
  if (declared !== null && declared !== 'utf-8' && declared !== 'utf8' && declared !== 'us-ascii' && declared !== 'ascii') {
    return {
      text,
      encoding: 'utf-8',
      problem: { message: `unsupported declared encoding '${declared}', read as UTF-8`, line: 1, column: 1 },
    };
  }
  if (bad >= 0) {
    const at = positionOf(bytes, start, bad);
    return {
      text,
      encoding: 'utf-8',
      problem: { message: 'invalid UTF-8 byte sequence (decoded with replacement characters)', ...at },
    };
  }
  return { text, encoding: 'utf-8' };
}
