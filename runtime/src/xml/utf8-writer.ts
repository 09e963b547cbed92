import { Buffer } from 'node:buffer';
import { invalidCharError, TEXT_ENTITIES, ATTRIBUTE_ENTITIES } from './escape.js';

/**
 * Size of a chunk. Large enough that a chunk change is rare (one per 64 KiB of output), small
 * enough that the pool stays small and a chunk stays in the CPU's cache while it is filled.
 */
const CHUNK_SIZE = 64 * 1024;
/** Chunks kept for reuse between writers (1 MiB); beyond, finished chunks are left to the GC. */
const POOL_LIMIT = 16;
/** Strings at least this long are checked by regular expressions and written by one native call. */
const NATIVE_MIN = 96;
/** The most bytes one UTF-16 unit (or a surrogate pair) can write: an entity (`&quot;`) or 4 UTF-8 bytes. */
const MAX_UNIT_BYTES = 6;
/** The longest piece of a value escaped in one go: its worst case fits a chunk. */
const MAX_PIECE = Math.floor(CHUNK_SIZE / MAX_UNIT_BYTES);

/** Free chunks, each CHUNK_SIZE bytes; taken by a writer, given back when it copies its output out. */
const pool: Buffer[] = [];
/** A writer's chunk before its first write. */
const NO_CHUNK = Buffer.alloc(0);

function takeChunk(): Buffer {
  return pool.pop() ?? Buffer.allocUnsafeSlow(CHUNK_SIZE);
}

/**
 * What an ASCII character needs, per escaping mode: 0 written as it is, 1 an entity, 2 not allowed
 * in XML 1.0. The same rules as `escapeXml` (see escape.ts), which owns the entity table.
 */
function asciiClasses(entities: Readonly<Record<string, string>>): Uint8Array {
  const classes = new Uint8Array(128);
  for (let c = 0; c < 0x20; c++) classes[c] = c === 0x09 || c === 0x0a || c === 0x0d ? 0 : 2;
  for (const ch of Object.keys(entities)) classes[ch.charCodeAt(0)] = 1;
  return classes;
}

/** Entity bytes by ASCII code (empty where none). */
function entityBytes(entities: Readonly<Record<string, string>>): Uint8Array[] {
  const out: Uint8Array[] = Array.from({ length: 128 }, () => new Uint8Array(0));
  for (const [ch, entity] of Object.entries(entities)) out[ch.charCodeAt(0)] = Buffer.from(entity, 'latin1');
  return out;
}

