/**
 * The namespace table of a schema descriptor (`ns`, index 0 = no namespace) and the preferred
 * prefix of each namespace (`prefixes`): the usual prefix for well-known namespaces, else one made
 * from the namespace's last meaningful word. Prefixes only make messages readable; the wire
 * meaning never depends on them.
 */
import { namespaceWords } from '../resolve/naming.js';
import { collectElements, type ElementField } from './content-shape.js';
import type { EmitContext } from './emit-context.js';
import { namespaceOf } from './schema-index.js';

/** Prefixes everybody expects for well-known namespaces. */
const WELL_KNOWN: Readonly<Record<string, string>> = {
  'http://www.w3.org/XML/1998/namespace': 'xml',
  'http://www.w3.org/2001/XMLSchema': 'xs',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi',
  'http://www.w3.org/2003/05/soap-envelope': 'soap',
  'http://schemas.xmlsoap.org/soap/envelope/': 'soapenv',
  'http://www.w3.org/2005/08/addressing': 'wsa',
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd': 'wsse',
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd': 'wsu',
  'http://docs.oasis-open.org/wss/oasis-wss-wssecurity-secext-1.1.xsd': 'wsse11',
  'http://www.w3.org/2000/09/xmldsig#': 'ds',
  'http://www.w3.org/2001/04/xmlenc#': 'xenc',
  'urn:oasis:names:tc:SAML:2.0:assertion': 'saml2',
  'urn:oasis:names:tc:SAML:1.0:assertion': 'saml',
  'http://www.w3.org/2004/08/xop/include': 'xop',
  'http://www.w3.org/2005/05/xmlmime': 'xmime',
  'urn:hl7-org:v3': 'hl7',
  'urn:ihe:iti:xds-b:2007': 'xdsb',
  'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0': 'rim',
  'urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0': 'rs',
  'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0': 'query',
  'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0': 'lcm',
};

/** The namespace table and preferred prefixes of a descriptor. */
export interface NamespaceTable {
  /** `''` first, then every namespace used, sorted. */
  namespaces: string[];
  /** Preferred prefix per index (`''` for index 0). */
  prefixes: string[];
}

/** Tables already built, by schema index: the schema and every service folder of a run share one. */
const tables = new WeakMap<EmitContext['index'], NamespaceTable>();

/** Collects the namespaces the emitted descriptors use and chooses their prefixes (once per run). */
export function namespacesTable(ctx: EmitContext): NamespaceTable {
  const cached = tables.get(ctx.index);
  if (cached !== undefined) return cached;
  const table = buildTable(ctx);
  tables.set(ctx.index, table);
  return table;
}

function buildTable(ctx: EmitContext): NamespaceTable {
  const used = new Set<string>();
  for (const t of ctx.index.types) {
    used.add(namespaceOf(t.id));
    if (t.kind !== 'complex') continue;
    const shape = ctx.shapes.shape(t);
    const elements: ElementField[] = [];
    collectElements(shape.fields, elements);
    for (const e of elements) used.add(e.namespace);
    for (const a of shape.attributes) used.add(a.namespace);
  }
  for (const e of ctx.index.elements) used.add(namespaceOf(e.name));
  used.delete('');
  const namespaces = ['', ...[...used].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))];
  const taken = new Set<string>();
  const prefixes = namespaces.map((uri) => {
    if (uri === '') return '';
    let wanted = WELL_KNOWN[uri] ?? derivedPrefix(uri);
    if (wanted === 'xml' && uri !== 'http://www.w3.org/XML/1998/namespace') wanted = 'ns';
    let prefix = wanted;
    for (let i = 2; taken.has(prefix); i++) prefix = `${wanted}${i}`;
    taken.add(prefix);
    return prefix;
  });
  return { namespaces, prefixes };
}

/** A short lower-case prefix from the last meaningful word of a namespace URI (`ns` when there is none). */
function derivedPrefix(uri: string): string {
  const words = namespaceWords(uri);
  const last = (words[words.length - 1] ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const prefix = /^[a-z]/.test(last) ? last.slice(0, 12) : 'ns';
  return prefix.startsWith('xml') ? `n${prefix}` : prefix;
}
