/**
 * What the load step hands to parse: every document read, with its schemas located.
 * The loader reads files only (never the network) and reports every problem as a diagnostic.
 */
import type { Document, Element } from '@xmldom/xmldom';
import type { Diagnostic } from '../model/model.js';

/** A user catalog entry: maps a namespace and/or a remote location to a local file. */
export interface CatalogEntry {
  /** Namespace this file provides (used when an import has no usable schemaLocation). */
  namespace?: string;
  /** A remote `schemaLocation`/`location` (exact match) this file stands for. */
  location?: string;
  /** Absolute or config-relative path of the local file. */
  file: string;
}

/** Options of the load step. */
export interface LoadOptions {
  /** User catalog entries; consulted before the built-in catalog. */
  catalog?: CatalogEntry[];
}

/** One XML document read from disk, parsed with @xmldom/xmldom (nodes carry lineNumber/columnNumber). */
export interface LoadedDocument {
  /** Absolute, normalised path: the identity used for de-duplication. */
  path: string;
  /** The path shown in diagnostics (relative to the current folder when inside it). */
  displayPath: string;
  kind: 'wsdl' | 'xsd';
  document: Document;
}

/** One `xs:schema` element to parse: a schema file's root, or a schema inlined in `wsdl:types`. */
export interface SchemaSource {
  document: LoadedDocument;
  /** The `xs:schema` element. */
  element: Element;
  /** The namespace its components belong to: its targetNamespace, or the including schema's for a chameleon include. */
  targetNamespace: string;
  /** True when this is a no-namespace schema included into a namespace (chameleon include). */
  chameleon: boolean;
}

/** Everything the load step found. */
export interface LoadResult {
  /** WSDL documents: the entries first, then `wsdl:import`ed ones, each once. */
  wsdlDocuments: LoadedDocument[];
  /** Schemas to parse, each (document, element, namespace) once, in a stable order. */
  schemas: SchemaSource[];
  /** Every document read, each once. */
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
}
