/**
 * Pass: turn the (linked, flattened) raw components into model components: types, global elements
 * and global attributes. Facts computed by later passes (`primitive`, `builtin`, simple content,
 * `derivedTypes`, substitution, reachability, `tsName`) start empty here.
 */
import type {
  AttributeDeclaration,
  AttributeUse,
  ComplexTypeDefinition,
  ContentType,
  ElementDeclaration,
  ElementTerm,
  Particle,
  SimpleTypeDefinition,
  Term,
  TypeRef,
} from '../../model/model.js';
import { XSD_NS } from '../../model/model.js';
import type { RawAttributeItem, RawComplexType, RawElementDeclaration, RawParticle, RawSimpleType, RawTypeUse } from '../../parse/xsd/components.js';
import type { ResolveContext, ResolvePass } from '../context.js';

const ANY_TYPE = `{${XSD_NS}}anyType`;
const ANY_SIMPLE_TYPE = `{${XSD_NS}}anySimpleType`;

/** The id a type use designates. */
function refOf(use: RawTypeUse | null, fallback: TypeRef): TypeRef {
  if (!use) return fallback;
  return use.kind === 'ref' ? use.ref.name : use.type.id;
}

/** The type of a global element: its own, else its substitution group head's (transitively), else `xs:anyType`. */
function globalElementType(ctx: ResolveContext, decl: RawElementDeclaration, seen: Set<string> = new Set()): TypeRef {
  if (decl.type) return refOf(decl.type, ANY_TYPE);
  if (!decl.substitutionGroup || seen.has(decl.name)) return ANY_TYPE;
  seen.add(decl.name);
  const head = ctx.components.elements.get(decl.substitutionGroup.name);
  return head ? globalElementType(ctx, head, seen) : ANY_TYPE;
}

function buildParticle(ctx: ResolveContext, p: RawParticle): Particle | null {
  const t = p.term;
  let term: Term;
  if (t.kind === 'element') {
    const d = t.decl;
    const el: ElementTerm = { kind: 'element', name: d.name, ref: null, type: refOf(d.type, ANY_TYPE), nillable: d.nillable, source: d.source };
    if (d.default !== undefined) el.default = d.default;
    if (d.fixed !== undefined) el.fixed = d.fixed;
    if (d.expectedContentTypes !== undefined) el.expectedContentTypes = d.expectedContentTypes;
    if (d.documentation !== undefined) el.documentation = d.documentation;
    if (d.identityConstraints.length > 0) el.identityConstraints = d.identityConstraints;
    term = el;
  } else if (t.kind === 'elementRef') {
    const g = ctx.components.elements.get(t.ref.name);
    const el: ElementTerm = {
      kind: 'element',
      name: t.ref.name,
      ref: t.ref.name,
      type: g ? globalElementType(ctx, g) : ANY_TYPE,
      nillable: g?.nillable ?? false,
      abstract: g?.abstract ?? false,
      source: t.ref.at,
    };
    if (g?.default !== undefined) el.default = g.default;
    if (g?.fixed !== undefined) el.fixed = g.fixed;
    const mime = t.expectedContentTypes ?? g?.expectedContentTypes;
    if (mime !== undefined) el.expectedContentTypes = mime;
    const doc = t.documentation ?? g?.documentation;
    if (doc !== undefined) el.documentation = doc;
    term = el;
  } else if (t.kind === 'sequence' || t.kind === 'choice' || t.kind === 'all') {
    const particles: Particle[] = [];
    for (const c of t.particles) {
      const built = buildParticle(ctx, c);
      if (built) particles.push(built);
    }
    term = t.group === undefined ? { kind: t.kind, particles } : { kind: t.kind, particles, group: t.group };
  } else if (t.kind === 'any') {
    term = { kind: 'any', namespace: t.namespace, processContents: t.processContents };
  } else {
    return null; // an unresolved group reference (already reported)
  }
  return { minOccurs: p.minOccurs, maxOccurs: p.maxOccurs, term };
}

/** True when a particle can only match nothing (XSD 1.0 §3.4.2: empty content). */
function isEmptyParticle(p: Particle): boolean {
  if (p.maxOccurs === 0) return true;
  const t = p.term;
  return (t.kind === 'sequence' || t.kind === 'all' || t.kind === 'choice') && t.particles.every(isEmptyParticle);
}

