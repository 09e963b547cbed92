/**
 * The inline `xs:schema` elements of a WSDL as files xmllint can read (temporary files written at
 * test time, never in the repository): each schema gets the namespace declarations in scope in the
 * WSDL (a `type="tns:X"` relies on the root's `xmlns:tns`), relative `schemaLocation`s are made
 * absolute, and an `xs:import` of a sibling inline schema (no location: it lives in the same WSDL)
 * is pointed at that schema's file. Several inline schemas of one namespace are joined by a wrapper
 * that includes them all, since a validation driver can import a namespace only once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { SchemaImport } from '../../cli-codec/support/messages.js';

const XS = 'http://www.w3.org/2001/XMLSchema';
const XMLNS = 'http://www.w3.org/2000/xmlns/';

/** Structural view of the DOM nodes we touch (xmldom's typings differ from lib.dom's). */
interface DomElement {
  readonly namespaceURI: string | null;
  readonly localName: string | null;
  readonly attributes: { readonly length: number; item(i: number): { readonly name: string; readonly value: string } | null };
  readonly parentNode: unknown;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  setAttributeNS(ns: string, name: string, value: string): void;
  hasAttribute(name: string): boolean;
  getElementsByTagNameNS(ns: string, local: string): { readonly length: number; item(i: number): DomElement | null };
}

function isElement(node: unknown): node is DomElement {
  return typeof node === 'object' && node !== null && (node as { nodeType?: unknown }).nodeType === 1;
}

function list(nodes: { readonly length: number; item(i: number): DomElement | null }): DomElement[] {
  const out: DomElement[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes.item(i);
    if (n !== null) out.push(n);
  }
  return out;
}

/** Copies onto `el` the namespace declarations of its ancestors that it does not redeclare. */
function copyInScopeDeclarations(el: DomElement): void {
  let node: unknown = el.parentNode;
  while (isElement(node)) {
    for (let i = 0; i < node.attributes.length; i++) {
      const a = node.attributes.item(i);
      if (a === null || !(a.name === 'xmlns' || a.name.startsWith('xmlns:'))) continue;
      if (!el.hasAttribute(a.name)) el.setAttributeNS(XMLNS, a.name, a.value);
    }
    node = node.parentNode;
  }
}

/** The inline schemas of `wsdlFile`, written under `dir`, as imports for a validation driver. */
export function inlineSchemas(wsdlFile: string, dir: string): SchemaImport[] {
  const doc = new DOMParser().parseFromString(readFileSync(wsdlFile, 'utf8'), 'text/xml') as unknown as DomElement;
  const schemas = list(doc.getElementsByTagNameNS(XS, 'schema'));
  const base = dirname(wsdlFile);
  const files = schemas.map((_, i) => join(dir, `inline-${i}.xsd`));
  const namespaceOf = (s: DomElement): string => s.getAttribute('targetNamespace') ?? '';
  const fileOfNamespace = new Map<string, string>();
  schemas.forEach((s, i) => {
    if (!fileOfNamespace.has(namespaceOf(s))) fileOfNamespace.set(namespaceOf(s), files[i]);
  });
  const byNamespace = new Map<string, string[]>();
  schemas.forEach((s, i) => {
    copyInScopeDeclarations(s);
    for (const kind of ['import', 'include', 'redefine']) {
      for (const ref of list(s.getElementsByTagNameNS(XS, kind))) {
        const location = ref.getAttribute('schemaLocation');
        if (location !== null && location !== '' && !/^[a-z]+:\/\//i.test(location)) {
          ref.setAttribute('schemaLocation', pathToFileURL(resolve(base, location)).href);
        } else if (kind === 'import' && location === null) {
          const sibling = fileOfNamespace.get(ref.getAttribute('namespace') ?? '');
          if (sibling !== undefined && sibling !== files[i]) ref.setAttribute('schemaLocation', pathToFileURL(sibling).href);
        }
      }
    }
    writeFileSync(files[i], new XMLSerializer().serializeToString(s as unknown as Parameters<XMLSerializer['serializeToString']>[0]));
    const ns = namespaceOf(s);
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), files[i]]);
  });
  return [...byNamespace].map(([namespace, locations], i): SchemaImport => {
    if (locations.length === 1) return { namespace, location: locations[0] };
    const wrapper = join(dir, `namespace-${i}.xsd`);
    const target = namespace === '' ? '' : ` targetNamespace="${namespace}"`;
    writeFileSync(
      wrapper,
      `<xs:schema xmlns:xs="${XS}"${target}>${locations.map((l) => `<xs:include schemaLocation="${pathToFileURL(l).href}"/>`).join('')}</xs:schema>`,
    );
    return { namespace, location: wrapper };
  });
}
