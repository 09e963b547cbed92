/**
 * The XSD parser: every loaded `xs:schema` → raw components by QName ({@link SchemaComponents}),
 * references left unresolved for the resolve step. Schemas are parsed in the loader's sorted order,
 * so "first definition wins" on duplicates does not depend on the order of the entries.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic, SourceLocation } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import type { LoadResult } from '../../load/types.js';
import { OwnerScope } from './anonymous-ids.js';
import { applyRedefinitions } from './apply-redefinitions.js';
import type { RawAttributeGroup, RawElementDeclaration, RawGroup, SchemaComponents } from './components.js';
import { documentationOf } from './documentation.js';
import { readElementDetails } from './element-details.js';
import { parseGlobalAttribute, parseAttributeItems } from './parse-attributes.js';
import { elementType, parseComplexType, parseModelGroup, type ParseState } from './parse-complex-type.js';
import { parseIdentityConstraints } from './parse-identity.js';
import { parseSimpleType } from './parse-simple-type.js';
import { attr } from '../../load/xml-elements.js';
import { booleanAttr, xsdChild, xsdChildren, SchemaContext } from './schema-context.js';

export type { SchemaComponents } from './components.js';

/** A map of components that reports a duplicate definition instead of overwriting. */
function register<T extends { source: SourceLocation }>(map: Map<string, T>, key: string, value: T, what: string, diagnostics: Diagnostic[]): void {
  const existing = map.get(key);
  if (existing) {
    const where = `${existing.source.file}:${existing.source.line}:${existing.source.column}`;
    diagnostics.push(diagnostic('warning', value.source, `${what} ${key} is already defined at ${where}; this definition is ignored`, 'duplicate-component'));
    return;
  }
  map.set(key, value);
}

/** Parses a global `xs:element`. */
export function parseGlobalElement(ctx: SchemaContext, el: XmlElement, local: string, state: ParseState): RawElementDeclaration {
  const name = ctx.componentName(local);
  let substitutionGroup = null;
  const sg = attr(el, 'substitutionGroup');
  if (sg !== null) {
    const tokens = sg.trim().split(/\s+/);
    if (tokens.length > 1) ctx.report('warning', el, 'several substitution group heads (XSD 1.1): only the first is used', 'substitution-group');
    substitutionGroup = ctx.resolveQName(el, tokens[0] ?? '');
  }
  const decl: RawElementDeclaration = {
    name,
    type: elementType(ctx, el, state, () => `${name}~`),
    nillable: booleanAttr(ctx, el, 'nillable', false),
    abstract: booleanAttr(ctx, el, 'abstract', false),
    substitutionGroup,
    block: ctx.derivationSet(el, 'block', ['extension', 'restriction', 'substitution']),
    final: ctx.derivationSet(el, 'final', ['extension', 'restriction']),
    identityConstraints: parseIdentityConstraints(ctx, el, state.identityConstraints),
    source: ctx.at(el),
  };
  readElementDetails(ctx, el, decl);
  return decl;
}

/** Parses a named `xs:group`. */
export function parseGroup(ctx: SchemaContext, el: XmlElement, local: string, state: ParseState): RawGroup {
  const name = ctx.componentName(local);
  const scope = new OwnerScope(`${name}(group)`);
  const compositor = xsdChild(el, 'sequence', 'choice', 'all');
  if (!compositor) ctx.report('error', el, `xs:group ${local} needs xs:sequence, xs:choice or xs:all`, 'invalid-group');
  const group: RawGroup = { name, group: compositor ? parseModelGroup(ctx, compositor, scope, state) : null, source: ctx.at(el) };
  const doc = documentationOf(el);
  if (doc !== undefined) group.documentation = doc;
  return group;
}

/** Parses a named `xs:attributeGroup`. */
export function parseAttributeGroup(ctx: SchemaContext, el: XmlElement, local: string): RawAttributeGroup {
  const name = ctx.componentName(local);
  const scope = new OwnerScope(`${name}(attributeGroup)`);
  const group: RawAttributeGroup = { name, ...parseAttributeItems(ctx, el, scope), source: ctx.at(el) };
  const doc = documentationOf(el);
  if (doc !== undefined) group.documentation = doc;
  return group;
}

/**
 * Parses the top-level components of one schema into `out` (definitions inside `xs:redefine` excepted).
 * Returns the number of components it declares.
 */
function parseSchema(ctx: SchemaContext, out: SchemaComponents, state: ParseState): number {
  const diagnostics = ctx.diagnostics;
  let count = 0;
  for (const el of xsdChildren(ctx.source.element)) {
    const kind = el.localName ?? '';
    if (kind === 'include' || kind === 'import' || kind === 'redefine' || kind === 'notation') continue;
    const local = attr(el, 'name');
    if (local === null) {
      ctx.report('error', el, `top-level xs:${kind} without name`, 'missing-name');
      continue;
    }
    const name = ctx.componentName(local);
    count++;
    switch (kind) {
      case 'simpleType':
        register(out.types, name, parseSimpleType(ctx, el, name, name), 'type', diagnostics);
        break;
      case 'complexType':
        register(out.types, name, parseComplexType(ctx, el, name, name, state), 'type', diagnostics);
        break;
      case 'element':
        register(out.elements, name, parseGlobalElement(ctx, el, local, state), 'element', diagnostics);
        break;
      case 'attribute':
        register(out.attributes, name, parseGlobalAttribute(ctx, el, local), 'attribute', diagnostics);
        break;
      case 'group':
        register(out.groups, name, parseGroup(ctx, el, local, state), 'group', diagnostics);
        break;
      case 'attributeGroup':
        register(out.attributeGroups, name, parseAttributeGroup(ctx, el, local), 'attribute group', diagnostics);
        break;
      default:
        count--;
        ctx.report('warning', el, `unexpected top-level xs:${kind}`, 'unexpected-element');
    }
  }
  return count;
}

/** Parses every schema the loader found into raw components (appending problems to `diagnostics`). */
export function parseSchemas(loaded: LoadResult, diagnostics: Diagnostic[]): SchemaComponents {
  const out: SchemaComponents = {
    namespaces: [],
    types: new Map(),
    elements: new Map(),
    attributes: new Map(),
    groups: new Map(),
    attributeGroups: new Map(),
    identityConstraints: new Map(),
  };
  const state: ParseState = { identityConstraints: out.identityConstraints };
  const namespaces = new Set<string>();
  const contexts = new Map<string, SchemaContext>();
  for (const source of loaded.schemas) {
    const ctx = new SchemaContext(source, diagnostics);
    contexts.set(source.key, ctx);
    try {
      // A schema that declares nothing (a wrapper that only imports or includes) adds no namespace.
      if (parseSchema(ctx, out, state) > 0) namespaces.add(source.targetNamespace);
    } catch (e) {
      // A parser bug must not take the whole run down: report it where it happened.
      const message = e instanceof Error ? e.message : String(e);
      diagnostics.push(diagnostic('error', ctx.at(source.element), `internal error while parsing this schema: ${message}`, 'internal-error'));
    }
  }
  applyRedefinitions(loaded.redefinitions, contexts, out, state);
  out.namespaces = [...namespaces].sort();
  return out;
}
