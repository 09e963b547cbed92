/**
 * UTF-8 bytes to a string, strictly (invalid UTF-8 is a TypeError), as fast as the input allows.
 *
 * `TextDecoder` and `Buffer#toString('utf8')` run V8's general decoder: about 2 ns a byte on a
 * French message (measured, 10.7 MB ITI-18 response: 17–40 ms), most of a decode's extra cost over
 * a string input. Such a message is ASCII apart from accented letters, all below U+0100: V8 keeps
 * it as a one-byte (Latin-1) string, which a Latin-1 copy of the bytes makes in well under a
 * millisecond. So, after one SIMD validation (`isUtf8`): ASCII input is copied as Latin-1; input
 * whose other characters are all U+0080–U+00FF (lead bytes C2 and C3, found with `indexOf`) is
 * transcoded run by run into Latin-1 bytes (measured: 5 ms instead of 17 on the message above);
 * anything else goes through the general decoder.
 */
import { Buffer, isAscii, isUtf8 } from 'node:buffer';

/** The text of complete UTF-8 bytes (no BOM handling). @throws TypeError for invalid UTF-8 */
export function utf8Text(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buf)) return buf.toString('latin1');
  if (!isUtf8(buf)) throw new TypeError('the input is not valid UTF-8');
  return latin1Text(buf) ?? buf.toString('utf8');
}

const C2 = 0xc2;
const C3 = 0xc3;

/**
 * Valid UTF-8 whose characters are all below U+0100, as a one-byte string; null when some
 * character is not. A C2 or C3 byte is always a lead byte in valid UTF-8 (never a continuation),
 * so the runs between them are copied as they are and each pair becomes one Latin-1 byte. A
 * run holding another non-ASCII character would be copied byte for byte: the UTF-8 length of the
 * result tells (each such byte becomes a character of two UTF-8 bytes, one more than it was).
 */
function latin1Text(buf: Buffer): string | null {
  let c2 = buf.indexOf(C2);
  let c3 = buf.indexOf(C3);
  if (c2 < 0 && c3 < 0) return null;
  // One copy of the whole input, then compacted in place: copyWithin is a V8 builtin (a memmove),
  // far cheaper per call than Buffer#copy or a subarray for each of the many short runs.
  const out = Buffer.allocUnsafe(buf.length);
  out.set(buf);
  let o = 0;
  let from = 0;
  for (;;) {
    const next = c2 < 0 ? c3 : c3 < 0 ? c2 : Math.min(c2, c3);
    const end = next < 0 ? buf.length : next;
    if (o !== from) out.copyWithin(o, from, end);
    o += end - from;
    if (next < 0) break;
    out[o++] = ((buf[next] & 0x03) << 6) | (buf[next + 1] & 0x3f);
    from = next + 2;
    if (next === c2) c2 = buf.indexOf(C2, from);
    else c3 = buf.indexOf(C3, from);
  }
  const text = out.toString('latin1', 0, o);
  return Buffer.byteLength(text, 'utf8') === buf.length ? text : null;
}
