/**
 * After resolve: which operations send (and receive) MTOM. A message is MTOM when its body parts reach
 * binary content marked with `xmime:expectedContentTypes` — on an element declaration or element
 * reference, or on a simple-content complex type (the IHE MTOM schemas put it on the
 * `xs:extension base="xs:base64Binary"`). The walk follows what an instance may hold: an element's
 * type and substitution group members; a type, the types derived from it (`xsi:type`) and the content
 * they inherit by extension; the elements of that content and the substitutes of element references.
 * Header parts are not followed: MTOM optimises body content.
 */
import type { BodyPart, ElementDeclaration, Particle, QNameString, SchemaModel, Service, TypeDefinition, TypeRef } from '../model/model.js';

/** Lookups over a schema model, built once for all operations. */
class XopIndex {
  private readonly types = new Map<TypeRef, TypeDefinition>();
  private readonly elements = new Map<QNameString, ElementDeclaration>();
  // What walks that found nothing have explored: everything a walk sees is explored before it answers
  // no, so the later walks (the other messages of the description, which share most of their types)
  // skip these.
  private readonly clearDeclared = new Set<TypeRef>();
  private readonly clearContent = new Set<TypeRef>();
  private readonly clearElements = new Set<QNameString>();

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
      for (let at: TypeRef | null = id; at !== null && !seenContent.has(at) && !this.clearContent.has(at); ) {
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
        if (seenElements.has(name) || this.clearElements.has(name)) continue;
        seenElements.add(name);
        const e = this.elements.get(name);
        if (!e) continue;
        if (e.expectedContentTypes !== undefined) return true;
        declared.push(e.type);
        elements.push(...e.substitutionMembers);
        continue;
      }
      const id = declared.pop() as TypeRef;
      if (seenDeclared.has(id) || this.clearDeclared.has(id)) continue;
      seenDeclared.add(id);
      if (contentReaches(id)) return true;
      const t = this.types.get(id);
      if (t?.kind === 'complex') declared.push(...t.derivedTypes);
    }
    for (const id of seenDeclared) this.clearDeclared.add(id);
    for (const id of seenContent) this.clearContent.add(id);
    for (const name of seenElements) this.clearElements.add(name);
    return false;
  }
}

/**
 * IHE transactions that are MTOM by profile, by request action, and which of their messages carry
 * the documents: ITI-41 (Provide and Register Document Set-b) the request, ITI-43 (Retrieve
 * Document Set) and ITI-39 (Cross Gateway Retrieve) the response. Official WSDLs often include the
 * schema without the `xmime` cue (the DMP's `XDS.b_DocumentRepository.wsdl`), while the services
 * require MTOM.
 */
export const IHE_MTOM_ACTIONS: ReadonlyMap<string, { readonly request: boolean; readonly response: boolean; readonly transaction: string }> = new Map([
  ['urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b', { request: true, response: false, transaction: 'ITI-41' }],
  ['urn:ihe:iti:2007:RetrieveDocumentSet', { request: false, response: true, transaction: 'ITI-43' }],
  ['urn:ihe:iti:2007:CrossGatewayRetrieve', { request: false, response: true, transaction: 'ITI-39' }],
]);

/**
 * Sets `mtom`, `mtomResponse` and `mtomReason` on every operation of `services`: the `xmime` cue
 * of the schemas, else the IHE profile of a known action; `overrides` (operation name → on/off,
 * from `volet.config.json`) win over both for the request. Returns the override names that match
 * no operation.
 */
export function markMtomOperations(services: readonly Service[], schema: SchemaModel, overrides: Readonly<Record<string, boolean>> = {}): string[] {
  const index = new XopIndex(schema);
  const used = new Set<string>();
  for (const service of services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        const ihe = op.inputAction === null ? undefined : IHE_MTOM_ACTIONS.get(op.inputAction);
        const request = op.input !== null && index.reachesXop(op.input.body);
        const response = op.output !== null && index.reachesXop(op.output.body);
        op.mtom = request || (op.input !== null && ihe?.request === true);
        op.mtomResponse = response || (op.output !== null && ihe?.response === true);
        op.mtomReason = {
          input: request ? 'xmime' : op.mtom ? 'ihe-action' : 'none',
          output: response ? 'xmime' : op.mtomResponse ? 'ihe-action' : 'none',
        };
        if (Object.hasOwn(overrides, op.name) && op.input !== null) {
          used.add(op.name);
          op.mtom = overrides[op.name];
          op.mtomReason.input = 'config';
        }
      }
    }
  }
  return Object.keys(overrides).filter((name) => !used.has(name));
}
