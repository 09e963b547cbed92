/**
 * A minimal DER reader: just enough to walk a certificate to its subject Name while keeping the
 * exact encoded bytes of each value (RFC 4514 hex form needs them verbatim).
 */

/** One DER TLV. `bytes` is the whole encoding, `content` the value part. */
export interface DerNode {
  /** The identifier octet (class, constructed bit and tag number < 31). */
  readonly tag: number;
  /** Tag + length + content. */
  readonly bytes: Uint8Array;
  /** The content octets. */
  readonly content: Uint8Array;
}

/** Reads the TLV that starts at `offset`; throws `RangeError` on malformed input. */
export function readDer(buf: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > buf.length) throw new RangeError('DER: truncated header');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new RangeError('DER: high tag numbers are not supported');
  let pos = offset + 1;
  let length = buf[pos++];
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new RangeError('DER: unsupported length form');
    if (pos + count > buf.length) throw new RangeError('DER: truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[pos++];
  }
  const end = pos + length;
  if (end > buf.length) throw new RangeError('DER: truncated content');
  return { tag, bytes: buf.subarray(offset, end), content: buf.subarray(pos, end) };
}

/** The children of a constructed node. */
export function derChildren(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.content.length) {
    const child = readDer(node.content, offset);
    out.push(child);
    offset += child.bytes.length;
  }
  return out;
}

/** Dotted form of an OBJECT IDENTIFIER's content octets. */
export function decodeOid(content: Uint8Array): string {
  if (content.length === 0) throw new RangeError('DER: empty OID');
  const parts: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  const first = parts.shift() ?? 0;
  const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
  return [...head, ...parts].join('.');
}
