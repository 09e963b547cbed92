/**
 * Validates SOAP envelopes carrying WS-Addressing headers with `xmllint --schema`, against the
 * SOAP 1.1/1.2 and WS-Addressing 1.0 schemas of the corpus, offline (an XML catalog maps the
 * remote xml.xsd import to the local copy).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus, corpusAvailable } from '../support/paths.js';

const SCHEMAS = corpus('wss4j-ws-schemas', 'ws-security-stax', 'src', 'main', 'resources', 'schemas');
const WSA_XSD = corpus('wss4j-ws-schemas', 'ws-security-policy-stax', 'src', 'main', 'resources', 'schemas', 'ws-addr200508.xsd');

/** Why the xmllint tests must skip, or false. */
export function xmllintSkipReason(): string | false {
  if (!corpusAvailable) return 'WSDL corpus not found (set VOLET_CORPUS)';
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return r.error ? 'xmllint not found: install libxml2-utils' : false;
}

/**
 * Validates `xml` against SOAP `version` + WS-Addressing; returns xmllint's exit status and messages.
 * @param xml - a complete envelope
 * @param version - SOAP version of the envelope
 */
export function validateEnvelope(xml: string, version: '1.1' | '1.2'): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'volet-wsa-'));
  try {
    const soapXsd = join(SCHEMAS, version === '1.2' ? 'soap-1.2.xsd' : 'soap-1.1.xsd');
    const soapNs = version === '1.2' ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/';
    writeFileSync(
      join(dir, 'wrapper.xsd'),
      `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:volet:test:wrapper">` +
        `<xs:import namespace="${soapNs}" schemaLocation="${pathToFileURL(soapXsd).href}"/>` +
        `<xs:import namespace="http://www.w3.org/2005/08/addressing" schemaLocation="${pathToFileURL(WSA_XSD).href}"/>` +
        `</xs:schema>`,
    );
    const xmlXsd = pathToFileURL(join(SCHEMAS, 'xml.xsd')).href;
    writeFileSync(
      join(dir, 'catalog.xml'),
      `<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">` +
        `<system systemId="http://www.w3.org/2001/xml.xsd" uri="${xmlXsd}"/><uri name="http://www.w3.org/2001/xml.xsd" uri="${xmlXsd}"/></catalog>`,
    );
    writeFileSync(join(dir, 'doc.xml'), xml);
    const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(dir, 'wrapper.xsd'), join(dir, 'doc.xml')], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: join(dir, 'catalog.xml') },
    });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
