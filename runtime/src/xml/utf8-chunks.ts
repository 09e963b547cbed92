import { TextDecoder } from 'node:util';
import { utf8Text } from './utf8-text.js';

/**
 * Decodes UTF-8 arriving in chunks cut anywhere, strictly (invalid UTF-8 throws a TypeError).
 *
 * Node's `TextDecoder` leaves its fast (simdutf) path for good as soon as it is called with
 * `stream: true` (measured: about twice as slow on a 10 MB message). So every chunk is decoded
 * on its own, without `stream`, after cutting it at a character boundary: the 1 to 3 bytes of a
 * character split by the cut are kept and completed from the next chunk; the bulk of each chunk
 * goes through {@link utf8Text}. Only a BOM at the very start is dropped, as in stream mode.
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** The start of a character cut at the end of the previous chunk (a copy, 1 to 3 bytes). */
  private rest: Uint8Array | null = null;
  private atStart = true;

  /** The text of `chunk` (and of a character completed by it), as far as it is complete. */
  decode(chunk: Uint8Array): string {
    let prefix = '';
    let bytes = chunk;
    const rest = this.rest;
    if (rest !== null) {
      const need = sequenceLength(rest[0]) - rest.length;
      if (chunk.length < need) {
        this.rest = concat(rest, chunk);
        return '';
      }
      this.rest = null;
      prefix = this.decoder.decode(concat(rest, chunk.subarray(0, need)));
      bytes = chunk.subarray(need);
    }
    const end = completeEnd(bytes);
    if (end < bytes.length) this.rest = bytes.slice(end);
    // The bulk of a chunk: utf8Text (a one-byte string made without V8's general decoder when it can).
    const text = prefix + utf8Text(end === bytes.length ? bytes : bytes.subarray(0, end));
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      if (text.charCodeAt(0) === 0xfeff) return text.slice(1);
    }
    return text;
  }

  /** Checks that no character was left incomplete (throws a TypeError otherwise). */
  end(): void {
    if (this.rest !== null) this.decoder.decode(this.rest);
  }
}

/** The length of the sequence a lead byte announces (1 for anything that is not a lead byte of 2 to 4). */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Where the last complete character of `b` ends (`b.length` unless a character is cut at the end). */
function completeEnd(b: Uint8Array): number {
  const n = b.length;
  let i = n - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && (b[i] & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  // Nothing but continuation bytes, or a complete (or invalid) sequence: the decoder judges.
  if (i < 0) return n;
  return n - i < sequenceLength(b[i]) ? i : n;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
