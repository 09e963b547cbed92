/**
 * Reads and parses one XML file into a {@link CachedDocument}: decoding, parsing into a light tree
 * (xml-tree-reader.ts), and the check that the root is a WSDL 1.1 definitions or an XML Schema.
 * Text that is not well-formed is one error diagnostic at the mistake; what the parser recovers
 * from (an undefined entity, text outside the root element) is a warning.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { Diagnostic } from '../model/model.js';
import { diagnostic } from '../model/diagnostics.js';
import type { CachedDocument } from './document-cache.js';
import { decodeXml } from './decode.js';
import { WSDL, XSD } from './namespaces.js';
import { type LightParseProblem, LightParseError, type XmlElement } from './xml-tree.js';
import { parseLightTree } from './xml-tree-reader.js';

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Parses XML text into a light tree: its root, or `null` with an error diagnostic when the text is
 * not well-formed; recoverable problems are warnings.
 */
export function parseXml(text: string, displayPath: string): { root: XmlElement | null; diagnostics: Diagnostic[] } {
  const problems: LightParseProblem[] = [];
  try {
    const root = parseLightTree(text, problems);
    const diagnostics = problems.map((p) =>
      diagnostic('warning', { file: displayPath, line: p.line, column: p.column }, `XML error: ${p.message}`, 'xml-warning'),
    );
    return { root, diagnostics };
  } catch (e) {
    if (!(e instanceof LightParseError)) throw e;
    const message = e.message === 'no root element' ? 'not an XML document: no root element' : `malformed XML: ${e.message}`;
    // The fatal error says it all; warnings on the way there (content outside the root…) are noise.
    return { root: null, diagnostics: [diagnostic('error', { file: displayPath, line: e.line, column: e.column }, message, 'malformed-xml')] };
  }
}

/** The kind of a document from its root element, or `null` (with a diagnostic) when neither WSDL 1.1 nor XSD. */
export function documentKind(root: XmlElement, displayPath: string, diagnostics: Diagnostic[]): 'wsdl' | 'xsd' | null {
  if (root.namespaceURI === WSDL && root.localName === 'definitions') return 'wsdl';
  if (root.namespaceURI === XSD && root.localName === 'schema') return 'xsd';
  diagnostics.push(
    diagnostic(
      'error',
      { file: displayPath, line: root.lineNumber, column: root.columnNumber },
      `not a WSDL 1.1 or XML Schema document: root element is {${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName}`,
      'unknown-document',
    ),
  );
  return null;
}

/** Parses a document from its text. Never throws. */
export function parseDocumentText(path: string, displayPath: string, text: string, extra: Diagnostic[] = []): CachedDocument {
  const parsed = parseXml(text, displayPath);
  const diagnostics = [...extra, ...parsed.diagnostics];
  const root = parsed.root;
  if (root === null) return { document: null, root: null, diagnostics };
  const kind = documentKind(root, displayPath, diagnostics);
  if (!kind) return { document: null, root: null, diagnostics };
  return { document: { path, displayPath, kind, root }, root, diagnostics };
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
