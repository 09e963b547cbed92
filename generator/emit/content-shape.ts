/**
 * The shape of a complex type's value: its content model turned into fields (elements, choices,
 * ordered lists, wildcards) and attributes, with property names allocated once. Both the
 * TypeScript types and the descriptors are written from these shapes, so a property name in
 * `types.ts` is always the `p` (or default name) the runtime uses.
 *
 * Property naming rule (docs/generated-code.md): inherited properties first (extension chain),
 * then elements in schema order, then attributes. An element keeps its local name unless it is
 * taken, then takes the smallest free numeric suffix (`id2`); an attribute whose local name is
 * taken becomes `<name>Attr` (then `<name>Attr2`…). Wildcards are `$any`, `$any2`…; a repeating
 * group becomes one list property named after its `xs:group`, else after its elements
 * (`aOrBOrC`, or `aOrOthers` beyond three). `__proto__` is never used as a property name.
 */
import {
  isBuiltin,
  XSD_NS,
  type AttributeUse,
  type ComplexTypeDefinition,
  type ElementDeclaration,
  type ElementTerm,
  type Particle,
  type TypeRef,
  type Wildcard,
} from '../model/model.js';
import { localOf, namespaceOf, type SchemaIndex } from './schema-index.js';

/** `-1` stands for `unbounded`. */
export const UNBOUNDED = -1;

/** A local element or a reference to a global one. */
export interface ElementField {
  kind: 'element';
  /** Property name; inside a list or mixed content, the item's `$el` tag. */
  prop: string;
  local: string;
  namespace: string;
  /** The global element referred to (`ref=`), or null for a local declaration. */
  ref: ElementDeclaration | null;
  type: TypeRef;
  min: number;
  /** {@link UNBOUNDED} for unbounded. */
  max: number;
  nillable: boolean;
  /** Substitution: the global elements that may appear here (the head first when not abstract). */
  substitutes: ElementDeclaration[] | null;
  default?: string;
  fixed?: string;
  documentation?: string;
}

/** An `xs:any`: raw XML items. */
export interface AnyField {
  kind: 'any';
  prop: string;
  wildcard: Wildcard;
  min: number;
  max: number;
}

/** An `xs:choice` (or optional sequence) occurring at most once: one branch's properties. */
export interface ChoiceField {
  kind: 'choice';
  branches: Field[][];
  /** 0 when no branch at all may be chosen. */
  min: 0 | 1;
}

/** A repeating group that is not a single element: an ordered list of tagged items. */
export interface ListField {
  kind: 'list';
  prop: string;
  items: (ElementField | AnyField)[];
  min: number;
  max: number;
}

/** One field of a content model. */
export type Field = ElementField | AnyField | ChoiceField | ListField;

/** An attribute use. */
export interface AttributeField {
  prop: string;
  local: string;
  namespace: string;
  type: TypeRef;
  required: boolean;
  default?: string;
  fixed?: string;
  documentation?: string;
}

/** What a complex type's value holds. */
export interface ComplexShape {
  type: ComplexTypeDefinition;
  /** The complex type this one extends (inherits fields and attributes from), if any. */
  extends: ComplexTypeDefinition | null;
  /** Own fields (after the inherited ones for an extension). */
  fields: Field[];
  /** Own attributes for an extension; every effective attribute otherwise. */
  attributes: AttributeField[];
  /** `xs:anyAttribute` (own, or inherited through an extension). */
  anyAttribute: Wildcard | null;
  /** Mixed content, own or inherited: elements and text go to `$content`. */
  mixed: boolean;
  /** Simple content: the value's type (in `$value`), own or inherited. */
  simpleContent: TypeRef | null;
  /** The content model is an `xs:all`. */
  all: boolean;
  /** Every property name of the value, inherited ones included. */
  props: ReadonlySet<string>;
  /** Every element of the content (inherited ones included), for mixed content items. */
  elements: readonly ElementField[];
}

