/**
 * Test helpers: build a LoadResult from WSDL texts held in memory (no loader), parse it, and find
 * where a piece of text is, so that tests can check diagnostic locations.
 */
import type { LoadResult, LoadedDocument } from '../../generator/load/types.js';
import { parseLightTree } from '../../generator/load/xml-tree-reader.js';
import type { Diagnostic, Service } from '../../generator/model/model.js';
import { parseWsdl } from '../../generator/parse/wsdl/parse-wsdl.js';

/** A WSDL text and the display path it is given. */
export interface InlineFile {
  path: string;
  text: string;
}

/** Parses each text as a WSDL document, in order (the first is the entry). */
export function inlineLoad(files: InlineFile[]): LoadResult {
  const documents: LoadedDocument[] = files.map((f) => ({
    path: '/inline/' + f.path,
    displayPath: f.path,
    kind: 'wsdl',
    root: parseLightTree(f.text),
  }));
  return { wsdlDocuments: documents, schemas: [], documents, diagnostics: [], redefinitions: [] };
}

/** Runs parseWsdl on inline files. */
export function parseInline(...files: InlineFile[]): { services: Service[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const services = parseWsdl(inlineLoad(files), diagnostics);
  return { services, diagnostics };
}

/** Shorthand for one file named `test.wsdl`. */
export function parseOne(text: string): { services: Service[]; diagnostics: Diagnostic[] } {
  return parseInline({ path: 'test.wsdl', text });
}

/** The 1-based line and column of the first occurrence of `marker` in `text` (after `from`, if given). */
export function positionOf(text: string, marker: string, from?: string): { line: number; column: number } {
  const start = from === undefined ? 0 : text.indexOf(from);
  const index = text.indexOf(marker, Math.max(0, start));
  if (index < 0) throw new Error(`marker not found: ${marker}`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}

/** Common namespace declarations for test WSDLs. */
export const NS = `xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"`;

/** Wraps WSDL body text in a `wsdl:definitions` root with the given target namespace. */
export function definitions(tns: string, body: string, extraNamespaces = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="${tns}" xmlns:tns="${tns}" ${NS} ${extraNamespaces}>
${body}
</wsdl:definitions>
`;
}

/** Errors only. */
export function errors(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'error');
}

/** Diagnostics with a given code. */
export function withCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}
