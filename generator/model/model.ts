/**
 * The volet model: the contract between the front end (load → parse → resolve) and the emitters.
 *
 * Plain data only — every value here survives `JSON.stringify` unchanged, so the model can be
 * snapshot-tested and printed by `volet inspect --json`. Documented for users in `docs/model.md`.
 *
 * Conventions:
 * - A qualified name is written in Clark notation, `{namespace}local`; no namespace is `{}local`.
 * - Every list is in a stable order (document order for particles and attributes, sorted by id
 *   for top-level components), so the same inputs always give the same model.
 * - Built-in XSD types are never listed in {@link SchemaModel.types}; a {@link TypeRef} in the
 *   XML Schema namespace (`{http://www.w3.org/2001/XMLSchema}…`) names one.
 */

/** A qualified name in Clark notation: `{namespace}local` (`{}local` for no namespace). */
export type QNameString = string;

/**
 * A reference to a type: the QName of a named type or of a built-in type, or the id of an
 * anonymous type (see {@link TypeDefinition.id}).
 */
export type TypeRef = string;

/** Where a component was declared. `file` is the path as shown in diagnostics. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One problem found in the input. Warnings never stop the pipeline; errors do (exit code 1). */
export interface Diagnostic {
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  message: string;
  /** A short stable code, for example `unresolved-import`, usable in tests and filters. */
  code?: string;
}

/** The whole model of one service description (one entry WSDL, or a set of XSDs). */
export interface Model {
  /** Model format version; bumped on any incompatible change. */
  modelVersion: 1;
  /** The entry files, as given (display paths). */
  entries: string[];
  /** Every file read, as display paths, sorted. */
  sources: string[];
  services: Service[];
  schema: SchemaModel;
  diagnostics: Diagnostic[];
}

// ───────────────────────────────────────────── WSDL 1.1 ──

/** A `wsdl:service`. */
export interface Service {
  name: string;
  /** The target namespace of the WSDL that declares it. */
  namespace: string;
  documentation?: string;
  ports: Port[];
}

/** A `wsdl:port` bound with a SOAP 1.1 or SOAP 1.2 binding. Ports of other bindings are skipped with a warning. */
export interface Port {
  name: string;
  /** The binding's QName. */
  binding: QNameString;
  /** The binding's port type QName. */
  portType: QNameString;
  soapVersion: '1.1' | '1.2';
  /** `soap:address/@location`; `null` when absent. Placeholders are kept as written. */
  address: string | null;
  /** `soap:binding/@style`, default `document`. */
  style: 'document' | 'rpc';
  /** `soap:binding/@transport`. */
  transport: string | null;
  operations: Operation[];
}

/** One operation of a port: port type operation plus its SOAP binding. */
export interface Operation {
  name: string;
  /** Effective style: operation-level `style`, else the binding's. */
  style: 'document' | 'rpc';
  /** Message exchange pattern from the port type operation. */
  pattern: 'request-response' | 'one-way' | 'solicit-response' | 'notification';
  /** `soap:operation/@soapAction`, `''` when absent. Never used to derive the WS-Addressing action. */
  soapAction: string;
  /** `soap12:operation/@soapActionRequired` when present. */
  soapActionRequired?: boolean;
  /** WS-Addressing action of the input: explicit (`wsam:`/`wsaw:Action`) or the WS-Addressing 1.0 Metadata default pattern. */
  inputAction: string | null;
  /** WS-Addressing action of the output, likewise. */
  outputAction: string | null;
  /** Where each action came from. */
  actionSource: { input: ActionSource; output: ActionSource };
  input: MessageBinding | null;
  output: MessageBinding | null;
  faults: Fault[];
  documentation?: string;
  /** For rpc style: the namespace of the wrapper elements (`soap:body/@namespace`). */
  rpcNamespace?: string;
  /**
   * True when the input's body parts reach binary content marked for XOP (`xmime:expectedContentTypes`
   * on an element, or on a simple-content complex type): the request is sent as MTOM.
   * Computed after resolve (see `generator/resolve/mtom.ts`).
   */
  mtom: boolean;
  /** The same for the output's body parts: the response carries binary content marked for XOP. */
  mtomResponse: boolean;
  /** Why `mtom` and `mtomResponse` are what they are (see {@link MtomReason}). */
  mtomReason: { input: MtomReason; output: MtomReason };
}

