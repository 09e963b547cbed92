/**
 * Builds the benchmark input at run time from the official DMP example (never committed): an
 * ITI-18 AdhocQueryResponse envelope with `count` copies of the first ExtrinsicObject of
 * dmp-exemples-messages/TD3.1_Recherche_de_document_reponse.xml (ids made unique per copy).
 */
import { readFileSync } from 'node:fs';
import { corpus } from '../../test/support/paths.js';

/** The corpus file the structure comes from. */
export const SOURCE = corpus('dmp-exemples-messages', 'TD3.1_Recherche_de_document_reponse.xml');

/** The example's title, and the French typography that makes the input (and every value read from it) a two-byte string. */
const TITLE = 'Décollement et déchirement de la rétine';
const TITLE_FR = 'Décollement et déchirement de la rétine – compte rendu d’examen de l’œil gauche';

/**
 * Builds the envelope with `count` ExtrinsicObjects.
 * @param french - each copy's title in French typography (`’`, `–`, `œ`: outside Latin-1, unlike the example's accents)
 */
export function buildAdhocQueryResponse(count: number, french = false): string {
  const source = readFileSync(SOURCE, 'utf8');
  if (french && !source.includes(TITLE)) throw new Error(`unexpected title in ${SOURCE}`);
  const xml = french ? source.split(TITLE).join(TITLE_FR) : source;
  const listStart = xml.indexOf('<ns4:RegistryObjectList>');
  const first = xml.indexOf('<ns4:ExtrinsicObject ', listStart);
  const end = xml.indexOf('</ns4:ExtrinsicObject>', first) + '</ns4:ExtrinsicObject>'.length;
  const listEnd = xml.indexOf('</ns4:RegistryObjectList>');
  if (listStart < 0 || first < 0 || end < first || listEnd < end) throw new Error(`unexpected structure in ${SOURCE}`);
  const head = xml.slice(0, first);
  const tail = xml.slice(listEnd);
  const one = xml.slice(first, end);
  const id = /id="urn:uuid:([0-9a-f-]+)"/.exec(one)?.[1] ?? '';
  const parts: string[] = [head.replace(/totalResultCount="\d+"/, `totalResultCount="${count}"`)];
  for (let i = 0; i < count; i++) {
    const suffix = i.toString(16).padStart(12, '0');
    parts.push('\r\n\t\t\t\t', id === '' ? one : one.split(id).join(`${id.slice(0, 24)}${suffix}`));
  }
  parts.push('\r\n\t\t\t', tail);
  return parts.join('');
}
