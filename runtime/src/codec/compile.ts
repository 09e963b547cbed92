/**
 * Turns descriptors into the lookup structures the engine runs on: per complex type, a map from
 * local name to child slots, attribute slots, the encode plan and the completeness checks; per
 * simple type, a parse/format pair with its facet checks. Compiled once per schema descriptor
 * (cached by identity), each type lazily on first use, so recursive schemas are fine.
 */
import type {
  AnyFieldDescriptor,
  AttributeDescriptor,
  ComplexTypeDescriptor,
  ElementFieldDescriptor,
  FieldDescriptor,
  SchemaDescriptor,
  TypeDescriptor,
  WildcardDescriptor,
} from './descriptors.js';
import {
  BUILTIN_LISTS,
  InvalidValue,
  applyWhiteSpace,
  builtinCodec,
  type FormatContext,
  type ParseContext,
  type ValueKind,
  type WhiteSpace,
} from './builtins.js';
import { compileFacets, xsdPattern, type FacetCheck } from './facets.js';
import { isInheritedName } from './own-property.js';

/** The built-in derived types and their bases (XSD 1.0 Part 2 §3.3); the other built-ins derive from xs:anySimpleType. */
const BUILTIN_BASES: Readonly<Record<string, string>> = {
  'xs:integer': 'xs:decimal',
  'xs:nonPositiveInteger': 'xs:integer',
  'xs:negativeInteger': 'xs:nonPositiveInteger',
  'xs:long': 'xs:integer',
  'xs:int': 'xs:long',
  'xs:short': 'xs:int',
  'xs:byte': 'xs:short',
  'xs:nonNegativeInteger': 'xs:integer',
  'xs:unsignedLong': 'xs:nonNegativeInteger',
  'xs:unsignedInt': 'xs:unsignedLong',
  'xs:unsignedShort': 'xs:unsignedInt',
  'xs:unsignedByte': 'xs:unsignedShort',
  'xs:positiveInteger': 'xs:nonNegativeInteger',
  'xs:normalizedString': 'xs:string',
  'xs:token': 'xs:normalizedString',
  'xs:language': 'xs:token',
  'xs:Name': 'xs:token',
  'xs:NMTOKEN': 'xs:token',
  'xs:NCName': 'xs:Name',
  'xs:ID': 'xs:NCName',
  'xs:IDREF': 'xs:NCName',
  'xs:ENTITY': 'xs:NCName',
};

/** The base of a built-in type, or undefined for xs:anyType. */
function builtinBase(key: string): string | undefined {
  if (key === 'xs:anyType') return undefined;
  if (key === 'xs:anySimpleType') return 'xs:anyType';
  return BUILTIN_BASES[key] ?? 'xs:anySimpleType';
}

/** A simple type ready to use. */
export interface CompiledSimple {
  readonly simple: true;
  /** Type key, or `xs:<name>`. */
  readonly key: string;
  readonly kind: ValueKind;
  /** Raw text → value (whitespace processing included). */
  parse(text: string, ctx: ParseContext): unknown;
  /** Value → lexical form (not escaped). */
  format(value: unknown, ctx: FormatContext): string;
  /**
   * True when `format` returns every string as it is (string types without a lexical pattern):
   * the encoder then skips the call.
   */
  readonly stringAsIs: boolean;
  /** Facet checks of every derivation step (run only with `validate`). */
  readonly checks: readonly FacetCheck[];
  /**
   * For a union (or a type derived from one): `parse` that refuses a value no member type accepts,
   * for strict decoding (`parse` keeps such a value as its lexical form).
   */
  readonly strictParse?: (text: string, ctx: ParseContext) => unknown;
}

/** Matches a namespace against a wildcard's constraint. */
export type NamespaceMatcher = (uri: string) => boolean;

