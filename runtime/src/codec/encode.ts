/**
 * encode: value → XML, as UTF-8 bytes ({@link Utf8Writer}) or as a string ({@link StringWriter}),
 * driven by descriptors. Writes into the writer directly (no DOM, no builder):
 * elements in descriptor order (never object-key order), one prefix per namespace, all
 * namespace declarations on the root element, `xsi:type` from `$type`, `xsi:nil` for `null`.
 */
import { EncodeError } from '../errors/encode-error.js';
import { Buffer } from 'node:buffer';
import { escapeXml } from '../xml/escape.js';
import { internalize } from '../xml/intern.js';
import { StringWriter } from '../xml/string-writer.js';
import { Utf8Writer } from '../xml/utf8-writer.js';
import { XSD_NS, XSI_NS, XML_NS } from '../xml/namespaces.js';
import { PrefixAllocator } from '../xml/prefixes.js';
import { isNCName, parseClark } from '../xml/qname.js';
import { InvalidValue, builtinCodec, type FormatContext } from './builtins.js';
import {
  compiledSchema,
  type CompiledComplex,
  type CompiledSchema,
  type CompiledSimple,
  type CompiledType,
  type ElementSlot,
  type PlanNode,
} from './compile.js';
import type { ElementRef } from './descriptors.js';
import { checkPlan, chooseBranch, NO_BRANCH_FITS } from './check-plan.js';
import { isRawXml } from './values.js';
import { knownProperties, unknownProperty } from './known-properties.js';
import { didYouMean } from './nearest-names.js';
import { ownValue } from './own-property.js';
import { documentOrder } from './document-order.js';
import { isAttachmentSource } from '../mtom/source-brand.js';
import type { AttachmentSource } from '../mtom/attachment-source.js';

/** Options of {@link encode} and {@link encodeBytes}. */
export interface EncodeOptions {
  /** Prefixes to use, by namespace URI (over the descriptors' preferred prefixes). */
  prefixes?: Readonly<Record<string, string>>;
  /** Prefixes the encoder must not use (for example those of an enclosing SOAP envelope). */
  reservedPrefixes?: readonly string[];
  /**
   * Check the value before writing it: properties the type does not know (named with the nearest
   * known ones), facets (enumerations, patterns, lengths, ranges) and the lexical space of every
   * value. Off by default here; generated clients turn it on for requests.
   */
  validate?: boolean;
  /** Put offending values into error messages. Off by default: values may be patient data. */
  debug?: boolean;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>`. Off by default. */
  xmlDeclaration?: boolean;
  /**
   * Extra attributes for the root element, already rendered, for example
   * ` env:mustUnderstand="true"` (the caller makes sure their prefixes are bound).
   */
  rootAttributes?: string | undefined;
  /**
   * MTOM: receives the bytes of each non-empty `base64Binary` value and returns the `xop:Include`
   * element to write instead of its base64 text (e.g. `XopPackage.add(data).element`), or
   * undefined to write the text. A file/stream value (`attachmentFromFile`, `attachmentFromStream`)
   * always goes through it, and is an error without it.
   */
  attachments?(data: Uint8Array | AttachmentSource): string | undefined;
  /**
   * Lenient mode, for writing back what lenient decoding read from a message that breaks its own
   * schema: a missing required attribute or element, or an element occurring more often than
   * allowed (an array where one value is expected), is passed to this function and written as it
   * is instead of failing. Off (strict) by default.
   */
  lenient?: (violation: string) => void;
}

/** The format function every base64Binary-derived simple type shares (how XOP-capable types are recognised). */
const BASE64_FORMAT = builtinCodec('xs:base64Binary')?.format;

type Obj = Record<string, unknown>;

/** The strings that write an element's tags (an element slot caches them). */
interface TagNames {
  readonly open: string;
  readonly openGt: string;
  readonly close: string;
  /** The declaration's fixed or default value: written as declared when the value is that one. */
  readonly valueConstraint: string | null;
}

/** True when two decoded simple values are the same value (numbers, booleans, strings, bytes, lists). */
function sameSimpleValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameSimpleValue(x, b[i]));
  return false;
}

/**
 * A state of the markup-run automaton. Output is written as two kinds of pieces: constant markup
 * (tags, attribute starts, `">`) and variable text (values). Constant pieces written in a row are
 * not written one by one: the encoder walks from state to state, each state holding the run's
 * text so far (and its UTF-8 bytes, made once), and writes it once, when a value (or the end)
 * comes. A document repeats the same runs (`</rim:Value></rim:ValueList></rim:Slot><rim:Slot name="`):
 * on the ITI-18 bench, 467,000 pieces become 262,000.
 * States are kept per schema and reached by identity of internalized strings, so after the first
 * document a step is one pointer comparison. Invariant: `text` is the concatenation of the
 * constants written since the last push, whatever the path that led here, so any state whose
 * text is empty may start a run.
 */
class MarkupRun {
  readonly text: string;
  /** `text` as UTF-8, made when the run is first written. */
  bytes: Uint8Array | null = null;
  /** The last edge taken (a one-entry cache before `more`). */
  key: string | null = null;
  next: MarkupRun | null = null;
  more: Map<string, MarkupRun> | null = null;
  /**
   * The empty state to start from once this run is pushed: one per text of the run pushed (the
   * next run usually follows from it: after `<rim:Value>` and a value comes `</rim:Value>`), so
   * that a state stands for (previous run's text, text so far) and their number stays bounded.
   */
  after: MarkupRun | null = null;

