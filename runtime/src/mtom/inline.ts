/**
 * Fallback for small messages only: replaces each `xop:Include` with the base64 text of its part,
 * giving back a plain envelope any XML decoder can read. It materialises every attachment as
 * base64 text (4/3 of its size, as a JS string), so large documents should instead be bound from
 * the attachment map by the codec.
 */
import { DEFAULT_LIMITS } from '../xml/limits.js';
import { XOP_INCLUDE_NS, normalizeContentId } from './content-id.js';
import { MtomError } from './mtom-error.js';

// An Include element (self-closing or with an end tag) with any prefix; namespace checked below.
const INCLUDE = /<((?:[A-Za-z_][\w.-]*:)?)Include\b([^>]*?)(?:\/>|>\s*<\/\1Include\s*>)/g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/**
 * Inlines XOP attachments as base64 text.
 * @param xml - the root part's XML
 * @param attachments - normalised Content-ID → bytes
 * @param maxBytes - most part bytes the Includes may stand for in total, a part counted once per
 *   Include naming it (default 64 MiB, the message limit); more is an {@link MtomError} `too-large`
 */
export function inlineXopIncludes(xml: string, attachments: ReadonlyMap<string, Uint8Array>, maxBytes: number = DEFAULT_LIMITS.maxInputBytes): string {
  if (!xml.includes(XOP_INCLUDE_NS)) return xml;
  let remaining = maxBytes;
  return xml.replace(INCLUDE, (whole, _prefix: string, attrs: string) => {
    const href = HREF.exec(attrs);
    const value = href?.[1] ?? href?.[2];
    if (value === undefined) return whole;
    const id = normalizeContentId(value.replace(/&amp;/g, '&'));
    const data = attachments.get(id);
    if (data === undefined) throw new MtomError('missing-attachment', `xop:Include refers to cid:${id.slice(0, 100)}, which is not in the message`);
    if (data.byteLength > remaining) throw new MtomError('too-large', `the xop:Include elements stand for more than ${maxBytes} bytes`);
    remaining -= data.byteLength;
    return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
  });
}