/** A place where a child element is stored in its parent's value. */
export interface ElementSlot {
  readonly local: string;
  readonly uri: string;
  /** Namespace index, for writing. */
  readonly nsIndex: number;
  /** Property of the parent value (the list property for list items). */
  readonly prop: string;
  /**
   * True when `prop` names a member of `Object.prototype` (`constructor`, `__proto__`…): the
   * decoder then reads and writes it through the own-property helpers; other names are plain
   * property accesses (decided once here, so an ordinary slot pays nothing for the guard).
   */
  readonly guard: boolean;
  /** True when the property is an array. */
  readonly array: boolean;
  /** Non-null when the element goes into an ordered list property (`l` fields) as a tagged item. */
  readonly list: string | null;
  /** Non-null when the value is tagged `{ $el, value }` (substitution group member). */
  readonly wrap: string | null;
  /** The `$el` tag used in lists and mixed content. */
  readonly itemTag: string;
  /** Position in the content model, for order checks. */
  readonly pos: number;
  readonly nillable: boolean;
  readonly typeKey: string;
  /** The declaration's fixed or default value (lexical), which an empty element stands for; null without one. */
  readonly valueConstraint: string | null;
  /** Resolved on first use. */
  type: CompiledType | null;
  /** Next slot with the same local name (other namespace or other position). */
  next: ElementSlot | null;
  /** Writer cache: `<p:local`, `<p:local>` and `</p:local>` for the prefix `cachedPrefix` (`p:`). */
  open: string | null;
  openGt: string | null;
  close: string | null;
  cachedPrefix: string | null;
}

/** A wildcard field's slot. */
export interface AnySlot {
  readonly prop: string;
  readonly list: string | null;
  readonly pos: number;
  /** minOccurs and maxOccurs of the wildcard (`-1` unbounded; 0 and -1 for a list item: the list has its own bounds). */
  readonly min: number;
  readonly max: number;
  readonly matches: NamespaceMatcher;
}

/** An attribute use ready to use. */
export interface AttributeSlot {
  readonly local: string;
  readonly uri: string;
  readonly nsIndex: number;
  readonly prop: string;
  /** As {@link ElementSlot.guard}. */
  readonly guard: boolean;
  readonly required: boolean;
  readonly typeKey: string;
  type: CompiledSimple | null;
  next: AttributeSlot | null;
  /** Writer cache: ` p:local="` and `" p:local="` (closing the previous value) for the prefix `cachedPrefix`. */
  start: string | null;
  startAfter: string | null;
  cachedPrefix: string | null;
}

/** A step of the encode plan (and of completeness checks). */
export type PlanNode =
  | { readonly k: 'el'; readonly prop: string; readonly min: number; readonly max: number; readonly array: boolean; readonly slots: readonly ElementSlot[] }
  | { readonly k: 'choice'; readonly min: number; readonly branches: readonly (readonly PlanNode[])[]; readonly props: readonly (readonly string[])[] }
  | {
      readonly k: 'list';
      readonly prop: string;
      readonly min: number;
      readonly max: number;
      readonly byTag: ReadonlyMap<string, ElementSlot>;
      readonly anys: readonly AnySlot[];
    }
  | { readonly k: 'any'; readonly prop: string; readonly min: number; readonly max: number; readonly slot: AnySlot };

/** A complex type ready to use. */
export interface CompiledComplex {
  readonly simple: false;
  readonly key: string;
  /** QName of a named type (for `xsi:type`), else null. */
  readonly uri: string;
  readonly local: string | null;
  readonly nsIndex: number;
  readonly baseKey: string | null;
  readonly abstract: boolean;
  readonly mixed: boolean;
  readonly all: boolean;
  /** `xs:anyType` itself: content kept raw. */
  readonly raw: boolean;
  readonly children: ReadonlyMap<string, ElementSlot>;
  readonly anys: readonly AnySlot[];
  readonly attributes: ReadonlyMap<string, AttributeSlot>;
  readonly attributeList: readonly AttributeSlot[];
  /** The required ones (what strict decoding checks at each start tag). */
  readonly requiredAttributes: readonly AttributeSlot[];
  readonly anyAttribute: NamespaceMatcher | null;
  /** Simple content type key, or null. */
  readonly simpleContentKey: string | null;
  simpleContent: CompiledSimple | null;
  readonly plan: readonly PlanNode[];
  /**
   * For a plan without choices: the properties that must be present, with their minimum count
   * (a fast path for completeness checks); null when the plan has a choice.
   */
  readonly required: readonly { readonly prop: string; readonly min: number; readonly guard: boolean }[] | null;
  /** True when some element or wildcard field exists (else element content is empty). */
  readonly hasContent: boolean;
}

