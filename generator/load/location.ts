/**
 * Source locations of DOM nodes. @xmldom/xmldom records `lineNumber`/`columnNumber` on every node
 * it creates; diagnostics and model components point there.
 */
import type { SourceLocation } from '../model/model.js';
import type { LoadedDocument } from './types.js';

/** Anything with a position: xmldom nodes, light-tree elements. */
export interface Located {
  readonly lineNumber?: number;
  readonly columnNumber?: number;
}

/** The `file:line:col` of a node of a loaded document (1-based; 1:1 when unknown). */
export function locationOf(node: Located | null | undefined, doc: LoadedDocument | string): SourceLocation {
  const file = typeof doc === 'string' ? doc : doc.displayPath;
  const located: Located = node ?? {};
  return { file, line: located.lineNumber ?? 1, column: located.columnNumber ?? 1 };
}
