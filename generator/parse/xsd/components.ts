/**
 * The raw schema components produced by the XSD parser: a faithful mirror of XSD 1.0 structures with
 * QName references still unresolved. The resolve step links, flattens and turns them into the model.
 * Anonymous types already carry their final ids (see {@link TypeDefinitionBase.id} in the model).
 */
import type { DerivationMethod, Facets, IdentityConstraint, QNameString, SourceLocation, TypeRef, Wildcard } from '../../model/model.js';

/** A QName reference with the place it was written (for "unresolved reference" diagnostics). */
export interface QNameRef {
  name: QNameString;
  at: SourceLocation;
  /**
   * For an unprefixed name that fell in no namespace (no default namespace declared) inside a schema
   * with a target namespace: the same local name in that target namespace. Many real schemas forget
   * the prefix; resolve tries this name, with a warning, when `name` names nothing.
   */
  fallback?: QNameString;
}

/** A type reference: by QName (`type=`, `base=`, `itemType=`, `memberTypes=`) or an inline anonymous type. */
export type RawTypeUse = { kind: 'ref'; ref: QNameRef } | { kind: 'inline'; type: RawType };

/** An `xs:simpleType` (named or anonymous). */
export interface RawSimpleType {
  kind: 'simple';
  id: TypeRef;
  name: QNameString | null;
  source: SourceLocation;
  documentation?: string;
  final: DerivationMethod[];
  /** How the type is defined. */
  derivation: 'restriction' | 'list' | 'union';
  /**
   * Restriction base. `null` only for the restricted value of a simple-content restriction without an
   * inline base: that base is the complex base type's own simple content (filled in by resolve).
   */
  base: RawTypeUse | null;
  facets: Facets;
  /**
   * Each `facets.enumeration` value read as a QName at its facet (same order), for resolve to use when
   * the type turns out to derive from `xs:QName` or `xs:NOTATION`. Absent without enumerations.
   */
  enumerationQNames?: RawQNameValue[];
  itemType: RawTypeUse | null;
  memberTypes: RawTypeUse[];
}

/** A value read as a QName: its Clark notation, or why it is not one (for a diagnostic if it must be). */
export type RawQNameValue = { ok: true; name: QNameString } | { ok: false; reason: string; at: SourceLocation };

/** An `xs:complexType` (named or anonymous). */
export interface RawComplexType {
  kind: 'complex';
  id: TypeRef;
  name: QNameString | null;
  source: SourceLocation;
  documentation?: string;
  abstract: boolean;
  /** `mixed` of the complex type or of its `xs:complexContent`. */
  mixed: boolean;
  block: DerivationMethod[];
  final: DerivationMethod[];
  /** `simple` for `xs:simpleContent`, `complex` for `xs:complexContent` or the shorthand form. */
  contentModel: 'simple' | 'complex';
  derivation: 'extension' | 'restriction' | null;
  base: QNameRef | null;
  particle: RawParticle | null;
  attributes: RawAttributeItem[];
  anyAttribute: Wildcard | null;
  /** For a simple-content restriction that restates the value (facets or an inline simple type). */
  simpleRestriction: RawSimpleType | null;
  /** `xmime:expectedContentTypes` on the simple-content derivation (or the type), when written. */
  expectedContentTypes?: string;
}

/** A type definition. */
export type RawType = RawSimpleType | RawComplexType;

/** A particle (`minOccurs`/`maxOccurs` plus a term). */
export interface RawParticle {
  minOccurs: number;
  maxOccurs: number | 'unbounded';
  term: RawTerm;
  source: SourceLocation;
}

/** A model group: `xs:sequence`, `xs:choice`, `xs:all`. */
export interface RawModelGroup {
  kind: 'sequence' | 'choice' | 'all';
  particles: RawParticle[];
  /** Set by resolve when a named group reference was flattened into this model group. */
  group?: QNameString;
}

/** What a particle holds, before group references are flattened. */
export type RawTerm =
  | { kind: 'element'; decl: RawLocalElement }
  | { kind: 'elementRef'; ref: QNameRef; documentation?: string; expectedContentTypes?: string }
  | RawModelGroup
  | { kind: 'groupRef'; ref: QNameRef }
  | ({ kind: 'any' } & Wildcard);

/** A local element declaration. */
export interface RawLocalElement {
  /** The wire name (qualified per `form`/`elementFormDefault`). */
  name: QNameString;
  /** `null`: no type given (`xs:anyType`). */
  type: RawTypeUse | null;
  nillable: boolean;
  default?: string;
  fixed?: string;
  block: DerivationMethod[];
  /** `xmime:expectedContentTypes`, when written. */
  expectedContentTypes?: string;
  documentation?: string;
  identityConstraints: IdentityConstraint[];
  source: SourceLocation;
}

/** A global element declaration. */
export interface RawElementDeclaration {
  name: QNameString;
  /** `null`: no type given (the substitution group head's type, else `xs:anyType`). */
  type: RawTypeUse | null;
  nillable: boolean;
  abstract: boolean;
  default?: string;
  fixed?: string;
  substitutionGroup: QNameRef | null;
  block: DerivationMethod[];
  final: DerivationMethod[];
  identityConstraints: IdentityConstraint[];
  /** `xmime:expectedContentTypes`, when written. */
  expectedContentTypes?: string;
  documentation?: string;
  source: SourceLocation;
}

/** An attribute of a complex type or attribute group, before attribute groups are flattened. */
export type RawAttributeItem =
  | {
      kind: 'attribute';
      name: QNameString;
      /** `null`: no type given (`xs:anySimpleType`). */
      type: RawTypeUse | null;
      use: 'optional' | 'required' | 'prohibited';
      default?: string;
      fixed?: string;
      documentation?: string;
      source: SourceLocation;
    }
  | {
      kind: 'attributeRef';
      ref: QNameRef;
      use: 'optional' | 'required' | 'prohibited';
      default?: string;
      fixed?: string;
      documentation?: string;
      source: SourceLocation;
    }
  | { kind: 'attributeGroupRef'; ref: QNameRef };

/** A global attribute declaration. */
export interface RawAttributeDeclaration {
  name: QNameString;
  type: RawTypeUse | null;
  default?: string;
  fixed?: string;
  documentation?: string;
  source: SourceLocation;
}

/** A named `xs:group`. */
export interface RawGroup {
  name: QNameString;
  group: RawModelGroup | null;
  documentation?: string;
  source: SourceLocation;
}

/** A named `xs:attributeGroup`. */
export interface RawAttributeGroup {
  name: QNameString;
  attributes: RawAttributeItem[];
  anyAttribute: Wildcard | null;
  documentation?: string;
  source: SourceLocation;
}

/**
 * Every top-level component of the loaded schemas, by QName (types by id: a redefined original gets
 * the id `<QName>/~redefined`). Maps hold components in parse order (schemas sorted by key).
 */
export interface SchemaComponents {
  /** Target namespaces of the parsed schemas, sorted. */
  namespaces: string[];
  types: Map<TypeRef, RawType>;
  elements: Map<QNameString, RawElementDeclaration>;
  attributes: Map<QNameString, RawAttributeDeclaration>;
  groups: Map<QNameString, RawGroup>;
  attributeGroups: Map<QNameString, RawAttributeGroup>;
  /** Names of the key/unique constraints declared anywhere (for keyref `refer` checks). */
  identityConstraints: Map<QNameString, SourceLocation>;
}