/** Hands out property names in one value (see the module comment for the rule). */
class PropertyNames {
  readonly taken: Set<string>;
  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
    this.taken.add('__proto__');
  }
  fork(): PropertyNames {
    return new PropertyNames(this.taken);
  }
  private take(name: string): string {
    this.taken.add(name);
    return name;
  }
  element(local: string): string {
    if (!this.taken.has(local)) return this.take(local);
    return this.numbered(local);
  }
  attribute(local: string): string {
    if (!this.taken.has(local)) return this.take(local);
    const attr = `${local}Attr`;
    if (!this.taken.has(attr)) return this.take(attr);
    return this.numbered(attr);
  }
  any(): string {
    return this.taken.has('$any') ? this.numbered('$any') : this.take('$any');
  }
  numbered(base: string): string {
    let i = 2;
    while (this.taken.has(`${base}${i}`)) i++;
    return this.take(`${base}${i}`);
  }
}

const occurs = (max: number | 'unbounded'): number => (max === 'unbounded' ? UNBOUNDED : max);
const times = (a: number, b: number): number => (a === UNBOUNDED || b === UNBOUNDED ? UNBOUNDED : a * b);
const plus = (a: number, b: number): number => (a === UNBOUNDED || b === UNBOUNDED ? UNBOUNDED : a + b);

/** Builds (and caches) the shapes of complex types. */
export class ShapeBuilder {
  private readonly index: SchemaIndex;
  private readonly cache = new Map<TypeRef, ComplexShape>();
  private readonly attrCache = new Map<TypeRef, AttributeUse[]>();
  private readonly inProgress = new Set<TypeRef>();

  constructor(index: SchemaIndex) {
    this.index = index;
  }

  /** The shape of an emitted complex type. */
  shape(type: ComplexTypeDefinition): ComplexShape {
    const cached = this.cache.get(type.id);
    if (cached !== undefined) return cached;
    this.inProgress.add(type.id);
    const base = this.complexBase(type);
    const inherited = type.derivation === 'extension' && base !== null && !this.inProgress.has(base.id) ? this.shape(base) : null;
    const names = new PropertyNames(inherited?.props ?? []);
    const fields: Field[] = [];
    const content = type.content;
    if ((content.kind === 'element' || content.kind === 'mixed') && content.particle !== null) {
      this.particle(content.particle, names, fields);
    }
    const attributes: AttributeField[] = [];
    const uses = inherited !== null ? type.attributes : this.effectiveAttributes(type);
    for (const use of uses) {
      if (use.use === 'prohibited') continue;
      const local = localOf(use.name);
      attributes.push({
        prop: names.attribute(local),
        local,
        namespace: namespaceOf(use.name),
        type: this.attributeType(use),
        required: use.use === 'required',
        ...(use.default !== undefined ? { default: use.default } : {}),
        ...(use.fixed !== undefined ? { fixed: use.fixed } : {}),
        ...(use.documentation !== undefined ? { documentation: use.documentation } : {}),
      });
    }
    const simpleContent = content.kind === 'simple' ? content.type : (inherited?.simpleContent ?? null);
    const own: ElementField[] = [];
    collectElements(fields, own);
    const shape: ComplexShape = {
      type,
      extends: inherited !== null ? inherited.type : null,
      fields,
      attributes,
      anyAttribute: type.anyAttribute ?? inherited?.anyAttribute ?? null,
      mixed: content.kind === 'mixed' || type.mixed || (inherited?.mixed ?? false),
      simpleContent,
      all: (content.kind === 'element' || content.kind === 'mixed') && content.particle?.term.kind === 'all',
      props: new Set([...(inherited?.props ?? []), ...names.taken].filter((n) => n !== '__proto__')),
      elements: [...(inherited?.elements ?? []), ...own],
    };
    if (simpleContent !== null) (shape.props as Set<string>).add('$value');
    this.inProgress.delete(type.id);
    this.cache.set(type.id, shape);
    return shape;
  }

  /** The emitted complex base of a type, if it has one (not `xs:anyType`). */
  complexBase(type: ComplexTypeDefinition): ComplexTypeDefinition | null {
    if (type.base === null || isBuiltin(type.base)) return null;
    const base = this.index.type(type.base);
    return base !== undefined && base.kind === 'complex' && this.index.isEmittedType(base.id) ? base : null;
  }

  /** The attribute's simple type (a reference's is the global attribute's). */
  private attributeType(use: AttributeUse): TypeRef {
    if (use.ref !== null) {
      const global = this.index.model.schema.attributes.find((a) => a.name === use.ref);
      if (global !== undefined) return global.type;
    }
    return use.type;
  }

