/**
 * Buffered multipart/related (MTOM/XOP) parser. Parts are zero-copy views into the received body
 * (only base64 / quoted-printable parts are decoded into new buffers). Follows RFC 2046 but accepts
 * what SOAP stacks really send: LF-only line ends (SoapUI), a missing final CRLF, transport padding
 * after boundaries, and a boundary supplied by the caller when there is no Content-Type.
 */
import { TextDecoder } from 'node:util';
import { parseContentType, type ContentType } from '../http/content-type.js';
import { normalizeContentId } from './content-id.js';
import { MtomError } from './mtom-error.js';

/** One MIME part. */
export interface MimePart {
  /** Headers by lower-case name (repeated headers joined with `, `). */
  readonly headers: Readonly<Record<string, string>>;
  /** Normalised Content-ID (no `<>`, percent-decoded), if the part has one. */
  readonly contentId: string | undefined;
  /** The part's Content-Type header value. */
  readonly contentType: string | undefined;
  /** The part body (a view into the message for binary/8bit parts). */
  readonly body: Uint8Array;
}

/** A parsed multipart/related message. */
export interface MultipartRelated {
  /** The root part (the SOAP envelope for MTOM). */
  readonly root: MimePart;
  /** Every part, root included, in message order. */
  readonly parts: readonly MimePart[];
  /** Non-root parts by normalised Content-ID: what `xop:Include` hrefs resolve to. */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  /** The boundary used. */
  readonly boundary: string;
}

/** Options of {@link decodeMultipartRelated}. */
export interface DecodeMultipartOptions {
  /** The boundary, when the Content-Type is absent or lacks one (e.g. a raw MIME body saved by SoapUI). */
  readonly boundary?: string;
  /** The root Content-ID, overriding the Content-Type's `start`. */
  readonly start?: string;
  /** Upper bound on the number of parts (default 1000). */
  readonly maxParts?: number;
  /** Upper bound on one part's header block, in bytes (default 16 KiB). */
  readonly maxHeaderBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;

function asBuffer(u8: Uint8Array): Buffer {
  return Buffer.isBuffer(u8) ? u8 : Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

/** True when `--boundary` at `at` is a real delimiter: followed by `--`, padding, a line end, or the end. */
function isDelimiterAt(buf: Buffer, at: number, delimLength: number): boolean {
  const after = at + delimLength;
  if (after >= buf.length) return true;
  const c = buf[after];
  return c === CR || c === LF || c === 0x20 || c === 0x09 || (c === DASH && buf[after + 1] === DASH);
}

/** Position of the first delimiter line: at the very start, or after a line feed (preamble allowed). */
function findFirstDelimiter(buf: Buffer, delim: Buffer): number {
  let from = 0;
  for (;;) {
    const at = buf.indexOf(delim, from);
    if (at < 0) return -1;
    if ((at === 0 || buf[at - 1] === LF) && isDelimiterAt(buf, at, delim.length)) return at;
    from = at + 1;
  }
}

/** Position of the line end that starts the next delimiter (`\r\n--boundary` or `\n--boundary`) at or after `from`. */
function findNextDelimiter(buf: Buffer, eolDelim: Buffer, from: number): number {
  const eolLength = eolDelim[0] === CR ? 2 : 1;
  let start = Math.max(0, from);
  for (;;) {
    const at = buf.indexOf(eolDelim, start);
    if (at < 0) return -1;
    if (isDelimiterAt(buf, at + eolLength, eolDelim.length - eolLength)) return at;
    start = at + 1;
  }
}

/** @internal Header lines of a MIME part (folded lines joined), by lower-case name; shared with the streaming reader. */
export function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += ' ' + line.trim();
    else if (line !== '') lines.push(line);
  }
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MtomError('malformed-part', 'malformed MIME part header line');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function decodeQuotedPrintable(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/=\r?\n/g, '');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out[n++] = Number.parseInt(text.slice(i + 1, i + 3), 16);
      i += 2;
    } else out[n++] = ch;
  }
  return out.subarray(0, n);
}

/** @internal A part body decoded from its Content-Transfer-Encoding; shared with the streaming reader. */
export function decodeTransferEncoding(body: Buffer, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? 'binary').trim().toLowerCase();
  if (enc === 'binary' || enc === '8bit' || enc === '7bit' || enc === '') return body;
  if (enc === 'base64') return Buffer.from(body.toString('latin1'), 'base64');
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body);
  throw new MtomError('unsupported-encoding', `unsupported Content-Transfer-Encoding ${enc.slice(0, 40)}`);
}

/**
 * The boundary announced by the first line of a body that starts with `--boundary` (for bodies
 * saved without their HTTP headers); undefined if the body does not start that way.
 * @param body - the message bytes
 */
export function sniffBoundary(body: Uint8Array): string | undefined {
  const buf = asBuffer(body);
  let i = 0;
  while (i < buf.length && (buf[i] === CR || buf[i] === LF)) i++;
  if (buf[i] !== DASH || buf[i + 1] !== DASH) return undefined;
  const end = buf.indexOf(LF, i);
  const line = buf.toString('latin1', i + 2, end < 0 ? Math.min(buf.length, i + 80) : end).trimEnd();
  return line !== '' && line.length <= 70 && !line.endsWith('--') ? line : undefined;
}

/**
 * Splits a multipart/related body.
 * @param body - the message bytes (not copied: parts are views into it)
 * @param contentType - the HTTP Content-Type (gives `boundary` and `start`), if known
 * @param options - explicit boundary / start, limits
 */
