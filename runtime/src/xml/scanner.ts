/**
 * The XML scanner under {@link XmlReader}: XML 1.0 well-formedness and Namespaces in XML 1.0 over
 * a string buffer, reporting events to a handler as it goes. Hand-written for speed: indexOf and
 * charCodeAt with ASCII lookup tables, no regular expression in the loops, interned names, one
 * object per tag and per attribute (none for a tag without attributes).
 *
 * The scanner works on `buf` from `pos`. A token cut by the end of the buffer is left unconsumed
 * (`pos` stays at its start) unless the scan is final; text is reported as far as it is known, so
 * only a few characters (a reference, `]]`) ever wait for the next chunk. Feeding the buffer is the
 * reader's job.
 */
import { XmlError, type XmlPosition } from '../errors/xml-error.js';
import { ATTR_STOP, NAME_CHAR, NAME_START, RAW_STOP, TEXT_STOP, highCharWidth, isXmlCodePoint, nameCharWidth } from './chars.js';
import type { XmlLimits } from './limits.js';
import { internalize } from './intern.js';
import { DEFAULT_DECLARATION, PLAIN_NAME, PREFIX_DECLARATION, internName, nextGeneration, type QualifiedName } from './name-table.js';
import { XML_NS, XMLNS_NS } from './namespaces.js';
import { Attribute, NO_ATTRIBUTES, Tag, type XmlAttribute, type XmlTag } from './tag.js';
import { BoundedMap } from '../bounded-map.js';

/**
 * Receives the events of one document, or of one subtree when a handler hands over to another
 * (see {@link XmlScanner.handler}). Whitespace between elements arrives through `text` too.
 */
export interface XmlHandler {
  /** A start tag (also called for `<a/>`, followed at once by {@link XmlHandler.closeTag}). */
  openTag(tag: XmlTag): void;
  /**
   * The character data between two pieces of markup, in one call however the input was cut;
   * entity and character references replaced, line ends normalised.
   */
  text(text: string): void;
  /**
   * An end tag: the same object as the start tag. The element's namespace declarations are still
   * in scope for {@link XmlScanner.resolve}.
   */
  closeTag(tag: XmlTag): void;
  /** A CDATA section; when absent, CDATA arrives through {@link XmlHandler.text}. */
  cdata?(text: string): void;
  /** A comment inside the root element; ignored when absent. (Processing instructions are dropped: SOAP forbids them.) */
  comment?(text: string): void;
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const DQUOTE = 0x22;
const HASH = 0x23;
const AMP = 0x26;
const SQUOTE = 0x27;
const SLASH = 0x2f;
const SEMICOLON = 0x3b;
const LT = 0x3c;
const EQUALS = 0x3d;
const GT = 0x3e;
const QUESTION = 0x3f;
const RBRACKET = 0x5d;
const LOWER_X = 0x78;

/** A character reference longer than this (leading zeros…) is refused, so references stay bounded. */
const MAX_REFERENCE = 64;
/** Whitespace-only text nodes up to this length are cached by length (indentation repeats). */
const WS_CACHE = 64;
/**
 * Per length, the last white-space run seen and its text, shared by every reader: documents of one
 * service repeat the same indentation, and a reader made per response would otherwise slice and
 * internalize each run again.
 */
const WS_RAW: string[] = new Array<string>(WS_CACHE + 1).fill('');
const WS_TEXT: string[] = new Array<string>(WS_CACHE + 1).fill('');
/** Namespace names remembered by {@link namespaceName}; past it the memory starts again (bounded, whatever the input). */
const NAMESPACE_CACHE = 256;
/** Namespace names seen, each the internalized string for itself (a hostile document can only make it start again). */
const namespaceNames = new BoundedMap<string, string>(NAMESPACE_CACHE);

/**
 * The internalized copy of a namespace name: `internalize` makes an object per call, and the same few
 * namespaces are declared by every document of a service, so a Map lookup finds most of them.
 */
function namespaceName(value: string): string {
  const known = namespaceNames.get(value);
  if (known !== undefined) return known;
  const uri = internalize(value);
  // Keyed by the internalized copy: a slice of the document as the key would keep the document alive.
  namespaceNames.set(uri, uri);
  return uri;
}

/** Indentation runs shorter than this are cached by character and length. */
const INDENT_CACHE = 128;

const tabIndents: string[] = [];
const spaceIndents: string[] = [];

/** `\n` followed by `count` tabs or spaces (`indent`), one string per kind and count. */
function indentation(indent: number, count: number): string {
  const cache = indent === TAB ? tabIndents : spaceIndents;
  let text = cache[count];
  if (text === undefined) {
    text = internalize('\n' + (indent === TAB ? '\t' : ' ').repeat(count));
    for (let k = cache.length; k < count; k++) cache.push(internalize('\n' + (indent === TAB ? '\t' : ' ').repeat(k)));
    cache[count] = text;
  }
  return text;
}

const PREDEFINED: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
});

/**
 * True when `s` holds `part` at `at`. (A loop: `startsWith` with a position is several times
 * slower on V8 for the short strings compared here.)
 */
