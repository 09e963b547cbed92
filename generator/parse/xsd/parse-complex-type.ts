/**
 * `xs:complexType`, its particles and local elements: the shorthand form, `xs:complexContent` and
 * `xs:simpleContent`, each by extension or restriction.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { SourceLocation } from '../../model/model.js';
import { OwnerScope } from './anonymous-ids.js';
import type { RawComplexType, RawLocalElement, RawModelGroup, RawParticle, RawSimpleType, RawTerm, RawTypeUse } from './components.js';
import { documentationOf } from './documentation.js';
import { readElementDetails } from './element-details.js';
import { expectedContentTypesOf } from './expected-content-types.js';
import { isFacet, parseFacets } from './parse-facets.js';
import { parseAttributeItems } from './parse-attributes.js';
import { parseIdentityConstraints } from './parse-identity.js';
import { enumerationQNames } from './qname-values.js';
import { parseSimpleType } from './parse-simple-type.js';
import { parseWildcard } from './parse-wildcard.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { booleanAttr, xsdChild, xsdChildren, type SchemaContext } from './schema-context.js';

/** Shared state of one parse: the identity constraint names seen so far. */
export interface ParseState {
  identityConstraints: Map<string, SourceLocation>;
}

/** Parses `minOccurs`/`maxOccurs`. */
function occurs(ctx: SchemaContext, el: XmlElement): { minOccurs: number; maxOccurs: number | 'unbounded' } {
  const minRaw = attr(el, 'minOccurs');
  const maxRaw = attr(el, 'maxOccurs');
  let minOccurs = 1;
  let maxOccurs: number | 'unbounded' = 1;
  if (minRaw !== null) {
    const n = Number(minRaw.trim());
    if (Number.isInteger(n) && n >= 0) minOccurs = n;
    else ctx.report('error', el, `invalid minOccurs '${minRaw}'`, 'invalid-occurs');
  }
  if (maxRaw !== null) {
    if (maxRaw.trim() === 'unbounded') maxOccurs = 'unbounded';
    else {
      const n = Number(maxRaw.trim());
      if (Number.isInteger(n) && n >= 0) maxOccurs = n;
      else ctx.report('error', el, `invalid maxOccurs '${maxRaw}'`, 'invalid-occurs');
    }
  }
  if (maxOccurs !== 'unbounded' && maxOccurs < minOccurs) {
    ctx.report('error', el, `maxOccurs (${maxOccurs}) is less than minOccurs (${minOccurs})`, 'invalid-occurs');
  }
  return { minOccurs, maxOccurs };
}

/** The type of an element: `type=` or an inline simple/complex type; `null` when none. */
export function elementType(ctx: SchemaContext, el: XmlElement, state: ParseState, anonymousId: () => string): RawTypeUse | null {
  const inline = xsdChild(el, 'simpleType', 'complexType');
  const typeAttr = attr(el, 'type');
  if (typeAttr !== null) {
    if (inline) ctx.report('error', el, 'element has both type and an inline type definition', 'invalid-element');
    const ref = ctx.resolveQName(el, typeAttr);
    return ref ? { kind: 'ref', ref } : null;
  }
  if (!inline) return null;
  const id = anonymousId();
  const type = inline.localName === 'simpleType' ? parseSimpleType(ctx, inline, id, null) : parseComplexType(ctx, inline, id, null, state);
  return { kind: 'inline', type };
}

function parseLocalElement(ctx: SchemaContext, el: XmlElement, scope: OwnerScope, state: ParseState): RawLocalElement | null {
  const local = attr(el, 'name');
  if (local === null) {
    ctx.report('error', el, 'local xs:element needs name or ref', 'invalid-element');
    return null;
  }
  const form = attr(el, 'form');
  const qualified = form === null ? ctx.elementFormQualified : form === 'qualified';
  const decl: RawLocalElement = {
    name: qualified ? ctx.componentName(local) : `{}${local}`,
    type: elementType(ctx, el, state, () => scope.idFor(`${local}~`)),
    nillable: booleanAttr(ctx, el, 'nillable', false),
    block: ctx.derivationSet(el, 'block', ['extension', 'restriction', 'substitution']),
    identityConstraints: parseIdentityConstraints(ctx, el, state.identityConstraints),
    source: ctx.at(el),
  };
  readElementDetails(ctx, el, decl);
  return decl;
}