export function decodeMultipartRelated(body: Uint8Array, contentType?: string | ContentType, options: DecodeMultipartOptions = {}): MultipartRelated {
  const ct = typeof contentType === 'string' ? parseContentType(contentType) : contentType;
  const boundary = options.boundary ?? ct?.params['boundary'];
  if (boundary === undefined || boundary === '') {
    throw new MtomError('no-boundary', 'multipart body without a boundary: give the Content-Type or the boundary');
  }
  const maxParts = options.maxParts ?? 1000;
  const maxHeaderBytes = options.maxHeaderBytes ?? 16 * 1024;
  const buf = asBuffer(body);
  const delim = Buffer.from(`--${boundary}`, 'latin1');

  let pos = findFirstDelimiter(buf, delim);
  if (pos < 0) throw new MtomError('boundary-not-found', 'the boundary does not occur in the body');
  // The first delimiter line tells the line-end style. In CRLF messages only CRLF-- starts a delimiter (RFC 2046),
  // so a binary part may contain LF--boundary; in LF-only messages (SoapUI) a CR ending a part belongs to the part.
  let eol = pos + delim.length;
  while (buf[eol] === 0x20 || buf[eol] === 0x09) eol++;
  const crlf = buf[eol] === CR;
  const nextDelim = Buffer.from(`${crlf ? '\r\n' : '\n'}--${boundary}`, 'latin1');
  const parts: MimePart[] = [];
  for (;;) {
    let p = pos + delim.length;
    if (buf[p] === DASH && buf[p + 1] === DASH) break; // close delimiter
    while (buf[p] === 0x20 || buf[p] === 0x09) p++;
    if (buf[p] === CR && buf[p + 1] === LF) p += 2;
    else if (buf[p] === LF) p += 1;
    else throw new MtomError('unterminated', 'the body ends without the closing boundary');
    if (parts.length >= maxParts) throw new MtomError('too-many-parts', `more than ${maxParts} MIME parts`);

    // Header lines up to the first empty line.
    const headerStart = p;
    let bodyStart = -1;
    while (p < buf.length) {
      const nl = buf.indexOf(LF, p);
      if (nl < 0 || nl - headerStart > maxHeaderBytes) break;
      const lineEnd = nl > p && buf[nl - 1] === CR ? nl - 1 : nl;
      if (lineEnd === p) {
        bodyStart = nl + 1;
        break;
      }
      p = nl + 1;
    }
    if (bodyStart < 0) throw new MtomError('malformed-part', `MIME part ${parts.length + 1} has no end of headers`);
    const headers = parseHeaders(buf.toString('latin1', headerStart, bodyStart));

    const next = findNextDelimiter(buf, nextDelim, bodyStart - nextDelim.length + delim.length);
    if (next < 0) throw new MtomError('unterminated', `MIME part ${parts.length + 1} is not followed by a boundary`);
    const raw = buf.subarray(bodyStart, Math.max(bodyStart, next));
    const rawId = headers['content-id'];
    parts.push({
      headers,
      contentId: rawId === undefined ? undefined : normalizeContentId(rawId),
      contentType: headers['content-type'],
      body: decodeTransferEncoding(raw, headers['content-transfer-encoding']),
    });
    pos = next + nextDelim.length - delim.length;
  }
  if (parts.length === 0) throw new MtomError('malformed-part', 'multipart body without any part');

  const start = options.start ?? ct?.params['start'];
  let root: MimePart | undefined = parts[0];
  if (start !== undefined && start !== '') {
    const wanted = normalizeContentId(start);
    root = parts.find((part) => part.contentId === wanted);
    if (root === undefined) throw new MtomError('root-not-found', `no MIME part has the start Content-ID <${wanted.slice(0, 100)}>`);
  }
  const attachments = new Map<string, Uint8Array>();
  for (const part of parts) {
    if (part === root || part.contentId === undefined) continue;
    if (!attachments.has(part.contentId)) attachments.set(part.contentId, part.body);
    // Some stacks percent-encode the header too: index the literal form as well.
    const literal = part.headers['content-id']?.trim().replace(/^<|>$/g, '');
    if (literal !== undefined && !attachments.has(literal)) attachments.set(literal, part.body);
  }
  return { root: root as MimePart, parts, attachments, boundary };
}

/**
 * The attachment an `xop:Include` href points to, or undefined.
 * @param attachments - from {@link decodeMultipartRelated}
 * @param href - the href value (`cid:…`, possibly percent-encoded)
 */
export function resolveXopHref(attachments: ReadonlyMap<string, Uint8Array>, href: string): Uint8Array | undefined {
  return attachments.get(normalizeContentId(href)) ?? attachments.get(href.trim().replace(/^cid:/i, ''));
}

const CHARSET_ALIASES: Readonly<Record<string, string>> = { cp1252: 'windows-1252', utf8: 'utf-8' };

/**
 * Decodes a part as text with the charset of its Content-Type (UTF-8 by default); bytes that are
 * invalid in that charset throw {@link MtomError} `invalid-charset` rather than being replaced.
 * @param part - typically the root part
 */
export function partText(part: MimePart): string {
  const declared = parseContentType(part.contentType)?.params['charset']?.toLowerCase() ?? 'utf-8';
  const charset = CHARSET_ALIASES[declared] ?? declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new MtomError('invalid-charset', `unknown charset ${declared.slice(0, 40)}`);
  }
  try {
    return decoder.decode(part.body);
  } catch (err) {
    throw new MtomError('invalid-charset', `MIME part is not valid ${charset}`, err);
  }
}