/**
 * Why a message is (or is not) MTOM: `xmime`, its body reaches content marked with
 * `xmime:expectedContentTypes`; `ihe-action`, its WS-Addressing action is an IHE transaction that
 * is MTOM by profile (ITI-41 request, ITI-43 and ITI-39 responses); `config`, the `mtom` setting of
 * `volet.config.json` says so; `none`, nothing makes it MTOM.
 */
export type MtomReason = 'xmime' | 'ihe-action' | 'config' | 'none';

/** `explicit`: an Action attribute in the WSDL; `default`: computed by the default action pattern; `none`: no such message. */
export type ActionSource = 'explicit' | 'default' | 'none';

/** The body and header parts of one input or output message, as the binding lays them out. */
export interface MessageBinding {
  /** The `wsdl:message` QName. */
  message: QNameString;
  /** `wsdl:input/@name` or `wsdl:output/@name` when given. */
  name?: string;
  /** Parts carried in the SOAP body, in `soap:body/@parts` order (all parts, in message order, when `parts` is absent). */
  body: BodyPart[];
  /** Parts carried as SOAP header blocks, in binding order. */
  headers: HeaderPart[];
}

/**
 * A message part in the body: by element (document style) or by type (rpc style). A part by type
 * travels as an element synthesised for it (the unqualified part accessor), whose descriptor key
 * `<Operation><Part>Part` resolve allocates (`key`).
 */
export type BodyPart = { part: string; element: QNameString } | { part: string; type: TypeRef; key?: string };

/** A `soap:header`, possibly referring to a part of another message. */
export interface HeaderPart {
  part: string;
  /** The header block's element (header parts are always element parts in literal use). */
  element: QNameString;
  /** The message the part belongs to (may be the input message itself: the INSi pattern). */
  message: QNameString;
  /** `soap:headerfault`s declared for this header. */
  headerFaults: { part: string; element: QNameString; message: QNameString }[];
}

/** A `wsdl:fault` with its `soap:fault` binding. */
export interface Fault {
  name: string;
  /** The detail element, from the fault message's single part; `null` when the part is by type or missing. */
  element: QNameString | null;
  message: QNameString;
  /** WS-Addressing action of the fault (explicit or default pattern). */
  action: string | null;
}

// ───────────────────────────────────────────── XSD 1.0 ──

/** Every schema component the service description declares (pruned flags tell what the services reach). */
export interface SchemaModel {
  /** Target namespaces of the loaded schemas, sorted (`''` for no namespace). */
  namespaces: string[];
  /** Named and anonymous simple and complex types, sorted by id. */
  types: TypeDefinition[];
  /** Global element declarations, sorted by name. */
  elements: ElementDeclaration[];
  /** Global attribute declarations, sorted by name. */
  attributes: AttributeDeclaration[];
}

/** Properties shared by simple and complex type definitions. */
export interface TypeDefinitionBase {
  /**
   * Unique id. A named type's id is its QName. An anonymous type's id is its owner's id followed by
   * a path, for example `{urn:x}Person~` (the type of global element `Person`) or
   * `{urn:x}PersonType/address~` (the type of local element `address` in `PersonType`);
   * a `#N` suffix (N ≥ 2) tells apart several local declarations of one name.
   */
  id: TypeRef;
  /** The QName of a named type; `null` for an anonymous one. */
  name: QNameString | null;
  /** The TypeScript name allocated by the resolve step: stable and collision-free (see docs/mapping.md). */
  tsName: string;
  documentation?: string;
  source: SourceLocation;
  /** True when a service operation (body, header or fault part) reaches this type. */
  reached: boolean;
}

/** An `xs:simpleType` (or the simple type of a simple-content complex type's restriction). */
export interface SimpleTypeDefinition extends TypeDefinitionBase {
  kind: 'simple';
  variety: 'atomic' | 'list' | 'union';
  /** The base type of a restriction (another simple type or a built-in); `null` for list and union. */
  base: TypeRef | null;
  /** For atomic types: the primitive built-in it derives from (e.g. `decimal`, `string`, `dateTime`), local name only. */
  primitive: string | null;
  /** The built-in the type derives from most closely (e.g. `int` for a restriction of `xs:int`), local name only. */
  builtin: string | null;
  /** Facets declared on this type (not inherited ones; walk `base` for those). */
  facets: Facets;
  /** For lists: the item type. */
  itemType?: TypeRef;
  /** For unions: the member types, in order. */
  memberTypes?: TypeRef[];
  final: DerivationMethod[];
  /**
   * The name of the constant listing the enumeration values (`<tsName>Values`), allocated by resolve
   * when the enumeration becomes a literal union (string, number or boolean values); absent otherwise.
   */
  valuesName?: string;
}

