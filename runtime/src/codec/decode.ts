/**
 * decode: XML → value, driven by descriptors, streaming over the reader (no DOM).
 *
 * One frame per open element, pooled by depth; child lookup is one Map get by local name plus a
 * namespace comparison. Values are built bottom-up and stored into the parent at the end tag.
 */
import { DecodeError } from '../errors/decode-error.js';
import { DEFAULT_LIMITS, type XmlLimits } from '../xml/limits.js';
import { XMLNS_NS, XSI_NS } from '../xml/namespaces.js';
import { RawCapture } from '../xml/raw-capture.js';
import { XmlReader, type XmlAttribute, type XmlHandler, type XmlTag } from '../xml/reader.js';
import { InvalidValue, builtinCodec, type ParseContext } from './builtins.js';
import { XOP_INCLUDE_NS, normalizeContentId } from '../mtom/content-id.js';
import type { ReceivedAttachment } from '../mtom/received-attachment.js';
import {
  compiledSchema,
  type AnySlot,
  type CompiledComplex,
  type CompiledElement,
  type CompiledSchema,
  type CompiledSimple,
  type CompiledType,
  type ElementSlot,
} from './compile.js';
import type { ElementRef } from './descriptors.js';
import type { RawXml } from './values.js';
import { checkPlan } from './check-plan.js';
import { ownArray, ownValue, setOwn } from './own-property.js';

/** Options of {@link decode}. */
export interface DecodeOptions {
  /**
   * `strict` (default): an unknown or misplaced element or attribute, a missing required one, text
   * where only elements may be, is a {@link DecodeError} with the element path. `lenient`: unknown
   * elements are skipped or kept (see `unknown`), elements out of schema order are accepted where
   * the name says unambiguously where they go, missing required ones are not reported.
   */
  mode?: 'strict' | 'lenient';
  /** Lenient mode: `skip` (default) drops unknown elements, `keep` stores them as raw XML in `$unknown`. */
  unknown?: 'skip' | 'keep';
  /** Check facets (length, pattern, enumeration, bounds, digits). Off by default. */
  validate?: boolean;
  /** Put offending values into error messages. Off by default: values may be patient data. */
  debug?: boolean;
  /** Reader limits. */
  limits?: Partial<XmlLimits>;
  /**
   * XOP (MTOM) attachments, by normalised Content-ID (`splitSoapPayload(…).attachments`): an
   * `xop:Include` in a `base64Binary` element then stands for the bytes of the part it names
   * (or, for parts streamed to a file or sink, for its {@link ReceivedAttachment}).
   */
  attachments?: ReadonlyMap<string, Uint8Array | ReceivedAttachment>;
  /**
   * Most bytes the `xop:Include`s of one document may stand for in total, counting a part once per
   * Include that names it (what a caller materialises when it re-encodes or prints the value).
   * Default: `limits.maxInputBytes` (64 MiB), the message limit.
   */
  maxXopBytes?: number;
}

/**
 * The decoding settings shared by every element decoder of one document.
 * @internal
 */
export interface DecodeSettings {
  readonly strict: boolean;
  readonly keepUnknown: boolean;
  readonly validate: boolean;
  readonly debug: boolean;
  /** XOP attachments, or null. */
  readonly attachments: ReadonlyMap<string, Uint8Array | ReceivedAttachment> | null;
  /** Bytes the remaining `xop:Include`s of this document may still bind (shared, decremented). */
  readonly xopBudget: { remaining: number };
}

/**
 * Normalises {@link DecodeOptions}.
 * @internal
 */
export function decodeSettings(options: DecodeOptions = {}): DecodeSettings {
  return {
    strict: (options.mode ?? 'strict') === 'strict',
    keepUnknown: options.unknown === 'keep',
    validate: options.validate === true,
    debug: options.debug === true,
    attachments: options.attachments ?? null,
    xopBudget: { remaining: options.maxXopBytes ?? options.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes },
  };
}

type Obj = Record<string, unknown>;

