/**
 * The light tree is read with the runtime's XML reader, falling back to saxes for what that reader
 * refuses (a DOCTYPE). Both readers must build the same tree: on every `.xsd` and `.wsdl` file of
 * the corpus, the same elements (namespace, local name, name as written), attributes, kept text,
 * and line:column of each element — and the reader refuses only documents with a DOCTYPE or that
 * saxes rejects too. Element and attribute positions are checked against @xmldom/xmldom's (what the
 * WSDL parser read before it moved to the light tree), so diagnostics point where they did.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { decodeXml } from '../../generator/load/decode.js';
import { attributePosition } from '../../generator/load/xml-elements.js';
import { parseLightTree, readLightTree } from '../../generator/load/xml-tree-reader.js';
import { LightElement, LightParseError, parseLightTreeWithSaxes, type XmlNode } from '../../generator/load/xml-tree.js';
import { corpusRoot, corpusSkipReason } from '../support/paths.js';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, out);
    else if (/\.(xsd|wsdl)$/i.test(name)) out.push(path);
  }
  return out;
}

/** The tree as comparable lines: one per element and per kept text node. */
function describe(node: XmlNode, depth = 0, out: string[] = []): string[] {
  if (node instanceof LightElement) {
    const attributes = node.attributes.map((a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
    out.push(`${' '.repeat(depth)}<{${node.namespaceURI ?? ''}}${node.localName} ${node.nodeName} @${node.lineNumber}:${node.columnNumber} ${attributes}`);
    for (let c = node.firstChild; c; c = c.nextSibling) describe(c, depth + 1, out);
  } else {
    out.push(`${' '.repeat(depth)}${JSON.stringify(node.textContent)}`);
  }
  return out;
}

test('the reader and saxes build the same light tree for every corpus schema and WSDL', { skip: corpusSkipReason }, () => {
  let same = 0;
  let doctype = 0;
  let bothRefuse = 0;
  const all = files(corpusRoot);
  for (const path of all) {
    const text = decodeXml(readFileSync(path)).text;
    const fast = readLightTree(text);
    let saxes: LightElement | null = null;
    try {
      saxes = parseLightTreeWithSaxes(text);
    } catch (e) {
      assert.ok(e instanceof LightParseError, path);
    }
    if (fast === null) {
      if (/<!DOCTYPE/.test(text)) doctype++;
      else {
        assert.equal(saxes, null, `${path}: refused by the reader, read by saxes`);
        bothRefuse++;
      }
      continue;
    }
    assert.ok(saxes !== null, `${path}: read by the reader, refused by saxes`);
    assert.deepEqual(describe(fast), describe(saxes), path);
    same++;
  }
  console.log(`${all.length} files: ${same} identical trees, ${doctype} with a DOCTYPE read by saxes, ${bothRefuse} refused by both`);
  assert.ok(same > 500, `only ${same} files compared`);
});

function elements(parent: LightElement): LightElement[] {
  const out: LightElement[] = [];
  for (let c = parent.firstChild; c; c = c.nextSibling) if (c instanceof LightElement) out.push(c);
  return out;
}

test('parseLightTree reads a DOCTYPE document through saxes, and locates elements after a BOM', () => {
  const withDoctype =
    '<?xml version="1.0"?>\n<!DOCTYPE xs:schema [ <!ENTITY x "y"> ]>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="a"/>\n</xs:schema>';
  assert.equal(readLightTree(withDoctype), null);
  const root = parseLightTree(withDoctype);
  assert.equal(root.localName, 'schema');
  assert.equal((root.firstChild as LightElement).lineNumber, 4);
  const bom = parseLightTree('\ufeff<a xmlns="urn:x">\n <b  c="1"/><b/></a>');
  const [b, second] = elements(bom);
  assert.deepEqual([bom.lineNumber, bom.columnNumber, b?.lineNumber, b?.columnNumber, second?.columnNumber], [1, 1, 2, 2, 13]);
  assert.equal(bom.textContent, '\n ', 'text outside XML Schema elements is kept');
  assert.equal(b?.getAttribute('c'), '1');
  assert.equal(b?.hasAttribute('d'), false);
  assert.throws(() => parseLightTree('<a><b></a>'), LightParseError);
});

/** Every element of a tree, in document order. */
function allElements(root: LightElement, out: LightElement[] = []): LightElement[] {
  out.push(root);
  for (const c of elements(root)) allElements(c, out);
  return out;
}

test('element and attribute positions are those @xmldom/xmldom gives, on every corpus WSDL and schema', { skip: corpusSkipReason }, () => {
  let compared = 0;
  for (const path of files(corpusRoot)) {
    const text = decodeXml(readFileSync(path)).text;
    let root: LightElement;
    try {
      root = parseLightTree(text);
    } catch {
      continue;
    }
    const dom = new DOMParser({ onError: () => {} }).parseFromString(text, 'text/xml');
    const domElements = dom.getElementsByTagName('*');
    const light = allElements(root);
    assert.equal(light.length, domElements.length, path);
    for (let i = 0; i < light.length; i++) {
      const el = light[i];
      const other = domElements.item(i) as Element;
      const where = `${path} <${el.nodeName}>`;
      assert.deepEqual([el.lineNumber, el.columnNumber], [other.lineNumber, other.columnNumber], where);
      for (const a of el.attributes) {
        const node = other.getAttributeNode(a.name);
        assert.deepEqual(attributePosition(el, a.name), { line: node?.lineNumber, column: node?.columnNumber }, `${where} @${a.name}`);
        compared++;
      }
    }
  }
  console.log(`${compared} attribute positions compared`);
  assert.ok(compared > 10_000, `only ${compared} attributes compared`);
});

test('an attribute is located at its value opening quote, whatever the spacing and quotes', () => {
  const root = parseLightTree("<a xmlns='urn:x'\n  b = \"1\" c\t=\n'2' d='>'/>");
  assert.deepEqual(
    ['xmlns', 'b', 'c', 'd', 'e'].map((n) => attributePosition(root, n)),
    [{ line: 1, column: 10 }, { line: 2, column: 7 }, { line: 3, column: 1 }, { line: 3, column: 7 }, null],
  );
});
