/**
 * Validates XML against a corpus XSD with Debian's `xmllint` (an independent oracle). Tests skip
 * with `xmllintSkipReason` when the tool is absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });

/** False when xmllint runs, else the reason to skip. */
export const xmllintSkipReason: string | false = probe.status === 0 ? false : 'xmllint not installed (apt-get install libxml2-utils)';

/**
 * Runs `xmllint --noout --nonet --schema <xsd>` on `xml` (written to a temp file); returns its exit
 * status and messages. `catalog` maps remote schema locations to local files (an XML catalog is
 * written next to the document), since xmllint must never fetch anything.
 */
export function xmllintValidate(xml: string, xsd: string, catalog: Readonly<Record<string, string>> = {}): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'volet-xmllint-'));
  try {
    const file = join(dir, 'doc.xml');
    writeFileSync(file, xml, 'utf8');
    const entries = Object.entries(catalog)
      .map(([remote, local]) => `<uri name="${remote}" uri="${pathToFileURL(local).href}"/><system systemId="${remote}" uri="${pathToFileURL(local).href}"/>`)
      .join('');
    const catalogFile = join(dir, 'catalog.xml');
    writeFileSync(catalogFile, `<?xml version="1.0"?><catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">${entries}</catalog>`);
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, file], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: catalogFile },
    });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