class Frame {
  complex: CompiledComplex | null = null;
  simple: CompiledSimple | null = null;
  obj: Obj | null = null;
  text = '';
  slot: ElementSlot | null = null;
  pos = 0;
  nil = false;
  /** The bytes of an `xop:Include` standing for this element's base64 content. */
  xop: Uint8Array | ReceivedAttachment | null = null;
  /** The type an `xsi:type` gave an element declared with another simple type: its value is `{ $type, $value }`. */
  xsiSimple: string | null = null;
  /** Lenient decoding, once a child came out of schema order: the children's properties in document order (`$order`). */
  order: string[] | null = null;
}

/** The format function every base64Binary-derived simple type shares (how XOP-capable types are recognised). */
const BASE64_FORMAT = builtinCodec('xs:base64Binary')?.format;

/** Skips one element subtree (lenient mode, unknown element), then gives the handler back. */
class SkipHandler implements XmlHandler {
  private depth = 1;
  constructor(
    private readonly reader: XmlReader,
    private readonly previous: XmlHandler,
  ) {
    reader.handler = this;
  }
  openTag(): void {
    this.depth++;
  }
  text(): void {}
  closeTag(): void {
    if (--this.depth === 0) this.reader.handler = this.previous;
  }
}

const XSI_TYPE = 1;
const XSI_NIL = 2;

/**
 * Decodes one element subtree with a descriptor, as a reader handler: start it on the element's
 * start tag (it makes itself the reader's handler) and it calls `onDone` with the value after the
 * element's end tag, giving the reader back to `previous`. This is how the SOAP envelope decoder
 * hands the body and header blocks to the codec on the same reader.
 * @internal
 */
export class ElementDecoder implements XmlHandler {
  private readonly schema: CompiledSchema;
  private readonly reader: XmlReader;
  private readonly settings: DecodeSettings;
  private readonly previous: XmlHandler;
  private readonly onDone: (value: unknown) => void;
  private readonly frames: Frame[] = [];
  private top = -1;
  private readonly ctx: ParseContext;
  private readonly rootAttributeNamespace: string | null;
  /** The root element's fixed or default value (what an empty root stands for). */
  private readonly rootConstraint: string | null;
  /** Reused buffer of the current tag's ordinary attributes. */
  private readonly attrBuffer: XmlAttribute[] = [];
  /** Arrays made by lenient decoding for elements that occur more often than allowed (made on first use). */
  private extras: WeakSet<unknown[]> | null = null;

  /**
   * @param schema - the compiled schema
   * @param root - the global element being decoded
   * @param reader - the reader, currently reporting the element's start tag
   * @param tag - that start tag
   * @param previous - the handler to give the reader back to
   * @param settings - decoding settings
   * @param onDone - receives the value
   * @param rootAttributeNamespace - attributes of the root element in this namespace are not the
   *   element's own (SOAP `mustUnderstand`, `role`… on a header block) and are ignored
   */
  constructor(
    schema: CompiledSchema,
    root: CompiledElement,
    reader: XmlReader,
    tag: XmlTag,
    previous: XmlHandler,
    settings: DecodeSettings,
    onDone: (value: unknown) => void,
    rootAttributeNamespace?: string,
  ) {
    // Here, not in decode(): the SOAP envelope decoder makes element decoders itself.
    if (shapeKeepers.length === 0) keepShapes();
    this.rootAttributeNamespace = rootAttributeNamespace ?? null;
    this.rootConstraint = root.valueConstraint;
    this.schema = schema;
    this.reader = reader;
    this.previous = previous;
    this.settings = settings;
    this.onDone = onDone;
    // The reader resolves prefixes itself (QName values): no wrapper made per document.
    this.ctx = reader;
    reader.handler = this;
    this.start(schema.type(root.typeKey), root.typeKey, tag, null, root.nillable);
  }

