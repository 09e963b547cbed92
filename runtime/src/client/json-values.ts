/**
 * The JSON form of decoded values (what `volet decode` prints and `volet encode` / `volet call`
 * read): the shape of the generated types, with binary values (`base64Binary`, `hexBinary`) as
 * base64 strings (or `{ "$file": path }` for a file sent as an MTOM part, and for an MTOM part
 * received into a file). Turning JSON back into values needs the descriptors, to know which strings are
 * binary; everything else (integers as strings, QNames as `{ namespace, local }`) is already JSON.
 */
import { Buffer } from 'node:buffer';
import type { ComplexTypeDescriptor, ElementFieldDescriptor, FieldDescriptor, SchemaDescriptor, TypeDescriptor, TypeKey } from '../codec/descriptors.js';
import { formatSpecialFloat } from '../codec/builtins.js';
import { isTagged } from '../codec/values.js';
import { ownValue, setOwn } from '../codec/own-property.js';
import { attachmentFromFile } from '../mtom/attachment-source.js';
import { isReceivedAttachment } from '../mtom/source-brand.js';

/**
 * A decoded value as JSON data: `Uint8Array`s become base64 strings (and bigints decimal strings),
 * infinite, NaN and negative-zero floats their XSD lexical forms (`"INF"`, `"-INF"`, `"NaN"`, `"-0"`);
 * the rest is copied as is.
 */
export function toJsonValue(value: unknown): unknown {
  if (isReceivedAttachment(value)) return value.toJSON();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (typeof value === 'bigint') return value.toString();
  // JSON has no INF, NaN or -0 (JSON.stringify writes null, or 0): their XSD lexical forms, which the float codec reads back.
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return formatSpecialFloat(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) setOwn(out, k, toJsonValue(v));
    return out;
  }
  return value;
}

/** How a simple type's values look in JSON: binary (base64 text), a list of binary, or as is. */
type SimpleKind = 'binary' | 'binary-list' | 'plain';

const BINARY_BUILTINS = new Set(['xs:base64Binary', 'xs:hexBinary']);

/** The fields, attributes and simple content of a complex type, inheritance applied. */
interface Members {
  readonly fields: readonly FieldDescriptor[];
  readonly attributes: readonly { readonly prop: string; readonly type: TypeKey }[];
  readonly simpleContent: TypeKey | null;
}

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Converts JSON data back into values by descriptor (base64 strings → Uint8Array where the type is binary). */
class JsonReviver {
  private readonly simpleKinds = new Map<TypeKey, SimpleKind>();
  private readonly members = new Map<TypeKey, Members>();

  constructor(private readonly schema: SchemaDescriptor) {}

  element(key: string, json: unknown): unknown {
    const e = Object.hasOwn(this.schema.elements, key) ? this.schema.elements[key] : undefined;
    return e === undefined || json === null ? json : this.value(e.t, json);
  }

  value(key: TypeKey, json: unknown): unknown {
    if (json === null || json === undefined) return json;
    const d = Object.hasOwn(this.schema.types, key) ? this.schema.types[key] : undefined;
    if (d === undefined) {
      if (key === 'xs:anyType') return isObject(json) && typeof json.$type === 'string' ? this.value(json.$type, json) : json;
      return this.simple(key, json);
    }
    if (d.k !== 'c') return this.simple(key, json);
    return this.complex(key, json);
  }

  private simple(key: TypeKey, json: unknown): unknown {
    const kind = this.simpleKind(key);
    if (kind === 'binary' && typeof json === 'string') return fromBase64(json);
    // `{ "$file": path }`: the bytes of a file, read while the request is sent (an MTOM part).
    if (kind === 'binary' && isObject(json) && typeof json.$file === 'string') {
      return attachmentFromFile(json.$file, typeof json.contentType === 'string' ? { contentType: json.contentType } : {});
    }
    if (kind === 'binary-list' && Array.isArray(json)) return json.map((v) => (typeof v === 'string' ? fromBase64(v) : v));
    return json;
  }

  private simpleKind(key: TypeKey): SimpleKind {
    let kind = this.simpleKinds.get(key);
    if (kind !== undefined) return kind;
    kind = 'plain';
    let k: TypeKey | undefined = key;
    for (let guard = 0; k !== undefined && guard < 100; guard++) {
      if (BINARY_BUILTINS.has(k)) {
        kind = 'binary';
        break;
      }
      const d: TypeDescriptor | undefined = Object.hasOwn(this.schema.types, k) ? this.schema.types[k] : undefined;
      if (d === undefined || d.k === 'u' || d.k === 'c') break;
      if (d.k === 'l') {
        if (this.simpleKind(d.item) === 'binary') kind = 'binary-list';
        break;
      }
      k = d.b;
    }
    this.simpleKinds.set(key, kind);
    return kind;
  }

