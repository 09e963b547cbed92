/**
 * The descriptor format: compact, plain-data schema descriptors that the generator emits as
 * TypeScript `const` objects and the codec engine interprets. Documented in docs/descriptors.md.
 *
 * References between descriptors are strings (keys of {@link SchemaDescriptor.types} and
 * {@link SchemaDescriptor.elements}, or `xs:<builtin>`), so descriptors are acyclic plain data
 * even when the schema is recursive. Namespaces are indexes into {@link SchemaDescriptor.ns};
 * index 0 is always `''` (no namespace).
 */

/** Format version of {@link SchemaDescriptor}. */
export const DESCRIPTOR_VERSION = 1;

/**
 * A type reference: a key of {@link SchemaDescriptor.types}, or a built-in XSD type written
 * `xs:<local name>` (for example `xs:string`, `xs:dateTime`, `xs:anyType`).
 */
export type TypeKey = string;

/** All the descriptors of one generated service description. */
export interface SchemaDescriptor {
  /** Format version, {@link DESCRIPTOR_VERSION}. */
  readonly v: 1;
  /** Namespace table; `ns[0]` is `''` (no namespace). Indexes of this table appear as `ns` everywhere. */
  readonly ns: readonly string[];
  /** Preferred prefix per namespace index, for writing (`''` or absent: allocate `nsN`). */
  readonly prefixes?: readonly string[];
  /** Type descriptors by key (the type's TypeScript name). */
  readonly types: Readonly<Record<string, TypeDescriptor>>;
  /** Global element descriptors by key (the element's TypeScript name). */
  readonly elements: Readonly<Record<string, ElementDescriptor>>;
}

/**
 * A global element, bound to its schema: what {@link decode} and {@link encode} take.
 * `T` is the TypeScript type of the element's value (a phantom: nothing holds it at run time).
 */
export interface ElementRef<T = unknown> {
  readonly schema: SchemaDescriptor;
  /** Key of the element in {@link SchemaDescriptor.elements}. */
  readonly element: string;
  /** Phantom member carrying `T`; never set. */
  readonly __value?: T;
}

/** Builds an {@link ElementRef}. */
export function elementRef<T>(schema: SchemaDescriptor, element: string): ElementRef<T> {
  return { schema, element };
}

/** A global element declaration. */
export interface ElementDescriptor {
  /** Local name. */
  readonly n: string;
  /** Namespace index. */
  readonly ns: number;
  /** The element's type. */
  readonly t: TypeKey;
  /** Nillable: the value may be `null`, written `xsi:nil="true"`. */
  readonly nil?: 1;
  /** Abstract: never appears itself, only its substitution group members do. */
  readonly abs?: 1;
  /** Default value (kept for documentation and validation, never filled in on decode). */
  readonly d?: string;
  /** Fixed value. */
  readonly fx?: string;
}

/** A type: simple (atomic restriction, list, union) or complex. */
export type TypeDescriptor = SimpleTypeDescriptor | ListTypeDescriptor | UnionTypeDescriptor | ComplexTypeDescriptor;

/** Properties shared by named types (anonymous types omit both). */
export interface NamedTypeFields {
  /** Namespace index of a named type (and, for complex types, the default namespace of its local elements). */
  readonly ns?: number;
  /** Local name of a named type: what `xsi:type` names. */
  readonly q?: string;
}

/** An atomic simple type: a restriction of a built-in or of another simple type. */
export interface SimpleTypeDescriptor extends NamedTypeFields {
  readonly k: 's';
  /** The base: `xs:<builtin>` or another simple type key. The value mapping is the base built-in's. */
  readonly b: TypeKey;
  /** Facets declared by this step (inherited ones are found by walking `b`). */
  readonly f?: FacetsDescriptor;
}

/** An `xs:list`: the value is an array of the item type's values. */
export interface ListTypeDescriptor extends NamedTypeFields {
  readonly k: 'l';
  /** The item type (a simple type or built-in). */
  readonly item: TypeKey;
  /** Facets on the list (length, minLength, maxLength count items; enumeration/pattern apply to the lexical form). */
  readonly f?: FacetsDescriptor;
}

/** An `xs:union`: the value is the first member (in order) whose lexical space accepts the text. */
export interface UnionTypeDescriptor extends NamedTypeFields {
  readonly k: 'u';
  /** Member types, in declaration order. */
  readonly m: readonly TypeKey[];
  /** Facets on the union (pattern, enumeration). */
  readonly f?: FacetsDescriptor;
}

/** Constraining facets; numeric bounds stay strings so that no precision is lost. */
export interface FacetsDescriptor {
  readonly length?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Patterns of this derivation step: any one must match (steps combine with AND). XSD regex syntax. */
  readonly pattern?: readonly string[];
  /** Allowed lexical values (for QName-based types, `prefix:local` resolved at schema level to `{ns}local`). */
  readonly enumeration?: readonly string[];
  readonly whiteSpace?: 'preserve' | 'replace' | 'collapse';
  readonly maxInclusive?: string;
  readonly maxExclusive?: string;
  readonly minInclusive?: string;
  readonly minExclusive?: string;
  readonly totalDigits?: number;
  readonly fractionDigits?: number;
}