function buildAttribute(ctx: ResolveContext, a: RawAttributeItem): AttributeUse | null {
  if (a.kind === 'attributeGroupRef') return null;
  if (a.kind === 'attribute') {
    const use: AttributeUse = { name: a.name, ref: null, type: refOf(a.type, ANY_SIMPLE_TYPE), use: a.use };
    if (a.default !== undefined) use.default = a.default;
    if (a.fixed !== undefined) use.fixed = a.fixed;
    if (a.documentation !== undefined) use.documentation = a.documentation;
    return use;
  }
  const g = ctx.components.attributes.get(a.ref.name);
  const use: AttributeUse = { name: a.ref.name, ref: a.ref.name, type: refOf(g?.type ?? null, ANY_SIMPLE_TYPE), use: a.use };
  const def = a.default ?? (a.fixed === undefined ? g?.default : undefined);
  const fixed = a.fixed ?? (a.default === undefined ? g?.fixed : undefined);
  if (def !== undefined) use.default = def;
  if (fixed !== undefined) use.fixed = fixed;
  const doc = a.documentation ?? g?.documentation;
  if (doc !== undefined) use.documentation = doc;
  return use;
}

function buildSimple(t: RawSimpleType): SimpleTypeDefinition {
  const out: SimpleTypeDefinition = {
    id: t.id,
    name: t.name,
    tsName: '',
    source: t.source,
    reached: false,
    kind: 'simple',
    variety: t.derivation === 'restriction' ? 'atomic' : t.derivation,
    base: t.derivation === 'restriction' && t.base ? refOf(t.base, ANY_SIMPLE_TYPE) : null,
    primitive: null,
    builtin: null,
    facets: t.facets,
    final: t.final,
  };
  if (t.documentation !== undefined) out.documentation = t.documentation;
  if (t.derivation === 'list') out.itemType = refOf(t.itemType, ANY_SIMPLE_TYPE);
  if (t.derivation === 'union') out.memberTypes = t.memberTypes.map((m) => refOf(m, ANY_SIMPLE_TYPE));
  return out;
}

function buildComplex(ctx: ResolveContext, t: RawComplexType): ComplexTypeDefinition {
  let content: ContentType;
  if (t.contentModel === 'simple') {
    content = { kind: 'simple', type: ANY_SIMPLE_TYPE }; // computed by the simple-content pass
  } else {
    const particle = t.particle ? buildParticle(ctx, t.particle) : null;
    const meaningful = particle && !isEmptyParticle(particle) ? particle : null;
    if (t.mixed) content = { kind: 'mixed', particle: meaningful };
    else content = meaningful ? { kind: 'element', particle: meaningful } : { kind: 'empty' };
  }
  const attributes: AttributeUse[] = [];
  for (const a of t.attributes) {
    const built = buildAttribute(ctx, a);
    if (built) attributes.push(built);
  }
  const out: ComplexTypeDefinition = {
    id: t.id,
    name: t.name,
    tsName: '',
    source: t.source,
    reached: false,
    kind: 'complex',
    abstract: t.abstract,
    mixed: t.mixed,
    derivation: t.derivation,
    base: t.derivation === null ? null : (t.base?.name ?? ANY_TYPE),
    content,
    attributes,
    anyAttribute: t.anyAttribute,
    block: t.block,
    final: t.final,
    derivedTypes: [],
  };
  if (t.expectedContentTypes !== undefined) out.expectedContentTypes = t.expectedContentTypes;
  if (t.documentation !== undefined) out.documentation = t.documentation;
  return out;
}

function buildElement(ctx: ResolveContext, d: RawElementDeclaration): ElementDeclaration {
  const out: ElementDeclaration = {
    name: d.name,
    type: globalElementType(ctx, d),
    tsName: '',
    nillable: d.nillable,
    abstract: d.abstract,
    substitutionGroup: d.substitutionGroup?.name ?? null,
    substitutionMembers: [],
    block: d.block,
    final: d.final,
    identityConstraints: d.identityConstraints,
    source: d.source,
    reached: false,
  };
  if (d.default !== undefined) out.default = d.default;
  if (d.fixed !== undefined) out.fixed = d.fixed;
  if (d.expectedContentTypes !== undefined) out.expectedContentTypes = d.expectedContentTypes;
  if (d.documentation !== undefined) out.documentation = d.documentation;
  return out;
}

/** Builds `ctx.types`, `ctx.elements` and `ctx.attributes`. */
export const buildComponents: ResolvePass = {
  name: 'build-components',
  run(ctx) {
    for (const t of ctx.rawTypes.values()) ctx.types.set(t.id, t.kind === 'simple' ? buildSimple(t) : buildComplex(ctx, t));
    for (const d of ctx.components.elements.values()) ctx.elements.set(d.name, buildElement(ctx, d));
    for (const a of ctx.components.attributes.values()) {
      const out: AttributeDeclaration = { name: a.name, type: refOf(a.type, ANY_SIMPLE_TYPE), source: a.source };
      if (a.default !== undefined) out.default = a.default;
      if (a.fixed !== undefined) out.fixed = a.fixed;
      if (a.documentation !== undefined) out.documentation = a.documentation;
      ctx.attributes.set(a.name, out);
    }
  },
};