  private complex(key: TypeKey, json: unknown): unknown {
    if (!isObject(json)) return json;
    const actual = typeof json.$type === 'string' && Object.hasOwn(this.schema.types, json.$type) ? json.$type : key;
    const m = this.membersOf(actual);
    const out: Obj = { ...json };
    for (const a of m.attributes) {
      const v = ownValue(out, a.prop);
      if (v !== undefined) setOwn(out, a.prop, this.simple(a.type, v));
    }
    if (m.simpleContent !== null && out.$value !== undefined) out.$value = this.simple(m.simpleContent, out.$value);
    for (const f of m.fields) this.field(f, out);
    if (Array.isArray(out.$content)) {
      const tags = new Map<string, TypeKey>();
      collectTags(m.fields, this.schema, tags);
      out.$content = out.$content.map((item: unknown) => this.tagged(item, tags));
    }
    return out;
  }

  private field(f: FieldDescriptor, out: Obj): void {
    if ('c' in f) {
      for (const branch of f.c) for (const sub of branch) this.field(sub, out);
      return;
    }
    if ('l' in f) {
      const items = ownValue(out, f.l);
      if (!Array.isArray(items)) return;
      const tags = new Map<string, TypeKey>();
      collectTags(f.f, this.schema, tags);
      setOwn(
        out,
        f.l,
        items.map((item: unknown) => this.tagged(item, tags)),
      );
      return;
    }
    if ('any' in f) return;
    const prop = propOf(f, this.schema);
    const v = ownValue(out, prop);
    if (v === undefined) return;
    const convert = (x: unknown): unknown => {
      if (f.s !== undefined) return isTagged(x) ? { $el: x.$el, value: this.element(x.$el, x.value) } : x;
      return this.value(typeOf(f, this.schema), x);
    };
    setOwn(out, prop, (f.max ?? 1) !== 1 && Array.isArray(v) ? v.map(convert) : convert(v));
  }

  private tagged(item: unknown, tags: ReadonlyMap<string, TypeKey>): unknown {
    if (!isTagged(item)) return item;
    const type = tags.get(item.$el);
    return type === undefined ? item : { $el: item.$el, value: this.value(type, item.value) };
  }

  private membersOf(key: TypeKey): Members {
    let m = this.members.get(key);
    if (m !== undefined) return m;
    const d = this.schema.types[key] as ComplexTypeDescriptor;
    const base = d.b !== undefined && Object.hasOwn(this.schema.types, d.b) ? this.schema.types[d.b] : undefined;
    const inherited = base !== undefined && base.k === 'c' && d.x !== 'r' ? this.membersOf(d.b as TypeKey) : null;
    const own = (d.a ?? []).map((a) => ({ prop: a.p ?? a.n, type: a.t }));
    let simpleContent: TypeKey | null = d.sc ?? null;
    if (simpleContent === null && d.b !== undefined && (base === undefined ? d.b !== 'xs:anyType' : base.k !== 'c')) simpleContent = d.b;
    if (simpleContent === null && inherited !== null) simpleContent = inherited.simpleContent;
    m = {
      fields: [...(inherited?.fields ?? []), ...(d.f ?? [])],
      attributes: [...(inherited?.attributes ?? []), ...own],
      simpleContent,
    };
    this.members.set(key, m);
    return m;
  }
}

function fromBase64(text: string): Uint8Array {
  const b = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

function propOf(f: ElementFieldDescriptor, schema: SchemaDescriptor): string {
  if (f.p !== undefined) return f.p;
  if (f.n !== undefined) return f.n;
  return f.r !== undefined && Object.hasOwn(schema.elements, f.r) ? schema.elements[f.r].n : '';
}

function typeOf(f: ElementFieldDescriptor, schema: SchemaDescriptor): TypeKey {
  if (f.t !== undefined) return f.t;
  return f.r !== undefined && Object.hasOwn(schema.elements, f.r) ? schema.elements[f.r].t : 'xs:anyType';
}

/** The `$el` tags an item list or mixed content may hold, with their types. */
function collectTags(fields: readonly FieldDescriptor[], schema: SchemaDescriptor, tags: Map<string, TypeKey>): void {
  for (const f of fields) {
    if ('c' in f) {
      for (const branch of f.c) collectTags(branch, schema, tags);
    } else if ('l' in f) {
      collectTags(f.f, schema, tags);
    } else if (!('any' in f)) {
      if (f.s !== undefined) {
        for (const key of f.s) if (Object.hasOwn(schema.elements, key)) tags.set(key, schema.elements[key].t);
      } else tags.set(propOf(f, schema), typeOf(f, schema));
    }
  }
}

const revivers = new WeakMap<SchemaDescriptor, JsonReviver>();

function reviver(schema: SchemaDescriptor): JsonReviver {
  let r = revivers.get(schema);
  if (r === undefined) {
    r = new JsonReviver(schema);
    revivers.set(schema, r);
  }
  return r;
}

/**
 * The value of global element `element` from its JSON form: base64 strings become `Uint8Array`
 * where the descriptors say the content is binary. Anything the descriptors do not describe is
 * left as is (the encoder reports it).
 */
export function elementValueFromJson(schema: SchemaDescriptor, element: string, json: unknown): unknown {
  return reviver(schema).element(element, json);
}

/** Like {@link elementValueFromJson}, for a value of type `type` (a type key or `xs:` built-in). */
export function typeValueFromJson(schema: SchemaDescriptor, type: TypeKey, json: unknown): unknown {
  return reviver(schema).value(type, json);
}
