/**
 * Test helper: the service roots of loaded WSDL documents, read straight from their files with
 * @xmldom/xmldom (every `wsdl:message/wsdl:part/@element`), independent of the loader and the WSDL parser.
 */
import { readFileSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { LoadResult } from '../../generator/load/types.js';
import type { ServiceRoots } from '../../generator/model/roots.js';

const WSDL = 'http://schemas.xmlsoap.org/wsdl/';

/** The element (and type) QNames named by message parts, sorted and unique. */
export function partRoots(loaded: LoadResult): ServiceRoots {
  const elements = new Set<string>();
  const types = new Set<string>();
  for (const doc of loaded.wsdlDocuments) {
    const dom = new DOMParser().parseFromString(readFileSync(doc.path, 'utf8'), 'text/xml');
    const parts = dom.getElementsByTagNameNS(WSDL, 'part');
    for (let i = 0; i < parts.length; i++) {
      const part = parts.item(i) as Element;
      for (const [attr, set] of [
        ['element', elements],
        ['type', types],
      ] as const) {
        const value = part.getAttribute(attr);
        if (!value) continue;
        const colon = value.indexOf(':');
        const prefix = colon < 0 ? null : value.slice(0, colon);
        const ns = part.lookupNamespaceURI(prefix === null ? '' : prefix) ?? '';
        set.add(`{${ns}}${value.slice(colon + 1)}`);
      }
    }
  }
  return { elements: [...elements].sort(), types: [...types].sort() };
}