  openTag(tag: XmlTag): void {
    const parent = this.frames[this.top];
    const ct = parent.complex;
    if (ct === null || parent.nil || (ct.simpleContentKey !== null && !ct.mixed)) {
      if (tag.local === 'Include' && tag.uri === XOP_INCLUDE_NS && this.settings.attachments !== null && this.bindXop(parent, tag)) return;
      if (this.settings.strict || parent.nil) throw this.fail('unexpected-element', `element ${describe(tag)} where the content is text only`);
      this.unknown(parent, tag);
      return;
    }
    const strict = this.settings.strict;
    let slot = ct.children.get(tag.local);
    let fallback: ElementSlot | undefined;
    while (slot !== undefined) {
      if (slot.uri === tag.uri) {
        fallback ??= slot;
        if ((slot.array || slot.list !== null || parent.obj === null || read(parent.obj, slot) === undefined) && (slot.pos >= parent.pos || ct.all)) break;
      }
      slot = slot.next ?? undefined;
    }
    if (slot !== undefined && ct.anys.length > 0 && !ct.all && !ct.mixed) {
      // A required wildcard before the named element, still empty, takes the element first.
      const any = wildcardBefore(ct.anys, tag.uri, parent.pos, slot.pos, parent.obj);
      if (any !== null) {
        if (any.pos > parent.pos) parent.pos = any.pos;
        new RawCapture(this.reader, tag, this, (xml) => this.storeAny(parent, any, { $xml: xml }));
        return;
      }
    }
    if (
      slot === undefined &&
      fallback !== undefined &&
      ct.anys.length > 0 &&
      matchAny(ct.anys, tag.uri, parent.pos, ct.all || !strict, ct.mixed ? null : parent.obj) !== null
    ) {
      // The named element is full and a wildcard later in the sequence accepts it: handled below.
      fallback = undefined;
    }
    if (slot === undefined && fallback !== undefined) {
      if (strict && !ct.all) {
        throw this.fail(
          fallback.pos < parent.pos ? 'out-of-order' : 'duplicate-element',
          fallback.pos < parent.pos ? `element ${describe(tag)} out of schema order` : `element ${describe(tag)} occurs more often than allowed`,
        );
      }
      // Lenient decoding keeps an extra occurrence (the property becomes an array, see store).
      if (strict && !fallback.array && fallback.list === null && !ct.mixed && parent.obj !== null && read(parent.obj, fallback) !== undefined) {
        throw this.fail('duplicate-element', `element ${describe(tag)} occurs more often than allowed`);
      }
      slot = fallback;
      // Lenient decoding of an element out of schema order: from here on the object records its
      // children's document order, so that lenient encoding can write them back as they were.
      if (slot.pos < parent.pos && parent.order === null && !ct.all && !ct.mixed && parent.obj !== null) parent.order = this.orderSoFar(ct, parent.obj);
    }
    if (slot === undefined) {
      const any = matchAny(ct.anys, tag.uri, parent.pos, ct.all || !strict, ct.mixed ? null : parent.obj);
      if (any !== null) {
        if (any.pos > parent.pos) parent.pos = any.pos;
        new RawCapture(this.reader, tag, this, (xml) => this.storeAny(parent, any, { $xml: xml }));
        return;
      }
      if (strict) throw this.fail('unknown-element', `unexpected element ${describe(tag)}`);
      this.unknown(parent, tag);
      return;
    }
    if (slot.pos > parent.pos) parent.pos = slot.pos;
    else if (ct.all && slot.pos < parent.pos && parent.order === null && parent.obj !== null) {
      // xs:all: any order is valid, and the one read is kept for encoding ($order), in strict mode too.
      parent.order = this.orderSoFar(ct, parent.obj);
    }
    const type = slot.type ?? (slot.type = this.schema.type(slot.typeKey));
    this.start(type, slot.typeKey, tag, slot, slot.nillable);
  }

  text(text: string): void {
    const frame = this.frames[this.top];
    if (frame.nil) {
      if (this.settings.strict && !isWhitespace(text)) throw this.fail('nil-with-content', 'content in an element marked xsi:nil');
      return;
    }
    if (frame.simple !== null || (frame.complex !== null && frame.complex.simpleContentKey !== null)) {
      frame.text += text;
      return;
    }
    if (frame.complex !== null && frame.complex.mixed && frame.obj !== null) {
      const content = (frame.obj.$content ??= []) as unknown[];
      const last = content.length - 1;
      if (last >= 0 && typeof content[last] === 'string') content[last] += text;
      else content.push(text);
      return;
    }
    if (this.settings.strict && !this.reader.textIsWhitespace && !isWhitespace(text)) {
      throw this.fail('unexpected-text', 'text where only elements are allowed');
    }
  }