/** A compiled type. */
export type CompiledType = CompiledSimple | CompiledComplex;

/**
 * A global element ready to use.
 * @internal
 */
export interface CompiledElement {
  readonly key: string;
  readonly local: string;
  readonly uri: string;
  readonly nsIndex: number;
  readonly typeKey: string;
  readonly nillable: boolean;
  readonly abstract: boolean;
  /** The declaration's fixed or default value (lexical), which an empty element stands for; null without one. */
  readonly valueConstraint: string | null;
}

const UNBOUNDED = -1;

/**
 * One schema descriptor, compiled.
 * @internal
 */
export class CompiledSchema {
  readonly descriptor: SchemaDescriptor;
  private readonly types = new Map<string, CompiledType>();
  private readonly elements = new Map<string, CompiledElement>();
  private typesByQName: Map<string, string> | null = null;
  private nsIndexByUri: Map<string, number> | null = null;

  constructor(descriptor: SchemaDescriptor) {
    if (descriptor.v !== 1) throw new TypeError(`unsupported descriptor format version ${String(descriptor.v)}`);
    if (descriptor.ns[0] !== '') throw new TypeError('descriptor namespace table must start with "" (no namespace)');
    this.descriptor = descriptor;
  }

  /** The URI of a namespace index. */
  uri(index: number): string {
    const uri = this.descriptor.ns[index];
    if (uri === undefined) throw new TypeError(`namespace index ${index} is not in the descriptor's table`);
    return uri;
  }

  /** The index of a namespace URI in the table, or -1. */
  nsIndex(uri: string): number {
    if (this.nsIndexByUri === null) {
      this.nsIndexByUri = new Map(this.descriptor.ns.map((u, i) => [u, i]));
    }
    return this.nsIndexByUri.get(uri) ?? -1;
  }

  /** The preferred prefix of a namespace URI from the descriptor, if any. */
  preferredPrefix(uri: string): string | undefined {
    const index = this.nsIndex(uri);
    if (index < 0) return undefined;
    const prefix = this.descriptor.prefixes?.[index];
    return prefix === '' ? undefined : prefix;
  }

  /** A global element by key. */
  element(key: string): CompiledElement {
    let compiled = this.elements.get(key);
    if (compiled !== undefined) return compiled;
    const d = Object.hasOwn(this.descriptor.elements, key) ? this.descriptor.elements[key] : undefined;
    if (d === undefined) throw new TypeError(`unknown element descriptor "${key}"`);
    compiled = {
      key,
      local: d.n,
      uri: this.uri(d.ns),
      nsIndex: d.ns,
      typeKey: d.t,
      nillable: d.nil === 1,
      abstract: d.abs === 1,
      valueConstraint: d.fx ?? d.d ?? null,
    };
    this.elements.set(key, compiled);
    return compiled;
  }

  /** The key of the named type `{uri}local`, if the schema has one. */
  typeKeyByQName(uri: string, local: string): string | undefined {
    if (this.typesByQName === null) {
      const map = new Map<string, string>();
      for (const [key, t] of Object.entries(this.descriptor.types)) {
        if (t.q !== undefined) map.set(`{${this.uri(t.ns ?? 0)}}${t.q}`, key);
      }
      this.typesByQName = map;
    }
    const key = this.typesByQName.get(`{${uri}}${local}`);
    if (key !== undefined) return key;
    return uri === XSD && (builtinCodec(`xs:${local}`) !== undefined || local === 'anyType') ? `xs:${local}` : undefined;
  }

  /**
   * True when type `derived` is `base` or derives from it (any number of steps, through the
   * built-in hierarchy too), or `base` is a union one of whose members it derives from.
   */
  derivesFrom(derived: string, base: string): boolean {
    if (base === 'xs:anyType') return true;
    const b = this.typeDescriptor(base);
    if (b?.k === 'u' && b.m.some((m) => m === derived || this.derivesFrom(derived, m))) return true;
    let key: string | undefined = derived;
    for (let guard = 0; key !== undefined && guard < 1000; guard++) {
      if (key === base) return true;
      const d = this.typeDescriptor(key);
      if (d === undefined) key = key.startsWith('xs:') ? builtinBase(key) : undefined;
      else key = d.k === 's' || d.k === 'c' ? d.b : 'xs:anySimpleType';
    }
    return false;
  }

