/**
 * What the load step hands to parse: every document read, with its schemas located.
 * The loader reads files only (never the network) and reports every problem as a diagnostic.
 */
import type { Diagnostic } from '../model/model.js';
import type { DocumentCache } from './document-cache.js';
import type { XmlElement } from './xml-tree.js';

/** A user catalog entry: maps a namespace and/or a remote location to a local file. */
export interface CatalogEntry {
  /** Namespace this file provides (used when an import has no usable schemaLocation). */
  namespace?: string;
  /** A remote `schemaLocation`/`location` (exact match) this file stands for. */
  location?: string;
  /** Absolute or config-relative path of the local file (relative paths resolve against the current folder). */
  file: string;
}

/** Options of the load step. */
export interface LoadOptions {
  /** User catalog entries; consulted before the built-in catalog. */
  catalog?: CatalogEntry[];
  /**
   * A document cache shared by several `loadDescription` calls, so that files common to several
   * descriptions (the DMP HL7 v3 tree) are read and parsed once per process. Without it, each call
   * uses a fresh cache. Cached documents are shared: consumers must not mutate them.
   */
  cache?: DocumentCache;
  /** Most bytes of one WSDL/XSD file (default 32 MiB); larger files, and non-regular files, are not read. */
  maxFileBytes?: number;
  /** Most documents one description may load, includes and imports counted (default 2,000). */
  maxDocuments?: number;
}

/** One XML document read from disk, parsed into a light tree (elements carry lineNumber/columnNumber). */
export interface LoadedDocument {
  /** Absolute, normalised path: the identity used for de-duplication (`volet-catalog:<name>` for built-in catalog files). */
  path: string;
  /** The path shown in diagnostics (relative to the current folder when inside it). */
  displayPath: string;
  kind: 'wsdl' | 'xsd';
  /** The root element of the document's light tree (shared through the document cache: read-only). */
  readonly root: XmlElement;
}

/** One `xs:schema` element to parse: a schema file's root, or a schema inlined in `wsdl:types`. */
export interface SchemaSource {
  document: LoadedDocument;
  /** The `xs:schema` element: a node of `document.root`'s tree. */
  element: XmlElement;
  /** The namespace its components belong to: its targetNamespace, or the including schema's for a chameleon include. */
  targetNamespace: string;
  /** True when this is a no-namespace schema included into a namespace (chameleon include). */
  chameleon: boolean;
  /**
   * Identity of this (document, schema element, namespace) triple: `<path>#<index>|<namespace>`, where
   * index is the position of the schema element among the document's schemas (0 for a schema file).
   */
  key: string;
}

/** An `xs:redefine`: the schema it appears in, the element itself, and the schema it redefines. */
export interface Redefinition {
  /** Key of the schema holding the `xs:redefine` element. */
  redefining: string;
  /** The `xs:redefine` element (its children are the redefined components). */
  element: XmlElement;
  /** Key of the schema being redefined. */
  target: string;
}

/** Everything the load step found. */
export interface LoadResult {
  /** WSDL documents: the entries first, then `wsdl:import`ed ones, each once. */
  wsdlDocuments: LoadedDocument[];
  /** Schemas to parse, each (document, element, namespace) once, in a stable order (sorted by key). */
  schemas: SchemaSource[];
  /** Every document read, each once. */
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
  /** The `xs:redefine`s found, in a stable order. */
  redefinitions: Redefinition[];
}
