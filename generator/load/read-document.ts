/**
 * Reads and parses one XML file into a {@link CachedDocument}: decoding, @xmldom/xmldom parsing with
 * line/column, and the check that the root is a WSDL 1.1 definitions or an XML Schema.
 */
import { readFileSync } from 'node:fs';
import { DOMParser, type Document } from '@xmldom/xmldom';
import type { Diagnostic } from '../model/model.js';
import { diagnostic } from '../model/diagnostics.js';
import type { CachedDocument } from './document-cache.js';
import { decodeXml } from './decode.js';
import { WSDL, XSD } from './namespaces.js';

interface LocatorLike {
  lineNumber?: unknown;
  columnNumber?: unknown;
}

/** Line/column (1-based) out of an xmldom locator; 1:1 when it has none (for example "missing root element"). */
function position(locator: unknown): { line: number; column: number } {
  const l = (typeof locator === 'object' && locator !== null ? locator : {}) as LocatorLike;
  const line = typeof l.lineNumber === 'number' && l.lineNumber > 0 ? l.lineNumber : 1;
  const column = typeof l.columnNumber === 'number' && l.columnNumber > 0 ? l.columnNumber : 1;
  return { line, column };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Parses XML text; fatal errors become an error diagnostic, recoverable ones warnings. */
export function parseXml(text: string, displayPath: string): { document: Document | null; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parser = new DOMParser({
    locator: true,
    onError: (level: string, message: string, context: unknown) => {
      if (level === 'fatalError') return; // thrown as ParseError right after; reported from the catch
      const at = position((context as { locator?: unknown } | undefined)?.locator);
      diagnostics.push(diagnostic('warning', { file: displayPath, ...at }, `XML ${level}: ${message}`, 'xml-warning'));
    },
  });
  try {
    const document = parser.parseFromString(text, 'text/xml');
    if (!document.documentElement) {
      diagnostics.push(diagnostic('error', { file: displayPath, line: 1, column: 1 }, 'not an XML document: no root element', 'malformed-xml'));
      return { document: null, diagnostics };
    }
    return { document, diagnostics };
  } catch (e) {
    const at = position((e as { locator?: unknown }).locator);
    const raw = errorMessage(e);
    const message = /missing root element/.test(raw) ? 'not an XML document: no root element' : `malformed XML: ${raw}`;
    diagnostics.push(diagnostic('error', { file: displayPath, ...at }, message, 'malformed-xml'));
    return { document: null, diagnostics };
  }
}

/** The kind of a parsed document from its root element, or `null` (with a diagnostic) when neither. */
export function documentKind(document: Document, displayPath: string, diagnostics: Diagnostic[]): 'wsdl' | 'xsd' | null {
  const root = document.documentElement;
  if (!root) return null;
  if (root.namespaceURI === WSDL && root.localName === 'definitions') return 'wsdl';
  if (root.namespaceURI === XSD && root.localName === 'schema') return 'xsd';
  const lineNumber = (root as { lineNumber?: number }).lineNumber ?? 1;
  const columnNumber = (root as { columnNumber?: number }).columnNumber ?? 1;
  diagnostics.push(
    diagnostic(
      'error',
      { file: displayPath, line: lineNumber, column: columnNumber },
      `not a WSDL 1.1 or XML Schema document: root element is {${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName}`,
      'unknown-document',
    ),
  );
  return null;
}

/** Reads, decodes and parses a document from text (already read). */
export function parseDocumentText(path: string, displayPath: string, text: string, extra: Diagnostic[] = []): CachedDocument {
  const { document, diagnostics } = parseXml(text, displayPath);
  diagnostics.unshift(...extra);
  if (!document) return { document: null, diagnostics };
  const kind = documentKind(document, displayPath, diagnostics);
  if (!kind) return { document: null, diagnostics };
  return { document: { path, displayPath, kind, document }, diagnostics };
}

/** Reads a file from disk and parses it. Never throws. */
export function readDocument(path: string, displayPath: string): CachedDocument {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason =
      code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : errorMessage(e);
    return { document: null, diagnostics: [], unreadable: reason };
  }
  const decoded = decodeXml(bytes);
  const extra: Diagnostic[] = [];
  if (decoded.problem) {
    extra.push(
      diagnostic('warning', { file: displayPath, line: decoded.problem.line, column: decoded.problem.column }, decoded.problem.message, 'encoding'),
    );
  }
  return parseDocumentText(path, displayPath, decoded.text, extra);
}