  /** A type descriptor by key; own properties only (a key such as `constructor` is not inherited). */
  private typeDescriptor(key: string): TypeDescriptor | undefined {
    return Object.hasOwn(this.descriptor.types, key) ? this.descriptor.types[key] : undefined;
  }

  /** A type by key (`xs:` built-ins included). */
  type(key: string): CompiledType {
    const cached = this.types.get(key);
    if (cached !== undefined) return cached;
    const d = this.typeDescriptor(key);
    if (d === undefined) {
      if (key === 'xs:anyType') return this.remember(key, rawComplex(key));
      return this.remember(key, this.builtin(key));
    }
    if (d.k === 'c') return this.complex(key, d);
    return this.remember(key, this.simpleOf(key, d));
  }

  /** A simple type by key; throws for a complex one. */
  simpleType(key: string): CompiledSimple {
    const t = this.type(key);
    if (!t.simple) throw new TypeError(`type "${key}" is complex where a simple type is required`);
    return t;
  }

  private remember<T extends CompiledType>(key: string, t: T): T {
    this.types.set(key, t);
    return t;
  }

  private builtin(key: string): CompiledSimple {
    const list = BUILTIN_LISTS[key];
    if (list !== undefined) return listOf(key, this.simpleType(list), []);
    const codec = builtinCodec(key);
    if (codec === undefined) throw new TypeError(`unknown type "${key}"`);
    const ws = codec.whiteSpace;
    return {
      simple: true,
      key,
      kind: codec.kind,
      parse: ws === 0 ? codec.parse : (text, ctx) => codec.parse(applyWhiteSpace(text, ws), ctx),
      format: codec.format,
      stringAsIs: codec.stringAsIs === true,
      checks: [],
    };
  }

  private simpleOf(key: string, d: Exclude<TypeDescriptor, ComplexTypeDescriptor>): CompiledSimple {
    if (d.k === 'l') {
      const own = d.f === undefined ? [] : compileFacets(d.f, 'list', key);
      const item = this.simpleType(d.item);
      const list = listOf(key, item, own);
      if (d.f?.pattern === undefined || (item.kind !== 'number' && item.kind !== 'boolean')) return list;
      return { ...list, format: patternedListFormat(list.format, item, d.f.pattern, own) };
    }
    if (d.k === 'u') {
      const own = d.f === undefined ? [] : compileFacets(d.f, 'string', key);
      return unionOf(
        key,
        d.m.map((m) => this.simpleType(m)),
        own,
      );
    }
    const base = this.simpleType(d.b);
    const checks = d.f === undefined ? base.checks : [...base.checks, ...compileFacets(d.f, base.kind, key)];
    const ws = d.f?.whiteSpace;
    if ((base.kind === 'number' || base.kind === 'boolean') && d.f?.pattern !== undefined) {
      // A number has many lexical forms: write one the patterns accept (the value alone forgets it).
      return { ...base, key, checks, format: patternedNumberFormat(base.format, checks) };
    }
    if (ws === undefined || ws === 'preserve' || base.kind !== 'string') {
      return { ...base, key, checks };
    }
    const mode: WhiteSpace = ws === 'collapse' ? 2 : 1;
    return {
      simple: true,
      key,
      kind: base.kind,
      parse: (text, ctx) => base.parse(applyWhiteSpace(text, mode), ctx),
      format: base.format,
      stringAsIs: base.stringAsIs,
      checks,
    };
  }