const TEXT_CLASSES = asciiClasses(TEXT_ENTITIES);
const ATTRIBUTE_CLASSES = asciiClasses(ATTRIBUTE_ENTITIES);
const TEXT_ENTITY_BYTES = entityBytes(TEXT_ENTITIES);
const ATTRIBUTE_ENTITY_BYTES = entityBytes(ATTRIBUTE_ENTITIES);
/** A long string with none of these is written by one native call, escaped or not. */
const NEEDS_CARE_TEXT = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const NEEDS_CARE_ATTRIBUTE = /[&<>"\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Writes UTF-8 into chunks of bytes, escaping XML text and attribute values as it goes: the
 * encoder's output, what the transport sends, without a JavaScript string in between.
 *
 * Short strings (most values and all markup) are written by a loop over their UTF-16 units, ASCII
 * in one step each; long ones, once a regular expression has ruled out anything to escape or
 * reject, by one call to Node's UTF-8 writer. Slots can be reserved and filled later (the root
 * element's namespace declarations, known only once everything is written). Chunks come from a
 * small pool shared by all writers: {@link Utf8Writer.toBuffer} copies the output into a buffer of
 * its own and gives them back, so that no result ever shares memory with a later one.
 */
export class Utf8Writer {
  /** The chunk being filled (none until the first write). */
  private buf: Buffer = NO_CHUNK;
  /** The next byte to write in `buf`. */
  private pos = 0;
  /** Where the current segment (not yet in `parts`) starts in `buf`. */
  private start = 0;
  /** Finished segments and reserved slots (strings, written at the end), in order. */
  private readonly parts: (Uint8Array | string)[] = [];
  /** Every chunk taken (given back to the pool by toBuffer). */
  private readonly chunks: Buffer[] = [];
  private done = false;

  /** Closes the current segment and continues in a new chunk with room for at least `need` bytes. */
  private grow(need: number): void {
    this.endSegment();
    const chunk = need <= CHUNK_SIZE ? takeChunk() : Buffer.allocUnsafeSlow(need);
    this.chunks.push(chunk);
    this.buf = chunk;
    this.pos = 0;
    this.start = 0;
  }

  private endSegment(): void {
    if (this.pos > this.start) this.parts.push(this.buf.subarray(this.start, this.pos));
    this.start = this.pos;
  }

  /**
   * Writes bytes as they are (already UTF-8, e.g. the cached bytes of constant markup).
   * @param bytes - the bytes to copy
   */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let pos = this.pos;
    if (n > 64) {
      buf.set(bytes, pos);
      pos += n;
    } else {
      for (let i = 0; i < n; i++) buf[pos++] = bytes[i];
    }
    this.pos = pos;
  }

  /**
   * Writes a string as UTF-8, unescaped: markup, or XML already escaped. An unpaired surrogate
   * becomes U+FFFD, as `Buffer.from(s, 'utf8')` makes it.
   * @param s - the text to write
   */
  text(s: string): void {
    const n = s.length;
    if (n >= NATIVE_MIN) {
      this.native(s);
      return;
    }
    if (this.pos + n * 3 > this.buf.length) this.grow(n * 3);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) buf[pos++] = c;
      else {
        if (c < 0x800) {
          buf[pos++] = 0xc0 | (c >> 6);
          buf[pos++] = 0x80 | (c & 0x3f);
        } else if (c >= 0xd800 && c <= 0xdfff) {
          const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (d >= 0xdc00 && d <= 0xdfff) {
            pos = writePair(buf, pos, c, d);
            i++;
          } else {
            buf[pos++] = 0xef;
            buf[pos++] = 0xbf;
            buf[pos++] = 0xbd;
          }
        } else {
          buf[pos++] = 0xe0 | (c >> 12);
          buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
          buf[pos++] = 0x80 | (c & 0x3f);
        }
      }
    }
    this.pos = pos;
  }

  /**
   * Writes text content or a double-quoted attribute value, escaped as `escapeXml` escapes it,
   * and throws the same `invalid-char` EncodeError for a character XML 1.0 cannot carry (C0
   * controls other than tab/LF/CR, U+FFFE, U+FFFF, unpaired surrogates). On error, what was
   * written of the value stays: the output is to be dropped.
   * @param s - the value
   * @param attribute - true for an attribute value (also escapes `"`, tab, LF and CR)
   */
  escaped(s: string, attribute: boolean): void {
    const n = s.length;
    if (n >= NATIVE_MIN && !(attribute ? NEEDS_CARE_ATTRIBUTE : NEEDS_CARE_TEXT).test(s)) {
      this.native(s);
      return;
    }
    if (n > MAX_PIECE) {
      this.escapedPieces(s, attribute);
      return;
    }
    // Room for the worst case of the whole string, so the loop checks no bounds of its own.
    if (this.pos + n * MAX_UNIT_BYTES > this.buf.length) this.grow(n * MAX_UNIT_BYTES);
    const classes = attribute ? ATTRIBUTE_CLASSES : TEXT_CLASSES;
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        const k = classes[c];
        if (k === 0) buf[pos++] = c;
        else if (k === 1) {
          const entity = (attribute ? ATTRIBUTE_ENTITY_BYTES : TEXT_ENTITY_BYTES)[c];
          for (let j = 0; j < entity.length; j++) buf[pos++] = entity[j];
        } else throw invalidCharError();
      } else if (c < 0x800) {
        buf[pos++] = 0xc0 | (c >> 6);
        buf[pos++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (d < 0xdc00 || d > 0xdfff) throw invalidCharError();
        pos = writePair(buf, pos, c, d);
        i++;
      } else if (c >= 0xfffe) {
        throw invalidCharError();
      } else {
        buf[pos++] = 0xe0 | (c >> 12);
        buf[pos++] = 0x80 | ((c >> 6) & 0x3f);
        buf[pos++] = 0x80 | (c & 0x3f);
      }
    }
    this.pos = pos;
  }

  /** A value longer than a chunk's worst case, escaped piece by piece (a surrogate pair is never cut). */
  private escapedPieces(s: string, attribute: boolean): void {
    for (let at = 0; at < s.length; ) {
      let end = Math.min(s.length, at + MAX_PIECE);
      const last = s.charCodeAt(end - 1);
      if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
      this.escaped(s.slice(at, end), attribute);
      at = end;
    }
  }

  /** One native call for a long string (unpaired surrogates become U+FFFD there too). */
  private native(s: string): void {
    let max = s.length * 3;
    // Past a chunk, the exact size (one more pass) rather than a chunk of three times the string.
    if (max > CHUNK_SIZE) max = Buffer.byteLength(s, 'utf8');
    if (this.pos + max > this.buf.length) this.grow(max);
    this.pos += this.buf.write(s, this.pos, 'utf8');
  }

  /**
   * Reserves a slot at the current position, filled later by {@link Utf8Writer.fill}.
   * @returns the slot's handle
   */
  reserve(): number {
    this.endSegment();
    this.parts.push('');
    return this.parts.length - 1;
  }

  /**
   * Fills a reserved slot.
   * @param slot - a handle returned by {@link Utf8Writer.reserve}
   * @param s - the text to write there, unescaped (as {@link Utf8Writer.text})
   */
  fill(slot: number, s: string): void {
    this.parts[slot] = s;
  }

  /** The segments in order, the slots as bytes; the writer is finished. */
  private finish(): Uint8Array[] {
    if (this.done) throw new Error('Utf8Writer already finished');
    this.done = true;
    this.endSegment();
    const out: Uint8Array[] = [];
    for (const p of this.parts) {
      if (typeof p !== 'string') out.push(p);
      else if (p !== '') out.push(Buffer.from(p, 'utf8'));
    }
    return out;
  }

  /**
   * The whole output in one new buffer; the chunks go back to the pool (nothing else refers to
   * them). Ends the writer.
   */
  toBuffer(): Buffer {
    const parts = this.finish();
    let total = 0;
    for (const p of parts) total += p.length;
    const out = Buffer.allocUnsafe(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    this.release();
    return out;
  }

  private release(): void {
    for (const c of this.chunks) if (c.length === CHUNK_SIZE && pool.length < POOL_LIMIT) pool.push(c);
    this.chunks.length = 0;
  }
}

/** Writes a surrogate pair as 4 UTF-8 bytes; returns the new position. */
function writePair(buf: Uint8Array, pos: number, high: number, low: number): number {
  const cp = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  buf[pos] = 0xf0 | (cp >> 18);
  buf[pos + 1] = 0x80 | ((cp >> 12) & 0x3f);
  buf[pos + 2] = 0x80 | ((cp >> 6) & 0x3f);
  buf[pos + 3] = 0x80 | (cp & 0x3f);
  return pos + 4;
}
