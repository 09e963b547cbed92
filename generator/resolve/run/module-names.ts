/**
 * The module name of each target namespace of a run: the folder under `schemas/` that holds the
 * namespace's types and element descriptors. Well-known namespaces have built-in names; `volet.config.json` `modules` overrides
 * them; any other namespace gets a name made from its URI (docs/naming.md).
 */
import { namespaceWords } from '../naming.js';

/** Built-in module names for the namespaces of the French e-health services and their standards. */
export const DEFAULT_MODULE_NAMES: Readonly<Record<string, string>> = {
  '': 'no-namespace',
  'urn:hl7-org:v3': 'hl7v3',
  'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0': 'ebrim',
  'urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0': 'ebrs',
  'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0': 'ebquery',
  'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0': 'eblcm',
  'urn:ihe:iti:xds-b:2007': 'ihe-xdsb',
  'urn:oasis:names:tc:SAML:2.0:assertion': 'saml2',
  'urn:oasis:names:tc:SAML:2.0:protocol': 'saml2p',
  'urn:oasis:names:tc:SAML:1.0:assertion': 'saml1',
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd': 'wsse',
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd': 'wsu',
  'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd': 'wsse11',
  'http://www.w3.org/2000/09/xmldsig#': 'xmldsig',
  'http://www.w3.org/2001/04/xmlenc#': 'xmlenc',
  'http://www.w3.org/2005/08/addressing': 'wsa',
  'http://www.w3.org/2006/03/addressing': 'wsa2006',
  'http://www.w3.org/XML/1998/namespace': 'xml',
  'http://www.w3.org/2004/08/xop/include': 'xop',
  'http://www.w3.org/2005/05/xmlmime': 'xmime',
  'http://www.cnamts.fr/INSiRecSans': 'insi-recsans',
  'http://www.cnamts.fr/INSiRecVit': 'insi-recvit',
  'http://www.cnamts.fr/INSiResultat': 'insi-resultat',
  'urn:siram': 'siram',
  'urn:siram:bam:ctxbam': 'ctxbam',
  'urn:siram:lps:ctxlps': 'ctxlps',
};

/** What a module name may look like: a lower-case folder name that is also readable as a prefix. */
export const MODULE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A module name from the last `count` meaningful words of a namespace URI (`ns` when it has none). */
export function derivedModuleName(namespace: string, count: number): string {
  const words = namespaceWords(namespace)
    .map((w) => w.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter((w) => w !== '');
  const name = words.slice(-count).join('-');
  return /^[a-z]/.test(name) ? name : `ns${name === '' ? '' : `-${name}`}`;
}

/**
 * The module name of every namespace: the configured one, else the built-in one, else one derived
 * from the URI (more words, then a number, until it is free). Namespaces are taken in code-unit
 * order, so the same set of namespaces always gets the same names.
 */
export function moduleNames(namespaces: Iterable<string>, configured: Readonly<Record<string, string>> = {}): Map<string, string> {
  const sorted = [...new Set(namespaces)].sort(byCodeUnit);
  const out = new Map<string, string>();
  const taken = new Set<string>();
  // Explicit names first (configured, then built-in), so a derived name never takes one of them.
  for (const ns of sorted) {
    const name = configured[ns] ?? DEFAULT_MODULE_NAMES[ns];
    if (name === undefined || taken.has(name)) continue;
    out.set(ns, name);
    taken.add(name);
  }
  for (const ns of sorted) {
    if (out.has(ns)) continue;
    let name = derivedModuleName(ns, 1);
    for (let count = 2; taken.has(name) && count <= 4; count++) name = derivedModuleName(ns, count);
    const base = name;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    out.set(ns, name);
    taken.add(name);
  }
  return out;
}