  private complex(key: string, d: ComplexTypeDescriptor): CompiledComplex {
    const base = d.b !== undefined && d.x !== 'r' ? this.type(d.b) : null;
    const baseComplex = base !== null && !base.simple && !base.raw ? base : null;
    const ownFields = d.f ?? [];
    const builder = new PlanBuilder(this, d.ns);
    if (baseComplex !== null) builder.inherit(baseComplex);
    builder.fields(ownFields);
    const attributeList: AttributeSlot[] = baseComplex !== null ? [...baseComplex.attributeList] : [];
    for (const a of d.a ?? []) attributeList.push(this.attribute(a));
    const attributes = new Map<string, AttributeSlot>();
    for (const slot of attributeList) {
      slot.next = null;
      const first = attributes.get(slot.local);
      if (first === undefined) attributes.set(slot.local, slot);
      else {
        let last = first;
        while (last.next !== null) last = last.next;
        last.next = slot;
      }
    }
    let simpleContentKey: string | null = d.sc ?? null;
    if (simpleContentKey === null && base !== null && base.simple) simpleContentKey = d.b ?? null;
    if (simpleContentKey === null && baseComplex !== null) simpleContentKey = baseComplex.simpleContentKey;
    // An extension's attribute wildcard is the union of its own and its base's (XSD 1.0 §3.4.2).
    const own = d.aa !== undefined ? wildcardMatcher(d.aa) : null;
    const inheritedAny = baseComplex?.anyAttribute ?? null;
    const anyAttribute = own !== null && inheritedAny !== null ? (uri: string) => own(uri) || inheritedAny(uri) : (own ?? inheritedAny);
    const compiled: CompiledComplex = {
      simple: false,
      key,
      uri: this.uri(d.ns),
      local: d.q ?? null,
      nsIndex: d.ns,
      baseKey: d.b ?? null,
      abstract: d.abs === 1,
      mixed: d.mx === 1 || (baseComplex?.mixed ?? false),
      all: d.all === 1,
      raw: false,
      children: builder.children,
      anys: builder.anys,
      attributes,
      attributeList,
      requiredAttributes: attributeList.filter((a) => a.required),
      anyAttribute,
      simpleContentKey,
      simpleContent: null,
      plan: builder.plan,
      required: requiredOf(builder.plan),
      hasContent: builder.plan.length > 0,
    };
    this.types.set(key, compiled);
    return compiled;
  }

  private attribute(a: AttributeDescriptor): AttributeSlot {
    const nsIndex = a.ns ?? 0;
    return {
      local: a.n,
      uri: this.uri(nsIndex),
      nsIndex,
      prop: a.p ?? a.n,
      guard: isInheritedName(a.p ?? a.n),
      required: a.req === 1,
      typeKey: a.t,
      type: null,
      next: null,
      start: null,
      startAfter: null,
      cachedPrefix: null,
    };
  }
}

const XSD = 'http://www.w3.org/2001/XMLSchema';

function rawComplex(key: string): CompiledComplex {
  return {
    simple: false,
    key,
    uri: XSD,
    local: 'anyType',
    nsIndex: -1,
    baseKey: null,
    abstract: false,
    mixed: true,
    all: false,
    raw: true,
    children: new Map(),
    anys: [],
    attributes: new Map(),
    attributeList: [],
    requiredAttributes: [],
    anyAttribute: () => true,
    simpleContentKey: null,
    simpleContent: null,
    plan: [],
    required: [],
    hasContent: true,
  };
}

/** True when the lexical form passes every facet check. */
function passes(checks: readonly FacetCheck[], value: unknown, text: string): boolean {
  try {
    for (const check of checks) check(value, text);
    return true;
  } catch (err) {
    if (err instanceof InvalidValue) return false;
    throw err;
  }
}

/** The lexical forms of a number, most usual first: plain, fixed, then scientific spellings. */
function* numberForms(value: number): Generator<string> {
  yield String(value);
  if (!Number.isFinite(value)) return;
  for (let digits = 0; digits <= 20; digits++) yield value.toFixed(digits);
  const sign = value < 0 ? '-' : '';
  for (let precision = 0; precision <= 17; precision++) {
    const [mantissa = '', exponent = '0'] = Math.abs(value).toExponential(precision).split('e');
    const digits = mantissa.replace('.', '');
    const e = Number(exponent);
    // Every placement of the decimal point in the significant digits, the exponent shifted to match.
    for (let point = 0; point <= digits.length; point++) {
      const m = point === 0 ? `0.${digits}` : point < digits.length ? `${digits.slice(0, point)}.${digits.slice(point)}` : digits;
      const exp = e - point + 1;
      for (const mark of ['E', 'e']) {
        yield `${sign}${m}${mark}${exp}`;
        if (exp >= 0) yield `${sign}${m}${mark}+${exp}`;
        if (point === digits.length) yield `${sign}${m}.0${mark}${exp}`;
        if (point === 0) yield `${sign}.${digits}${mark}${exp}`;
      }
    }
  }
}

