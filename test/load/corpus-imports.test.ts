/**
 * Every import of the shared corpora (../shared/wsdl-corpus, ../shared/w3c-xsdtests) that points
 * outside them — a remote location, or a namespace imported without location that no schema of the
 * corpus declares — is listed here, and each one resolves through the built-in catalog without the
 * network: by namespace for `xs:import` (what the loader does with a remote import), by location for
 * a remote `xs:include`. The few that cannot are listed with the reason. A new such import in the
 * corpora changes the list and fails the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { builtinForLocation, builtinForNamespace } from '../../generator/catalog/builtin-catalog.js';
import { loadDescription } from '../../generator/load/load.js';
import { corpusRoot, repoRoot } from '../support/paths.js';

const XSD = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const w3cRoot = resolve(process.env.VOLET_W3C ?? join(repoRoot, '..', 'shared', 'w3c-xsdtests'));
const roots = [corpusRoot, w3cRoot];
const skip = roots.every(existsSync) ? false : `corpora not found (${roots.join(', ')})`;

/**
 * What cannot resolve, and why: node-soap's tests serve these two schemas from an HTTP server they
 * start themselves, and the 2002 DIME WSDL-extension namespaces of the Microsoft SOAP Toolkit have
 * no published schema (nothing in the importing schema refers to their components: the loader's
 * warning is all that is left).
 */
const UNRESOLVABLE: Readonly<Record<string, string>> = {
  'include - http://localhost:50000/Platform.asmx?xsd': 'served by a node-soap test server',
  'include - http://localhost:51515/ImportSample.xsd': 'served by a node-soap test server',
  'import http://schemas.xmlsoap.org/ws/2002/04/content-type/ -': 'DIME extension, no published schema',
  'import http://schemas.xmlsoap.org/ws/2002/04/reference/ -': 'DIME extension, no published schema',
};

/** Every external import found, as `kind namespace location` → the built-in schema that provides it. */
const EXPECTED: Readonly<Record<string, string>> = {
  'import http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd':
    'wss-utility-1.0.xsd',
  'import http://schemas.xmlsoap.org/soap/encoding/ -': 'soap11-encoding.xsd',
  'import http://schemas.xmlsoap.org/soap/envelope/ http://schemas.xmlsoap.org/soap/envelope/': 'soap11-envelope.xsd',
  'import http://schemas.xmlsoap.org/wsdl/ -': 'wsdl-1.1.xsd',
  'import http://www.w3.org/1999/xlink http://www.w3.org/XML/2008/06/xlink.xsd': 'xlink.xsd',
  'import http://www.w3.org/2000/09/xmldsig# http://www.w3.org/TR/2002/REC-xmldsig-core-20020212/xmldsig-core-schema.xsd': 'xmldsig-core.xsd',
  'import http://www.w3.org/2000/09/xmldsig# http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd': 'xmldsig-core.xsd',
  'import http://www.w3.org/2001/04/xmlenc# http://www.w3.org/TR/2002/REC-xmlenc-core-20021210/xenc-schema.xsd': 'xmlenc-core.xsd',
  'import http://www.w3.org/2001/XMLSchema-instance -': 'xsi.xsd',
  'import http://www.w3.org/2003/05/soap-encoding -': 'soap12-encoding.xsd',
  'import http://www.w3.org/2003/05/soap-envelope http://www.w3.org/2003/05/soap-envelope/': 'soap12-envelope.xsd',
  'import http://www.w3.org/2004/08/xop/include https://www.w3.org/2004/08/xop/include': 'xop-include.xsd',
  'import http://www.w3.org/2005/08/addressing http://www.w3.org/2006/03/addressing/ws-addr.xsd': 'ws-addressing.xsd',
  'import http://www.w3.org/XML/1998/namespace -': 'xml.xsd',
  'import http://www.w3.org/XML/1998/namespace http://www.w3.org/2001/xml.xsd': 'xml.xsd',
};

interface Ref {
  key: string;
  kind: 'import' | 'include' | 'redefine';
  namespace: string | null;
  location: string | null;
  file: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return filesUnder(p);
    return /\.(xsd|wsdl)$/i.test(d.name) ? [p] : [];
  });
}

const SCHEMA_TNS = /<(?:[\w.-]+:)?schema\b[^>]*?\btargetNamespace\s*=\s*(["'])(.*?)\1/g;

/** The namespaces the schemas of a corpus declare, and its references to documents. */
function scan(root: string): { declared: Set<string>; refs: Ref[] } {
  const declared = new Set<string>();
  const refs: Ref[] = [];
  for (const file of filesUnder(root)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(SCHEMA_TNS)) declared.add(m[2]);
    if (!/(import|include|redefine)\b/.test(text)) continue;
    let doc: Document;
    try {
      doc = new DOMParser({ onError: () => {} }).parseFromString(text.replace(/^\uFEFF/, ''), 'text/xml');
    } catch {
      continue; // not well-formed: volet reports it on load; it imports nothing
    }
    const pick = (ns: string, local: string): Element[] => Array.from(doc.getElementsByTagNameNS(ns, local));
    for (const kind of ['import', 'include', 'redefine'] as const) {
      for (const el of [...pick(XSD, kind), ...(kind === 'import' ? pick(WSDL, 'import') : [])]) {
        const namespace = kind === 'import' ? el.getAttribute('namespace') : null;
        const location = el.getAttribute(el.namespaceURI === WSDL ? 'location' : 'schemaLocation') || null;
        refs.push({ key: `${kind} ${namespace ?? '-'} ${location ?? '-'}`, kind, namespace, location, file });
      }
    }
  }
  return { declared, refs };
}

/**
 * True when a reference leaves its corpus: remote, a path outside it, or, without location, a standard
 * namespace (the catalog's) or one no schema of the corpus declares.
 */
function external(root: string, declared: Set<string>, r: Ref): boolean {
  if (r.location !== null) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(r.location)) return true;
    return relative(root, resolve(dirname(r.file), r.location)).startsWith('..');
  }
  return r.namespace !== null && r.namespace !== XSD && (!declared.has(r.namespace) || builtinForNamespace(r.namespace) !== undefined);
}

test('every import of the corpora that points outside them resolves through the built-in catalog', { skip }, () => {
  const found = new Map<string, Ref>();
  for (const root of roots) {
    const { declared, refs } = scan(root);
    for (const r of refs) if (external(root, declared, r) && !found.has(r.key)) found.set(r.key, r);
  }
  const resolved: Record<string, string> = {};
  const unresolved: string[] = [];
  for (const [key, r] of found) {
    const builtin = r.kind === 'import' && r.namespace !== null ? builtinForNamespace(r.namespace) : builtinForLocation(r.location ?? '');
    if (builtin !== undefined) resolved[key] = builtin.name;
    else unresolved.push(key);
  }
  assert.deepEqual(Object.fromEntries(Object.entries(resolved).sort()), EXPECTED);
  assert.deepEqual(unresolved.sort(), Object.keys(UNRESOLVABLE).sort());

  // The loader agrees: loading each importing document leaves none of these namespaces unresolved.
  for (const [key, r] of found) {
    if (key in UNRESOLVABLE || r.namespace === null) continue;
    const { diagnostics } = loadDescription([r.file]);
    const left = diagnostics.filter((d) => (d.code === 'remote-location' || d.code === 'unresolved-import') && d.message.includes(`'${r.namespace}'`));
    assert.deepEqual(
      left.map((d) => d.message),
      [],
      `${relative(dirname(corpusRoot), r.file)}: ${key}`,
    );
  }
});
