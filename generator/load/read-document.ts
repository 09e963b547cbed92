/**
 * Reads and parses one XML file into a {@link CachedDocument}: decoding, parsing, and the check that
 * the root is a WSDL 1.1 definitions or an XML Schema.
 *
 * Parsing builds a light tree first (fast, strict; xml-tree-reader.ts). `LoadedDocument.document`, the
 * @xmldom/xmldom DOM the WSDL parser reads, is built lazily on first access, so large schema files
 * are never turned into an xmldom DOM. Text the light tree's readers reject is handed to xmldom,
 * which tolerates a few more things (entities declared in a DTD) and gives the diagnostics when it
 * fails too.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { DOMImplementation, DOMParser, type Document } from '@xmldom/xmldom';
import type { Diagnostic } from '../model/model.js';
import { diagnostic } from '../model/diagnostics.js';
import type { CachedDocument } from './document-cache.js';
import { decodeXml } from './decode.js';
import { WSDL, XSD } from './namespaces.js';
import type { LoadedDocument } from './types.js';
import { LightParseError, type XmlElement } from './xml-tree.js';
import { parseLightTree } from './xml-tree-reader.js';

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

/** Parses XML text with xmldom; fatal errors become an error diagnostic, recoverable ones warnings. */
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
    // The fatal error says it all; warnings on the way there (content outside the root…) are noise.
    return { document: null, diagnostics: [diagnostic('error', { file: displayPath, ...at }, message, 'malformed-xml')] };
  }
}

/** The kind of a document from its root element, or `null` (with a diagnostic) when neither WSDL 1.1 nor XSD. */
export function documentKind(root: XmlElement, displayPath: string, diagnostics: Diagnostic[]): 'wsdl' | 'xsd' | null {
  if (root.namespaceURI === WSDL && root.localName === 'definitions') return 'wsdl';
  if (root.namespaceURI === XSD && root.localName === 'schema') return 'xsd';
  diagnostics.push(
    diagnostic(
      'error',
      { file: displayPath, line: root.lineNumber ?? 1, column: root.columnNumber ?? 1 },
      `not a WSDL 1.1 or XML Schema document: root element is {${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName}`,
      'unknown-document',
    ),
  );
  return null;
}

/** A loaded document whose xmldom DOM is built on first access (once; an empty document if xmldom fails). */
function lazyDocument(path: string, displayPath: string, kind: 'wsdl' | 'xsd', text: string): LoadedDocument {
  let dom: Document | null = null;
  return {
    path,
    displayPath,
    kind,
    get document(): Document {
      if (dom === null) {
        dom = parseXml(text, displayPath).document ?? new DOMImplementation().createDocument(null, '', null);
      }
      return dom;
    },
  };
}

/** Parses a document from its text. Never throws. */
export function parseDocumentText(path: string, displayPath: string, text: string, extra: Diagnostic[] = []): CachedDocument {
  const diagnostics = [...extra];
  let root: XmlElement;
  let eager: Document | null = null;
  try {
    root = parseLightTree(text);
  } catch (e) {
    if (!(e instanceof LightParseError)) throw e;
    const parsed = parseXml(text, displayPath);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.document?.documentElement) return { document: null, root: null, diagnostics };
    eager = parsed.document;
    root = parsed.document.documentElement;
  }
  const kind = documentKind(root, displayPath, diagnostics);
  if (!kind) return { document: null, root: null, diagnostics };
  const document = eager === null ? lazyDocument(path, displayPath, kind, text) : { path, displayPath, kind, document: eager };
  return { document, root, diagnostics };
}

/** Default most bytes of one WSDL/XSD file (the largest official schema, HL7 `voc.xsd`, is 860 KB). */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The bytes of a regular file of at most `maxBytes`, or why not. Devices (`/dev/zero`,
 * `/dev/urandom`), FIFOs and sockets would be read forever, so the file type is checked on the open
 * descriptor (no race with a rename) and opened non-blocking (a FIFO without a writer does not hang
 * the open); a file that grows while read stops at the limit.
 * @param path - the file
 * @param maxBytes - most bytes accepted
 * @returns the bytes, or the reason (one line) why they were not read
 */
export function readRegularFile(path: string, maxBytes: number): Uint8Array | string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : errorMessage(e);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return 'is a directory, not a file';
    if (!stat.isFile()) return 'not a regular file (a device, FIFO or socket): volet reads regular files only';
    if (stat.size > maxBytes) return `larger than the ${maxBytes}-byte limit (${stat.size} bytes)`;
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return `larger than the ${maxBytes}-byte limit`;
      if (length === buffer.length) return 'the file changed while it was read';
    }
    return buffer.subarray(0, length);
  } catch (e) {
    return errorMessage(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a file from disk and parses it. Never throws.
 * @param maxBytes - most bytes of the file (default {@link DEFAULT_MAX_FILE_BYTES}); larger files, and
 *   anything but a regular file, are unreadable
 */
export function readDocument(path: string, displayPath: string, maxBytes: number = DEFAULT_MAX_FILE_BYTES): CachedDocument {
  const bytes = readRegularFile(path, maxBytes);
  if (typeof bytes === 'string') return { document: null, root: null, diagnostics: [], unreadable: bytes };
  const decoded = decodeXml(bytes);
  const extra: Diagnostic[] = [];
  if (decoded.problem) {
    extra.push(diagnostic('warning', { file: displayPath, line: decoded.problem.line, column: decoded.problem.column }, decoded.problem.message, 'encoding'));
  }
  return parseDocumentText(path, displayPath, decoded.text, extra);
}
