/**
 * After resolve: which operations send (and receive) MTOM. A message is MTOM when its body parts reach
 * binary content marked with `xmime:expectedContentTypes` — on an element declaration or element
 * reference, or on a simple-content complex type (the IHE MTOM schemas put it on the
 * `xs:extension base="xs:base64Binary"`). The walk follows what an instance may hold: an element's
 * type and substitution group members; a type, the types derived from it (`xsi:type`) and the content
 * they inherit by extension; the elements of that content and the substitutes of element references.
 * Header parts are not followed: MTOM optimises body content.
 */
import type {
  BodyPart,
  ElementDeclaration,
  Particle,
  QNameString,
  SchemaModel,
  Service,
  TypeDefinition,
  TypeRef,
} from '../model/model.js';

/** Lookups over a schema model, built once for all operations. */
class XopIndex {
  private readonly types = new Map<TypeRef, TypeDefinition>();
  private readonly elements = new Map<QNameString, ElementDeclaration>();

  constructor(schema: SchemaModel) {
    for (const t of schema.types) this.types.set(t.id, t);
    for (const e of schema.elements) this.elements.set(e.name, e);
  }

  /** True when any of the body parts reaches marked binary content. */
  reachesXop(body: readonly BodyPart[]): boolean {
    /** Types declared somewhere: they, and the types derived from them (`xsi:type`), may appear. */
    const declared: TypeRef[] = [];
    const elements: QNameString[] = [];
    for (const part of body) {
      if ('element' in part) elements.push(part.element);
      else declared.push(part.type);
    }
    const seenDeclared = new Set<TypeRef>();
    const seenContent = new Set<TypeRef>();
    const seenElements = new Set<QNameString>();
    // Returns true as soon as a marked element term is met.
    const visitParticle = (p: Particle): boolean => {
      if (p.maxOccurs === 0) return false;
      const t = p.term;
      if (t.kind === 'element') {
        if (t.expectedContentTypes !== undefined) return true;
        declared.push(t.type);
        if (t.ref !== null) elements.push(t.ref);
        if (t.substitutes) elements.push(...t.substitutes);
        return false;
      }
      if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') return t.particles.some(visitParticle);
      return false;
    };
    // The content an instance of type `id` holds: its own, plus what it inherits by extension (and,
    // for simple content, the value's marking through any derivation).
    const contentReaches = (id: TypeRef): boolean => {
      for (let at: TypeRef | null = id; at !== null && !seenContent.has(at); ) {
        seenContent.add(at);
        const t = this.types.get(at);
        if (!t || t.kind !== 'complex') return false; // the cue is never on a simple type
        if (t.expectedContentTypes !== undefined) return true;
        if ((t.content.kind === 'element' || t.content.kind === 'mixed') && t.content.particle && visitParticle(t.content.particle)) return true;
        at = t.derivation === 'extension' || (t.derivation === 'restriction' && t.content.kind === 'simple') ? t.base : null;
      }
      return false;
    };
    while (declared.length > 0 || elements.length > 0) {
      const name = elements.pop();
      if (name !== undefined) {
        if (seenElements.has(name)) continue;
        seenElements.add(name);
        const e = this.elements.get(name);
        if (!e) continue;
        if (e.expectedContentTypes !== undefined) return true;
        declared.push(e.type);
        elements.push(...e.substitutionMembers);
        continue;
      }
      const id = declared.pop() as TypeRef;
      if (seenDeclared.has(id)) continue;
      seenDeclared.add(id);
      if (contentReaches(id)) return true;
      const t = this.types.get(id);
      if (t?.kind === 'complex') declared.push(...t.derivedTypes);
    }
    return false;
  }
}

/** Sets `mtom` and `mtomResponse` on every operation of `services`. */
export function markMtomOperations(services: readonly Service[], schema: SchemaModel): void {
  const index = new XopIndex(schema);
  for (const service of services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        op.mtom = op.input !== null && index.reachesXop(op.input.body);
        op.mtomResponse = op.output !== null && index.reachesXop(op.output.body);
      }
    }
  }
}