function matchesAt(s: string, at: number, part: string): boolean {
  const len = part.length;
  if (at + len > s.length) return false;
  for (let k = 0; k < len; k++) if (s.charCodeAt(at + k) !== part.charCodeAt(k)) return false;
  return true;
}

/** How many attribute names per element name are remembered as predictions. */
const PREDICTED_ATTRIBUTES = 16;
/** Depths below this have a predicted element name in {@link LAST_NAMES}. */
const PREDICTED_DEPTH = 64;
/**
 * Per depth, the name of the last element started there by any scanner: the prediction for the next
 * one. Shared, so a reader made per response starts with the names of the previous responses of the
 * service; a prediction is only ever a guess checked against the text, so a wrong one (another
 * document's, an interleaved streaming reader's) costs a lookup, never a wrong name. Bounded by
 * {@link PREDICTED_DEPTH}, and it holds only interned names.
 */
const LAST_NAMES: (QualifiedName | undefined)[] = new Array<QualifiedName | undefined>(PREDICTED_DEPTH).fill(undefined);
/**
 * The attribute names of the start tag being scanned, shared by every scanner: filled and read within
 * one synchronous `startTag` call, before any handler runs (a handler may start another reader); a
 * tag cut by the end of a chunk is scanned again from its `<`. Interned names only, no document text.
 */
const ATTR_NAMES: QualifiedName[] = [];

/** True when `s` holds the (already checked) name `raw` at `at`, not followed by another name character. */
function nameAt(s: string, at: number, raw: string, n: number): boolean {
  const len = raw.length;
  const end = at + len;
  if (end >= n) return false;
  for (let k = 0; k < len; k++) if (s.charCodeAt(at + k) !== raw.charCodeAt(k)) return false;
  const c = s.charCodeAt(end);
  return c < 128 ? NAME_CHAR[c] === 0 : nameCharWidth(s, end, false) === 0;
}

/** `\r\n` and lone `\r` → `\n` (XML end-of-line handling). */
function normaliseLineEnds(s: string): string {
  if (s.indexOf('\r') < 0) return s;
  let out = '';
  let seg = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== CR) continue;
    out += s.slice(seg, i) + '\n';
    if (s.charCodeAt(i + 1) === LF) i++;
    seg = i + 1;
  }
  return out + s.slice(seg);
}

/**
 * The scanning core. {@link XmlReader} extends it with input handling (chunks, bytes, limits on
 * the input size and on tokens that span chunks).
 */
export class XmlScanner {
  /** The handler receiving events; a handler may replace itself to hand a subtree to another one. */
  handler: XmlHandler;
  /** The limits in force. */
  readonly limits: XmlLimits;
  /** Current element depth (1 inside the root element). */
  depth = 0;
  /**
   * During {@link XmlHandler.text}: true when the text is known to be white space only (the
   * indentation between elements), so a handler can skip checking it. False says nothing.
   */
  textIsWhitespace = false;

  /** The text being scanned. */
  protected buf = '';
  /** Where scanning resumes in `buf`. */
  protected pos = 0;
  /** Offset in `buf` just after the token being reported: the position handlers see. */
  protected at = 0;
  /** Characters of the input already dropped from the front of `buf` (see {@link XmlScanner.rebase}). */
  private dropped = 0;
  /** Set when text stopped before the end of `buf` because it needs more input. */
  private stalled = false;
  /** True while nothing has been consumed: an XML declaration is only allowed here. */
  protected atDocumentStart = true;
  /** True when the input came as bytes: the declaration must then name UTF-8, if any encoding. */
  protected bytes = false;

  private sawRoot = false;
  private rootClosed = false;
  private elements = 0;
  /** Characters of the current text node already scanned in earlier chunks, and their text. */
  private textRun = 0;
  private textBefore = '';

  private readonly tags: Tag[] = [];
  /** Per open element, `nsTop` before its declarations. */
  private readonly marks: number[] = [];
  private readonly nsPrefixes: string[] = ['xml', 'xmlns'];
  private readonly nsUris: string[] = [XML_NS, XMLNS_NS];
  private nsTop = 2;
  private nsGen = nextGeneration();

  /** Out-values of the helpers (no allocation for multiple results). */
  private hash = 0;
  private value = '';
  private refText = '';
  /** Per depth, the name of the last element started there: shared by every scanner (see {@link LAST_NAMES}). */
  private readonly lastNames = LAST_NAMES;
  /** The current start tag's attribute names while it is scanned: shared scratch (see {@link ATTR_NAMES}). */
  private readonly attrNames = ATTR_NAMES;
  /** Its attribute values (document text: this scanner's own). */
  private readonly attrValues: string[] = [];

  /** Line bookkeeping, computed lazily: `line` is the line at offset `counted`, which starts at `lineStart`. */
  private line = 1;
  private lineStart = 0;
  private counted = 0;
  /** The same at offset 0 of `buf`. */
  private baseLine = 1;
  private baseLineStart = 0;

  /**
   * @param handler - the first handler
   * @param limits - the limits in force
   */
  constructor(handler: XmlHandler, limits: XmlLimits) {
    this.handler = handler;
    this.limits = limits;
  }