  closeTag(): void {
    const frame = this.frames[this.top];
    let value: unknown;
    if (frame.nil) {
      value = null;
    } else if (frame.simple !== null) {
      value = frame.xop !== null ? this.xopValue(frame) : this.parseSimple(frame.simple, frame.text === '' ? this.emptyText(frame) : frame.text);
      if (frame.xsiSimple !== null) value = { $type: frame.xsiSimple, $value: value };
    } else {
      const ct = frame.complex as CompiledComplex;
      const obj = frame.obj as Obj;
      if (ct.simpleContentKey !== null) {
        const sc = ct.simpleContent ?? (ct.simpleContent = this.schema.simpleType(ct.simpleContentKey));
        obj.$value = frame.xop !== null ? this.xopValue(frame) : this.parseSimple(sc, frame.text === '' ? this.emptyText(frame) : frame.text);
      }
      if (this.settings.strict && !ct.mixed) {
        const required = ct.required;
        if (required !== null) {
          for (let i = 0; i < required.length; i++) {
            const r = required[i];
            const v = read(obj, r);
            if (v === undefined || (r.min > 1 && Array.isArray(v) && v.length < r.min)) {
              throw this.fail('missing-element', `required element ${r.prop} is missing or occurs too few times`);
            }
          }
        } else {
          const problem = checkPlan(ct.plan, obj);
          if (problem !== null) throw this.fail(problem.code, problem.message);
        }
      }
      if (frame.order !== null) {
        obj.$order = frame.order;
        frame.order = null;
      }
      value = obj;
    }
    const slot = frame.slot;
    frame.obj = null;
    frame.text = '';
    this.top--;
    if (this.top < 0) {
      this.reader.handler = this.previous;
      this.onDone(value);
      return;
    }
    this.store(this.frames[this.top], slot as ElementSlot, value);
  }

  /** The text an empty element stands for: its declaration's fixed or default value, else ''. */
  private emptyText(frame: Frame): string {
    return (frame.slot !== null ? frame.slot.valueConstraint : this.rootConstraint) ?? '';
  }

