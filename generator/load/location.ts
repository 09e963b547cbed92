/**
 * Source locations of tree nodes: elements carry their line and column; an attribute is located
 * at its value's opening quote (found in the source text on demand).
 */
import type { SourceLocation } from '../model/model.js';
import type { LoadedDocument } from './types.js';
import { attributePosition } from './xml-elements.js';
import type { XmlElement } from './xml-tree.js';

/** Anything with a position: light-tree elements, model components' sources. */
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

/** Where an attribute's value is written (its opening quote), or, when absent, its element. */
export function attributeLocationOf(el: XmlElement, name: string, doc: LoadedDocument | string): SourceLocation {
  const at = attributePosition(el, name);
  return at === null ? locationOf(el, doc) : { file: typeof doc === 'string' ? doc : doc.displayPath, ...at };
}