  /** Resolves a prefix in the current scope (during `closeTag`, the closing element's scope); `''` is the default namespace. */
  resolve(prefix: string): string | undefined {
    const prefixes = this.nsPrefixes;
    for (let k = this.nsTop - 1; k >= 0; k--) if (prefixes[k] === prefix) return this.nsUris[k];
    return undefined;
  }

  /** The current position: line, column and element path. */
  position(): XmlPosition {
    this.countLines(this.at);
    return { line: this.line, column: this.at - this.lineStart, path: this.pathOf(0, '') };
  }

  /**
   * During a handler call, the offset just after the token being reported (for a start tag, just
   * after its `>`), in UTF-16 code units from the start of the input (a leading BOM not counted).
   * Lets a caller that holds the whole text locate the token in it.
   */
  get offset(): number {
    return this.dropped + this.at;
  }

  /** The element path, for example `/soap:Envelope/S:Body/RESULTAT`, names as written. */
  path(): string {
    return this.pathOf(0, '');
  }

  /** Makes an {@link XmlError} at the current position. */
  error(code: string, message: string): XmlError {
    return new XmlError(code, message, this.position());
  }

  /** Forgets `buf` before `keep` (the reader is about to replace it), keeping positions right. */
  protected rebase(keep: number): void {
    this.dropped += keep;
    this.countLines(keep);
    this.lineStart -= keep;
    this.counted = 0;
    this.baseLine = this.line;
    this.baseLineStart = this.lineStart;
    this.at = Math.max(0, this.at - keep);
  }

  /** An error at offset `offset` of `buf` (the column is that of the character before it). */
  protected failAt(code: string, message: string, offset: number, drop = 0, extra = ''): XmlError {
    this.countLines(offset);
    return new XmlError(code, message, { line: this.line, column: offset - this.lineStart, path: this.pathOf(drop, extra) });
  }

  /** A well-formedness error at the character at `index`. */
  private malformed(index: number, message: string): XmlError {
    return this.failAt('malformed', message, index + 1);
  }

  private pathOf(drop: number, extra: string): string {
    let p = '';
    const end = this.depth - drop;
    for (let k = 0; k < end; k++) p += '/' + this.tags[k].name;
    return extra === '' ? p : `${p}/${extra}`;
  }