  /** Opens a frame for an element of declared type `type`. */
  private start(declared: CompiledType, declaredKey: string, tag: XmlTag, slot: ElementSlot | null, nillable: boolean): void {
    // First pass over attributes: xsi:type / xsi:nil, and the ordinary ones buffered.
    const attrs = tag.attributeList;
    const buffer = this.attrBuffer;
    // A count, not buffer.length = 0: setting an array's length is a slow builtin call.
    let buffered = 0;
    let xsi = 0;
    let xsiType = '';
    let nil = false;
    for (let k = 0; k < attrs.length; k++) {
      const a = attrs[k];
      const uri = a.uri;
      if (uri === '') buffer[buffered++] = a;
      else if (uri === XMLNS_NS) continue;
      else if (uri === XSI_NS) {
        if (a.local === 'type') {
          xsi |= XSI_TYPE;
          xsiType = a.value;
        } else if (a.local === 'nil') {
          xsi |= XSI_NIL;
          nil = a.value.trim() === 'true' || a.value.trim() === '1';
        }
      } else if (slot !== null || uri !== this.rootAttributeNamespace) buffer[buffered++] = a;
    }
    let type = declared;
    let typeKey: string | null = null;
    if ((xsi & XSI_TYPE) !== 0) {
      const resolved = this.resolveXsiType(xsiType, declaredKey);
      if (resolved !== null) {
        typeKey = resolved;
        type = this.schema.type(resolved);
        // xs:anyType made simple by xsi:type (`xsi:type="xs:string"`): a plain value would forget
        // the type, so the element is kept raw like any other xs:anyType content.
        if (type.simple && !declared.simple && declared.raw) type = declared;
      }
    }
    if (nil && !declared.simple && declared.raw) type = declared;
    if (nil && !nillable && this.settings.strict) throw this.fail('not-nillable', `xsi:nil on element ${describe(tag)}, which is not nillable`);

    const depth = ++this.top;
    let frame = this.frames[depth];
    if (frame === undefined) frame = this.frames[depth] = new Frame();
    frame.slot = slot;
    frame.pos = 0;
    frame.text = '';
    frame.nil = nil;
    frame.xop = null;
    frame.xsiSimple = null;
    frame.order = null;
    if (type.simple) {
      // A simple element retyped by xsi:type keeps the type it names (decode → encode is lossless).
      if (typeKey !== null) frame.xsiSimple = typeKey;
      frame.simple = type;
      frame.complex = null;
      frame.obj = null;
      if (buffered > 0 && this.settings.strict) {
        throw this.fail('unknown-attribute', `attribute ${describeAttr(buffer[0])} on an element of simple type`);
      }
      return;
    }
    if (type.raw) {
      // xs:anyType without a known xsi:type: the element is kept raw.
      this.top--;
      new RawCapture(this.reader, tag, this, (xml) => this.finishRaw(slot, { $xml: xml }));
      return;
    }
    if (type.abstract && this.settings.strict) {
      throw this.fail('abstract-type', `element ${describe(tag)} has abstract type ${type.key} and no xsi:type naming a concrete one`);
    }
    frame.simple = null;
    frame.complex = type;
    const obj: Obj = {};
    frame.obj = obj;
    if (typeKey !== null) obj.$type = typeKey;
    if (nil) return;
    for (let i = 0; i < buffered; i++) {
      const a = buffer[i];
      let as = type.attributes.get(a.local);
      while (as !== undefined && as.uri !== a.uri) as = as.next ?? undefined;
      if (as !== undefined) {
        const at = as.type ?? (as.type = this.schema.simpleType(as.typeKey));
        const value = this.parseSimple(at, a.value);
        if (as.guard) setOwn(obj, as.prop, value);
        else obj[as.prop] = value;
      } else if (type.anyAttribute !== null && type.anyAttribute(a.uri)) {
        const bag = (obj.$attrs ??= {}) as Record<string, string>;
        bag[`{${a.uri}}${a.local}`] = a.value;
      } else if (this.settings.strict) {
        throw this.fail('unknown-attribute', `unexpected attribute ${describeAttr(a)}`);
      }
    }
    if (this.settings.strict) {
      const list = type.requiredAttributes;
      for (let i = 0; i < list.length; i++) {
        if (read(obj, list[i]) === undefined) {
          throw this.fail('missing-attribute', `required attribute ${list[i].local} is missing`);
        }
      }
    }
  }

  private resolveXsiType(value: string, declaredKey: string): string | null {
    const text = value.trim();
    const colon = text.indexOf(':');
    const prefix = colon < 0 ? '' : text.slice(0, colon);
    const local = colon < 0 ? text : text.slice(colon + 1);
    const bound = this.reader.resolve(prefix);
    if (bound === undefined && prefix !== '' && this.settings.strict) {
      throw this.fail('unknown-type', `xsi:type ${text} uses the unbound prefix ${prefix}`);
    }
    const uri = bound ?? '';
    const key = this.schema.typeKeyByQName(uri, local);
    if (key === undefined) {
      if (this.settings.strict) throw this.fail('unknown-type', `xsi:type names a type the descriptors do not know ({${uri}}${local})`);
      return null;
    }
    if (!this.schema.derivesFrom(key, declaredKey)) {
      if (this.settings.strict) throw this.fail('invalid-type', `xsi:type {${uri}}${local} does not derive from the declared type ${declaredKey}`);
      return null;
    }
    return key;
  }