/**
 * The format of a float/double restricted by a pattern: the usual form when the facets accept it,
 * else the first other spelling of the same value they accept (exactly the same double, else the
 * same single-precision value). Runs only for patterned numbers.
 */
function patternedNumberFormat(format: CompiledSimple['format'], checks: readonly FacetCheck[]): CompiledSimple['format'] {
  return (value, ctx) => {
    const usual = format(value, ctx);
    return passes(checks, value, usual) ? usual : (otherForm(value, (text) => passes(checks, value, text)) ?? usual);
  };
}

/** The first other lexical form of a number or boolean that `accept` takes (same value), if any. */
function otherForm(value: unknown, accept: (text: string) => boolean): string | undefined {
  if (typeof value === 'boolean') return [value ? '1' : '0', String(value)].find(accept);
  if (typeof value !== 'number') return undefined;
  let close: string | undefined;
  for (const form of numberForms(value)) {
    for (const text of [form, `+${form}`]) {
      if (!accept(text)) continue;
      const read = Number(text);
      if (read === value) return text;
      if (close === undefined && Math.fround(read) === Math.fround(value)) close = text;
    }
  }
  return close;
}

/**
 * The format of a list of numbers or booleans whose pattern spells one item pattern per item
 * (`\d{1}E\-\d{3} \d{1}\.\d{2}E\-\d{2}`, the usual shape): each item takes a form its own part accepts.
 */
function patternedListFormat(
  format: CompiledSimple['format'],
  item: CompiledSimple,
  patterns: readonly string[],
  checks: readonly FacetCheck[],
): CompiledSimple['format'] {
  return (value, ctx) => {
    const usual = format(value, ctx);
    if (!Array.isArray(value) || passes(checks, value, usual)) return usual;
    for (const pattern of patterns) {
      const parts = pattern.split(' ');
      if (parts.length !== value.length || /\[[^\]]* |\{[^}]* /.test(pattern)) continue;
      const texts = value.map((v: unknown, i) => {
        const part = xsdPattern(parts[i] ?? '');
        const own = item.format(v, ctx);
        if (part === null || part.test(own)) return own;
        return otherForm(v, (text) => part.test(text)) ?? own;
      });
      const joined = texts.join(' ');
      if (passes(checks, value, joined)) return joined;
    }
    return usual;
  };
}

function listOf(key: string, item: CompiledSimple, checks: FacetCheck[]): CompiledSimple {
  const strictItem = item.strictParse;
  return {
    simple: true,
    key,
    kind: 'list',
    parse(text, ctx) {
      const collapsed = applyWhiteSpace(text, 2);
      if (collapsed === '') return [];
      return collapsed.split(' ').map((t) => item.parse(t, ctx));
    },
    ...(strictItem === undefined
      ? {}
      : {
          strictParse(text: string, ctx: ParseContext): unknown {
            const collapsed = applyWhiteSpace(text, 2);
            return collapsed === '' ? [] : collapsed.split(' ').map((t) => strictItem(t, ctx));
          },
        }),
    format(value, ctx) {
      if (!Array.isArray(value)) throw new InvalidValue(key, 'expected an array');
      return value.map((v: unknown) => item.format(v, ctx)).join(' ');
    },
    stringAsIs: false,
    checks,
  };
}

/**
 * The union member that read a binary value (hexBinary and base64Binary values are both bytes):
 * writing it back uses the same member, so a hex value stays hex.
 */
const binaryMember = new WeakMap<object, CompiledSimple>();