  private countLines(to: number): void {
    const s = this.buf;
    if (to < this.counted) {
      this.line = this.baseLine;
      this.lineStart = this.baseLineStart;
      this.counted = 0;
    }
    const from = this.counted;
    let line = this.line;
    let start = this.lineStart;
    for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) {
      line++;
      start = k + 1;
    }
    for (let k = s.indexOf('\r', from); k >= 0 && k < to; k = s.indexOf('\r', k + 1)) {
      if (s.charCodeAt(k + 1) !== LF) {
        line++;
        if (k + 1 > start) start = k + 1;
      }
    }
    this.line = line;
    this.lineStart = start;
    this.counted = Math.max(from, Math.min(to, s.length));
  }

  /**
   * Scans `buf` from `pos` as far as it can; `final` when no input follows (a cut token is then an
   * error, and the document must be complete).
   */
  protected scan(final: boolean): void {
    const s = this.buf;
    const n = s.length;
    let i = this.pos;
    this.stalled = false;
    while (i < n) {
      if (s.charCodeAt(i) === LT) {
        // Text cut by the end of the previous chunk, ending right there.
        if (this.textBefore !== '') this.emitText('', i);
        const c = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        let next: number;
        if (c === SLASH) next = this.endTag(s, i, n);
        else if (c === BANG) next = this.markupDeclaration(s, i, n);
        else if (c === QUESTION) next = this.processingInstruction(s, i, n);
        else if (i + 1 < n) next = this.startTag(s, i, n);
        else next = -1;
        if (next < 0) {
          if (final) throw this.malformed(n - 1, 'unexpected end of the input inside markup');
          break;
        }
        i = next;
        this.textRun = 0;
      } else {
        i = this.depth > 0 ? this.text(s, i, n, final) : this.outsideText(s, i, n);
        if (this.stalled) break;
      }
    }
    this.pos = i;
    if (i > 0) this.atDocumentStart = false;
    if (final) this.finish(n);
  }

  private finish(n: number): void {
    if (this.depth > 0) {
      throw this.failAt('malformed', `unclosed element <${this.tags[this.depth - 1].name}> (unexpected end of the input)`, n);
    }
    if (!this.sawRoot) throw this.failAt('malformed', 'no root element (unexpected end of the input)', n);
  }

  // ---------------------------------------------------------------- text

  /** Text before or after the root element: white space only, not reported. */
  private outsideText(s: string, i: number, n: number): number {
    let c = s.charCodeAt(i);
    while (c === SPACE || c === LF || c === CR || c === TAB) c = ++i < n ? s.charCodeAt(i) : 0;
    if (i < n && c !== LT) throw this.malformed(i, this.rootClosed ? 'text after the root element' : 'text before the root element');
    return i;
  }

  /** Text inside the root element, from `i` (not `<`). Returns where it ends. */
  private text(s: string, i: number, n: number, final: boolean): number {
    const start = i;
    const budget = this.limits.maxTextLength - this.textRun;
    const stop = n - start > budget ? start + budget + 1 : n;
    let c = s.charCodeAt(i);
    if (c === LF || c === CR) {
      // Indentation between elements: a line end, a run of tabs or of spaces, then `<`. Its
      // text depends only on the run, so it is checked in the one pass and never sliced.
      let j = i + 1;
      if (c === CR && j < n && s.charCodeAt(j) === LF) j++;
      const indent = j < n ? s.charCodeAt(j) : 0;
      let k = j;
      if (indent === TAB || indent === SPACE) {
        do k++;
        while (k < n && s.charCodeAt(k) === indent);
      }
      if (k < stop && s.charCodeAt(k) === LT && k - j < INDENT_CACHE) {
        this.textIsWhitespace = true;
        this.emitText(indentation(indent, k - j), k);
        return k;
      }
    }
    // Other white space between elements.
    while ((c === SPACE || c === LF || c === CR || c === TAB) && i < stop) c = ++i < n ? s.charCodeAt(i) : 0;
    if (c === LT && i < stop) {
      this.whitespace(s, start, i);
      return i;
    }
    i = start;
    while (i < stop) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (TEXT_STOP[c] !== 0) break;
      } else if (c >= 0xd800) break;
      i++;
    }
    this.textIsWhitespace = false;
    if (i < stop && c === LT) {
      this.emitText(s.slice(start, i), i);
      return i;
    }
    return this.textSlow(s, start, i, n, stop, final);
  }

  /** Reports a white-space-only text node, reusing the string of the last one of that length. */
  private whitespace(s: string, start: number, end: number): void {
    const len = end - start;
    let text: string;
    if (len <= WS_CACHE) {
      const raw = WS_RAW[len];
      if (raw.length === len && matchesAt(s, start, raw)) {
        text = WS_TEXT[len];
      } else {
        // Internalized: a flat copy, where a slice would keep the whole document alive in this shared cache.
        const r = internalize(s.slice(start, end));
        text = internalize(normaliseLineEnds(r));
        WS_RAW[len] = r;
        WS_TEXT[len] = text;
      }
    } else {
      text = normaliseLineEnds(s.slice(start, end));
    }
    this.textIsWhitespace = true;
    this.emitText(text, end);
  }

  /** Reports a complete text node, ending at `end`. */
  private emitText(text: string, end: number): void {
    if (this.textBefore !== '') {
      text = this.textBefore + text;
      this.textBefore = '';
      this.textIsWhitespace = false;
    }
    this.at = end;
    this.handler.text(text);
  }

  /** Text with references, line ends, `]`, surrogates or an end of buffer: built piece by piece. */
  private textSlow(s: string, start: number, i: number, n: number, stop: number, final: boolean): number {
    let out = '';
    let seg = start;
    for (;;) {
      if (i >= stop) {
        if (stop < n) throw this.failAt('limit-text', `a text node longer than ${this.limits.maxTextLength} characters`, stop);
        this.partialText(out + s.slice(seg, n), start, n);
        return n;
      }
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (TEXT_STOP[c] === 0) {
          i++;
          continue;
        }
        if (c === LT) {
          this.emitText(out + s.slice(seg, i), i);
          return i;
        }
        if (c === AMP) {
          const next = this.reference(s, i, n);
          if (next < 0) {
            if (final) throw this.malformed(i, 'unterminated reference (unexpected end of the input)');
            return this.stall(out + s.slice(seg, i), start, i);
          }
          out += s.slice(seg, i) + this.refText;
          i = seg = next;
          continue;
        }
        if (c === CR) {
          out += s.slice(seg, i) + '\n';
          i++;
          if (i < n && s.charCodeAt(i) === LF) i++;
          seg = i;
          continue;
        }
        if (c === RBRACKET) {
          if (i + 1 < n && s.charCodeAt(i + 1) === RBRACKET) {
            if (i + 2 >= n && !final) return this.stall(out + s.slice(seg, i), start, i);
            if (i + 2 < n && s.charCodeAt(i + 2) === GT) throw this.malformed(i, ']]> is not allowed in text');
          } else if (i + 1 >= n && !final) {
            return this.stall(out + s.slice(seg, i), start, i);
          }
          i++;
          continue;
        }
        throw this.malformed(i, 'a control character XML does not allow');
      }
      if (c < 0xd800) {
        i++;
        continue;
      }
      const w = highCharWidth(s, i);
      if (w === 0) throw this.malformed(i, 'a character XML does not allow (unpaired surrogate, U+FFFE or U+FFFF)');
      i += w;
    }
  }

  /**
   * Keeps the text of `s[start, end)` (given as `text`) when its node goes on in the next chunk:
   * a node is reported in one piece. Bounded by the text limit, which counts it.
   */
  private partialText(text: string, start: number, end: number): void {
    this.textRun += end - start;
    this.textBefore += text;
    this.at = end;
  }

  /** Stops text at `i` until more input comes, keeping what precedes. */
  private stall(text: string, start: number, i: number): number {
    this.partialText(text, start, i);
    this.stalled = true;
    return i;
  }

  /**
   * A reference at `amp`: sets `refText` and returns the index after `;`, or -1 when the buffer
   * ends first.
   */
  private reference(s: string, amp: number, n: number): number {
    let i = amp + 1;
    const limit = amp + MAX_REFERENCE;
    if (i < n && s.charCodeAt(i) === HASH) {
      i++;
      const hex = i < n && s.charCodeAt(i) === LOWER_X;
      if (hex) i++;
      const digits = i;
      let cp = 0;
      let c = i < n ? s.charCodeAt(i) : -1;
      for (;;) {
        let d: number;
        if (c >= 0x30 && c <= 0x39) d = c - 0x30;
        else if (hex && c >= 0x61 && c <= 0x66) d = c - 0x57;
        else if (hex && c >= 0x41 && c <= 0x46) d = c - 0x37;
        else break;
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 0x10ffff) cp = 0x110000;
        if (++i > limit) throw this.malformed(amp, 'character reference too long');
        c = i < n ? s.charCodeAt(i) : -1;
      }
      if (i >= n) return -1;
      if (c !== SEMICOLON || i === digits) throw this.malformed(amp, 'malformed character reference');
      if (!isXmlCodePoint(cp)) throw this.malformed(amp, 'character reference to a character XML does not allow');
      this.refText = String.fromCodePoint(cp);
      return i + 1;
    }
    // Only the five predefined entities exist (no DTD): the longest name is 4 characters.
    const semi = s.indexOf(';', i);
    if (semi < 0 || semi > i + 5) {
      if (n - i <= 5 && semi < 0) return -1;
      throw this.malformed(amp, '& must start a reference (undefined entity or missing ;)');
    }
    const replacement = PREDEFINED[s.slice(i, semi)];
    if (replacement === undefined) throw this.malformed(amp, 'undefined entity (only lt, gt, amp, apos and quot exist without a DTD)');
    this.refText = replacement;
    return semi + 1;
  }

  // ---------------------------------------------------------------- names

  /** Scans a Name from `i` and sets `hash`; returns its end (`i` itself only at the end of the buffer). */
  private nameEnd(s: string, i: number, n: number): number {
    if (i >= n) return i;
    let c = s.charCodeAt(i);
    let h = c;
    if (c < 128) {
      if (NAME_START[c] === 0) throw this.malformed(i, 'a name was expected');
      i++;
    } else {
      const w = nameCharWidth(s, i, true);
      if (w === 0) throw this.malformed(i, 'a name cannot start with this character');
      i += w;
    }
    while (i < n) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (NAME_CHAR[c] === 0) break;
        i++;
      } else {
        const w = nameCharWidth(s, i, false);
        if (w === 0) break;
        i += w;
      }
      h = (h * 31 + c) | 0;
    }
    this.hash = h ^ (h >>> 11);
    return i;
  }

  /** The namespace of a name's prefix in the current scope, cached on the interned name. */
  private prefixUri(name: QualifiedName): string | undefined {
    if (name.gen === this.nsGen) return name.prefixUri;
    const uri = this.resolve(name.prefix);
    name.gen = this.nsGen;
    name.prefixUri = uri;
    return uri;
  }

  // ---------------------------------------------------------------- tags

  /** A start tag at `lt`; returns the index after it, or -1 when the buffer ends first. */
  private startTag(s: string, lt: number, n: number): number {
    // Names are predicted (the previous element at this depth, the attributes that element
    // had last time) and checked in one pass; a miss scans, hashes and looks up.
    let i: number;
    const depth = this.depth;
    let name = depth < PREDICTED_DEPTH ? this.lastNames[depth] : undefined;
    if (name !== undefined && nameAt(s, lt + 1, name.raw, n)) {
      i = lt + 1 + name.raw.length;
    } else {
      i = this.nameEnd(s, lt + 1, n);
      if (i >= n) return -1;
      name = internName(s, lt + 1, i, this.hash);
      if (name === undefined) throw this.malformed(lt + 1, `element name ${s.slice(lt + 1, i)} is not a qualified name (Namespaces in XML)`);
      if (depth < PREDICTED_DEPTH) this.lastNames[depth] = name;
    }
    const expected = name.attributeNames;
    const names = this.attrNames;
    const values = this.attrValues;
    const maxAttributes = this.limits.maxAttributes;
    let count = 0;
    let declarations = false;
    let selfClosing = false;
    for (;;) {
      if (i >= n) return -1;
      let c = s.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) throw this.malformed(i, 'expected /> to end an empty-element tag');
        i += 2;
        selfClosing = true;
        break;
      }
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) throw this.malformed(i, 'expected white space, > or /> in a start tag');
      do {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      } while (c === SPACE || c === LF || c === CR || c === TAB);
      if (c === GT || c === SLASH) continue;
      // An attribute.
      const nameStart = i;
      let attrName = count < expected.length ? expected[count] : undefined;
      if (attrName !== undefined && nameAt(s, i, attrName.raw, n)) {
        i += attrName.raw.length;
      } else {
        i = this.nameEnd(s, i, n);
        if (i >= n) return -1;
        attrName = internName(s, nameStart, i, this.hash);
        if (attrName === undefined) throw this.malformed(nameStart, `attribute name ${s.slice(nameStart, i)} is not a qualified name (Namespaces in XML)`);
        if (count < PREDICTED_ATTRIBUTES) expected[count] = attrName;
      }
      c = s.charCodeAt(i);
      while (c === SPACE || c === LF || c === CR || c === TAB) {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      }
      if (c !== EQUALS) throw this.malformed(i, 'expected = after an attribute name');
      do {
        if (++i >= n) return -1;
        c = s.charCodeAt(i);
      } while (c === SPACE || c === LF || c === CR || c === TAB);
      if (c !== DQUOTE && c !== SQUOTE) throw this.malformed(i, 'an attribute value must be quoted');
      const quote = c;
      const valueStart = ++i;
      c = -1;
      while (i < n) {
        c = s.charCodeAt(i);
        if (c < 128) {
          if (ATTR_STOP[c] !== 0) break;
        } else if (c >= 0xd800) break;
        i++;
      }
      let value: string;
      if (c === quote) {
        value = s.slice(valueStart, i);
        i++;
      } else {
        i = this.attributeValue(s, valueStart, i, n, quote);
        if (i < 0) return -1;
        value = this.value;
      }
      if (count === maxAttributes) throw this.failAt('limit-attributes', `more than ${maxAttributes} attributes on one element`, i);
      if (i - lt > this.limits.maxTextLength) throw this.failAt('limit-text', `a start tag longer than ${this.limits.maxTextLength} characters`, i);
      names[count] = attrName;
      values[count] = value;
      count++;
      if (attrName.kind !== PLAIN_NAME) declarations = true;
    }
    if (i - lt > this.limits.maxTextLength) throw this.failAt('limit-text', `a start tag longer than ${this.limits.maxTextLength} characters`, i);
    this.openElement(name, count, declarations, selfClosing, i);
    return i;
  }

  /** An attribute value with references, white space to normalise, the other quote or surrogates. */
  private attributeValue(s: string, start: number, i: number, n: number, quote: number): number {
    let out = '';
    let seg = start;
    for (;;) {
      if (i >= n) return -1;
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (c === quote) {
          this.value = seg === start ? s.slice(start, i) : out + s.slice(seg, i);
          return i + 1;
        }
        if (ATTR_STOP[c] === 0 || c === DQUOTE || c === SQUOTE) {
          i++;
          continue;
        }
        if (c === AMP) {
          const next = this.reference(s, i, n);
          if (next < 0) return -1;
          out += s.slice(seg, i) + this.refText;
          i = seg = next;
          continue;
        }
        if (c === TAB || c === LF || c === CR) {
          out += s.slice(seg, i) + ' ';
          i++;
          if (c === CR && i < n && s.charCodeAt(i) === LF) i++;
          seg = i;
          continue;
        }
        if (c === LT) throw this.malformed(i, '< is not allowed in an attribute value');
        throw this.malformed(i, 'a control character XML does not allow');
      }
      if (c < 0xd800) {
        i++;
        continue;
      }
      const w = highCharWidth(s, i);
      if (w === 0) throw this.malformed(i, 'a character XML does not allow (unpaired surrogate, U+FFFE or U+FFFF)');
      i += w;
    }
  }

  /** A complete start tag (ending just before `end`): namespaces, checks, events. */
  private openElement(name: QualifiedName, count: number, declarations: boolean, selfClosing: boolean, end: number): void {
    const depth = this.depth;
    if (depth === 0) {
      if (this.rootClosed) throw this.failAt('malformed', 'a second root element (content after the root element)', end);
      this.sawRoot = true;
    }
    if (depth >= this.limits.maxDepth) throw this.failAt('limit-depth', `element nesting deeper than ${this.limits.maxDepth}`, end, 0, name.raw);
    if (++this.elements > this.limits.maxElements) throw this.failAt('limit-elements', `more than ${this.limits.maxElements} elements`, end);
    const mark = this.nsTop;
    if (declarations) this.declare(count, end);
    let uri: string;
    if (name.prefix === '') {
      uri = this.prefixUri(name) ?? '';
    } else {
      const resolved = this.prefixUri(name);
      if (resolved === undefined) throw this.failAt('malformed', `unbound namespace prefix ${name.prefix} on element ${name.raw}`, end);
      if (name.prefix === 'xmlns') throw this.failAt('malformed', 'an element name may not have the prefix xmlns', end);
      uri = resolved;
    }
    const attributes = count === 0 ? NO_ATTRIBUTES : this.attributes(count, end);
    const tag = new Tag(name.raw, name.prefix, name.local, uri, selfClosing, attributes);
    this.tags[depth] = tag;
    this.marks[depth] = mark;
    this.depth = depth + 1;
    this.at = end;
    this.handler.openTag(tag);
    if (selfClosing) this.closeElement(tag);
  }

  /** Puts the namespace declarations of the tag being opened in scope. */
  private declare(count: number, end: number): void {
    const names = this.attrNames;
    for (let k = 0; k < count; k++) {
      const name = names[k];
      if (name.kind === PLAIN_NAME) continue;
      // Trimmed, as saxes did (a namespace name with surrounding spaces is not a URI reference anyway).
      const uri = namespaceName(this.attrValues[k].trim());
      const prefix = name.kind === DEFAULT_DECLARATION ? '' : name.local;
      if (name.kind === PREFIX_DECLARATION && uri === '') {
        throw this.failAt('malformed', `a prefix cannot be undeclared in XML 1.0 (xmlns:${prefix}="")`, end);
      }
      // (The namespace itself stays out of the message: it is document text.)
      if (prefix === 'xml' ? uri !== XML_NS : prefix === 'xmlns' || uri === XML_NS || uri === XMLNS_NS) {
        throw this.failAt('malformed', `${name.raw}: the xml prefix and namespace only go together, and xmlns and its namespace are never declared`, end);
      }
      this.nsPrefixes[this.nsTop] = prefix;
      this.nsUris[this.nsTop] = uri;
      this.nsTop++;
    }
    this.nsGen = nextGeneration();
  }

  /** The attribute objects of the tag being opened, names resolved, duplicates refused. */
  private attributes(count: number, end: number): XmlAttribute[] {
    const names = this.attrNames;
    const values = this.attrValues;
    const list: Attribute[] = new Array<Attribute>(count);
    for (let k = 0; k < count; k++) {
      const name = names[k];
      let uri: string;
      if (name.kind !== PLAIN_NAME) uri = XMLNS_NS;
      else if (name.prefix === '') uri = '';
      else {
        const resolved = this.prefixUri(name);
        if (resolved === undefined) throw this.failAt('malformed', `unbound namespace prefix ${name.prefix} on attribute ${name.raw}`, end);
        uri = resolved;
      }
      const local = name.local;
      if (count <= 16) {
        for (let j = 0; j < k; j++) {
          const other = list[j];
          if (other.local === local && other.uri === uri) throw this.failAt('malformed', `duplicate attribute ${name.raw}`, end);
        }
      }
      list[k] = new Attribute(name.raw, name.prefix, local, uri, values[k]);
    }
    if (count > 16) {
      // Many attributes (hostile input): a set keeps the check linear.
      const seen = new Set<string>();
      for (const a of list) {
        const key = `{${a.uri}}${a.local}`;
        if (seen.has(key)) throw this.failAt('malformed', `duplicate attribute ${a.name}`, end);
        seen.add(key);
      }
    }
    return list;
  }

  /** An end tag at `lt`; returns the index after it, or -1 when the buffer ends first. */
  private endTag(s: string, lt: number, n: number): number {
    const depth = this.depth;
    const start = lt + 2;
    if (depth === 0) {
      if (start >= n) return -1;
      throw this.malformed(lt, 'an end tag without a start tag');
    }
    const tag = this.tags[depth - 1];
    const expected = tag.name;
    let i = start + expected.length;
    if (i >= n && expected.startsWith(s.slice(start, n))) return -1;
    let c = i < n ? s.charCodeAt(i) : -1;
    if (i >= n || !matchesAt(s, start, expected) || (c < 128 ? NAME_CHAR[c] !== 0 : nameCharWidth(s, i, false) !== 0)) {
      const end = this.nameEnd(s, start, n);
      if (end >= n) return -1;
      throw this.failAt('malformed', `end tag </${s.slice(start, end)}> does not match start tag <${expected}>`, end, 1);
    }
    while (c === SPACE || c === LF || c === CR || c === TAB) {
      if (++i >= n) return -1;
      c = s.charCodeAt(i);
    }
    if (c !== GT) throw this.malformed(i, 'expected > to end an end tag');
    this.at = i + 1;
    this.closeElement(tag);
    return i + 1;
  }

  /** Reports the end of the innermost element and leaves its scope. */
  private closeElement(tag: Tag): void {
    this.handler.closeTag(tag);
    const depth = --this.depth;
    const mark = this.marks[depth];
    if (mark !== this.nsTop) {
      this.nsTop = mark;
      this.nsGen = nextGeneration();
    }
    if (depth === 0) this.rootClosed = true;
  }

  // ---------------------------------------------------------------- other markup

  /** `<!`: a comment or a CDATA section; a DOCTYPE is refused. */
  private markupDeclaration(s: string, lt: number, n: number): number {
    if (s.startsWith('<!--', lt)) return this.comment(s, lt, n);
    if (s.startsWith('<![CDATA[', lt)) return this.cdata(s, lt, n);
    if (s.startsWith('<!DOCTYPE', lt)) {
      throw this.failAt('doctype', 'DOCTYPE declarations are not accepted (no DTD, no entity declarations)', lt + 1);
    }
    const seen = s.slice(lt, Math.min(n, lt + 9));
    if (n - lt < 9 && ('<!DOCTYPE'.startsWith(seen) || '<![CDATA['.startsWith(seen) || '<!--'.startsWith(seen))) return -1;
    throw this.malformed(lt, 'unknown markup declaration (<! must start a comment or a CDATA section)');
  }

  private comment(s: string, lt: number, n: number): number {
    const from = lt + 4;
    const end = s.indexOf('-->', from);
    if (end < 0) {
      if (n - lt > this.limits.maxTextLength) throw this.failAt('limit-text', `a comment longer than ${this.limits.maxTextLength} characters`, n);
      return -1;
    }
    if (end - lt > this.limits.maxTextLength) throw this.failAt('limit-text', `a comment longer than ${this.limits.maxTextLength} characters`, end);
    const dashes = s.indexOf('--', from);
    if (dashes < end) throw this.malformed(dashes, '-- is not allowed inside a comment');
    const text = this.rawSection(s, from, end);
    const handler = this.handler;
    if (this.depth > 0 && handler.comment !== undefined) {
      this.at = end + 3;
      handler.comment(text);
    }
    return end + 3;
  }

  private cdata(s: string, lt: number, n: number): number {
    if (this.depth === 0) throw this.malformed(lt, 'a CDATA section outside the root element');
    const from = lt + 9;
    const end = s.indexOf(']]>', from);
    if (end < 0) {
      if (n - lt > this.limits.maxTextLength) throw this.failAt('limit-text', `a CDATA section longer than ${this.limits.maxTextLength} characters`, n);
      return -1;
    }
    if (end - from > this.limits.maxTextLength) throw this.failAt('limit-text', `a CDATA section longer than ${this.limits.maxTextLength} characters`, end);
    const text = this.rawSection(s, from, end);
    const handler = this.handler;
    this.at = end + 3;
    if (handler.cdata !== undefined) {
      handler.cdata(text);
    } else {
      this.textIsWhitespace = false;
      handler.text(text);
    }
    return end + 3;
  }

  /** `<?`: the XML declaration at the very start, otherwise a processing instruction (checked, dropped). */
  private processingInstruction(s: string, lt: number, n: number): number {
    const targetStart = lt + 2;
    const targetEnd = this.nameEnd(s, targetStart, n);
    if (targetEnd >= n) return -1;
    const target = s.slice(targetStart, targetEnd);
    const end = s.indexOf('?>', targetEnd);
    if (end < 0) {
      if (n - lt > this.limits.maxTextLength)
        throw this.failAt('limit-text', `a processing instruction longer than ${this.limits.maxTextLength} characters`, n);
      return -1;
    }
    if (target.toLowerCase() === 'xml') {
      if (lt !== 0 || !this.atDocumentStart) throw this.malformed(lt, 'an XML declaration is only allowed at the very start of the document');
      this.declaration(s, lt, end);
      return end + 2;
    }
    if (target.includes(':')) throw this.malformed(targetStart, 'a processing instruction target may not contain a colon (Namespaces in XML)');
    const c = s.charCodeAt(targetEnd);
    if (end !== targetEnd && c !== SPACE && c !== LF && c !== CR && c !== TAB) {
      throw this.malformed(targetEnd, 'expected white space or ?> after a processing instruction target');
    }
    if (end - lt > this.limits.maxTextLength)
      throw this.failAt('limit-text', `a processing instruction longer than ${this.limits.maxTextLength} characters`, end);
    this.rawSection(s, targetEnd, end);
    return end + 2;
  }

  /** Checks the XML declaration `s[lt, end + 2)`: version 1.x, and UTF-8 if bytes were given. */
  private declaration(s: string, lt: number, end: number): void {
    const decl = s.slice(lt, end + 2);
    const match = XML_DECLARATION.exec(decl);
    if (match === null) throw this.malformed(lt, 'malformed XML declaration (version 1.x, then optional encoding and standalone)');
    const encoding = match[1] ?? match[2];
    if (encoding !== undefined && this.bytes && !/^utf-?8$/i.test(encoding)) {
      throw this.failAt('encoding', 'only UTF-8 input is accepted (the XML declaration names another encoding)', end + 2);
    }
  }

  /** Checks the characters of `s[from, to)` and returns them with line ends normalised. */
  private rawSection(s: string, from: number, to: number): string {
    let out = '';
    let seg = from;
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (RAW_STOP[c] === 0) {
          i++;
          continue;
        }
        if (c !== CR) throw this.malformed(i, 'a control character XML does not allow');
        out += s.slice(seg, i) + '\n';
        i++;
        if (s.charCodeAt(i) === LF) i++;
        seg = i;
        continue;
      }
      if (c < 0xd800) {
        i++;
        continue;
      }
      const w = highCharWidth(s, i);
      if (w === 0) throw this.malformed(i, 'a character XML does not allow (unpaired surrogate, U+FFFE or U+FFFF)');
      i += w;
    }
    return seg === from ? s.slice(from, to) : out + s.slice(seg, to);
  }
}

const S = '[ \\t\\r\\n]';
/** The XMLDecl production, version 1.x (not scanned in a loop: once per document). */
const XML_DECLARATION = new RegExp(
  // 1.0, 1.1 (read the same way here: the names volet reads are 1.0 names) and the other 1.x XML 1.0 allows.
  `^<\\?xml${S}+version${S}*=${S}*(?:"1\\.[0-9]+"|'1\\.[0-9]+')` +
    `(?:${S}+encoding${S}*=${S}*(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)'))?` +
    `(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>$`,
);
