/**
 * Builds the light tree of a document (xml-tree.ts) with the runtime's XML reader: the scanner
 * volet's decoder uses, several times faster than saxes and checked event for event against it on
 * the corpus (`test/runtime-xml/differential.test.ts`). It refuses a DOCTYPE by design (no DTD for
 * SOAP messages); such documents, like any text it refuses, are read with saxes instead, which
 * also gives the well-formedness diagnostics their usual wording.
 */
import { XmlReader, type XmlHandler, type XmlTag } from '@volet/runtime/xml';
import { LightElement, type LightParseProblem, LightText, keepsText, lineStarts, parseLightTreeWithSaxes, positionAt, setSourceText } from './xml-tree.js';

/**
 * Reader limits for schema and WSDL files: bounds against runaway input, far above any real
 * description (the DMP package's largest file, voc.xsd, is 860 KB and 12 levels deep).
 */
const LIMITS = {
  maxInputBytes: 512 * 1024 * 1024,
  maxDepth: 10_000,
  maxTextLength: 512 * 1024 * 1024,
  maxAttributes: 10_000,
  maxElements: 50_000_000,
};

/** Receives the reader's events and builds the tree. */
class TreeBuilder implements XmlHandler {
  root: LightElement | null = null;
  /** Set right after construction: the reader feeding this builder (for token offsets). */
  reader: XmlReader | null = null;
  private current: LightElement | null = null;
  /** Depth inside elements whose text matters (0: text is dropped). */
  private keepText = 0;
  private starts: number[] | null = null;
  /** Index in `starts` of the line of the last element: elements come in document order. */
  private line = 0;

  /** @param text - the text the reader reads (no BOM), where elements are located */
  constructor(private readonly source: string) {}

  openTag(tag: XmlTag): void {
    // The reader reports the offset just after the start tag's `>`; the element starts at its `<`.
    const end = this.reader?.offset ?? 0;
    // A start tag holds no other `<` (attribute values cannot): the last one before its end starts it.
    let start = this.source.lastIndexOf('<', end - 1);
    if (start < 0 || !this.source.startsWith(tag.name, start + 1)) start = this.source.lastIndexOf(`<${tag.name}`, end - 1);
    const offset = start < 0 ? end : start;
    const starts = (this.starts ??= lineStarts(this.source));
    // Offsets only grow: move the line forward (a binary search per element cost more).
    let line = this.line;
    if (starts[line] > offset) line = positionAt(starts, offset).line - 1;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    this.line = line;
    const el = new LightElement(
      tag.uri === '' ? null : tag.uri,
      tag.local,
      tag.name,
      tag.attributeList,
      line + 1,
      offset - starts[line] + 1,
      offset,
      this.current,
    );
    if (this.current) this.current.append(el);
    else this.root = el;
    this.current = el;
    if (this.keepText > 0 || keepsText(el)) this.keepText++;
  }

  closeTag(): void {
    if (this.keepText > 0) this.keepText--;
    this.current = this.current?.parentNode ?? null;
  }

  text(text: string): void {
    const current = this.current;
    if (current && this.keepText > 0) current.append(new LightText(current, text));
  }
}

/**
 * Reads XML text into a light tree with the runtime's reader (root element returned); null when
 * the reader refuses the text (not well-formed, a DOCTYPE, a limit).
 */
export function readLightTree(text: string): LightElement | null {
  // The reader drops a leading BOM; its offsets count from after it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const builder = new TreeBuilder(body);
  const reader = new XmlReader(builder, { limits: LIMITS });
  builder.reader = reader;
  try {
    reader.write(body);
    reader.end();
  } catch {
    return null;
  }
  if (builder.root) setSourceText(builder.root, body);
  return builder.root;
}

/**
 * Parses XML text into a light tree (root element returned), with the runtime's reader, or with
 * saxes when that reader refuses the text. Throws `LightParseError` when the text is not well-formed;
 * what saxes recovers from (undefined entities, text outside the root) is added to `problems`.
 */
export function parseLightTree(text: string, problems?: LightParseProblem[]): LightElement {
  return readLightTree(text) ?? parseLightTreeWithSaxes(text, problems);
}
