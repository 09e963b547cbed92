/**
 * Oracles for the `volet decode` / `volet encode` round trips: an xsi:type-aware canonical
 * comparison (xsi:type values compared as resolved QNames, since the encoder may choose another
 * prefix than the original: `hl7:CV` for `CV` under a default namespace) on top of the codec tests'
 * comparison, and xmllint validation of whole envelopes against the corpus schemas (SOAP envelope
 * schema plus the message's own schemas; the SOAP schema validates Header and Body content laxly,
 * so every element whose namespace is imported is checked strictly).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { corpus } from '../../support/paths.js';
import { xmllintSkipReason, xmllintValidate, type SchemaImport } from '../../support/xmllint.js';
import { difference, type CanonNode } from '../../codec/support/compare.js';

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Like compare.ts's `canonical`, with `xsi:type` values resolved to Clark names. */
export function canonicalTyped(xml: string, options: { readonly trimText?: boolean } = {}): CanonNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: { el: string; attrs: [string, string][]; children: CanonNode[] }[] = [];
  let result: CanonNode | undefined;
  parser.on('opentag', (tag: SaxesTagNS) => {
    const attrs: [string, string][] = Object.values(tag.attributes)
      .filter((a) => a.uri !== XMLNS)
      .map((a): [string, string] => {
        let value = a.value;
        if (a.uri === XSI && a.local === 'type') {
          const colon = value.indexOf(':');
          const prefix = colon < 0 ? '' : value.slice(0, colon);
          value = `{${parser.resolve(prefix) ?? ''}}${value.slice(colon + 1)}`;
        }
        return [`{${a.uri}}${a.local}`, value];
      })
      .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const node = { el: `{${tag.uri}}${tag.local}`, attrs, children: [] as CanonNode[] };
    if (stack.length > 0) stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('text', (text: string) => {
    if (stack.length === 0 || text.trim() === '') return;
    const children = stack[stack.length - 1].children;
    const last = children[children.length - 1];
    if (last !== undefined && 'text' in last) last.text += text;
    else children.push({ text });
  });
  parser.on('cdata', (text: string) => {
    if (stack.length > 0) stack[stack.length - 1].children.push({ text });
  });
  parser.on('closetag', () => {
    const node = stack.pop();
    if (stack.length === 0 && result === undefined) result = node;
  });
  parser.write(xml).close();
  if (result === undefined) throw new Error('no root element');
  if (options.trimText === true) trim(result);
  return result;
}

function trim(node: CanonNode): void {
  if ('text' in node) node.text = node.text.trim();
  else node.children.forEach(trim);
}

/** The first difference between two documents (xsi:type-aware), or null. */
export function typedDifference(actual: string, expected: string, options: { readonly trimText?: boolean } = {}): string | null {
  return difference(canonicalTyped(actual, options), canonicalTyped(expected, options));
}

const SOAP_SCHEMAS = corpus('wss4j-ws-schemas', 'ws-security-stax', 'src', 'main', 'resources', 'schemas');

export type { SchemaImport } from '../../support/xmllint.js';
/** Why xmllint cannot run, or false. */
export const xmllintSkip: string | false = xmllintSkipReason;

/**
 * Validates a whole envelope (or a bare element) with `xmllint --schema`: a driver schema imports
 * the SOAP envelope schema of `version` and `imports`; an XML catalog maps the remote xml.xsd.
 */
export function validateMessage(xml: string, version: '1.1' | '1.2' | null, imports: readonly SchemaImport[]): { ok: boolean; output: string } {
  const all = [...imports];
  if (version !== null) {
    all.unshift({
      namespace: version === '1.2' ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/',
      location: join(SOAP_SCHEMAS, version === '1.2' ? 'soap-1.2.xsd' : 'soap-1.1.xsd'),
    });
  }
  const r = xmllintValidate(xml, all, { 'http://www.w3.org/2001/xml.xsd': join(SOAP_SCHEMAS, 'xml.xsd') });
  return { ok: r.ok, output: r.output.slice(0, 4000) };
}

/**
 * The schema inlined in a WSDL's `wsdl:types` (e.g. Habilitations), written to `dir` so xmllint can
 * read it (a temporary file at test time, never in the repository).
 */
export function inlineSchema(wsdl: string, dir: string): SchemaImport {
  const doc = new DOMParser().parseFromString(readFileSync(wsdl, 'utf8'), 'text/xml');
  const schema = doc.getElementsByTagNameNS('http://www.w3.org/2001/XMLSchema', 'schema')[0];
  if (schema === undefined) throw new Error(`no inline schema in ${wsdl}`);
  const file = join(dir, 'inline.xsd');
  writeFileSync(file, new XMLSerializer().serializeToString(schema));
  return { namespace: schema.getAttribute('targetNamespace') ?? '', location: file };
}
