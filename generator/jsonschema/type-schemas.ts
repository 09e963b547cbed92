/**
 * JSON Schema (2020-12) of the JSON form of values (docs/mapping.md, what `volet decode` prints
 * and `volet encode` / `volet call` read), from the same descriptors the codec runs on: one
 * `$defs` entry per type and per global element. Objects are closed (`additionalProperties:
 * false`), so an editor flags a misspelt property as `volet encode` does; facets become
 * `enum`, `pattern`, lengths and bounds where JSON Schema can say them on the JSON value.
 */
import {
  compiledSchema,
  xsdPattern,
  type ComplexTypeDescriptor,
  type FacetsDescriptor,
  type FieldDescriptor,
  type SchemaDescriptor,
  type TypeKey,
} from '@volet/runtime/codec';

/** A JSON Schema, as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** The `$defs` name of a type (`T`), of its own shape when types derive from it (`T.exact`), of a global element (`@E`). */
export const defName = {
  type: (key: TypeKey): string => key,
  exact: (key: TypeKey): string => `${key}.exact`,
  element: (key: string): string => `@${key}`,
} as const;

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** The JSON form of values whose decoded value is not a string (docs/mapping.md). */
function builtinSchema(kind: string, key: TypeKey): JsonSchema {
  switch (kind) {
    case 'number':
      // Floats: numbers; INF, -INF and NaN have no JSON number.
      return { anyOf: [{ type: 'number' }, { enum: ['INF', '-INF', 'NaN'] }] };
    case 'integer':
      // Big integers are decimal strings in JSON (and numbers are accepted when safe).
      return { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^[+-]?[0-9]+$' }] };
    case 'decimal':
      return { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$' }] };
    case 'boolean':
      return { type: 'boolean' };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64' };
    case 'qname':
      return {
        type: 'object',
        properties: { namespace: { type: 'string' }, local: { type: 'string' } },
        required: ['namespace', 'local'],
        additionalProperties: false,
      };
    case 'list':
      return { type: 'array', items: { type: 'string' } };
    default: {
      const pattern = LEXICAL.get(key);
      return pattern === undefined ? { type: 'string' } : { type: 'string', pattern: `^${pattern}$` };
    }
  }
}

const TZ = '(Z|[+-][0-9]{2}:[0-9]{2})?';
/** Lexical spaces of the date and time built-ins (their JSON form is the lexical form). */
const LEXICAL: ReadonlyMap<TypeKey, string> = new Map([
  ['xs:dateTime', `-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?${TZ}`],
  ['xs:date', `-?[0-9]{4,}-[0-9]{2}-[0-9]{2}${TZ}`],
  ['xs:time', `[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?${TZ}`],
  ['xs:gYearMonth', `-?[0-9]{4,}-[0-9]{2}${TZ}`],
  ['xs:gYear', `-?[0-9]{4,}${TZ}`],
  ['xs:duration', '-?P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?'],
]);

/** Builds the `$defs` of a schema descriptor. */
export class TypeSchemas {
  private readonly compiled;
  private readonly derived = new Map<TypeKey, TypeKey[]>();
  readonly defs: Record<string, JsonSchema> = {};

  constructor(private readonly schema: SchemaDescriptor) {
    this.compiled = compiledSchema(schema);
    for (const [key, d] of Object.entries(schema.types)) {
      if (d.k !== 'c') continue;
      for (let b = d.b; b !== undefined && Object.hasOwn(schema.types, b); ) {
        const base = schema.types[b];
        if (base.k !== 'c') break;
        this.derived.set(b, [...(this.derived.get(b) ?? []), key]);
        b = base.b;
      }
    }
    for (const key of Object.keys(schema.types)) this.addType(key);
    for (const [key, e] of Object.entries(schema.elements)) {
      this.defs[defName.element(key)] = e.nil === 1 ? { anyOf: [this.typeRef(e.t), { type: 'null' }] } : this.typeRef(e.t);
    }
  }

  /** A reference to (or, for built-ins, the schema of) a type's values. */
  typeRef(key: TypeKey): JsonSchema {
    if (Object.hasOwn(this.schema.types, key)) return ref(defName.type(key));
    if (key === 'xs:anyType') return {};
    return builtinSchema(this.compiled.simpleType(key).kind, key);
  }

  /** The Clark name of a global element. */
  clark(key: string): string {
    const e = this.schema.elements[key];
    return `{${this.compiled.uri(e.ns)}}${e.n}`;
  }

  private addType(key: TypeKey): void {
    const d = this.schema.types[key];
    if (d.k !== 'c') {
      this.defs[defName.type(key)] = this.simple(key);
      return;
    }
    const derived = this.derived.get(key) ?? [];
    if (derived.length === 0) {
      this.defs[defName.type(key)] = this.exact(key, d, false);
      return;
    }
    this.defs[defName.exact(key)] = this.exact(key, d, false);
    const alternatives = d.abs === 1 ? [] : [ref(defName.exact(key))];
    for (const sub of derived) {
      const sd = this.schema.types[sub] as ComplexTypeDescriptor;
      if (sd.abs !== 1) alternatives.push(this.exact(sub, sd, true));
    }
    this.defs[defName.type(key)] = { anyOf: alternatives };
  }

  private simple(key: TypeKey): JsonSchema {
    const d = this.schema.types[key];
    if (d.k === 'l') return { type: 'array', items: this.typeRef(d.item), ...listBounds(d.f) };
    if (d.k === 'u') return { anyOf: d.m.map((m) => this.typeRef(m)) };
    if (d.k === 'c') return {};
    const facets = d.f === undefined ? {} : this.facets(d.f, this.compiled.simpleType(key).kind);
    return Object.keys(facets).length === 0 ? this.typeRef(d.b) : { allOf: [this.typeRef(d.b), facets] };
  }

  private facets(f: FacetsDescriptor, kind: string): JsonSchema {
    const out: JsonSchema = {};
    const stringForm = kind === 'string' || kind === 'integer' || kind === 'decimal';
    if (f.enumeration !== undefined && kind === 'qname') {
      // Enumerated QNames are written `{namespace}local` (or `local` for no namespace).
      out.enum = f.enumeration.map((v) => {
        const m = /^\{([^}]*)\}(.*)$/.exec(v);
        return m === null ? { namespace: '', local: v } : { namespace: m[1], local: m[2] };
      });
    } else if (f.enumeration !== undefined && kind !== 'list') {
      out.enum = kind === 'number' ? f.enumeration.map(Number) : kind === 'boolean' ? f.enumeration.map((v) => v === 'true' || v === '1') : [...f.enumeration];
    }
    if (f.pattern !== undefined && stringForm) {
      const res = f.pattern.map(xsdPattern);
      if (res.every((r) => r !== null)) {
        const sources = res.map((r) => (r as RegExp).source);
        if (sources.length === 1) out.pattern = sources[0];
        else out.anyOf = sources.map((p) => ({ pattern: p }));
      }
    }
    if (kind === 'string') {
      if (f.length !== undefined) Object.assign(out, { minLength: f.length, maxLength: f.length });
      if (f.minLength !== undefined) out.minLength = f.minLength;
      if (f.maxLength !== undefined) out.maxLength = f.maxLength;
    }
    if (kind === 'number' || kind === 'integer' || kind === 'decimal') {
      // Bounds apply to JSON numbers; big values written as strings are checked by volet itself.
      const bound = (v: string | undefined): number | undefined => (v === undefined || !Number.isFinite(Number(v)) ? undefined : Number(v));
      const bounds: [string, number | undefined][] = [
        ['minimum', bound(f.minInclusive)],
        ['maximum', bound(f.maxInclusive)],
        ['exclusiveMinimum', bound(f.minExclusive)],
        ['exclusiveMaximum', bound(f.maxExclusive)],
      ];
      for (const [name, value] of bounds) if (value !== undefined) out[name] = value;
    }
    // The JSON types the keywords apply to, stated (strict validators ask for them).
    if (Object.keys(out).length > 0) out.type = JSON_TYPES[kind] ?? 'string';
    return out;
  }

  /** The closed object of one complex type (inherited content included); `typed`: `$type` must name it. */
  private exact(key: TypeKey, d: ComplexTypeDescriptor, typed: boolean): JsonSchema {
    const properties: Record<string, JsonSchema> = { $type: typed ? { const: key } : { type: 'string' } };
    const required: string[] = typed ? ['$type'] : [];
    const m = this.members(d);
    for (const a of m.attributes) {
      properties[a.p ?? a.n] = this.typeRef(a.t);
      if (a.req === 1) required.push(a.p ?? a.n);
    }
    if (m.simpleContent !== null) properties.$value = this.typeRef(m.simpleContent);
    if (m.mixed) properties.$content = { type: 'array', items: { anyOf: [{ type: 'string' }, ...this.tagged(m.fields), RAW] } };
    if (m.anyAttribute) properties.$attrs = { type: 'object', additionalProperties: { type: 'string' } };
    // Mixed content holds its elements in `$content`, not as properties.
    if (!m.mixed) this.fields(m.fields, properties, required, true);
    // Children read out of schema order by lenient decoding, in document order (docs/mapping.md).
    if (!m.mixed && m.fields.length > 0) properties.$order = { type: 'array', items: { type: 'string' } };
    return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }

  private fields(fields: readonly FieldDescriptor[], properties: Record<string, JsonSchema>, required: string[], requiredHere: boolean): void {
    for (const f of fields) {
      if ('c' in f) {
        for (const branch of f.c) this.fields(branch, properties, required, false);
      } else if ('l' in f) {
        properties[f.l] = { type: 'array', items: { anyOf: [...this.tagged(f.f), RAW] }, ...((f.min ?? 0) > 0 ? { minItems: f.min } : {}) };
        if (requiredHere && (f.min ?? 0) > 0) required.push(f.l);
      } else if ('any' in f) {
        const prop = f.p ?? '$any';
        properties[prop] = { type: 'array', items: RAW };
        if (requiredHere && (f.min ?? 1) > 0) required.push(prop);
      } else {
        const prop = this.propOf(f);
        let value = f.s !== undefined ? { anyOf: f.s.map((k) => this.substitute(k)) } : this.typeRef(this.typeOf(f));
        const nillable = f.nil === 1 || (f.r !== undefined && this.schema.elements[f.r]?.nil === 1);
        if (nillable) value = { anyOf: [value, { type: 'null' }] };
        const min = f.min ?? 1;
        const max = f.max ?? 1;
        properties[prop] = max === 1 ? value : { type: 'array', items: value, ...(min > 0 ? { minItems: min } : {}), ...(max > 1 ? { maxItems: max } : {}) };
        if (requiredHere && min > 0) required.push(prop);
      }
    }
  }

  private substitute(key: string): JsonSchema {
    return { type: 'object', properties: { $el: { const: key }, value: ref(defName.element(key)) }, required: ['$el', 'value'], additionalProperties: false };
  }

  /** The tagged items `{ $el, value }` a repeating group or mixed content may hold. */
  private tagged(fields: readonly FieldDescriptor[]): JsonSchema[] {
    const out: JsonSchema[] = [];
    for (const f of fields) {
      if ('c' in f) for (const branch of f.c) out.push(...this.tagged(branch));
      else if ('l' in f) out.push(...this.tagged(f.f));
      else if (!('any' in f)) {
        if (f.s !== undefined) out.push(...f.s.map((k) => this.substitute(k)));
        else {
          const tags = f.r !== undefined ? [this.propOf(f), f.r] : [this.propOf(f)];
          out.push({
            type: 'object',
            properties: { $el: { enum: [...new Set(tags)] }, value: this.typeRef(this.typeOf(f)) },
            required: ['$el', 'value'],
            additionalProperties: false,
          });
        }
      }
    }
    return out;
  }

  private propOf(f: Extract<FieldDescriptor, { readonly t?: TypeKey }>): string {
    if (f.p !== undefined) return f.p;
    if (f.n !== undefined) return f.n;
    return f.r !== undefined && Object.hasOwn(this.schema.elements, f.r) ? this.schema.elements[f.r].n : '';
  }

  private typeOf(f: Extract<FieldDescriptor, { readonly t?: TypeKey }>): TypeKey {
    if (f.t !== undefined) return f.t;
    return f.r !== undefined && Object.hasOwn(this.schema.elements, f.r) ? this.schema.elements[f.r].t : 'xs:anyType';
  }

  /** Fields and attributes with inheritance applied (as the codec does). */
  private members(d: ComplexTypeDescriptor): Members {
    const base = d.b !== undefined && Object.hasOwn(this.schema.types, d.b) ? this.schema.types[d.b] : undefined;
    const inherited = base !== undefined && base.k === 'c' && d.x !== 'r' ? this.members(base) : null;
    let simpleContent: TypeKey | null = d.sc ?? null;
    if (simpleContent === null && d.b !== undefined && (base === undefined ? d.b !== 'xs:anyType' : base.k !== 'c')) simpleContent = d.b;
    if (simpleContent === null && inherited !== null) simpleContent = inherited.simpleContent;
    return {
      fields: [...(inherited?.fields ?? []), ...(d.f ?? [])],
      attributes: [...(inherited?.attributes ?? []), ...(d.a ?? [])],
      simpleContent,
      mixed: d.mx === 1 || (inherited?.mixed ?? false),
      anyAttribute: d.aa !== undefined || (inherited?.anyAttribute ?? false),
    };
  }
}

interface Members {
  readonly fields: readonly FieldDescriptor[];
  readonly attributes: readonly NonNullable<ComplexTypeDescriptor['a']>[number][];
  readonly simpleContent: TypeKey | null;
  readonly mixed: boolean;
  readonly anyAttribute: boolean;
}

/** The JSON types of the values of each kind (integers and decimals: numbers, or strings beyond them). */
const JSON_TYPES: Readonly<Record<string, string | string[]>> = {
  string: 'string',
  number: ['number', 'string'],
  integer: ['integer', 'string'],
  decimal: ['number', 'string'],
  boolean: 'boolean',
  binary: 'string',
  qname: 'object',
};

/** Raw XML kept as written: `{ $xml }`. */
const RAW: JsonSchema = { type: 'object', properties: { $xml: { type: 'string' } }, required: ['$xml'], additionalProperties: false };

function listBounds(f: FacetsDescriptor | undefined): JsonSchema {
  if (f === undefined) return {};
  const out: JsonSchema = {};
  if (f.length !== undefined) Object.assign(out, { minItems: f.length, maxItems: f.length });
  if (f.minLength !== undefined) out.minItems = f.minLength;
  if (f.maxLength !== undefined) out.maxItems = f.maxLength;
  return out;
}
