/**
 * Lookups over the model's schema that every emitter needs: types by id, elements by QName, what
 * is emitted (the `reached` components, closed over their references as a safety net), and the
 * named types derived from each complex type.
 */
import {
  isBuiltin,
  splitQName,
  type ComplexTypeDefinition,
  type ElementDeclaration,
  type Model,
  type Particle,
  type QNameString,
  type TypeDefinition,
  type TypeRef,
} from '../model/model.js';

/** Read-only views over one model's schema. */
export class SchemaIndex {
  readonly model: Model;
  private readonly typesById: Map<TypeRef, TypeDefinition>;
  private readonly elementsByName: Map<QNameString, ElementDeclaration>;
  private readonly attributeTypes: Map<QNameString, TypeRef>;
  /** Emitted types, in model order (sorted by id). */
  readonly types: TypeDefinition[];
  /** Emitted global elements, in model order (sorted by name). */
  readonly elements: ElementDeclaration[];
  private readonly emittedTypes: Set<TypeRef>;
  private readonly emittedElements: Set<QNameString>;
  private readonly derivedCache = new Map<TypeRef, ComplexTypeDefinition[]>();
  private readonly servicesOnly: boolean;

  /**
   * @param servicesOnly - close over what the model's services reach only, ignoring `reached` flags (one service of a run)
   * @param over - an index over the same schema (the run's), whose lookups this one shares instead of building its own
   */
  constructor(model: Model, servicesOnly = false, over?: SchemaIndex) {
    this.model = model;
    this.servicesOnly = servicesOnly;
    if (over !== undefined && over.model.schema === model.schema) {
      this.typesById = over.typesById;
      this.elementsByName = over.elementsByName;
      this.attributeTypes = over.attributeTypes;
    } else {
      this.typesById = new Map();
      this.elementsByName = new Map();
      this.attributeTypes = new Map();
      for (const t of model.schema.types) this.typesById.set(t.id, t);
      for (const e of model.schema.elements) this.elementsByName.set(e.name, e);
      for (const a of model.schema.attributes) this.attributeTypes.set(a.name, a.type);
    }
    const { types, elements } = this.closure();
    this.emittedTypes = types;
    this.emittedElements = elements;
    this.types = model.schema.types.filter((t) => types.has(t.id));
    this.elements = model.schema.elements.filter((e) => elements.has(e.name));
  }

  /** A type definition by id (undefined for built-ins and unknown ids). */
  type(ref: TypeRef): TypeDefinition | undefined {
    return this.typesById.get(ref);
  }

  /** A global element by QName. */
  element(name: QNameString): ElementDeclaration | undefined {
    return this.elementsByName.get(name);
  }

  /** True when the type is emitted (reached by a service). */
  isEmittedType(ref: TypeRef): boolean {
    return this.emittedTypes.has(ref);
  }

  /** True when the global element is emitted. */
  isEmittedElement(name: QNameString): boolean {
    return this.emittedElements.has(name);
  }

  /**
   * The emitted named complex types that derive from `type`, directly or not (extension or
   * restriction), sorted by id: the types an `xsi:type` may name where `type` is declared.
   */
  derivedNamed(type: ComplexTypeDefinition): ComplexTypeDefinition[] {
    const cached = this.derivedCache.get(type.id);
    if (cached !== undefined) return cached;
    const out = new Map<TypeRef, ComplexTypeDefinition>();
    const stack = [...type.derivedTypes];
    while (stack.length > 0) {
      const id = stack.pop() as TypeRef;
      if (out.has(id) || id === type.id) continue;
      const d = this.typesById.get(id);
      if (d === undefined || d.kind !== 'complex' || !this.emittedTypes.has(id)) continue;
      if (d.name !== null) out.set(id, d);
      stack.push(...d.derivedTypes);
    }
    const list = [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.derivedCache.set(type.id, list);
    return list;
  }

  /**
   * The reached components, plus everything they refer to. The resolve step's reachability
   * already closes over references; this repeats it so that a descriptor can never name a type
   * or element that is not emitted, whatever the flags say.
   */
  private closure(): { types: Set<TypeRef>; elements: Set<QNameString> } {
    const types = new Set<TypeRef>();
    const elements = new Set<QNameString>();
    const typeStack: TypeRef[] = this.servicesOnly ? [] : this.model.schema.types.filter((t) => t.reached).map((t) => t.id);
    const elementStack: QNameString[] = this.servicesOnly ? [] : this.model.schema.elements.filter((e) => e.reached).map((e) => e.name);
    for (const s of this.model.services) {
      for (const p of s.ports) {
        for (const o of p.operations) {
          for (const m of [o.input, o.output]) {
            if (m === null) continue;
            for (const b of m.body) {
              if ('element' in b) elementStack.push(b.element);
              else typeStack.push(b.type);
            }
            for (const h of m.headers) {
              elementStack.push(h.element);
              for (const hf of h.headerFaults) elementStack.push(hf.element);
            }
          }
          for (const f of o.faults) if (f.element !== null) elementStack.push(f.element);
        }
      }
    }
    const visit = (p: Particle): void => {
      const term = p.term;
      if (term.kind === 'element') {
        typeStack.push(term.type);
        if (term.ref !== null) elementStack.push(term.ref);
        if (term.substitutes !== undefined) elementStack.push(...term.substitutes);
      } else if (term.kind !== 'any') {
        for (const child of term.particles) visit(child);
      }
    };
    while (typeStack.length > 0 || elementStack.length > 0) {
      const name = elementStack.pop();
      if (name !== undefined) {
        const e = this.elementsByName.get(name);
        if (e === undefined || elements.has(name)) continue;
        elements.add(name);
        typeStack.push(e.type);
        elementStack.push(...e.substitutionMembers);
        continue;
      }
      const id = typeStack.pop() as TypeRef;
      if (isBuiltin(id) || types.has(id)) continue;
      const t = this.typesById.get(id);
      if (t === undefined) continue;
      types.add(id);
      if (t.base !== null) typeStack.push(t.base);
      if (t.kind === 'simple') {
        if (t.itemType !== undefined) typeStack.push(t.itemType);
        if (t.memberTypes !== undefined) typeStack.push(...t.memberTypes);
        continue;
      }
      typeStack.push(...t.derivedTypes);
      if (t.content.kind === 'simple') typeStack.push(t.content.type);
      else if ((t.content.kind === 'element' || t.content.kind === 'mixed') && t.content.particle !== null) visit(t.content.particle);
      for (const a of t.attributes) {
        typeStack.push(a.type);
        if (a.ref !== null) {
          const at = this.attributeTypes.get(a.ref);
          if (at !== undefined) typeStack.push(at);
        }
      }
    }
    return { types, elements };
  }
}

/** The local name of a QName or type id. */
export function localOf(name: QNameString): string {
  return splitQName(name).local;
}

/** The namespace of a QName or type id. */
export function namespaceOf(name: QNameString): string {
  return splitQName(name).namespace;
}