  constructor(text: string) {
    this.text = text;
  }
}

/** The automaton of one schema, with a bound on its size (prefix changes make new states). */
interface MarkupRuns {
  readonly start: MarkupRun;
  /** The state after a pushed run, by the run's text. */
  readonly after: Map<string, MarkupRun>;
  states: number;
}

/** At most this many states per schema; past it, runs are no longer merged into new states. */
const MAX_RUN_STATES = 4096;
/** Runs longer than this are pushed and restarted (keeps state texts small). */
const MAX_RUN_LENGTH = 256;

const markupRuns = new WeakMap<CompiledSchema, MarkupRuns>();

function runsOf(schema: CompiledSchema): MarkupRuns {
  let runs = markupRuns.get(schema);
  if (runs === undefined) {
    runs = { start: new MarkupRun(''), after: new Map(), states: 1 };
    markupRuns.set(schema, runs);
  }
  return runs;
}

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Encoder implements FormatContext {
  private readonly schema: CompiledSchema;
  private readonly allocator: PrefixAllocator;
  private readonly qualified: (string | undefined)[] = [];
  private readonly validate: boolean;
  private readonly debug: boolean;
  private readonly xop: ((data: Uint8Array | AttachmentSource) => string | undefined) | null;
  /** Lenient mode's violation sink, or null (strict). */
  private readonly lenient: ((violation: string) => void) | null;
  private readonly path: (string | number)[] = [];
  private readonly tagMaps = new Map<CompiledComplex, Map<string, ElementSlot>>();
  /**
   * Where the output goes: UTF-8 bytes, escaped while written (no JavaScript string is built, so
   * none has to be flattened then converted to UTF-8 for the transport), or a string (the string
   * API's own path, faster than decoding the bytes).
   */
  private readonly out: Utf8Writer | StringWriter;
  /** `out` when it writes bytes (markup runs are then written from their cached bytes), else null. */
  private readonly utf8: Utf8Writer | null;
  /** The writer's slot for the root's namespace declarations (known only at the end), or -1. */
  private declarationsAt = -1;
  /** The writer's slot for the caller's extra root attributes, or -1. */
  private rootAttributesAt = -1;
  private readonly runs: MarkupRuns;
  /** The constant markup written since the last push (see {@link MarkupRun}). */
  private run: MarkupRun;

  /** Writes constant markup (an internalized string, for the automaton's pointer comparisons). */
  private markup(s: string): void {
    const run = this.run;
    this.run = run.key === s ? (run.next as MarkupRun) : this.step(run, s);
  }

  /** Writes variable text that needs no escaping (escaped already, raw XML, base64). */
  text(s: string): void {
    const run = this.run;
    if (run.text !== '') this.flushRun(run);
    this.out.text(s);
  }

  /** Writes a value escaped for text content or a double-quoted attribute value (invalid characters throw). */
  private escaped(s: string, attribute: boolean): void {
    const run = this.run;
    if (run.text !== '') this.flushRun(run);
    this.out.escaped(s, attribute);
  }

  /** Writes a formatted simple value: escaped, except binary forms (base64, hex), which have nothing to escape. */
  private value(type: CompiledSimple, text: string): void {
    if (type.kind === 'binary') this.text(text);
    else this.escaped(text, false);
  }

  private flushRun(run: MarkupRun): void {
    const utf8 = this.utf8;
    if (utf8 !== null) utf8.bytes(run.bytes ?? (run.bytes = Buffer.from(run.text, 'utf8')));
    else this.out.text(run.text);
    let after = run.after;
    if (after === null) {
      const runs = this.runs;
      const known = runs.after.get(run.text);
      if (known !== undefined) after = known;
      else {
        if (runs.states >= MAX_RUN_STATES) after = runs.start;
        else {
          after = new MarkupRun('');
          runs.after.set(run.text, after);
          runs.states++;
        }
      }
      run.after = after;
    }
    this.run = after as MarkupRun;
  }

  /** The state after `run` and `s`, made on first use. */
  private step(run: MarkupRun, s: string): MarkupRun {
    let next = run.more?.get(s);
    if (next === undefined) {
      if (this.runs.states >= MAX_RUN_STATES || run.text.length + s.length > MAX_RUN_LENGTH) {
        if (run.text !== '') this.flushRun(run);
        this.out.text(s);
        return this.run;
      }
      next = new MarkupRun(internalize(run.text + s));
      this.runs.states++;
      (run.more ??= new Map()).set(s, next);
    }
    run.key = s;
    run.next = next;
    return next;
  }

  /** Pushes the pending run (before a reserved part, and at the end). */
  private flush(): void {
    const run = this.run;
    if (run.text !== '') this.flushRun(run);
  }

  /** Writes the pending markup and fills the root's reserved slots: the output is complete. */
  end(declarations: string, rootAttributes: string): void {
    this.flush();
    if (this.declarationsAt >= 0) this.out.fill(this.declarationsAt, declarations);
    if (this.rootAttributesAt >= 0) this.out.fill(this.rootAttributesAt, rootAttributes);
  }

  /** Writes the pending markup and reserves a slot in the writer; returns its handle. */
  private reserve(): number {
    this.flush();
    return this.out.reserve();
  }

  private reserveDeclarations(): void {
    this.declarationsAt = this.reserve();
  }

  private reserveRootAttributes(): void {
    this.rootAttributesAt = this.reserve();
  }

  constructor(schema: CompiledSchema, options: EncodeOptions, out: Utf8Writer | StringWriter) {
    this.schema = schema;
    this.out = out;
    this.utf8 = out instanceof Utf8Writer ? out : null;
    const prefixes = options.prefixes;
    this.allocator = new PrefixAllocator((uri) => prefixes?.[uri] ?? schema.preferredPrefix(uri), options.reservedPrefixes ?? []);
    this.validate = options.validate === true;
    this.debug = options.debug === true;
    this.xop = options.attachments ?? null;
    this.lenient = options.lenient ?? null;
    this.runs = runsOf(schema);
    this.run = this.runs.start;
  }

  /** The `xop:Include` to write for a base64Binary value when an attachment sink is set, else undefined. */
  private xopText(type: CompiledSimple, value: unknown): string | undefined {
    if (isAttachmentSource(value)) {
      // A stream cannot become base64 text here: it is sent as an XOP part or not at all.
      const include = type.format === BASE64_FORMAT && this.xop !== null ? this.xop(value) : undefined;
      if (include === undefined) throw this.fail('invalid-value', 'a file or stream value needs MTOM (an XOP part) and a base64Binary element');
      return include;
    }
    if (this.xop === null || type.format !== BASE64_FORMAT || !(value instanceof Uint8Array) || value.byteLength === 0) return undefined;
    return this.xop(value);
  }

  prefixFor(uri: string): string {
    return this.allocator.prefixFor(uri);
  }

  declarations(): string {
    return this.allocator.declarations();
  }

  pathString(): string {
    let s = '';
    for (const p of this.path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
    return s;
  }

  /** A typed error; its path is filled in by encode() from the segments gathered while unwinding. */
  fail(code: string, message: string): EncodeError {
    return new EncodeError(code, message, '');
  }

  /**
   * Records where an error came from while it unwinds through a level: the hot path pushes no
   * path segments at all (try/catch costs nothing when nothing throws).
   */
  private unwind(at: number, segment: string | number, err: unknown): never {
    if (err instanceof EncodeError) this.path.splice(at, 0, segment);
    throw err;
  }

  /** `p:` for a namespace (`''` for none), cached per namespace index. */
  prefixOf(nsIndex: number, uri: string): string {
    if (uri === '') return '';
    let q = nsIndex >= 0 ? this.qualified[nsIndex] : undefined;
    if (q === undefined) {
      q = uri === XML_NS ? 'xml:' : `${this.allocator.prefixFor(uri)}:`;
      if (nsIndex >= 0) this.qualified[nsIndex] = q;
    }
    return q;
  }

  /** `p:local` for an element or attribute name. */
  qname(nsIndex: number, uri: string, local: string): string {
    return this.prefixOf(nsIndex, uri) + local;
  }

  /** Writes an element for a slot, reusing the slot's cached tag strings. */
  private write(slot: ElementSlot, v: unknown): void {
    const prefix = this.prefixOf(slot.nsIndex, slot.uri);
    if (slot.cachedPrefix !== prefix) {
      // Flat copies: a concatenation is a tree of pieces, walked again by every join (measured:
      // encode ~5 % faster with flat tag strings).
      slot.open = internalize(`<${prefix}${slot.local}`);
      slot.openGt = internalize(`<${prefix}${slot.local}>`);
      slot.close = internalize(`</${prefix}${slot.local}>`);
      slot.cachedPrefix = prefix;
    }
    const type = slot.type ?? (slot.type = this.schema.type(slot.typeKey));
    this.element(slot as TagNames, slot.local, type, slot.typeKey, v, slot.nillable, false);
  }

  /**
   * Writes one element as parts. For the root, parts are reserved right after the name (for the
   * namespace declarations) and after the attributes (for the caller's extra attributes), and
   * filled once everything is written.
   */
  element(names: TagNames, local: string, declared: CompiledType, declaredKey: string, value: unknown, nillable: boolean, root: boolean): void {
    if (value === undefined) throw this.fail('missing-property', `no value for element ${local}`);
    if (value === null) {
      if (!nillable) throw this.fail('not-nillable', `null for element ${local}, which is not nillable`);
      this.markup(names.open);
      if (root) this.reserveDeclarations();
      this.text(` ${this.qname(-1, XSI_NS, 'nil')}="true"`);
      if (root) this.reserveRootAttributes();
      this.markup('/>');
      return;
    }
    // `{ $type, $value }`: retyped by xsi:type — to a simple type here, to a complex type with
    // simple content (an extension adding attributes) by the complex path below.
    const retyped = declared.simple && isObject(value) && typeof value.$type === 'string';
    if (retyped && this.isSimpleType(value.$type as string)) {
      this.retypedSimple(names, declaredKey, value.$type as string, value.$value, root);
      return;
    }
    if (declared.simple && !retyped) {
      // Written as it is: an xop:Include, or the declared value's own spelling (escaped already).
      const written = this.xopText(declared, value) ?? this.constrainedText(declared, value, names.valueConstraint);
      const text = written ?? this.format(declared, value);
      if (root) {
        this.markup(names.open);
        this.reserveDeclarations();
        this.reserveRootAttributes();
        if (text === '') this.markup('/>');
        else {
          this.markup('>');
          if (written === null) this.value(declared, text);
          else this.text(text);
          this.markup(names.close);
        }
      } else if (text === '') {
        this.markup(names.open);
        this.markup('/>');
      } else {
        this.markup(names.openGt);
        if (written === null) this.value(declared, text);
        else this.text(text);
        this.markup(names.close);
      }
      return;
    }
    if (!isObject(value)) throw this.fail('invalid-value', `element ${local} needs an object value`);
    let type = declared as CompiledComplex;
    let xsiType: string | null = null;
    const typeKey = value.$type;
    if (typeKey !== undefined) {
      if (typeof typeKey !== 'string') throw this.fail('unknown-type', '$type must be a type key string');
      let t: CompiledType;
      try {
        t = this.schema.type(typeKey);
      } catch {
        throw this.fail('unknown-type', `$type "${typeKey}" is not a type of the descriptors`);
      }
      if (t.simple || !this.schema.derivesFrom(typeKey, declaredKey)) {
        throw this.fail('invalid-type', `$type "${typeKey}" does not derive from ${declaredKey}`);
      }
      if (t.local === null) throw this.fail('invalid-type', `$type "${typeKey}" is anonymous and cannot be named by xsi:type`);
      type = t;
      xsiType = ` ${this.qname(-1, XSI_NS, 'type')}="${this.qname(t.nsIndex, t.uri, t.local)}"`;
    }
    if (type.raw) {
      if (typeof value.$xml !== 'string') throw this.fail('invalid-value', `element ${local} of type xs:anyType needs { $xml }`);
      if (root) throw this.fail('invalid-value', 'an xs:anyType root element is written by its raw XML directly');
      this.text(value.$xml);
      return;
    }
    if (type.abstract) throw this.fail('abstract-type', `element ${local} has abstract type ${type.key}: set $type to a concrete derived type`);
    if (this.validate) this.checkProperties(type, value);
    const empty = !this.hasContent(type, value);
    if (empty) this.checkEmpty(type, value);
    if (!root && xsiType === null && type.attributeList.length === 0 && type.anyAttribute === null && !empty) {
      this.markup(names.openGt);
    } else {
      this.markup(names.open);
      if (root) this.reserveDeclarations();
      if (xsiType !== null) this.text(xsiType);
      let quote = this.attributes(type, value);
      if (root) {
        if (quote) this.markup('"');
        quote = false;
        this.reserveRootAttributes();
      }
      if (empty) {
        this.markup(quote ? '"/>' : '/>');
        return;
      }
      this.markup(quote ? '">' : '>');
    }
    this.content(type, value);
    this.markup(names.close);
  }

  /** Throws when the value has a property its type does not know (validation only). */
  private checkProperties(type: CompiledComplex, obj: Obj): void {
    const key = unknownProperty(type, obj);
    if (key === undefined) return;
    const names = [...knownProperties(type)].filter((n) => n !== '$type');
    this.path.push(key);
    throw this.fail('unknown-property', `unknown property "${key}"${didYouMean(key, names)}`);
  }

  /** True when the slots' values are arrays by type (a simple list type), not by occurrence. */
  private listTyped(slots: readonly ElementSlot[]): boolean {
    const slot = slots[0];
    if (slot === undefined) return false;
    const type = slot.type ?? (slot.type = this.schema.type(slot.typeKey));
    return type.simple && type.kind === 'list';
  }

  /** True when the key names a simple type (false for an unknown key: the caller reports it). */
  private isSimpleType(key: string): boolean {
    try {
      return this.schema.type(key).simple;
    } catch {
      return true;
    }
  }

  /** An element of simple type written with the `xsi:type` of its `{ $type, $value }` value. */
  private retypedSimple(names: TagNames, declaredKey: string, typeKey: string, value: unknown, root: boolean): void {
    let t: CompiledType;
    try {
      t = this.schema.type(typeKey);
    } catch {
      throw this.fail('unknown-type', `$type "${typeKey}" is not a type of the descriptors`);
    }
    if (!t.simple || !this.schema.derivesFrom(typeKey, declaredKey)) throw this.fail('invalid-type', `$type "${typeKey}" does not derive from ${declaredKey}`);
    let qname: string;
    if (typeKey.startsWith('xs:')) qname = this.qname(-1, XSD_NS, typeKey.slice(3));
    else {
      const d = this.schema.descriptor.types[typeKey];
      if (d?.q === undefined) throw this.fail('invalid-type', `$type "${typeKey}" is anonymous and cannot be named by xsi:type`);
      qname = this.qname(d.ns ?? 0, this.schema.uri(d.ns ?? 0), d.q);
    }
    const written = this.constrainedText(t, value, names.valueConstraint);
    const text = written ?? this.format(t, value);
    this.markup(names.open);
    if (root) this.reserveDeclarations();
    this.text(` ${this.qname(-1, XSI_NS, 'type')}="${qname}"`);
    if (root) this.reserveRootAttributes();
    if (text === '') this.markup('/>');
    else {
      this.markup('>');
      if (written === null) this.value(t, text);
      else this.text(text);
      this.markup(names.close);
    }
  }

  /**
   * The declaration's fixed or default value as written in the schema, when `value` is that value:
   * a reader comparing lexically (xmllint does) then finds the same spelling (hex case, `1.0E-2`).
   */
  private constrainedText(type: CompiledSimple, value: unknown, constraint: string | null): string | null {
    if (constraint === null || type.kind === 'qname') return null;
    try {
      return sameSimpleValue(type.parse(constraint, { resolve: () => undefined }), value) ? escapeXml(constraint.trim()) : null;
    } catch {
      return null;
    }
  }

  private format(type: CompiledSimple, value: unknown): string {
    // Most values: a string of a string type, written as it is (saves a megamorphic call). With
    // `validate`, the facets need the full path.
    if (type.stringAsIs && typeof value === 'string' && !this.validate) return value;
    try {
      const text = type.format(value, this);
      if (this.validate) for (const check of type.checks) check(value, text);
      return text;
    } catch (err) {
      if (!(err instanceof InvalidValue)) throw err;
      const shown = this.debug ? ` ${JSON.stringify(value)}` : '';
      const why = err.message.includes(type.key) ? err.message : `${err.message} (type ${type.key})`;
      throw this.fail('invalid-value', `value${shown} ${why}`);
    }
  }

  /**
   * Writes the attributes without allocating: each is the cached ` name="` (or `" name="`, which
   * also closes the previous value) followed by the value. Returns true when the last value's
   * closing quote is still to be written (the caller writes `">` or `"/>`).
   */
  private attributes(type: CompiledComplex, obj: Obj): boolean {
    const list = type.attributeList;
    let quote = false;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const v = ownValue(obj, a.prop);
      if (v === undefined) {
        if (a.required) {
          if (this.lenient !== null) {
            this.lenient(`required attribute ${a.local} has no value`);
            continue;
          }
          this.path.push(a.prop);
          throw this.fail('missing-property', `required attribute ${a.local} has no value`);
        }
        continue;
      }
      const at = a.type ?? (a.type = this.schema.simpleType(a.typeKey));
      const prefix = this.prefixOf(a.nsIndex, a.uri);
      if (a.cachedPrefix !== prefix) {
        a.start = internalize(` ${prefix}${a.local}="`);
        a.startAfter = internalize(`" ${prefix}${a.local}="`);
        a.cachedPrefix = prefix;
      }
      try {
        const text = this.format(at, v);
        this.markup((quote ? a.startAfter : a.start) as string);
        this.escaped(text, true);
      } catch (err) {
        this.unwind(this.path.length, a.prop, err);
      }
      quote = true;
    }
    // The type first: a megamorphic property load per element saved when there is no wildcard.
    const bag = type.anyAttribute !== null ? obj.$attrs : undefined;
    if (bag !== undefined && type.anyAttribute !== null) {
      if (!isObject(bag)) throw this.fail('invalid-value', '$attrs must be an object keyed by Clark QName');
      for (const key of Object.keys(bag)) {
        const { namespace, local } = parseClark(key);
        // The key becomes an attribute name: anything but an NCName could add attributes or close the tag.
        if (!isNCName(local)) throw this.fail('invalid-qname', '$attrs key whose local name is not an NCName');
        const v = bag[key];
        if (typeof v !== 'string') throw this.fail('invalid-value', `$attrs value for ${key} must be a string`);
        this.text(`${quote ? '"' : ''} ${this.qname(-1, namespace, local)}="`);
        this.escaped(v, true);
        quote = true;
      }
    }
    return quote;
  }

  private hasContent(type: CompiledComplex, obj: Obj): boolean {
    if (type.simpleContentKey !== null) {
      const v = obj.$value;
      return v !== undefined && v !== '';
    }
    if (type.mixed) {
      const c = obj.$content;
      return Array.isArray(c) && c.length > 0;
    }
    return type.hasContent && planHasValue(type.plan, obj);
  }

  /** An element written empty must still have all its required content (none, then). */
  private checkEmpty(type: CompiledComplex, obj: Obj): void {
    if (type.simpleContentKey !== null) {
      if (obj.$value === undefined) {
        this.path.push('$value');
        throw this.fail('missing-property', 'no $value for an element with simple content');
      }
      return;
    }
    if (type.mixed) return;
    const problem = checkPlan(type.plan, obj);
    if (problem !== null && this.lenient !== null) this.lenient(problem.message);
    else if (problem !== null) {
      if (problem.prop !== undefined) this.path.push(problem.prop);
      throw this.fail(problem.code === 'missing-element' ? 'missing-property' : problem.code, problem.message);
    }
  }

  private content(type: CompiledComplex, obj: Obj): void {
    if (type.simpleContentKey !== null) {
      const sc = type.simpleContent ?? (type.simpleContent = this.schema.simpleType(type.simpleContentKey));
      try {
        const include = this.xopText(sc, obj.$value);
        if (include !== undefined) this.text(include);
        else this.value(sc, this.format(sc, obj.$value));
      } catch (err) {
        this.unwind(this.path.length, '$value', err);
      }
      return;
    }
    if (type.mixed) {
      this.items(obj.$content, '$content', this.tagMap(type), true);
      return;
    }
    // Decoding recorded the children's document order: out of schema order (lenient), or xs:all content.
    if ((this.lenient !== null || type.all) && obj.$order !== undefined && this.inDocumentOrder(type, obj)) return;
    this.plan(type.plan, obj);
  }

  /**
   * Writes the children in the order `$order` records (lenient mode, or xs:all content, where any order
   * is valid); false (schema order then) when it does not fit the value, or, in strict mode, when the
   * value breaks the schema (schema order then reports it).
   */
  private inDocumentOrder(type: CompiledComplex, obj: Obj): boolean {
    const warn = this.lenient;
    const planned = documentOrder(
      type.plan,
      obj,
      obj.$order,
      (node, v) => (node.k === 'el' && !node.array && !(Array.isArray(v) && !this.listTyped(node.slots)) ? 1 : Array.isArray(v) ? v.length : 1),
      type.all,
    );
    if ('mismatch' in planned) {
      if (warn !== null) warn(`${planned.mismatch}: children written in schema order`);
      return false;
    }
    if (warn === null && planned.violations.length > 0) return false;
    if (warn !== null) for (const v of planned.violations) warn(v);
    const at = this.path.length;
    for (const child of planned.children) {
      const node = child.node;
      try {
        if (node.k === 'el') this.slotValue(node.slots, child.value);
        else if (node.k === 'list') this.item(child.value, node.byTag, false);
        else if (isObject(child.value) && typeof child.value.$xml === 'string') this.text(child.value.$xml);
        else throw this.fail('invalid-value', 'a wildcard item must be { $xml }');
      } catch (err) {
        if (child.index >= 0 && err instanceof EncodeError) this.path.splice(at, 0, child.index);
        this.unwind(at, child.prop, err);
      }
    }
    return true;
  }

  private plan(nodes: readonly PlanNode[], obj: Obj): void {
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      switch (node.k) {
        case 'el': {
          const v = ownValue(obj, node.prop);
          if (v === undefined) {
            if (node.min > 0) {
              if (this.lenient !== null) {
                this.lenient(`required element ${node.prop} has no value`);
                break;
              }
              this.path.push(node.prop);
              throw this.fail('missing-property', `required element ${node.prop} has no value`);
            }
            break;
          }
          const at = this.path.length;
          try {
            if (node.array) {
              if (!Array.isArray(v)) throw this.fail('invalid-value', `${node.prop} must be an array`);
              if (v.length < node.min || (node.max >= 0 && v.length > node.max)) {
                const message = `${node.prop} has ${v.length} items, outside ${node.min}..${node.max < 0 ? 'unbounded' : node.max}`;
                if (this.lenient === null) throw this.fail('occurrence', message);
                this.lenient(message);
              }
              for (let i = 0; i < v.length; i++) {
                try {
                  this.slotValue(node.slots, v[i]);
                } catch (err) {
                  this.unwind(at, i, err);
                }
              }
            } else if (this.lenient !== null && Array.isArray(v) && !this.listTyped(node.slots)) {
              // What lenient decoding made of an element occurring more often than allowed.
              this.lenient(`element ${node.prop} occurs ${v.length} times, more often than allowed`);
              for (const item of v) this.slotValue(node.slots, item);
            } else {
              this.slotValue(node.slots, v);
            }
          } catch (err) {
            this.unwind(at, node.prop, err);
          }
          break;
        }
        case 'choice': {
          const chosen = chooseBranch(node, obj);
          if (chosen >= 0) this.plan(node.branches[chosen], obj);
          else if (chosen === NO_BRANCH_FITS || node.min > 0) this.choiceProblem(node, obj, chosen);
          break;
        }
        case 'list': {
          const v = ownValue(obj, node.prop);
          if (v === undefined) {
            if (node.min > 0) throw this.fail('missing-property', `required list ${node.prop} has no value`);
            break;
          }
          this.items(v, node.prop, node.byTag, false);
          break;
        }
        case 'any': {
          const v = ownValue(obj, node.prop);
          if (v === undefined) {
            if (node.min > 0) throw this.fail('missing-property', `required wildcard content ${node.prop} has no value`);
            break;
          }
          if (!Array.isArray(v)) {
            this.path.push(node.prop);
            throw this.fail('invalid-value', `${node.prop} must be an array of { $xml }`);
          }
          for (let i = 0; i < v.length; i++) {
            const item: unknown = v[i];
            if (!isObject(item) || typeof item.$xml !== 'string') {
              this.path.push(node.prop, i);
              throw this.fail('invalid-value', 'a wildcard item must be { $xml }');
            }
            this.text(item.$xml);
          }
          break;
        }
      }
    }
  }