  private parseSimple(type: CompiledSimple, text: string): unknown {
    try {
      const value = this.settings.strict && type.strictParse !== undefined ? type.strictParse(text, this.ctx) : type.parse(text, this.ctx);
      if (this.settings.validate) {
        const checks = type.checks;
        for (let i = 0; i < checks.length; i++) checks[i](value, text.trim());
      }
      return value;
    } catch (err) {
      if (!(err instanceof InvalidValue)) throw err;
      const shown = this.settings.debug ? ` ${JSON.stringify(text)}` : '';
      throw this.fail('invalid-value', `value${shown} ${err.message} (type ${type.key})`);
    }
  }

  /**
   * An `xop:Include` in a base64Binary element: binds the attachment it names to the element and
   * skips the Include. False when the element is not base64Binary (the caller reports it).
   */
  private bindXop(frame: Frame, tag: XmlTag): boolean {
    const ct = frame.complex;
    const type = frame.simple ?? (ct !== null && ct.simpleContentKey !== null ? (ct.simpleContent ??= this.schema.simpleType(ct.simpleContentKey)) : null);
    if (type === null || frame.nil || type.format !== BASE64_FORMAT) return false;
    let href: string | undefined;
    for (const a of tag.attributeList) if (a.local === 'href' && a.uri === '') href = a.value;
    if (href === undefined) throw this.fail('invalid-value', 'xop:Include without href');
    const attachments = this.settings.attachments as ReadonlyMap<string, Uint8Array | ReceivedAttachment>;
    const data = attachments.get(normalizeContentId(href)) ?? attachments.get(href.trim().replace(/^cid:/i, ''));
    // Content-IDs are generated identifiers, not patient data: safe to show.
    if (data === undefined) throw this.fail('missing-attachment', `xop:Include refers to ${href.slice(0, 120)}, which is not in the message`);
    if (frame.xop !== null) throw this.fail('duplicate-element', 'two xop:Include elements in one base64Binary element');
    // One part named by many Includes costs nothing here but its size each time the value is re-encoded
    // or printed: the total is bounded by the message limit (parts received into files are not in memory).
    const budget = this.settings.xopBudget;
    const bytes = data instanceof Uint8Array ? data.byteLength : 0;
    if (bytes > budget.remaining) {
      throw this.fail('too-large', 'the xop:Include elements of the message stand for more bytes than the message limit (maxXopBytes)');
    }
    budget.remaining -= bytes;
    frame.xop = data;
    new SkipHandler(this.reader, this);
    return true;
  }

  /** The value of an element bound to an attachment: only whitespace may surround the Include. */
  private xopValue(frame: Frame): Uint8Array | ReceivedAttachment {
    if (!isWhitespace(frame.text)) throw this.fail('unexpected-text', 'text beside an xop:Include');
    return frame.xop as Uint8Array | ReceivedAttachment;
  }

  private store(parent: Frame, slot: ElementSlot, value: unknown): void {
    const obj = parent.obj as Obj;
    if (parent.order !== null) parent.order.push(slot.list ?? slot.prop);
    if ((parent.complex as CompiledComplex).mixed) {
      ((obj.$content ??= []) as unknown[]).push({ $el: slot.itemTag, value });
    } else if (slot.list !== null) {
      ownArray(obj, slot.list).push({ $el: slot.itemTag, value });
    } else {
      const v = slot.wrap !== null ? { $el: slot.wrap, value } : value;
      if (slot.array) {
        // `[v]` for the first item: an empty array's first push reserves 17 slots, and most
        // repeated elements occur once or twice.
        const items = read(obj, slot) as unknown[] | undefined;
        if (items !== undefined) items.push(v);
        else if (slot.guard) setOwn(obj, slot.prop, [v]);
        else obj[slot.prop] = [v];
      } else if (this.settings.strict) {
        // Strict decoding refused a second occurrence before.
        if (slot.guard) setOwn(obj, slot.prop, v);
        else obj[slot.prop] = v;
      } else {
        // Lenient decoding keeps an extra occurrence too, in order.
        const previous = read(obj, slot);
        if (previous === undefined) {
          if (slot.guard) setOwn(obj, slot.prop, v);
          else obj[slot.prop] = v;
        } else {
          const extras = (this.extras ??= new WeakSet());
          if (Array.isArray(previous) && extras.has(previous)) previous.push(v);
          else {
            const items = [previous, v];
            extras.add(items);
            setOwn(obj, slot.prop, items);
          }
        }
      }
    }
  }