  /**
   * Attribute uses of a type not derived by extension: for a restriction, the base's effective
   * ones with this type's restatements (and prohibitions) applied, then its own new ones.
   */
  private effectiveAttributes(type: ComplexTypeDefinition): AttributeUse[] {
    const cached = this.attrCache.get(type.id);
    if (cached !== undefined) return cached;
    let result: AttributeUse[] = type.attributes;
    const base = this.complexBase(type);
    if (type.derivation === 'restriction' && base !== null && base.id !== type.id && !this.inProgress.has(base.id)) {
      this.inProgress.add(type.id);
      const inherited = base.derivation === 'extension' ? this.allAttributes(base) : this.effectiveAttributes(base);
      this.inProgress.delete(type.id);
      const own = new Map(type.attributes.map((a) => [a.name, a]));
      result = inherited.map((a) => own.get(a.name) ?? a);
      const seen = new Set(inherited.map((a) => a.name));
      for (const a of type.attributes) if (!seen.has(a.name)) result.push(a);
    }
    this.attrCache.set(type.id, result);
    return result;
  }

  /** Every attribute use of a type, inherited ones included. */
  private allAttributes(type: ComplexTypeDefinition): AttributeUse[] {
    if (type.derivation !== 'extension') return this.effectiveAttributes(type);
    const base = this.complexBase(type);
    if (base === null || base.id === type.id || this.inProgress.has(base.id)) return type.attributes;
    this.inProgress.add(type.id);
    const inherited = this.allAttributes(base);
    this.inProgress.delete(type.id);
    return [...inherited, ...type.attributes];
  }

  /** Converts one particle into fields appended to `out`. */
  private particle(p: Particle, names: PropertyNames, out: Field[]): void {
    const min = p.minOccurs;
    const max = occurs(p.maxOccurs);
    if (max === 0) return;
    const term = p.term;
    if (term.kind === 'element') {
      out.push(this.element(term, min, max, names));
      return;
    }
    if (term.kind === 'any') {
      out.push({ kind: 'any', prop: names.any(), wildcard: term, min, max });
      return;
    }
    const children = term.particles.filter((c) => occurs(c.maxOccurs) !== 0);
    if (children.length === 0) return;
    if (children.length === 1) {
      // A group of one particle is that particle with the occurrences multiplied.
      const child = children[0];
      const childMax = occurs(child.maxOccurs);
      const combined = times(max, childMax);
      this.particle({ ...child, minOccurs: min * child.minOccurs, maxOccurs: combined === UNBOUNDED ? 'unbounded' : combined }, names, out);
      return;
    }
    if (max !== 1) {
      out.push(this.list(p, names));
      return;
    }
    if (term.kind === 'choice') {
      const branches: Field[][] = [];
      const used: string[] = [];
      for (const child of children) {
        const branchNames = names.fork();
        const branch: Field[] = [];
        this.particle(child, branchNames, branch);
        branches.push(branch);
        used.push(...branchNames.taken);
      }
      for (const n of used) names.taken.add(n);
      out.push({ kind: 'choice', branches, min: min === 0 ? 0 : 1 });
      return;
    }
    // sequence or all, once
    if (min >= 1) {
      for (const child of children) this.particle(child, names, out);
      return;
    }
    // An optional sequence of several particles: all or nothing, written as an optional one-branch choice.
    const branch: Field[] = [];
    for (const child of children) this.particle(child, names, branch);
    out.push({ kind: 'choice', branches: [branch], min: 0 });
  }