  /**
   * Throws when a choice has no branch to write: present properties of several branches, or none
   * while the choice is required and no branch may be empty. Kept out of {@link plan}: a closure
   * over `obj` there made every call of it allocate a context for `obj` (measured: about 6 MB per
   * encode of the ITI-41 bench).
   */
  private choiceProblem(node: Extract<PlanNode, { k: 'choice' }>, obj: Obj, chosen: number): void {
    if (chosen === NO_BRANCH_FITS) {
      const given = node.props.flat().filter((p) => ownValue(obj, p) !== undefined);
      throw this.fail('choice-conflict', `properties that no single branch of a choice holds (${[...new Set(given)].join(', ')})`);
    }
    if (!node.branches.some((b) => b.every(optional))) {
      throw this.fail('missing-property', `no property of any branch of a choice (${node.props.flat().join(', ')})`);
    }
  }

  private items(v: unknown, prop: string, byTag: ReadonlyMap<string, ElementSlot>, mixed: boolean): void {
    const at = this.path.length;
    try {
      if (!Array.isArray(v)) throw this.fail('invalid-value', `${prop} must be an array`);
      for (let i = 0; i < v.length; i++) {
        try {
          this.item(v[i], byTag, mixed);
        } catch (err) {
          this.unwind(at, i, err);
        }
      }
    } catch (err) {
      this.unwind(at, prop, err);
    }
  }

