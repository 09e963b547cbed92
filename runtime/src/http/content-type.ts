/**
 * Content-Type parsing and formatting (RFC 9110 §8.3, RFC 2045 §5.1), lenient where real SOAP
 * stacks are sloppy: unquoted values containing `<>` or `/` (`start=<root>`), stray spaces,
 * duplicate parameters (the first wins), upper-case names.
 */
import { BoundedMap } from '../bounded-map.js';

/** A parsed Content-Type. */
export interface ContentType {
  /** `type/subtype`, lower-cased (e.g. `multipart/related`). */
  readonly mediaType: string;
  /** Parameters by lower-cased name; values unquoted and unescaped. */
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// Parsed values by header value (see parseContentType); NONE stands for "no media type".
const MAX_CACHED = 64;
const MAX_CACHED_LENGTH = 256;
const NONE: ContentType = Object.freeze({ mediaType: '', params: Object.freeze({}) });
const parsed = new BoundedMap<string, ContentType>(MAX_CACHED);

/**
 * Parses a Content-Type header value; `undefined` when the header is absent or has no media type.
 * The result is frozen: the same object is returned for the same value.
 * @param value - the header value
 */
export function parseContentType(value: string | undefined | null): ContentType | undefined {
  if (value === undefined || value === null) return undefined;
  // A client reads the same few Content-Type values over and over (several times per response):
  // parsed once, the frozen result is shared. Bounded: values come from the network.
  const cached = parsed.get(value);
  if (cached !== undefined) return cached === NONE ? undefined : cached;
  const ct = parseUncached(value);
  if (value.length <= MAX_CACHED_LENGTH) {
    parsed.set(value, ct ?? NONE);
  }
  return ct;
}

function parseUncached(value: string): ContentType | undefined {
  let i = value.indexOf(';');
  const mediaType = (i < 0 ? value : value.slice(0, i)).trim().toLowerCase();
  if (mediaType === '') return undefined;
  const params: Record<string, string> = Object.create(null) as Record<string, string>;
  const n = value.length;
  while (i >= 0 && i < n) {
    i++; // past ';'
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
    const eq = value.indexOf('=', i);
    const semi = value.indexOf(';', i);
    if (eq < 0 || (semi >= 0 && semi < eq)) {
      i = semi; // a parameter without '=': skip it
      continue;
    }
    const name = value.slice(i, eq).trim().toLowerCase();
    i = eq + 1;
    while (i < n && (value[i] === ' ' || value[i] === '\t')) i++;
    let val = '';
    if (value[i] === '"') {
      i++;
      while (i < n && value[i] !== '"') {
        if (value[i] === '\\' && i + 1 < n) i++;
        val += value[i];
        i++;
      }
      i = value.indexOf(';', i); // skip the closing quote and anything up to the next parameter
    } else {
      const end = value.indexOf(';', i);
      val = (end < 0 ? value.slice(i) : value.slice(i, end)).trim();
      i = end;
    }
    if (name !== '' && !(name in params)) params[name] = val;
  }
  return Object.freeze({ mediaType, params: Object.freeze(params) });
}

/**
 * Formats a Content-Type, quoting parameter values that are not RFC 9110 tokens.
 * @param mediaType - `type/subtype`
 * @param params - parameters in output order; `undefined` values are skipped
 */
export function formatContentType(mediaType: string, params: Readonly<Record<string, string | undefined>> = {}): string {
  let out = mediaType;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out += `; ${name}=${TOKEN.test(value) ? value : '"' + value.replace(/(["\\])/g, '\\$1') + '"'}`;
  }
  return out;
}

/** Accepts a header value or an already parsed Content-Type. */
function asContentType(ct: ContentType | string | undefined): ContentType | undefined {
  return typeof ct === 'string' ? parseContentType(ct) : ct;
}

/**
 * True for `multipart/related`: an MTOM/XOP message (ITI-43 responses are always multipart, faults included).
 * @param ct - header value or parsed Content-Type
 */
export function isMultipartRelated(ct: ContentType | string | undefined): boolean {
  return asContentType(ct)?.mediaType === 'multipart/related';
}

/**
 * True for media types a SOAP endpoint answers with: `application/soap+xml` (1.2), `text/xml` (1.1),
 * other XML types, and `multipart/related` (MTOM).
 * @param ct - header value or parsed Content-Type
 */
export function isSoapLikeContentType(ct: ContentType | string | undefined): boolean {
  const type = asContentType(ct)?.mediaType;
  if (type === undefined) return false;
  return type === 'multipart/related' || type === 'text/xml' || type === 'application/xml' || type.endsWith('+xml');
}