function unionOf(key: string, members: CompiledSimple[], checks: FacetCheck[]): CompiledSimple {
  const NONE = Symbol('no member');
  const member = (text: string, ctx: ParseContext): unknown => {
    for (const m of members) {
      try {
        const value = m.strictParse !== undefined ? m.strictParse(text, ctx) : m.parse(text, ctx);
        for (const check of m.checks) check(value, applyWhiteSpace(text, 2));
        if (m.kind === 'binary' && value instanceof Uint8Array) binaryMember.set(value, m);
        return value;
      } catch (err) {
        if (!(err instanceof InvalidValue)) throw err;
      }
    }
    return NONE;
  };
  return {
    simple: true,
    key,
    kind: 'string',
    parse(text, ctx) {
      const value = member(text, ctx);
      // No member accepts it: keep the lexical form.
      return value === NONE ? applyWhiteSpace(text, 2) : value;
    },
    strictParse(text, ctx) {
      const value = member(text, ctx);
      if (value === NONE) throw new InvalidValue(key, 'no member type of the union accepts it');
      return value;
    },
    format(value, ctx) {
      const reader = value instanceof Uint8Array ? binaryMember.get(value) : undefined;
      if (reader !== undefined && members.includes(reader)) return reader.format(value, ctx);
      for (const m of members) {
        try {
          return m.format(value, ctx);
        } catch (err) {
          if (!(err instanceof InvalidValue)) throw err;
        }
      }
      if (typeof value === 'string') return value;
      throw new InvalidValue(key, 'no member type accepts the value');
    },
    // A member may rewrite a string (xs:integer collapses its whitespace).
    stringAsIs: false,
    checks,
  };
}

/** Builds the matcher of a wildcard's namespace constraint. */
export function wildcardMatcher(w: WildcardDescriptor): NamespaceMatcher {
  const list = new Set(w.u ?? []);
  switch (w.m ?? 'any') {
    case 'any':
      return () => true;
    case 'not':
      return (uri) => !list.has(uri);
    case 'in':
      return (uri) => list.has(uri);
  }
}

/** Flattens fields into slots (decode) and plan nodes (encode, checks). */
class PlanBuilder {
  readonly children = new Map<string, ElementSlot>();
  readonly anys: AnySlot[] = [];
  plan: PlanNode[] = [];
  private pos = 0;
  private readonly schema: CompiledSchema;
  private readonly defaultNs: number;

  constructor(schema: CompiledSchema, defaultNs: number) {
    this.schema = schema;
    this.defaultNs = defaultNs;
  }

  inherit(base: CompiledComplex): void {
    // Slots are immutable apart from their lazy type and chain; re-chain copies for this type.
    const seen = new Set<ElementSlot>();
    for (const first of base.children.values()) {
      for (let s: ElementSlot | null = first; s !== null; s = s.next) seen.add(s);
    }
    const copies = new Map<ElementSlot, ElementSlot>();
    for (const s of [...seen].sort((a, b) => a.pos - b.pos)) {
      const copy: ElementSlot = { ...s, next: null };
      copies.set(s, copy);
      this.addSlot(copy);
      if (s.pos >= this.pos) this.pos = s.pos + 1;
    }
    for (const a of base.anys) {
      this.anys.push(a);
      if (a.pos >= this.pos) this.pos = a.pos + 1;
    }
    this.plan = base.plan.map((n) => remapPlan(n, copies));
  }

  fields(fields: readonly FieldDescriptor[]): void {
    for (const f of fields) this.plan.push(this.field(f, null));
  }

  private field(f: FieldDescriptor, list: string | null): PlanNode {
    if ('c' in f) {
      const branches: PlanNode[][] = [];
      const props: string[][] = [];
      for (const branch of f.c) {
        const nodes = branch.map((b) => this.field(b, list));
        branches.push(nodes);
        props.push(nodes.flatMap(propsOf));
      }
      return { k: 'choice', min: f.min ?? 1, branches, props };
    }
    if ('l' in f) {
      const pos = this.pos++;
      const byTag = new Map<string, ElementSlot>();
      const anys: AnySlot[] = [];
      for (const item of f.f) {
        if ('any' in item) anys.push(this.anySlot(item, f.l, pos));
        else for (const slot of this.elementSlots(item, f.l, pos)) byTag.set(slot.itemTag, slot);
      }
      return { k: 'list', prop: f.l, min: f.min ?? 0, max: f.max ?? UNBOUNDED, byTag, anys };
    }
    if ('any' in f) {
      const slot = this.anySlot(f, list, this.pos++);
      return { k: 'any', prop: slot.prop, min: f.min ?? 1, max: f.max ?? 1, slot };
    }
    const slots = this.elementSlots(f, list, this.pos++);
    const max = f.max ?? 1;
    return { k: 'el', prop: slots[0].prop, min: f.min ?? 1, max, array: max !== 1, slots };
  }