  private item(item: unknown, byTag: ReadonlyMap<string, ElementSlot>, mixed: boolean): void {
    if (typeof item === 'string') {
      if (!mixed) throw this.fail('invalid-value', 'text items are only allowed in mixed content');
      this.escaped(item, false);
    } else if (isObject(item) && typeof item.$xml === 'string') {
      this.text(item.$xml);
    } else if (isObject(item) && typeof item.$el === 'string') {
      const slot = byTag.get(item.$el);
      if (slot === undefined) throw this.fail('unknown-element', `item tag $el "${item.$el}" is not an element of this content`);
      this.write(slot, item.value);
    } else {
      throw this.fail('invalid-value', 'an item must be { $el, value }, { $xml } or (mixed content) a string');
    }
  }

  private slotValue(slots: readonly ElementSlot[], v: unknown): void {
    const first = slots[0];
    if (first.wrap === null) {
      this.write(first, v);
      return;
    }
    if (!isObject(v) || typeof v.$el !== 'string') throw this.fail('invalid-value', 'a substitution group value must be { $el, value }');
    const tag = v.$el;
    // A loop, not find(): a closure over `tag` would allocate a context on every call.
    let slot: ElementSlot | undefined;
    for (let i = 0; i < slots.length && slot === undefined; i++) if (slots[i].wrap === tag) slot = slots[i];
    if (slot === undefined) throw this.fail('unknown-element', `$el "${tag}" is not a member of the substitution group`);
    this.write(slot, v.value);
  }

