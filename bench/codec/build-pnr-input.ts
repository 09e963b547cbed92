/**
 * Builds the ITI-41 benchmark input at run time from the official DMP example (never committed):
 * the SOAP part of dmp-exemples-messages/TD2.1_Alimentation_requete.xml (a raw MIME body) with
 * its submission set, then `count` copies of its first document entry (ExtrinsicObject) and of
 * its first HasMember Association, ids made unique per copy, and `count` `ihe:Document`
 * elements holding the example's CDA document (TD2.1-DocumentME2.xml, ≈ 4.3 KB) as inline
 * base64. No MTOM: the `xop:Include` of the example are replaced by the base64 text, so every
 * contender reads and writes the same plain XML.
 */
import { readFileSync } from 'node:fs';
import { corpus } from '../../test/support/paths.js';

/** The corpus file the structure comes from. */
export const PNR_SOURCE = corpus('dmp-exemples-messages', 'TD2.1_Alimentation_requete.xml');
/** The corpus file each submitted document's bytes come from. */
export const PNR_DOCUMENT = corpus('dmp-exemples-messages', 'TD2.1-DocumentME2.xml');

/** The XML root part of a raw MIME body: after the first part's headers, up to the next boundary. */
function rootPart(mime: string): string {
  const boundary = mime.slice(0, mime.search(/\r?\n/));
  if (!boundary.startsWith('--')) throw new Error(`${PNR_SOURCE}: no MIME boundary on the first line`);
  const headersEnd = /\r?\n\r?\n/.exec(mime);
  if (headersEnd === null) throw new Error(`${PNR_SOURCE}: no end of part headers`);
  const start = headersEnd.index + headersEnd[0].length;
  const end = mime.indexOf('\n' + boundary, start);
  if (end < 0) throw new Error(`${PNR_SOURCE}: no closing boundary after the root part`);
  return mime.slice(start, end).replace(/\r$/, '');
}

/** The text from the first `<open…` to the matching `</close>` after it (the elements do not nest). */
function element(xml: string, open: string, close: string, from: number): { text: string; start: number; end: number } {
  const start = xml.indexOf(open, from);
  const closeAt = xml.indexOf(close, start);
  if (start < 0 || closeAt < 0) throw new Error(`${PNR_SOURCE}: ${open} not found`);
  const end = closeAt + close.length;
  return { text: xml.slice(start, end), start, end };
}

/** Renames every id the fragment declares, and every quoted reference to it, with a per-copy suffix. */
function uniqueIds(fragment: string, suffix: string, extraIds: readonly string[] = []): string {
  const ids = new Set([...fragment.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const id of extraIds) ids.add(id);
  return fragment.replace(/"([^"]+)"/g, (quoted: string, value: string) => (ids.has(value) ? `"${value}${suffix}"` : quoted));
}

/** Builds the SOAP envelope (as in the example: SOAP 1.1 namespace, its header kept) with `count` documents. */
export function buildProvideAndRegister(count: number): string {
  const xml = rootPart(readFileSync(PNR_SOURCE, 'utf8'));
  const documentBase64 = readFileSync(PNR_DOCUMENT).toString('base64');

  const list = element(xml, '<RegistryObjectList>', '</RegistryObjectList>', 0);
  const pkg = element(xml, '<RegistryPackage ', '</RegistryPackage>', list.start);
  const entry = element(xml, '<ExtrinsicObject ', '</ExtrinsicObject>', pkg.end);
  const entryId = /^<ExtrinsicObject [^>]*\bid="([^"]+)"/.exec(entry.text)?.[1];
  const association = element(xml, '<Association ', '</Association>', entry.end);
  const uniqueId = /value="([^"]+)">\s*<Name>\s*<LocalizedString [^>]*value="XDSDocumentEntry.uniqueId"/.exec(entry.text)?.[1];
  const request = element(xml, '<ns4:ProvideAndRegisterDocumentSetRequest ', '</ns4:ProvideAndRegisterDocumentSetRequest>', 0);
  const firstDocument = xml.indexOf('<ns4:Document ', list.end);
  if (entryId === undefined || uniqueId === undefined || !association.text.includes(`targetObject="${entryId}"`) || firstDocument < 0) {
    throw new Error(`unexpected structure in ${PNR_SOURCE}`);
  }

  const parts: string[] = [xml.slice(0, pkg.end)];
  for (let i = 0; i < count; i++) {
    const suffix = `-${i}`;
    parts.push('\n', uniqueIds(entry.text, suffix).replace(`value="${uniqueId}"`, `value="${uniqueId}.${i}"`));
  }
  for (let i = 0; i < count; i++) parts.push('\n', uniqueIds(association.text, `-${i}`, [entryId]));
  parts.push('\n', xml.slice(list.end - '</RegistryObjectList>'.length, firstDocument));
  for (let i = 0; i < count; i++) parts.push(`<ns4:Document id="${entryId}-${i}">${documentBase64}</ns4:Document>\n`);
  parts.push(xml.slice(request.end - '</ns4:ProvideAndRegisterDocumentSetRequest>'.length));
  return parts.join('');
}