/** Constraining facets. Numeric bounds stay strings so that no precision is lost. */
export interface Facets {
  length?: number;
  minLength?: number;
  maxLength?: number;
  /** Patterns of this derivation step (any one must match; steps combine with AND). */
  pattern?: string[];
  /**
   * Enumerated values, as written; for types derived from `xs:QName` or `xs:NOTATION`, resolved to
   * Clark notation `{namespace}local` against the namespace declarations in scope at each facet.
   */
  enumeration?: string[];
  /** Documentation of each enumeration value, where given, keyed by value. */
  enumerationDocs?: Record<string, string>;
  whiteSpace?: 'preserve' | 'replace' | 'collapse';
  maxInclusive?: string;
  maxExclusive?: string;
  minInclusive?: string;
  minExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export type DerivationMethod = 'extension' | 'restriction' | 'list' | 'union' | 'substitution';

/** An `xs:complexType`. */
export interface ComplexTypeDefinition extends TypeDefinitionBase {
  kind: 'complex';
  abstract: boolean;
  mixed: boolean;
  /** How this type derives from `base`; `null` when it does not (implicit restriction of `xs:anyType`). */
  derivation: 'extension' | 'restriction' | null;
  /** The base type; `null` when `derivation` is `null`. */
  base: TypeRef | null;
  /**
   * The content declared by this type itself: for an extension only the added particle
   * (the effective content is the base's followed by this one); for a restriction the full
   * restated content.
   */
  content: ContentType;
  /** Attribute uses declared here (attribute groups flattened), in document order. Inherited ones are not repeated. */
  attributes: AttributeUse[];
  /** `xs:anyAttribute`, attribute groups' ones combined; `null` when none. */
  anyAttribute: Wildcard | null;
  block: DerivationMethod[];
  final: DerivationMethod[];
  /** Ids of the types that derive directly from this one (computed by resolve), sorted. */
  derivedTypes: TypeRef[];
  /**
   * The name of the polymorphic union of this type and the named types derived from it
   * (`<tsName>OrDerived`), allocated by resolve when a concrete named type derives from it; absent otherwise.
   */
  unionName?: string;
  /**
   * `xmime:expectedContentTypes` written on this type's `xs:simpleContent` derivation (or on the
   * `xs:complexType` itself), as written: its `base64Binary` value travels as an XOP attachment under
   * MTOM. Absent when not written. (The IHE MTOM schemas put it on `xs:extension base="xs:base64Binary"`.)
   */
  expectedContentTypes?: string;
}

/** A type definition. */
export type TypeDefinition = SimpleTypeDefinition | ComplexTypeDefinition;

/** The content of a complex type. */
export type ContentType =
  | { kind: 'empty' }
  /** Simple content: the value's simple type (for an extension, the base's; for a restriction, the restricted one). */
  | { kind: 'simple'; type: TypeRef }
  /** Element-only or mixed content with its particle (groups flattened; `null` particle means empty with `mixed`). */
  | { kind: 'element' | 'mixed'; particle: Particle | null };

/** A particle: a term with occurrence bounds. */
export interface Particle {
  minOccurs: number;
  /** A number, or `'unbounded'`. */
  maxOccurs: number | 'unbounded';
  term: Term;
}

/** What a particle holds. */
export type Term = ElementTerm | ModelGroupTerm | WildcardTerm;

/** An element in a content model: a local declaration, or a reference to a global one. */
export interface ElementTerm {
  kind: 'element';
  /** The element's name as it appears on the wire (qualified according to `form`/`elementFormDefault`). */
  name: QNameString;
  /** For `ref=`: the global element referred to (its declaration has the rest). `null` for local declarations. */
  ref: QNameString | null;
  type: TypeRef;
  nillable: boolean;
  default?: string;
  fixed?: string;
  /** For a ref to a substitution group head: the non-abstract members that may appear instead, transitively, sorted. */
  substitutes?: QNameString[];
  /** For a ref: whether the referred element is abstract. */
  abstract?: boolean;
  /**
   * `xmime:expectedContentTypes` of the declaration (for a ref, the global element's), as written, for
   * example `application/octet-stream`: the `base64Binary` value travels as an XOP attachment under MTOM.
   * Absent when not written.
   */
  expectedContentTypes?: string;
  documentation?: string;
  identityConstraints?: IdentityConstraint[];
  source: SourceLocation;
}

/** A model group: `xs:sequence`, `xs:choice` or `xs:all`. Named groups are flattened into it. */
export interface ModelGroupTerm {
  kind: 'sequence' | 'choice' | 'all';
  particles: Particle[];
  /** The named `xs:group` this came from, when it did (kept for naming and documentation). */
  group?: QNameString;
}

/** An `xs:any`. */
export interface WildcardTerm extends Wildcard {
  kind: 'any';
}

/** A wildcard's namespace constraint and processing mode (`xs:any`, `xs:anyAttribute`). */
export interface Wildcard {
  namespace: NamespaceConstraint;
  processContents: 'strict' | 'lax' | 'skip';
}

/**
 * `##any` → `any`; `##other` → `not` the target namespace (and not no-namespace);
 * a list (`##local` written `''`, `##targetNamespace` resolved) → `enumeration`.
 */
export type NamespaceConstraint = { kind: 'any' } | { kind: 'not'; namespaces: string[] } | { kind: 'enumeration'; namespaces: string[] };

/** An attribute use on a complex type: a local declaration or a reference to a global one. */
export interface AttributeUse {
  /** The attribute's name on the wire (qualified according to `form`/`attributeFormDefault`). */
  name: QNameString;
  ref: QNameString | null;
  type: TypeRef;
  use: 'optional' | 'required' | 'prohibited';
  default?: string;
  fixed?: string;
  documentation?: string;
}

/** A global `xs:element`. */
export interface ElementDeclaration {
  name: QNameString;
  type: TypeRef;
  /** TypeScript name allocated by resolve (used for the element's descriptor). */
  tsName: string;
  nillable: boolean;
  abstract: boolean;
  default?: string;
  fixed?: string;
  /** The head of the substitution group this element belongs to. */
  substitutionGroup: QNameString | null;
  /** Members of this element's substitution group, transitive, sorted (computed by resolve). */
  substitutionMembers: QNameString[];
  block: DerivationMethod[];
  final: DerivationMethod[];
  identityConstraints: IdentityConstraint[];
  /** `xmime:expectedContentTypes`, as written: the `base64Binary` value travels as an XOP attachment under MTOM. */
  expectedContentTypes?: string;
  documentation?: string;
  source: SourceLocation;
  reached: boolean;
}

/** A global `xs:attribute`. */
export interface AttributeDeclaration {
  name: QNameString;
  type: TypeRef;
  default?: string;
  fixed?: string;
  documentation?: string;
  source: SourceLocation;
}

/** `xs:key`, `xs:keyref`, `xs:unique`: kept as metadata, not enforced. */
export interface IdentityConstraint {
  kind: 'key' | 'keyref' | 'unique';
  name: QNameString;
  selector: string;
  fields: string[];
  /** For keyref: the key or unique constraint referred to. */
  refer?: QNameString;
}

/** The XML Schema namespace. */
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

/** Builds a Clark-notation QName. */
export function qname(namespace: string | null | undefined, local: string): QNameString {
  return `{${namespace ?? ''}}${local}`;
}

/** Splits a Clark-notation QName. */
export function splitQName(name: QNameString): { namespace: string; local: string } {
  const close = name.indexOf('}');
  if (!name.startsWith('{') || close < 0) return { namespace: '', local: name };
  return { namespace: name.slice(1, close), local: name.slice(close + 1) };
}

/** The start of every XSD built-in type's reference. */
const XSD_PREFIX = `{${XSD_NS}}`;

/** True when a type reference names an XSD built-in type. */
export function isBuiltin(ref: TypeRef): boolean {
  return ref.startsWith(XSD_PREFIX);
}
