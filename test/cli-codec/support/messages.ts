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
import { corpus } from '../../support/paths.js';
import { xmllintSkipReason, xmllintValidate, type SchemaImport } from '../../support/xmllint.js';
import { canonical, difference, type CanonNode } from '../../codec/support/compare.js';

/** compare.ts's `canonical` with `xsi:type` values resolved to Clark names. */
export function canonicalTyped(xml: string, options: { readonly trimText?: boolean } = {}): CanonNode {
  return canonical(xml, undefined, { resolveXsiType: true, trimText: options.trimText });
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