  private storeAny(parent: Frame, any: AnySlot, raw: RawXml): void {
    const obj = parent.obj as Obj;
    if (parent.order !== null) parent.order.push(any.prop);
    if ((parent.complex as CompiledComplex).mixed) ((obj.$content ??= []) as unknown[]).push(raw);
    else ownArray(obj, any.prop).push(raw);
  }

  /**
   * The element properties stored so far, in document order: until the first child out of schema
   * order they came in schema order, which is the object's key order (each repeated by its count).
   */
  private orderSoFar(ct: CompiledComplex, obj: Obj): string[] {
    const repeated = new Map<string, boolean>();
    for (const first of ct.children.values()) {
      for (let s: ElementSlot | null = first; s !== null; s = s.next) repeated.set(s.list ?? s.prop, s.array || s.list !== null);
    }
    for (const a of ct.anys) repeated.set(a.prop, true);
    const order: string[] = [];
    for (const key of Object.keys(obj)) {
      const many = repeated.get(key);
      if (many === undefined) continue;
      const v = obj[key];
      const count = Array.isArray(v) && (many || this.extras?.has(v) === true) ? v.length : 1;
      for (let i = 0; i < count; i++) order.push(key);
    }
    return order;
  }

  private finishRaw(slot: ElementSlot | null, raw: RawXml): void {
    if (this.top < 0) {
      this.reader.handler = this.previous;
      this.onDone(raw);
      return;
    }
    this.store(this.frames[this.top], slot as ElementSlot, raw);
  }

  private unknown(parent: Frame, tag: XmlTag): void {
    if (this.settings.keepUnknown && parent.obj !== null) {
      const obj = parent.obj;
      new RawCapture(this.reader, tag, this, (xml) => ((obj.$unknown ??= []) as unknown[]).push({ $xml: xml }));
    } else {
      new SkipHandler(this.reader, this);
    }
  }

  private fail(code: string, message: string): DecodeError {
    return new DecodeError(code, message, this.reader.position());
  }
}

/**
 * The own property of a slot (element, attribute or required entry): a plain read unless its
 * name is a member of `Object.prototype` (decided when the schema was compiled).
 */
function read(obj: Obj, slot: { readonly prop: string; readonly guard: boolean }): unknown {
  return slot.guard ? ownValue(obj, slot.prop) : obj[slot.prop];
}

/** A wildcard placed in `[from, before)` that accepts `uri` and still lacks its minimum count. */
function wildcardBefore(anys: readonly AnySlot[], uri: string, from: number, before: number, obj: Obj | null): AnySlot | null {
  for (let i = 0; i < anys.length; i++) {
    const a = anys[i];
    if (a.pos < from || a.pos >= before || a.min === 0 || a.list !== null || !a.matches(uri)) continue;
    const items = obj === null ? undefined : ownValue(obj, a.prop);
    if ((Array.isArray(items) ? items.length : 0) < a.min) return a;
  }
  return null;
}

/**
 * The wildcard an element goes to: the first in order that accepts its namespace, passing over
 * one already full (maxOccurs reached) when a later one accepts it too — `any ##other` then
 * `any namespace="A"` with two `A` elements gives one to each.
 */
function matchAny(anys: readonly AnySlot[], uri: string, pos: number, anyOrder: boolean, obj: Obj | null): AnySlot | null {
  let full: AnySlot | null = null;
  for (let i = 0; i < anys.length; i++) {
    const a = anys[i];
    if ((anyOrder || a.pos >= pos) && a.matches(uri)) {
      if (obj === null || a.max < 0 || a.list !== null) return a;
      const items = ownValue(obj, a.prop);
      if (!Array.isArray(items) || items.length < a.max) return a;
      full ??= a;
    }
  }
  return full;
}

function isWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}

function describe(tag: XmlTag): string {
  return tag.uri === '' ? tag.local : `{${tag.uri}}${tag.local}`;
}