  private tagMap(type: CompiledComplex): Map<string, ElementSlot> {
    let map = this.tagMaps.get(type);
    if (map === undefined) {
      map = new Map();
      for (const first of type.children.values()) {
        for (let s: ElementSlot | null = first; s !== null; s = s.next) if (!map.has(s.itemTag)) map.set(s.itemTag, s);
      }
      this.tagMaps.set(type, map);
    }
    return map;
  }
}

function optional(node: PlanNode): boolean {
  return node.k === 'choice' ? node.min === 0 || node.branches.some((b) => b.every(optional)) : node.min === 0;
}

function planHasValue(nodes: readonly PlanNode[], obj: Obj): boolean {
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n];
    if (node.k === 'choice') {
      // Loops, not some(): a closure over `obj` would allocate a context on every call.
      for (const props of node.props) for (const p of props) if (ownValue(obj, p) !== undefined) return true;
    } else {
      const v = ownValue(obj, node.prop);
      if (v !== undefined && !(Array.isArray(v) && v.length === 0)) return true;
    }
  }
  return false;
}

/**
 * Writes the value of the global element `ref` into `out` (UTF-8 bytes or a string); all
 * namespace declarations go on this root element. What {@link encode} and {@link encodeBytes}
 * do, for writers that put several elements into one output (the SOAP envelope).
 *
 * @param out - the writer (on error, its output is incomplete: drop it)
 * @param ref - the global element (schema descriptor + element key)
 * @param value - the element's value, shaped as docs/mapping.md says
 * @param options - prefixes, validation, XML declaration
 * @throws {@link EncodeError} with the property path of the offending value
 */
