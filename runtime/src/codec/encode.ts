/**
 * encode: value → XML string, driven by descriptors. Writes strings directly (no DOM, no builder):
 * elements in descriptor order (never object-key order), one prefix per namespace, all
 * namespace declarations on the root element, `xsi:type` from `$type`, `xsi:nil` for `null`.
 */
import { EncodeError } from '../errors/encode-error.js';
import { escapeXml } from '../xml/escape.js';
import { XSI_NS, XML_NS } from '../xml/namespaces.js';
import { PrefixAllocator } from '../xml/prefixes.js';
import { parseClark } from '../xml/qname.js';
import { InvalidValue, type FormatContext } from './builtins.js';
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
import { checkPlan } from './check-plan.js';

/** Options of {@link encode}. */
export interface EncodeOptions {
  /** Prefixes to use, by namespace URI (over the descriptors' preferred prefixes). */
  prefixes?: Readonly<Record<string, string>>;
  /** Prefixes the encoder must not use (for example those of an enclosing SOAP envelope). */
  reservedPrefixes?: readonly string[];
  /** Check facets before writing. Off by default. */
  validate?: boolean;
  /** Put offending values into error messages. Off by default: values may be patient data. */
  debug?: boolean;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>`. Off by default. */
  xmlDeclaration?: boolean;
  /**
   * Extra attributes for the root element, already rendered, for example
   * ` env:mustUnderstand="true"` (the caller makes sure their prefixes are bound).
   */
  rootAttributes?: string;
}

type Obj = Record<string, unknown>;

/** The root element's name and attributes, written last so that namespace declarations can go first. */
interface RootParts {
  name: string;
  attributes: string;
  empty: boolean;
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
  private readonly path: (string | number)[] = [];
  private readonly tagMaps = new Map<CompiledComplex, Map<string, ElementSlot>>();
  out = '';

  constructor(schema: CompiledSchema, options: EncodeOptions) {
    this.schema = schema;
    const prefixes = options.prefixes;
    this.allocator = new PrefixAllocator(
      (uri) => prefixes?.[uri] ?? schema.preferredPrefix(uri),
      options.reservedPrefixes ?? [],
    );
    this.validate = options.validate === true;
    this.debug = options.debug === true;
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

  fail(code: string, message: string): EncodeError {
    return new EncodeError(code, message, this.pathString());
  }

  /** `p:local` for an element or attribute name; cached per namespace index. */
  qname(nsIndex: number, uri: string, local: string): string {
    if (uri === '') return local;
    let q = nsIndex >= 0 ? this.qualified[nsIndex] : undefined;
    if (q === undefined) {
      q = `${this.allocator.prefixFor(uri)}:`;
      if (nsIndex >= 0) this.qualified[nsIndex] = q;
    }
    return q + local;
  }

  /**
   * Writes one element. For the root, returns its name and attributes and writes only the
   * content into `out`, so that the caller can put the namespace declarations first.
   */
  element(
    nsIndex: number,
    uri: string,
    local: string,
    declared: CompiledType,
    declaredKey: string,
    value: unknown,
    nillable: boolean,
    root: boolean,
  ): RootParts | undefined {
    const name = this.qname(nsIndex, uri, local);
    if (value === null) {
      if (!nillable) throw this.fail('not-nillable', `null for element ${local}, which is not nillable`);
      const nilAttr = ` ${this.qname(-1, XSI_NS, 'nil')}="true"`;
      if (root) return { name, attributes: nilAttr, empty: true };
      this.out += `<${name}${nilAttr}/>`;
      return undefined;
    }
    if (value === undefined) throw this.fail('missing-property', `no value for element ${local}`);
    let type = declared;
    let xsiType = '';
    if (!type.simple && isObject(value) && value.$type !== undefined) {
      const key = value.$type;
      if (typeof key !== 'string') throw this.fail('unknown-type', '$type must be a type key string');
      let t: CompiledType;
      try {
        t = this.schema.type(key);
      } catch {
        throw this.fail('unknown-type', `$type "${key}" is not a type of the descriptors`);
      }
      if (t.simple || !this.schema.derivesFrom(key, declaredKey)) {
        throw this.fail('invalid-type', `$type "${key}" does not derive from ${declaredKey}`);
      }
      if (t.local === null) throw this.fail('invalid-type', `$type "${key}" is anonymous and cannot be named by xsi:type`);
      type = t;
      xsiType = ` ${this.qname(-1, XSI_NS, 'type')}="${this.qname(t.nsIndex, t.uri, t.local)}"`;
    }
    if (type.simple) {
      const text = escapeXml(this.format(type, value));
      if (root) {
        this.out = text;
        return { name, attributes: '', empty: text === '' };
      }
      this.out += text === '' ? `<${name}/>` : `<${name}>${text}</${name}>`;
      return undefined;
    }
    if (type.raw) {
      if (!isObject(value) || typeof value.$xml !== 'string') throw this.fail('invalid-value', `element ${local} of type xs:anyType needs { $xml }`);
      if (root) throw this.fail('invalid-value', 'an xs:anyType root element is written by its raw XML directly');
      this.out += value.$xml;
      return undefined;
    }
    if (!isObject(value)) throw this.fail('invalid-value', `element ${local} needs an object value`);
    if (type.abstract) throw this.fail('abstract-type', `element ${local} has abstract type ${type.key}: set $type to a concrete derived type`);
    const attributes = `${xsiType}${this.attributes(type, value)}`;
    const empty = !this.hasContent(type, value);
    if (empty) this.checkEmpty(type, value);
    if (root) {
      this.out = '';
      if (!empty) this.content(type, value);
      return { name, attributes, empty };
    }
    const start = `<${name}${attributes}`;
    if (empty) {
      this.out += `${start}/>`;
    } else {
      this.out += `${start}>`;
      this.content(type, value);
      this.out += `</${name}>`;
    }
    return undefined;
  }

  private format(type: CompiledSimple, value: unknown): string {
    try {
      const text = type.format(value, this);
      if (this.validate) for (const check of type.checks) check(value, text);
      return text;
    } catch (err) {
      if (!(err instanceof InvalidValue)) throw err;
      const shown = this.debug ? ` ${JSON.stringify(value)}` : '';
      throw this.fail('invalid-value', `value${shown} ${err.message} (type ${type.key})`);
    }
  }

  private attributes(type: CompiledComplex, obj: Obj): string {
    let out = '';
    const list = type.attributeList;
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      const v = obj[a.prop];
      if (v === undefined) {
        if (a.required) {
          this.path.push(a.prop);
          throw this.fail('missing-property', `required attribute ${a.local} has no value`);
        }
        continue;
      }
      this.path.push(a.prop);
      const at = a.type ?? (a.type = this.schema.simpleType(a.typeKey));
      const name = a.uri === XML_NS ? `xml:${a.local}` : this.qname(a.nsIndex, a.uri, a.local);
      out += ` ${name}="${escapeXml(this.format(at, v), true)}"`;
      this.path.pop();
    }
    const bag = obj.$attrs;
    if (bag !== undefined && type.anyAttribute !== null) {
      if (!isObject(bag)) throw this.fail('invalid-value', '$attrs must be an object keyed by Clark QName');
      for (const key of Object.keys(bag)) {
        const { namespace, local } = parseClark(key);
        const v = bag[key];
        if (typeof v !== 'string') throw this.fail('invalid-value', `$attrs value for ${key} must be a string`);
        const name = namespace === XML_NS ? `xml:${local}` : this.qname(-1, namespace, local);
        out += ` ${name}="${escapeXml(v, true)}"`;
      }
    }
    return out;
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
    if (problem !== null) {
      if (problem.prop !== undefined) this.path.push(problem.prop);
      throw this.fail(problem.code === 'missing-element' ? 'missing-property' : problem.code, problem.message);
    }
  }

  private content(type: CompiledComplex, obj: Obj): void {
    if (type.simpleContentKey !== null) {
      const sc = type.simpleContent ?? (type.simpleContent = this.schema.simpleType(type.simpleContentKey));
      this.path.push('$value');
      this.out += escapeXml(this.format(sc, obj.$value));
      this.path.pop();
      return;
    }
    if (type.mixed) {
      this.items(obj.$content, '$content', this.tagMap(type), true);
      return;
    }
    this.plan(type.plan, obj);
  }

  private plan(nodes: readonly PlanNode[], obj: Obj): void {
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n];
      switch (node.k) {
        case 'el': {
          const v = obj[node.prop];
          if (v === undefined) {
            if (node.min > 0) {
              this.path.push(node.prop);
              throw this.fail('missing-property', `required element ${node.prop} has no value`);
            }
            break;
          }
          this.path.push(node.prop);
          if (node.array) {
            if (!Array.isArray(v)) throw this.fail('invalid-value', `${node.prop} must be an array`);
            if (v.length < node.min || (node.max >= 0 && v.length > node.max)) {
              throw this.fail('occurrence', `${node.prop} has ${v.length} items, outside ${node.min}..${node.max < 0 ? 'unbounded' : node.max}`);
            }
            for (let i = 0; i < v.length; i++) {
              this.path.push(i);
              this.slotValue(node.slots, v[i]);
              this.path.pop();
            }
          } else {
            this.slotValue(node.slots, v);
          }
          this.path.pop();
          break;
        }
        case 'choice': {
          let chosen = -1;
          for (let b = 0; b < node.branches.length; b++) {
            const props = node.props[b];
            for (let p = 0; p < props.length; p++) {
              if (obj[props[p]] !== undefined) {
                if (chosen >= 0 && chosen !== b) {
                  throw this.fail('choice-conflict', `properties of two branches of a choice (${node.props[chosen].join(', ')} / ${props.join(', ')})`);
                }
                chosen = b;
                break;
              }
            }
          }
          if (chosen >= 0) this.plan(node.branches[chosen], obj);
          else if (node.min > 0 && !node.branches.some((b) => b.every(optional))) {
            throw this.fail('missing-property', `no property of any branch of a choice (${node.props.flat().join(', ')})`);
          }
          break;
        }
        case 'list': {
          const v = obj[node.prop];
          if (v === undefined) {
            if (node.min > 0) throw this.fail('missing-property', `required list ${node.prop} has no value`);
            break;
          }
          this.items(v, node.prop, node.byTag, false);
          break;
        }
        case 'any': {
          const v = obj[node.prop];
          if (v === undefined) {
            if (node.min > 0) throw this.fail('missing-property', `required wildcard content ${node.prop} has no value`);
            break;
          }
          this.path.push(node.prop);
          if (!Array.isArray(v)) throw this.fail('invalid-value', `${node.prop} must be an array of { $xml }`);
          for (let i = 0; i < v.length; i++) {
            const item: unknown = v[i];
            if (!isObject(item) || typeof item.$xml !== 'string') throw this.fail('invalid-value', `${node.prop}[${i}] must be { $xml }`);
            this.out += item.$xml;
          }
          this.path.pop();
          break;
        }
      }
    }
  }

  private items(v: unknown, prop: string, byTag: ReadonlyMap<string, ElementSlot>, mixed: boolean): void {
    this.path.push(prop);
    if (!Array.isArray(v)) throw this.fail('invalid-value', `${prop} must be an array`);
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      this.path.push(i);
      if (typeof item === 'string') {
        if (!mixed) throw this.fail('invalid-value', 'text items are only allowed in mixed content');
        this.out += escapeXml(item);
      } else if (isObject(item) && typeof item.$xml === 'string') {
        this.out += item.$xml;
      } else if (isObject(item) && typeof item.$el === 'string') {
        const slot = byTag.get(item.$el);
        if (slot === undefined) throw this.fail('unknown-element', `item tag $el "${item.$el}" is not an element of this content`);
        this.write(slot, item.value);
      } else {
        throw this.fail('invalid-value', 'an item must be { $el, value }, { $xml } or (mixed content) a string');
      }
      this.path.pop();
    }
    this.path.pop();
  }

  private slotValue(slots: readonly ElementSlot[], v: unknown): void {
    const first = slots[0];
    if (first.wrap === null) {
      this.write(first, v);
      return;
    }
    if (!isObject(v) || typeof v.$el !== 'string') throw this.fail('invalid-value', 'a substitution group value must be { $el, value }');
    const tag = v.$el;
    const slot = slots.find((s) => s.wrap === tag);
    if (slot === undefined) throw this.fail('unknown-element', `$el "${tag}" is not a member of the substitution group`);
    this.write(slot, v.value);
  }

  private write(slot: ElementSlot, v: unknown): void {
    const type = slot.type ?? (slot.type = this.schema.type(slot.typeKey));
    this.element(slot.nsIndex, slot.uri, slot.local, type, slot.typeKey, v, slot.nillable, false);
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
      if (node.props.some((props) => props.some((p) => obj[p] !== undefined))) return true;
    } else {
      const v = obj[node.prop];
      if (v !== undefined && !(Array.isArray(v) && v.length === 0)) return true;
    }
  }
  return false;
}

/**
 * Encodes the value of the global element `ref` as an XML string (UTF-16 JavaScript string; send
 * it as UTF-8). All namespace declarations go on this root element.
 *
 * @param ref - the global element (schema descriptor + element key)
 * @param value - the element's value, shaped as docs/mapping.md says
 * @param options - prefixes, validation, XML declaration
 * @throws {@link EncodeError} with the property path of the offending value
 */
export function encode<T>(ref: ElementRef<T>, value: T, options: EncodeOptions = {}): string {
  const schema = compiledSchema(ref.schema);
  const element = schema.element(ref.element);
  if (element.abstract) throw new EncodeError('abstract-element', `element ${element.local} is abstract`, '');
  const encoder = new Encoder(schema, options);
  let root: RootParts;
  try {
    root = encoder.element(
      element.nsIndex,
      element.uri,
      element.local,
      schema.type(element.typeKey),
      element.typeKey,
      value,
      element.nillable,
      true,
    ) as RootParts;
  } catch (err) {
    // escapeXml does not know where it is: give its errors the property path.
    if (err instanceof EncodeError && err.path === '') throw new EncodeError(err.code, err.message, encoder.pathString());
    throw err;
  }
  const declaration = options.xmlDeclaration === true ? '<?xml version="1.0" encoding="UTF-8"?>' : '';
  const head = `${declaration}<${root.name}${encoder.declarations()}${root.attributes}${options.rootAttributes ?? ''}`;
  return root.empty ? `${head}/>` : `${head}>${encoder.out}</${root.name}>`;
}
