/**
 * Debian's `xmllint` as the independent oracle for XML we write and for our own schemas: `--schema`
 * validation, offline (`--nonet`). The one xmllint helper of the tests. A list of imports becomes a
 * driver schema (the shape of a `wsdl:types` block); `catalog` maps remote schema locations to local
 * files, since xmllint must never fetch anything. The official locations of the standard schemas
 * (`http://www.w3.org/2001/xml.xsd`, ws-addr.xsd, the SAML assertion schema…) always map to the
 * generator's built-in catalog, as they do for volet itself.
 * Tests skip with {@link xmllintSkipReason} when the tool is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinXmlCatalog } from './builtin-schemas.js';

/** False when xmllint runs, else the reason to skip. */
export const xmllintSkipReason: string | false =
  spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0 ? false : 'xmllint not installed (apt-get install libxml2-utils)';

/** One namespace a driver schema imports. */
export interface SchemaImport {
  namespace: string;
  /** Absolute path of the schema document. */
  location: string;
}

/** What xmllint said. */
export interface XmllintResult {
  /** xmllint accepted the document (exit status 0; schema parser warnings allowed). */
  ok: boolean;
  /** Strict: the schema compiled without errors or warnings, and the document passed. */
  valid: boolean;
  /** The schema compiled without errors or warnings (our own schemas must). */
  compiled: boolean;
  /** Validity errors as `line: message`, the document's path removed, in xmllint's order. */
  errors: string[];
  /** Everything xmllint printed. */
  output: string;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * A schema that only imports the given schema documents. It has a namespace of its own, so that it may
 * import no-namespace schemas too (a schema cannot import its own namespace).
 */
export function driverSchema(imports: readonly SchemaImport[]): string {
  const lines = imports.map((i) => `  <xs:import namespace="${escapeAttr(i.namespace)}" schemaLocation="${escapeAttr(pathToFileURL(i.location).href)}"/>`);
  return `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:volet:test:driver">\n${lines.join('\n')}\n</xs:schema>\n`;
}

/**
 * Runs `xmllint --noout --nonet --schema` on the file `path` against a schema file, or against a
 * driver schema importing `schema` when it is a list.
 */
export function xmllintValidateFile(path: string, schema: string | readonly SchemaImport[], catalog: Readonly<Record<string, string>> = {}): XmllintResult {
  const dir = mkdtempSync(join(tmpdir(), 'volet-xmllint-'));
  try {
    let schemaFile: string;
    if (typeof schema === 'string') {
      schemaFile = schema;
    } else {
      schemaFile = join(dir, 'driver.xsd');
      writeFileSync(schemaFile, driverSchema(schema));
    }
    const entries = Object.entries({ ...builtinXmlCatalog(), ...catalog })
      .map(([remote, local]) => `<uri name="${remote}" uri="${pathToFileURL(local).href}"/><system systemId="${remote}" uri="${pathToFileURL(local).href}"/>`)
      .join('');
    const catalogFile = join(dir, 'catalog.xml');
    writeFileSync(catalogFile, `<?xml version="1.0"?><catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">${entries}</catalog>`);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaFile, path], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: catalogFile },
      maxBuffer: 16 * 1024 * 1024,
    });
    if (r.error !== undefined) throw r.error;
    const stderr = r.stderr;
    const compiled = r.status !== 5 && !/failed to compile|Schemas parser (error|warning)|failed to load external entity/.test(stderr);
    const errors = stderr
      .split('\n')
      .filter((l) => l.includes('Schemas validity error'))
      .map((l) => (l.startsWith(`${path}:`) ? l.slice(path.length + 1) : l));
    return { ok: r.status === 0, valid: compiled && r.status === 0, compiled, errors, output: `${r.stdout}${stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Like {@link xmllintValidateFile}, for XML text (written to a temporary file). */
export function xmllintValidate(xml: string, schema: string | readonly SchemaImport[], catalog: Readonly<Record<string, string>> = {}): XmllintResult {
  const dir = mkdtempSync(join(tmpdir(), 'volet-xmllint-doc-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml, 'utf8');
    return xmllintValidateFile(file, schema, catalog);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when xmllint parses the file as well-formed XML; the second value is its stderr. */
export function xmllintWellFormed(path: string): [boolean, string] {
  const r = spawnSync('xmllint', ['--noout', '--nonet', path], { encoding: 'utf8' });
  if (r.error !== undefined) throw r.error;
  return [r.status === 0 && r.stderr === '', r.stderr];
}
