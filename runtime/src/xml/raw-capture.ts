import { escapeXml } from './escape.js';
import { XMLNS_NS, XML_NS, XSI_NS } from './namespaces.js';
import { XmlReader, type XmlHandler, type XmlTag } from './reader.js';

/**
 * Serialises one element subtree back to XML while it is read, so that it can be kept as raw XML
 * (`xs:any` content, header blocks without a descriptor, unknown elements kept in lenient mode)
 * and re-emitted unchanged.
 *
 * The fragment is self-contained: its root gets declarations for the prefixes the fragment uses
 * (element and attribute names, `xsi:type` values) that were declared by an ancestor outside it.
 * Names, prefixes, attribute order, namespace declarations, comments, CDATA sections and `<a/>`
 * vs `<a></a>` are kept; character and entity references come back as characters (escaped again
 * where needed), attribute values are written in double quotes, and processing instructions are
 * dropped (SOAP messages may not contain any).
 */
export class RawCapture implements XmlHandler {
  private readonly reader: XmlReader;
  private readonly previous: XmlHandler;
  private readonly onDone: (xml: string) => void;
  private depth = 0;
  private rootStart = '';
  private rootEnd = '';
  private body = '';
  /** Prefixes declared inside the fragment, per open element. */
  private readonly declared: Set<string>[] = [];
  /** Prefixes used but declared outside the fragment, with their namespace. */
  private readonly inherited = new Map<string, string>();

  /**
   * Starts capturing at `tag` (which must be the tag the reader is reporting now) and makes
   * itself the reader's handler; gives the handler back to `previous` after the end tag.
   */
  constructor(reader: XmlReader, tag: XmlTag, previous: XmlHandler, onDone: (xml: string) => void) {
    this.reader = reader;
    this.previous = previous;
    this.onDone = onDone;
    if (shapeKeepers.length === 0) keepShape();
    reader.handler = this;
    this.openTag(tag);
  }

  openTag(tag: XmlTag): void {
    const declared = new Set<string>();
    let attributes = '';
    const attrs = tag.attributeList;
    for (const attr of attrs) {
      if (attr.uri === XMLNS_NS) declared.add(attr.prefix === '' ? '' : attr.local);
    }
    this.declared.push(declared);
    this.use(tag.prefix, tag.uri);
    for (const attr of attrs) {
      if (attr.uri !== XMLNS_NS) {
        if (attr.prefix !== '') this.use(attr.prefix, attr.uri);
        if (attr.uri === XSI_NS && attr.local === 'type') this.useQNameValue(attr.value);
      }
      attributes += ` ${attr.name}="${escapeXml(attr.value, true)}"`;
    }
    const start = `<${tag.name}${attributes}`;
    if (this.depth++ === 0) {
      this.rootStart = start;
      this.rootEnd = tag.isSelfClosing ? '/>' : '>';
    } else {
      this.body += tag.isSelfClosing ? `${start}/>` : `${start}>`;
    }
  }

  text(text: string): void {
    this.body += escapeXml(text);
  }

  cdata(text: string): void {
    this.body += `<![CDATA[${text}]]>`;
  }

  comment(text: string): void {
    this.body += `<!--${text}-->`;
  }

  closeTag(tag: XmlTag): void {
    this.declared.pop();
    if (!tag.isSelfClosing) this.body += `</${tag.name}>`;
    if (--this.depth > 0) return;
    let declarations = '';
    for (const [prefix, uri] of this.inherited) {
      declarations += prefix === '' ? ` xmlns="${escapeXml(uri, true)}"` : ` xmlns:${prefix}="${escapeXml(uri, true)}"`;
    }
    this.reader.handler = this.previous;
    this.onDone(this.rootStart + declarations + this.rootEnd + this.body);
  }

  private use(prefix: string, uri: string): void {
    if (prefix === 'xml' || this.inherited.has(prefix)) return;
    for (let i = this.declared.length - 1; i >= 0; i--) if (this.declared[i].has(prefix)) return;
    // An unprefixed name in no namespace needs nothing as long as no default namespace is in scope
    // where the fragment is re-emitted; volet's writer never declares one.
    if (prefix === '' && uri === '') return;
    if (uri !== XML_NS) this.inherited.set(prefix, uri);
  }

  private useQNameValue(value: string): void {
    const colon = value.indexOf(':');
    const prefix = colon < 0 ? '' : value.slice(0, colon).trim();
    const uri = this.reader.resolve(prefix);
    if (uri !== undefined && uri !== '') this.use(prefix, uri);
  }
}

/**
 * A capture that lives as long as the module (made from a tiny document): when no object of a
 * class's shape survives a full GC, V8 drops the shape and deoptimises the methods specialised
 * on it; one live instance keeps them valid between documents.
 */
const shapeKeepers: unknown[] = [];

/** Makes the keeper on the first capture (never at import: importing the runtime runs nothing). */
function keepShape(): void {
  shapeKeepers.push(null);
  const keeper: XmlHandler = {
    openTag(tag) {
      shapeKeepers.push(new RawCapture(reader, tag, keeper, () => {}));
    },
    text() {},
    closeTag() {},
  };
  const reader = new XmlReader(keeper);
  reader.write('<a xmlns:p="urn:p" p:x="1"><p:b>t&amp;<![CDATA[c]]><!--c--></p:b><c/></a>');
  reader.end();
}
