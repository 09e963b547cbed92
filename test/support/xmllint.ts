/**
 * Debian's `xmllint` as the independent oracle for XML we write: `--schema` validation, offline.
 * A list of imports becomes a driver schema; `catalog` maps remote schema locations (such as the
 * `xml.xsd` that SOAP schemas import) to local files, since xmllint must never fetch anything.
 * Tests skip with {@link xmllintSkipReason} when the tool is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** False when xmllint runs, else the reason to skip. */
export const xmllintSkipReason: string | false =
  spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0 ? false : 'xmllint not installed (apt-get install libxml2-utils)';

/** One namespace a driver schema imports. */
export interface SchemaImport {
  namespace: string;
  /** Absolute path of the schema document. */
  location: string;
}

/** What xmllint said: valid or not, and its messages. */
export interface XmllintResult {
  ok: boolean;
  output: string;
}

/**
 * Runs `xmllint --noout --nonet --schema` on `xml` against a schema file, or against a driver
 * schema importing `schema` when it is a list.
 */
export function xmllintValidate(xml: string, schema: string | readonly SchemaImport[], catalog: Readonly<Record<string, string>> = {}): XmllintResult {
  const dir = mkdtempSync(join(tmpdir(), 'volet-xmllint-'));
  try {
    let schemaFile = schema;
    if (typeof schemaFile !== 'string') {
      schemaFile = join(dir, 'driver.xsd');
      const imports = (schema as readonly SchemaImport[])
        .map((i) => `<xs:import namespace="${i.namespace}" schemaLocation="${pathToFileURL(i.location).href}"/>`)
        .join('');
      writeFileSync(schemaFile, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:volet:test:driver">${imports}</xs:schema>`);
    }
    const entries = Object.entries(catalog)
      .map(([remote, local]) => `<uri name="${remote}" uri="${pathToFileURL(local).href}"/><system systemId="${remote}" uri="${pathToFileURL(local).href}"/>`)
      .join('');
    const catalogFile = join(dir, 'catalog.xml');
    writeFileSync(catalogFile, `<?xml version="1.0"?><catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">${entries}</catalog>`);
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml, 'utf8');
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaFile, file], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: catalogFile },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
