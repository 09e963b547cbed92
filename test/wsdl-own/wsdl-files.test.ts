/**
 * Our own service descriptions in wsdl/ are sound as files: every document is well-formed, every schema compiles
 * with xmllint, every import is local and resolves or names a standard schema by its official location (the
 * generator's built-in catalog provides it: no standard schema is copied into wsdl/), and each WSDL's types
 * section compiles as a whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { repoRoot } from '../support/paths.js';
import { builtinXmlCatalog } from '../support/builtin-schemas.js';
import { BUILTIN_SCHEMAS, builtinForLocation } from '../../generator/catalog/builtin-catalog.js';
import { xmllintSkipReason, xmllintValidate, xmllintWellFormed, type SchemaImport } from '../support/xmllint.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const wsdlRoot = join(repoRoot, 'wsdl');

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

const all = filesUnder(wsdlRoot);
const xsds = all.filter((f) => f.endsWith('.xsd'));
const wsdls = all.filter((f) => f.endsWith('.wsdl'));
const rel = (p: string): string => relative(repoRoot, p);

/** xs:import / xs:include elements of a document (schemas inlined in a WSDL included). */
function schemaRefs(file: string): Element[] {
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/xml');
  return [...Array.from(doc.getElementsByTagNameNS(XS, 'import')), ...Array.from(doc.getElementsByTagNameNS(XS, 'include'))];
}

test('wsdl/ holds the expected service descriptions', () => {
  const names = all.map(rel);
  for (const expected of ['wsdl/xds/document-registry.wsdl', 'wsdl/xds/document-repository.wsdl', 'wsdl/insi/insi.wsdl']) {
    assert.ok(names.includes(expected), `${expected} missing; have ${names.join(', ')}`);
  }
  assert.ok(xsds.length >= 12, `expected at least 12 schemas, found ${xsds.length}`);
});

test('no standard schema is copied into wsdl/: the built-in catalog is their one source', () => {
  const standard = new Set(BUILTIN_SCHEMAS.map((s) => s.namespace));
  const copies = xsds.filter((f) => {
    const tns = /targetNamespace="([^"]*)"/.exec(readFileSync(f, 'utf8'))?.[1] ?? '';
    return standard.has(tns);
  });
  // The one exception is a profile, not a copy: the INSi service restricts wsse:Security to SAML
  // assertions in a schema of its own (WSSE/Security.xsd beside the Cnam's WSDL), and so do we.
  assert.deepEqual(copies.map(rel), ['wsdl/insi/wss-security.xsd']);
});

test('every WSDL and XSD in wsdl/ is well-formed XML', { skip: xmllintSkipReason }, () => {
  for (const f of [...wsdls, ...xsds]) {
    const [ok, stderr] = xmllintWellFormed(f);
    assert.ok(ok, `${rel(f)}: ${stderr}`);
  }
});

test('every schemaLocation in wsdl/ names a file inside wsdl/ or a standard schema of the built-in catalog', () => {
  let count = 0;
  let standard = 0;
  for (const f of [...wsdls, ...xsds]) {
    for (const ref of schemaRefs(f)) {
      const loc = ref.getAttribute('schemaLocation');
      assert.ok(loc !== null && loc !== '', `${rel(f)}: ${ref.localName} without schemaLocation`);
      if (/^[a-z][a-z0-9+.-]*:/i.test(loc)) {
        const builtin = builtinForLocation(loc);
        assert.ok(builtin !== undefined, `${rel(f)}: remote schemaLocation ${loc} that the built-in catalog does not map`);
        assert.equal(builtin.namespace, ref.getAttribute('namespace'), `${rel(f)}: ${loc}`);
        standard++;
        continue;
      }
      const target = resolve(dirname(f), loc);
      assert.ok(existsSync(target), `${rel(f)}: ${loc} does not exist`);
      assert.ok(!relative(wsdlRoot, target).startsWith('..'), `${rel(f)}: ${loc} leaves wsdl/`);
      count++;
    }
  }
  assert.ok(count > 15, `only ${count} schema references found`);
  assert.equal(standard, 3, 'xml.xsd (ebRIM), ws-addr.xsd (INSi), the SAML assertion schema (INSi Security)');
});

test('every XSD in wsdl/ compiles with xmllint', { skip: xmllintSkipReason }, () => {
  for (const xsd of xsds) {
    const r = xmllintValidate('<volet-probe/>', xsd);
    assert.ok(r.compiled, `${rel(xsd)} does not compile:\n${r.output}`);
    // The probe has no declaration: the schema compiled and was then applied.
    assert.match(r.output, /No matching global declaration available for the validation root/, rel(xsd));
  }
});

test('each WSDL types section compiles as a whole (all its imports together)', { skip: xmllintSkipReason }, () => {
  for (const wsdl of wsdls) {
    const doc = new DOMParser().parseFromString(readFileSync(wsdl, 'utf8'), 'text/xml');
    const types = doc.getElementsByTagNameNS(WSDL, 'types')[0];
    assert.ok(types !== undefined, `${rel(wsdl)}: no wsdl:types`);
    const imports: SchemaImport[] = Array.from(types.getElementsByTagNameNS(XS, 'import')).map((i) => ({
      namespace: i.getAttribute('namespace') ?? '',
      location: builtinXmlCatalog()[i.getAttribute('schemaLocation') ?? ''] ?? resolve(dirname(wsdl), i.getAttribute('schemaLocation') ?? ''),
    }));
    assert.ok(imports.length > 0, `${rel(wsdl)}: types import nothing`);
    const r = xmllintValidate('<volet-probe/>', imports);
    assert.ok(r.compiled, `${rel(wsdl)} types do not compile:\n${r.output}`);
  }
});