/** Parses a particle element (`xs:element`, `xs:group`, `xs:sequence`, `xs:choice`, `xs:all`, `xs:any`). */
export function parseParticle(ctx: SchemaContext, el: XmlElement, scope: OwnerScope, state: ParseState): RawParticle | null {
  const { minOccurs, maxOccurs } = occurs(ctx, el);
  const source = ctx.at(el);
  switch (el.localName) {
    case 'element': {
      const refValue = attr(el, 'ref');
      if (refValue !== null) {
        const ref = ctx.resolveQName(el, refValue);
        if (!ref) return null;
        const term: Extract<RawTerm, { kind: 'elementRef' }> = { kind: 'elementRef', ref };
        const doc = documentationOf(el);
        if (doc !== undefined) term.documentation = doc;
        const mime = expectedContentTypesOf(el);
        if (mime !== undefined) term.expectedContentTypes = mime;
        return { minOccurs, maxOccurs, term, source };
      }
      const decl = parseLocalElement(ctx, el, scope, state);
      return decl ? { minOccurs, maxOccurs, term: { kind: 'element', decl }, source } : null;
    }
    case 'group': {
      const ref = ctx.qnameAttr(el, 'ref');
      if (!ref) {
        ctx.report('error', el, 'group reference without ref', 'invalid-group');
        return null;
      }
      return { minOccurs, maxOccurs, term: { kind: 'groupRef', ref }, source };
    }
    case 'sequence':
    case 'choice':
    case 'all':
      return { minOccurs, maxOccurs, term: parseModelGroup(ctx, el, scope, state), source };
    case 'any':
      return { minOccurs, maxOccurs, term: { kind: 'any', ...parseWildcard(ctx, el) }, source };
    default:
      return null;
  }
}

/** Parses a model group's particles. */
export function parseModelGroup(ctx: SchemaContext, el: XmlElement, scope: OwnerScope, state: ParseState): RawModelGroup {
  const kind = el.localName === 'choice' ? 'choice' : el.localName === 'all' ? 'all' : 'sequence';
  const particles: RawParticle[] = [];
  for (const child of xsdChildren(el)) {
    const p = parseParticle(ctx, child, scope, state);
    if (p) particles.push(p);
    else if (!['element', 'group', 'sequence', 'choice', 'all', 'any'].includes(child.localName ?? '')) {
      ctx.report('warning', child, `unexpected xs:${child.localName ?? ''} in xs:${kind}`, 'unexpected-element');
    }
  }
  return { kind, particles };
}

/** The content particle among a definition's children (`xs:group`, `xs:sequence`, `xs:choice`, `xs:all`). */
function contentParticle(ctx: SchemaContext, parent: XmlElement, scope: OwnerScope, state: ParseState): RawParticle | null {
  const el = xsdChild(parent, 'group', 'sequence', 'choice', 'all');
  return el ? parseParticle(ctx, el, scope, state) : null;
}

/** Parses an `xs:complexType`. */
export function parseComplexType(ctx: SchemaContext, el: XmlElement, id: string, name: string | null, state: ParseState): RawComplexType {
  const scope = new OwnerScope(id);
  const type: RawComplexType = {
    kind: 'complex',
    id,
    name,
    source: ctx.at(el),
    abstract: booleanAttr(ctx, el, 'abstract', false),
    mixed: booleanAttr(ctx, el, 'mixed', false),
    block: ctx.derivationSet(el, 'block', ['extension', 'restriction']),
    final: ctx.derivationSet(el, 'final', ['extension', 'restriction']),
    contentModel: 'complex',
    derivation: null,
    base: null,
    particle: null,
    attributes: [],
    anyAttribute: null,
    simpleRestriction: null,
  };
  const doc = documentationOf(el);
  if (doc !== undefined) type.documentation = doc;
  const content = xsdChild(el, 'simpleContent', 'complexContent');
  if (!content) {
    type.particle = contentParticle(ctx, el, scope, state);
    Object.assign(type, parseAttributeItems(ctx, el, scope));
    return type;
  }
  const derivation = xsdChild(content, 'extension', 'restriction');
  if (!derivation) {
    ctx.report('error', content, `xs:${content.localName ?? ''} needs xs:extension or xs:restriction`, 'invalid-complex-type');
    return type;
  }
  type.derivation = derivation.localName === 'extension' ? 'extension' : 'restriction';
  type.base = ctx.qnameAttr(derivation, 'base');
  if (!type.base) ctx.report('error', derivation, `xs:${type.derivation} without base`, 'invalid-complex-type');
  Object.assign(type, parseAttributeItems(ctx, derivation, scope));
  if (content.localName === 'complexContent') {
    if (content.hasAttribute('mixed')) type.mixed = booleanAttr(ctx, content, 'mixed', type.mixed);
    type.particle = contentParticle(ctx, derivation, scope, state);
    return type;
  }
  type.contentModel = 'simple';
  // The IHE MTOM schemas write the cue on xs:extension; the type element is accepted too.
  const mime = expectedContentTypesOf(derivation) ?? expectedContentTypesOf(content) ?? expectedContentTypesOf(el);
  if (mime !== undefined) type.expectedContentTypes = mime;
  if (type.derivation === 'restriction') {
    const inline = xsdChild(derivation, 'simpleType');
    const hasFacets = childElements(derivation).some(isFacet);
    if (inline || hasFacets) {
      const restricted: RawSimpleType = {
        kind: 'simple',
        id: scope.idFor('~content'),
        name: null,
        source: ctx.at(derivation),
        final: [],
        derivation: 'restriction',
        base: null,
        facets: parseFacets(ctx, derivation),
        itemType: null,
        memberTypes: [],
      };
      const qnames = enumerationQNames(ctx, derivation);
      if (qnames !== undefined) restricted.enumerationQNames = qnames;
      if (inline) restricted.base = { kind: 'inline', type: parseSimpleType(ctx, inline, `${restricted.id}/~base`, null) };
      type.simpleRestriction = restricted;
    }
  }
  return type;
}
