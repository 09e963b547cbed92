/**
 * Content-IDs and `cid:` URLs (RFC 2392). A Content-ID header carries `<id>`; an `xop:Include`
 * carries `cid:` + the URL-encoded id. Real servers are loose: the DMP's ITI-43 responses
 * percent-encode the href (`…@urn%3Aihe%3Aiti%3Axds-b%3A2007`), SoapUI writes ids without `@`.
 * Comparison therefore happens on one normal form: no `cid:`, no `<>`, percent-decoded.
 */
import { randomUUID } from 'node:crypto';
import { MtomError } from './mtom-error.js';

/** XOP include namespace. */
export const XOP_INCLUDE_NS = 'http://www.w3.org/2004/08/xop/include';

/**
 * The normal form used to match a Content-ID header with an `xop:Include` href.
 * @param value - `<id>`, `id`, `cid:id` or a percent-encoded variant
 */
export function normalizeContentId(value: string): string {
  let v = value.trim();
  if (/^cid:/i.test(v)) v = v.slice(4);
  if (v.startsWith('<') && v.endsWith('>')) v = v.slice(1, -1);
  if (v.includes('%')) {
    try {
      v = decodeURIComponent(v);
    } catch {
      // Not valid percent-encoding: compare as written.
    }
  }
  return v.trim();
}

/**
 * A fresh Content-ID (without `<>`): a UUID with a domain part, as RFC 2392 asks.
 * @param domain - the part after `@` (default `volet`)
 */
export function newContentId(domain = 'volet'): string {
  return `${randomUUID()}@${domain}`;
}

/** Throws unless `id` can be written in a Content-ID header. */
export function checkContentId(id: string): void {
  if (id === '' || /[<>\s"\\]/.test(id) || /[^\x21-\x7e]/.test(id)) {
    throw new MtomError('invalid-content-id', `invalid Content-ID ${JSON.stringify(id.slice(0, 80))}: printable ASCII without <>, quotes or spaces`);
  }
}

/**
 * The `cid:` URL for a Content-ID: percent-encoded as `encodeURIComponent` does, keeping `@`
 * (the form Apache CXF writes and the DMP sends).
 * @param contentId - id without `<>`
 */
export function cidHref(contentId: string): string {
  return 'cid:' + encodeURIComponent(contentId).replace(/%40/g, '@');
}

/**
 * The `<xop:Include href="cid:…"/>` element for a Content-ID, declaring its namespace.
 * @param contentId - id without `<>`
 * @param prefix - namespace prefix (default `xop`)
 */
export function xopIncludeElement(contentId: string, prefix = 'xop'): string {
  return `<${prefix}:Include xmlns:${prefix}="${XOP_INCLUDE_NS}" href="${cidHref(contentId).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"/>`;
}