  private element(term: ElementTerm, min: number, max: number, names: PropertyNames): ElementField {
    const global = term.ref !== null ? (this.index.element(term.ref) ?? null) : null;
    const local = localOf(term.name);
    let substitutes: ElementDeclaration[] | null = null;
    if (global !== null && term.substitutes !== undefined && term.substitutes.length > 0) {
      const members = term.substitutes
        .filter((m) => m !== global.name && this.index.isEmittedElement(m))
        .map((m) => this.index.element(m))
        .filter((m): m is ElementDeclaration => m !== undefined);
      if (members.length > 0) substitutes = global.abstract ? members : [global, ...members];
    }
    const field: ElementField = {
      kind: 'element',
      prop: names.element(local),
      local,
      namespace: namespaceOf(term.name),
      ref: global,
      type: global?.type ?? term.type,
      min,
      max,
      nillable: term.nillable || (global?.nillable ?? false),
      substitutes,
    };
    const dflt = term.default ?? global?.default;
    const fixed = term.fixed ?? global?.fixed;
    const doc = term.documentation ?? global?.documentation;
    if (dflt !== undefined) field.default = dflt;
    if (fixed !== undefined) field.fixed = fixed;
    if (doc !== undefined) field.documentation = doc;
    return field;
  }

  /** A repeating group: its elements and wildcards flattened into one ordered list of tagged items. */
  private list(p: Particle, names: PropertyNames): ListField {
    const tags = new PropertyNames();
    const items: (ElementField | AnyField)[] = [];
    const seen = new Set<string>();
    const words: string[] = [];
    const walk = (q: Particle): void => {
      if (occurs(q.maxOccurs) === 0) return;
      const term = q.term;
      if (term.kind === 'element') {
        const identity = term.ref ?? term.name;
        if (seen.has(identity)) return;
        seen.add(identity);
        const field = this.element(term, 0, 1, tags);
        items.push(field);
        words.push(field.local);
      } else if (term.kind === 'any') {
        items.push({ kind: 'any', prop: '$any', wildcard: term, min: 0, max: 1 });
        words.push('any');
      } else {
        for (const child of term.particles) walk(child);
      }
    };
    walk(p);
    const term = p.term;
    const group = term.kind !== 'element' && term.kind !== 'any' ? term.group : undefined;
    const distinct = [...new Set(words)];
    let wanted: string;
    if (group !== undefined) wanted = localOf(group);
    else if (distinct.length === 0) wanted = 'items';
    else if (distinct.length <= 3) wanted = distinct.map((w, i) => (i === 0 ? w : capitalise(w))).join('Or');
    else wanted = `${distinct[0]}OrOthers`;
    const min = p.minOccurs * minItems(p.term);
    const max = times(occurs(p.maxOccurs), maxItems(p.term));
    return { kind: 'list', prop: names.element(wanted), items, min, max };
  }
}

function capitalise(word: string): string {
  return word === '' ? word : word[0].toUpperCase() + word.slice(1);
}

/** The fewest element items one occurrence of a term yields. */
function minItems(term: Particle['term']): number {
  if (term.kind === 'element' || term.kind === 'any') return 1;
  const counts = term.particles.map((c) => c.minOccurs * minItems(c.term));
  if (counts.length === 0) return 0;
  return term.kind === 'choice' ? Math.min(...counts) : counts.reduce((a, b) => a + b, 0);
}

/** The most element items one occurrence of a term yields ({@link UNBOUNDED} when unlimited). */
function maxItems(term: Particle['term']): number {
  if (term.kind === 'element' || term.kind === 'any') return 1;
  let result = 0;
  for (const c of term.particles) {
    const n = times(occurs(c.maxOccurs), maxItems(c.term));
    result = term.kind === 'choice' ? (n === UNBOUNDED || result === UNBOUNDED ? UNBOUNDED : Math.max(result, n)) : plus(result, n);
  }
  return result;
}

/** Every element field of a field list, choices and lists included, in order. */
export function collectElements(fields: readonly Field[], out: ElementField[]): void {
  for (const f of fields) {
    if (f.kind === 'element') out.push(f);
    else if (f.kind === 'choice') for (const b of f.branches) collectElements(b, out);
    else if (f.kind === 'list') for (const item of f.items) if (item.kind === 'element') out.push(item);
  }
}

/** Every property name a field list sets (choices included; a list is one property). */
export function fieldProps(fields: readonly Field[], out: string[] = []): string[] {
  for (const f of fields) {
    if (f.kind === 'choice') for (const b of f.branches) fieldProps(b, out);
    else if (!out.includes(f.prop)) out.push(f.prop);
  }
  return out;
}

/** True when a type reference is `xs:anyType`. */
export function isAnyType(ref: TypeRef): boolean {
  return ref === `{${XSD_NS}}anyType`;
}
