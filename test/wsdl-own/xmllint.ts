/**
 * Runs xmllint (libxml2) as the independent oracle for our schemas: schema compilation and instance validation.
 * Instances are written to a fresh temporary folder per call and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The reason xmllint tests skip, or false when xmllint runs. */
export const xmllintSkipReason: string | false = (() => {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return r.error === undefined && r.status === 0 ? false : 'xmllint not found (Debian package libxml2-utils)';
})();

/** One namespace to import into a driver schema. */
export interface SchemaImport {
  namespace: string;
  /** Absolute path of the schema document. */
  location: string;
}

/** What xmllint said about one instance. */
export interface ValidationResult {
  /** The schema compiled without errors or warnings. */
  compiled: boolean;
  /** The instance is valid (implies compiled). */
  valid: boolean;
  /** Validity errors as `line: message`, file name removed, in xmllint's order. */
  errors: string[];
  /** Raw stderr, for assertion messages. */
  stderr: string;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A namespace-less schema that only imports the given schema documents (the shape of a `wsdl:types` block). */
export function driverSchema(imports: readonly SchemaImport[]): string {
  const lines = imports.map(
    (i) => `  <xs:import namespace="${escapeAttr(i.namespace)}" schemaLocation="${escapeAttr(i.location)}"/>`,
  );
  return `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n${lines.join('\n')}\n</xs:schema>\n`;
}

/**
 * Validates `instance` (XML text) with xmllint against a schema file, or against a driver schema importing
 * several documents.
 */
export function validate(schema: string | readonly SchemaImport[], instance: string): ValidationResult {
  const dir = mkdtempSync(join(tmpdir(), 'volet-wsdl-own-'));
  try {
    let schemaPath: string;
    if (typeof schema === 'string') {
      schemaPath = schema;
    } else {
      schemaPath = join(dir, 'driver.xsd');
      writeFileSync(schemaPath, driverSchema(schema));
    }
    const instancePath = join(dir, 'instance.xml');
    writeFileSync(instancePath, instance);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schemaPath, instancePath], { encoding: 'utf8' });
    if (r.error !== undefined) throw r.error;
    const stderr = r.stderr;
    const compiled =
      r.status !== 5 && !/failed to compile|Schemas parser (error|warning)|failed to load external entity/.test(stderr);
    const errors = stderr
      .split('\n')
      .filter((l) => l.includes('Schemas validity error'))
      .map((l) => (l.startsWith(instancePath + ':') ? l.slice(instancePath.length + 1) : l));
    return { compiled, valid: compiled && r.status === 0, errors, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when xmllint parses the file as well-formed XML; the second value is its stderr. */
export function wellFormed(path: string): [boolean, string] {
  const r = spawnSync('xmllint', ['--noout', '--nonet', path], { encoding: 'utf8' });
  if (r.error !== undefined) throw r.error;
  return [r.status === 0 && r.stderr === '', r.stderr];
}