function describeAttr(a: XmlAttribute): string {
  return a.uri === '' ? a.local : `{${a.uri}}${a.local}`;
}

/** Handles a whole document whose root must be the given element. */
class DocumentHandler implements XmlHandler {
  value: unknown = undefined;
  reader: XmlReader | null = null;
  constructor(
    private readonly schema: CompiledSchema,
    private readonly element: CompiledElement,
    private readonly settings: DecodeSettings,
  ) {}
  openTag(tag: XmlTag): void {
    const e = this.element;
    const reader = this.reader as XmlReader;
    if (tag.local !== e.local || tag.uri !== e.uri) {
      throw new DecodeError('unexpected-root', `root element ${describe(tag)}, expected {${e.uri}}${e.local}`, reader.position());
    }
    new ElementDecoder(this.schema, e, reader, tag, this, this.settings, (value) => {
      this.value = value;
    });
  }
  text(): void {}
  closeTag(): void {}
}

function setUp(ref: ElementRef, options: DecodeOptions | undefined): { handler: DocumentHandler; reader: XmlReader } {
  const schema = compiledSchema(ref.schema);
  const handler = new DocumentHandler(schema, schema.element(ref.element), decodeSettings(options));
  const reader = new XmlReader(handler, { limits: options?.limits });
  handler.reader = reader;
  return { handler, reader };
}

/**
 * Decodes a document whose root is the global element `ref` into its value.
 *
 * @param ref - the global element (schema descriptor + element key)
 * @param input - the XML: a string, or UTF-8 bytes
 * @param options - mode, validation, limits
 * @throws {@link XmlError} for input that is not acceptable XML, {@link DecodeError} when it does not match
 */
export function decode<T>(ref: ElementRef<T>, input: string | Uint8Array, options?: DecodeOptions): T {
  const { handler, reader } = setUp(ref, options);
  reader.write(input);
  reader.end();
  return handler.value as T;
}

/** Like {@link decode}, from an async source of chunks (an HTTP response stream, a file stream). */
export async function decodeAsync<T>(ref: ElementRef<T>, source: AsyncIterable<string | Uint8Array>, options?: DecodeOptions): Promise<T> {
  const { handler, reader } = setUp(ref, options);
  for await (const chunk of source) reader.write(chunk);
  reader.end();
  return handler.value as T;
}

/**
 * A decoder (with its frames) and a skip handler that live as long as the module, made from a
 * tiny schema and document (nothing of a real message is kept). When no object of a class's
 * shape survives a full GC, V8 drops the shape and deoptimises the methods specialised on it
 * (measured: the decoder's hot methods deoptimised after every forced GC of the codec benchmark).
 * One live instance of each keeps the shapes, and the optimised code, valid.
 */
const shapeKeepers: unknown[] = [];

/**
 * Makes the shape keepers when the first element decoder is made (never at import: importing the
 * runtime runs nothing). The keepers' own decoders come back here and find the list no longer empty.
 */
function keepShapes(): void {
  if (shapeKeepers.length > 0) return;
  shapeKeepers.push(null);
  const schema = compiledSchema({
    v: 1,
    ns: [''],
    types: {
      T: {
        k: 'c',
        ns: 0,
        a: [{ n: 'a', t: 'xs:string' }],
        f: [
          { n: 'c', t: 'xs:string', min: 0, max: -1 },
          { n: 'd', t: 'T', min: 0 },
        ],
      },
    },
    elements: { r: { n: 'r', ns: 0, t: 'T' } },
  });
  const keeper: XmlHandler = {
    openTag(tag) {
      shapeKeepers.push(new ElementDecoder(schema, schema.element('r'), reader, tag, keeper, decodeSettings(), () => {}));
    },
    text() {},
    closeTag() {},
  };
  const reader = new XmlReader(keeper);
  reader.write('<r a="1">\n <c>x</c><c>y</c><d a="2"><c>z</c></d></r>');
  reader.end();
  shapeKeepers.push(new SkipHandler(reader, keeper));
}