  private anySlot(f: AnyFieldDescriptor, list: string | null, pos: number): AnySlot {
    const slot: AnySlot = {
      prop: list ?? f.p ?? '$any',
      list,
      pos,
      min: list === null ? (f.min ?? 1) : 0,
      max: list === null ? (f.max ?? 1) : -1,
      matches: wildcardMatcher(f.any),
    };
    this.anys.push(slot);
    return slot;
  }

  private elementSlots(f: ElementFieldDescriptor, list: string | null, pos: number): ElementSlot[] {
    const schema = this.schema;
    let local: string;
    let nsIndex: number;
    let typeKey: string;
    let nillable = f.nil === 1;
    let constraint: string | null = f.fx ?? f.d ?? null;
    if (f.r !== undefined) {
      const g = schema.element(f.r);
      local = g.local;
      nsIndex = g.nsIndex;
      typeKey = g.typeKey;
      nillable ||= g.nillable;
      constraint ??= g.valueConstraint;
    } else {
      if (f.n === undefined || f.t === undefined) throw new TypeError('an element field needs n and t, or r');
      local = f.n;
      nsIndex = f.ns ?? this.defaultNs;
      typeKey = f.t;
    }
    const prop = list ?? f.p ?? local;
    const array = list === null && (f.max ?? 1) !== 1;
    const make = (l: string, ns: number, t: string, nil: boolean, wrap: string | null, tag: string, valueConstraint: string | null): ElementSlot => {
      const slot: ElementSlot = {
        local: l,
        uri: schema.uri(ns),
        nsIndex: ns,
        prop,
        guard: isInheritedName(prop),
        array,
        list,
        wrap,
        itemTag: tag,
        pos,
        nillable: nil,
        typeKey: t,
        valueConstraint,
        type: null,
        next: null,
        open: null,
        openGt: null,
        close: null,
        cachedPrefix: null,
      };
      this.addSlot(slot);
      return slot;
    };
    if (f.s === undefined) return [make(local, nsIndex, typeKey, nillable, null, f.p ?? local, constraint)];
    return f.s.map((key) => {
      const m = schema.element(key);
      return make(m.local, m.nsIndex, m.typeKey, m.nillable, list === null ? key : null, key, key === f.r ? constraint : m.valueConstraint);
    });
  }

  private addSlot(slot: ElementSlot): void {
    const first = this.children.get(slot.local);
    if (first === undefined) {
      this.children.set(slot.local, slot);
      return;
    }
    let last = first;
    while (last.next !== null) last = last.next;
    last.next = slot;
  }
}

function requiredOf(plan: readonly PlanNode[]): { prop: string; min: number; guard: boolean }[] | null {
  if (plan.some((n) => n.k === 'choice')) return null;
  return plan
    .filter((n) => n.min > 0)
    .map((n) => {
      const prop = (n as { prop: string }).prop;
      return { prop, min: n.min, guard: isInheritedName(prop) };
    });
}

function propsOf(node: PlanNode): string[] {
  switch (node.k) {
    case 'el':
    case 'list':
    case 'any':
      return [node.prop];
    case 'choice':
      return node.props.flat();
  }
}

function remapPlan(node: PlanNode, copies: ReadonlyMap<ElementSlot, ElementSlot>): PlanNode {
  const map = (s: ElementSlot): ElementSlot => copies.get(s) ?? s;
  switch (node.k) {
    case 'el':
      return { ...node, slots: node.slots.map(map) };
    case 'list':
      return { ...node, byTag: new Map([...node.byTag].map(([k, s]) => [k, map(s)])) };
    case 'any':
      return node;
    case 'choice':
      return { ...node, branches: node.branches.map((b) => b.map((n) => remapPlan(n, copies))) };
  }
}

const cache = new WeakMap<SchemaDescriptor, CompiledSchema>();

/**
 * The compiled form of a schema descriptor (compiled once, cached by identity).
 * @internal
 */
export function compiledSchema(descriptor: SchemaDescriptor): CompiledSchema {
  let compiled = cache.get(descriptor);
  if (compiled === undefined) {
    compiled = new CompiledSchema(descriptor);
    cache.set(descriptor, compiled);
  }
  return compiled;
}