export function encodeInto<T>(out: Utf8Writer | StringWriter, ref: ElementRef<T>, value: T, options: EncodeOptions = {}): void {
  const schema = compiledSchema(ref.schema);
  const element = schema.element(ref.element);
  if (element.abstract) throw new EncodeError('abstract-element', `element ${element.local} is abstract`, '');
  // An xs:anyType element decodes to { $xml } holding the whole element, self-contained: it is
  // written back as it is (there is no start tag of ours to put declarations or attributes on).
  const declared = schema.type(element.typeKey);
  if (!declared.simple && declared.raw && isRawXml(value) && options.rootAttributes === undefined) {
    if (options.xmlDeclaration === true) out.text(XML_DECLARATION);
    out.text(value.$xml);
    return;
  }
  if (shapeKeepers.length === 0) keepShapes();
  const encoder = new Encoder(schema, options, out);
  if (options.xmlDeclaration === true) encoder.text(XML_DECLARATION);
  const prefix = encoder.prefixOf(element.nsIndex, element.uri);
  const names: TagNames = {
    open: `<${prefix}${element.local}`,
    openGt: `<${prefix}${element.local}>`,
    close: `</${prefix}${element.local}>`,
    valueConstraint: element.valueConstraint,
  };
  try {
    encoder.element(names, element.local, schema.type(element.typeKey), element.typeKey, value, element.nillable, true);
  } catch (err) {
    // Errors are made without a path; the segments were gathered while they unwound.
    if (err instanceof EncodeError && err.path === '') throw new EncodeError(err.code, err.message, encoder.pathString());
    throw err;
  }
  encoder.end(encoder.declarations(), options.rootAttributes ?? '');
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/**
 * An encoder and a writer that live as long as the module, made from a tiny schema (nothing of a
 * real message is kept). When no object of a class's shape survives a full GC, V8 drops the shape
 * and deoptimises the methods specialised on it (measured: the encoder's and the writer's hot
 * methods deoptimised after every forced GC of the codec benchmark). One live instance of each
 * keeps the shapes, and the optimised code, valid.
 */
const shapeKeepers: unknown[] = [];

/** Makes the shape keepers on the first encode (never at import: importing the runtime runs nothing). */
function keepShapes(): void {
  shapeKeepers.push(null);
  const schema = compiledSchema({ v: 1, ns: [''], types: {}, elements: { r: { n: 'r', ns: 0, t: 'xs:string' } } });
  const bytes = new Utf8Writer();
  const text = new StringWriter();
  shapeKeepers.push(bytes, text, new Encoder(schema, {}, bytes), new Encoder(schema, {}, text));
}

/**
 * Encodes the value of the global element `ref` as an XML string (a JavaScript string, the
 * document {@link encodeBytes} writes as UTF-8). All namespace declarations go on this root
 * element. To send it, prefer {@link encodeBytes}: the bytes without the string.
 *
 * @param ref - the global element (schema descriptor + element key)
 * @param value - the element's value, shaped as docs/mapping.md says
 * @param options - prefixes, validation, XML declaration
 * @throws {@link EncodeError} with the property path of the offending value
 */
export function encode<T>(ref: ElementRef<T>, value: T, options: EncodeOptions = {}): string {
  const out = new StringWriter();
  encodeInto(out, ref, value, options);
  return out.toString();
}

/**
 * Encodes the value of the global element `ref` as UTF-8 bytes: the same document as
 * {@link encode}, byte for byte `Buffer.from(encode(…), 'utf8')`, written without the string.
 * All namespace declarations go on this root element.
 *
 * @param ref - the global element (schema descriptor + element key)
 * @param value - the element's value, shaped as docs/mapping.md says
 * @param options - prefixes, validation, XML declaration
 * @returns a new Buffer the caller owns
 * @throws {@link EncodeError} with the property path of the offending value
 */
export function encodeBytes<T>(ref: ElementRef<T>, value: T, options: EncodeOptions = {}): Buffer {
  const out = new Utf8Writer();
  encodeInto(out, ref, value, options);
  return out.toBuffer();
}