/** A complex type. */
export interface ComplexTypeDescriptor extends NamedTypeFields {
  readonly k: 'c';
  /** Namespace index used by local element fields that omit `ns` (the type's target namespace). */
  readonly ns: number;
  /** Base type (complex key, or for simple content a simple type / `xs:` built-in). Absent: derives from `xs:anyType`. */
  readonly b?: TypeKey;
  /**
   * Derivation from `b`: `e` extension (fields and attributes = the base's, then these) or `r`
   * restriction (fields and attributes below are complete; nothing is inherited).
   */
  readonly x?: 'e' | 'r';
  /** Abstract: a value must name a concrete derived type in `$type`. */
  readonly abs?: 1;
  /** Mixed content: all element children and text go, in order, to the `$content` list. */
  readonly mx?: 1;
  /** `xs:all`: children may come in any order. */
  readonly all?: 1;
  /** Simple content: the type of the text value, held in `$value` (effective type: inherited ones are restated). */
  readonly sc?: TypeKey;
  /** Content fields in schema order (own ones for an extension). */
  readonly f?: readonly FieldDescriptor[];
  /** Attributes (own ones for an extension). */
  readonly a?: readonly AttributeDescriptor[];
  /** `xs:anyAttribute`: unknown attributes go to `$attrs`, keyed by Clark QName. */
  readonly aa?: WildcardDescriptor;
}

/** One field of a content model: an element, a choice, a repeating group, or a wildcard. */
export type FieldDescriptor = ElementFieldDescriptor | ChoiceFieldDescriptor | ListFieldDescriptor | AnyFieldDescriptor;

/** A local element, or a reference to a global one (`r`). */
export interface ElementFieldDescriptor {
  /** Property name in the value (default: the local name `n`, or the referenced element's local name). */
  readonly p?: string;
  /** Local name (absent with `r`). */
  readonly n?: string;
  /** Namespace index (absent: the enclosing complex type's `ns`; `0` for an unqualified element). */
  readonly ns?: number;
  /** Type (absent with `r`: the global element's). */
  readonly t?: TypeKey;
  /** Reference to a global element key (`ref=`). */
  readonly r?: string;
  /** minOccurs, default 1. */
  readonly min?: number;
  /** maxOccurs, default 1; `-1` is unbounded. More than 1 makes the property an array. */
  readonly max?: number;
  /** Nillable (for `r`, taken from the global element when absent). */
  readonly nil?: 1;
  /**
   * Substitution: the global element keys that may appear here (the head too when it is not
   * abstract). When present the value is tagged `{ $el: <element key>, value }`.
   */
  readonly s?: readonly string[];
  /** Default value (documentation and validation only). */
  readonly d?: string;
  /** Fixed value. */
  readonly fx?: string;
}

/** An `xs:choice` occurring at most once: the value holds the properties of the chosen branch only. */
export interface ChoiceFieldDescriptor {
  /** Branches, each a list of fields (a sequence branch has several). */
  readonly c: readonly (readonly FieldDescriptor[])[];
  /** 0 when the choice is optional (no branch at all is allowed); default 1. */
  readonly min?: number;
}

/**
 * A repeating group (a choice or sequence with maxOccurs > 1 that is not a single element): an
 * ordered list of tagged items `{ $el: <property name or element key>, value }` (raw `{ $xml }`
 * items for wildcards), so that interleaving survives a round trip.
 */
export interface ListFieldDescriptor {
  /** Property name of the list. */
  readonly l: string;
  /** The element (and wildcard) fields that may appear, flattened; their `max` is ignored. */
  readonly f: readonly (ElementFieldDescriptor | AnyFieldDescriptor)[];
  /** Minimum number of items, default 0. */
  readonly min?: number;
  /** Maximum number of items, `-1` (default) unbounded. */
  readonly max?: number;
}

/** An `xs:any`: matching elements are kept as raw XML `{ $xml }`. */
export interface AnyFieldDescriptor {
  readonly any: WildcardDescriptor;
  /** Property name, default `$any` (always an array). */
  readonly p?: string;
  /** minOccurs, default 1. */
  readonly min?: number;
  /** maxOccurs, default 1; `-1` unbounded. */
  readonly max?: number;
}

/** A wildcard's namespace constraint (`xs:any`, `xs:anyAttribute`). */
export interface WildcardDescriptor {
  /**
   * `any` (`##any`, the default); `not`: any namespace except those listed (`##other` lists the
   * target namespace and `''`); `in`: only those listed (`''` is `##local`).
   */
  readonly m?: 'any' | 'not' | 'in';
  /** Namespace URIs for `not` and `in`. */
  readonly u?: readonly string[];
  /** processContents, default `strict`. Content is kept raw whatever the mode. */
  readonly pc?: 'strict' | 'lax' | 'skip';
}

/** An attribute use. */
export interface AttributeDescriptor {
  /** Property name (default: the local name `n`). */
  readonly p?: string;
  /** Local name. */
  readonly n: string;
  /** Namespace index, default 0 (unqualified). */
  readonly ns?: number;
  /** Simple type. */
  readonly t: TypeKey;
  /** Required. */
  readonly req?: 1;
  /** Default value (documentation and validation only, never filled in on decode). */
  readonly d?: string;
  /** Fixed value. */
  readonly fx?: string;
}
