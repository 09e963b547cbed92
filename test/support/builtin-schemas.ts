/**
 * The generator's built-in catalog (the standard schemas: SAML, XML-DSig, WS-Addressing, WSS…) as
 * files, for xmllint. The catalog imports by namespace only; the files written here name the sibling
 * file of each imported namespace, so that each one compiles alone, and {@link builtinXmlCatalog}
 * maps the official remote locations to them (xmllint fetches nothing either). Written once per
 * test process to a temporary folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_SCHEMAS, builtinForNamespace } from '../../generator/catalog/builtin-catalog.js';

let folder: string | undefined;

function written(): string {
  if (folder === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'volet-builtin-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    for (const s of BUILTIN_SCHEMAS) {
      const text = s.text.replace(/<xs:import namespace="([^"]+)"\/>/g, (m, ns: string) => {
        const target = builtinForNamespace(ns);
        return target === undefined ? m : `<xs:import namespace="${ns}" schemaLocation="${target.name}"/>`;
      });
      writeFileSync(join(dir, s.name), text);
    }
    folder = dir;
  }
  return folder;
}

/** Path of the built-in schema of `namespace`, written to a file whose imports name their files. */
export function builtinSchemaFile(namespace: string): string {
  const s = builtinForNamespace(namespace);
  if (s === undefined) throw new Error(`no built-in schema for ${namespace}`);
  return join(written(), s.name);
}

/** The official remote locations of the built-in schemas, mapped to their files (for xmllint's XML catalog). */
export function builtinXmlCatalog(): Record<string, string> {
  const dir = written();
  const out: Record<string, string> = {};
  for (const s of BUILTIN_SCHEMAS) for (const l of s.locations) out[l] = join(dir, s.name);
  return out;
}
