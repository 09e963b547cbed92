/**
 * The load step: from entry files (WSDL or XSD) to every document and schema they reach, through
 * `wsdl:import`, `xs:import`, `xs:include` and `xs:redefine`, following local files only. Remote
 * locations go through the namespace catalog (user entries, then the built-in one); nothing is fetched.
 * Every problem is a diagnostic; nothing escapes as an exception.
 */
import type { Diagnostic, SourceLocation } from '../model/model.js';
import { diagnostic } from '../model/diagnostics.js';
import { BUILTIN_PREFIX, builtinForLocation, builtinForNamespace, builtinForPath } from '../catalog/builtin-catalog.js';
import { DocumentCache, type CachedDocument } from './document-cache.js';
import { displayPathOf } from './display-path.js';
import { locationOf } from './location.js';
import { WSDL, XSD } from './namespaces.js';
import { DEFAULT_MAX_FILE_BYTES, parseDocumentText, readDocument } from './read-document.js';
import { isRemote, resolveLocation } from './resolve-location.js';
import type { CatalogEntry, LoadOptions, LoadResult, LoadedDocument, Redefinition, SchemaSource } from './types.js';
import { attr, childElements } from './xml-elements.js';
import type { XmlElement } from './xml-tree.js';

export { DocumentCache } from './document-cache.js';

/** A namespace some import needs but did not (or could not) load by location. */
interface NamespaceNeed {
  namespace: string;
  at: SourceLocation;
  /** The remote location that was not fetched, if any. */
  remote: string | null;
  /** True when a diagnostic was already given for this import (missing local file). */
  reported: boolean;
}

/** A document opened by the loader, with the root element it reads. */
interface Opened {
  doc: LoadedDocument;
  root: XmlElement;
}

/** Default most documents one description may load (the DMP GDP WSDL loads about 150). */
const DEFAULT_MAX_DOCUMENTS = 2000;

/** One load: the state of a traversal. */
class Loader {
  readonly diagnostics: Diagnostic[] = [];
  readonly documents: LoadedDocument[] = [];
  readonly wsdlDocuments: LoadedDocument[] = [];
  private readonly schemas = new Map<string, SchemaSource>();
  private readonly redefinitions: Redefinition[] = [];
  private readonly seenDocuments = new Set<string>();
  private readonly seenWsdl = new Set<string>();
  private readonly queue: SchemaSource[] = [];
  private readonly needs: NamespaceNeed[] = [];
  private readonly userCatalog: CatalogEntry[];
  private readonly entryPaths: string[] = [];
  private tooManyReported = false;

  constructor(
    private readonly cache: DocumentCache,
    catalog: CatalogEntry[],
    private readonly maxFileBytes: number,
    private readonly maxDocuments: number,
  ) {
    this.userCatalog = catalog;
  }

  /** Loads a document by absolute path (or built-in catalog path); reports read problems at `from`. */
  private open(path: string, from: SourceLocation | null, missingSeverity: Diagnostic['severity'], what: string): Opened | null {
    if (!this.seenDocuments.has(path) && this.seenDocuments.size >= this.maxDocuments) {
      // A generated chain of includes would otherwise be followed as far as the disk goes.
      if (!this.tooManyReported) {
        this.tooManyReported = true;
        const at = from ?? { file: displayPathOf(path), line: 1, column: 1 };
        this.diagnostics.push(
          diagnostic(
            'error',
            at,
            `the description loads more than ${this.maxDocuments} documents (maxDocuments): '${displayPathOf(path)}' and later ones are not read`,
            'too-many-documents',
          ),
        );
      }
      return null;
    }
    let cached = this.cache.get(path);
    if (!cached) {
      cached = this.read(path);
      this.cache.set(path, cached);
    }
    const first = !this.seenDocuments.has(path);
    this.seenDocuments.add(path);
    if (cached.unreadable !== undefined) {
      const at = from ?? { file: displayPathOf(path), line: 0, column: 0 };
      const code = cached.unreadable === 'file not found' ? 'file-not-found' : 'unreadable-file';
      this.diagnostics.push(diagnostic(missingSeverity, at, `cannot read ${what} '${displayPathOf(path)}': ${cached.unreadable}`, code));
      return null;
    }
    if (first) {
      this.diagnostics.push(...cached.diagnostics);
      if (cached.document) this.documents.push(cached.document);
    }
    return cached.document && cached.root ? { doc: cached.document, root: cached.root } : null;
  }

  private read(path: string): CachedDocument {
    const builtin = builtinForPath(path);
    if (builtin) return parseDocumentText(path, path, builtin.text);
    this.cache.countRead(path);
    return readDocument(path, displayPathOf(path), this.maxFileBytes);
  }

  /** Loads an entry file. */
  loadEntry(entry: string): void {
    const path = resolveLocation(entry, null);
    if (path === null) {
      this.diagnostics.push(
        diagnostic('error', { file: entry, line: 1, column: 1 }, `entry '${entry}' is a remote location; volet reads local files only`, 'remote-entry'),
      );
      return;
    }
    this.entryPaths.push(path);
    const opened = this.open(path, null, 'error', 'entry file');
    if (!opened) return;
    if (opened.doc.kind === 'wsdl') this.addWsdl(opened);
    else this.addSchema(opened.doc, opened.root, 0, null, false);
  }

  /** Registers a WSDL document: its inline schemas and its `wsdl:import`s. */
  private addWsdl({ doc, root }: Opened): void {
    if (this.seenWsdl.has(doc.path)) return;
    this.seenWsdl.add(doc.path);
    this.wsdlDocuments.push(doc);
    let index = 0;
    for (const child of childElements(root)) {
      if (child.namespaceURI !== WSDL) continue;
      if (child.localName === 'import') {
        this.wsdlImport(doc, child);
      } else if (child.localName === 'types') {
        for (const schema of childElements(child)) {
          if (schema.namespaceURI === XSD && schema.localName === 'schema') {
            this.addSchema(doc, schema, index, null, false);
            index++;
          }
        }
      }
    }
  }

  private wsdlImport(doc: LoadedDocument, el: XmlElement): void {
    const at = locationOf(el, doc);
    const location = attr(el, 'location');
    const namespace = attr(el, 'namespace');
    if (location === null || location === '') {
      if (namespace !== null) this.needs.push({ namespace, at, remote: null, reported: false });
      else this.diagnostics.push(diagnostic('warning', at, 'wsdl:import without location or namespace: ignored', 'wsdl-import'));
      return;
    }
    const target = this.locate(location, doc, at, namespace);
    if (target === null) return;
    const imported = this.open(target, at, 'warning', 'imported document');
    if (!imported) {
      if (namespace !== null) this.needs.push({ namespace, at, remote: null, reported: true });
      return;
    }
    if (imported.doc.kind === 'wsdl') this.addWsdl(imported);
    else this.addSchema(imported.doc, imported.root, 0, null, false);
  }

  /**
   * Turns a location into a path: local files relative to the referring document, remote ones through
   * the user catalog by location. A remote import otherwise falls back to its namespace, satisfied
   * later (a loaded schema, the user catalog, the built-in one): `null` is returned then. A remote
   * include (no namespace) may still name a well-known location of the built-in catalog.
   */
  private locate(location: string, doc: LoadedDocument, at: SourceLocation, namespace: string | null): string | null {
    const byUser = this.userCatalog.find((e) => e.location === location);
    if (byUser) return resolveLocation(byUser.file, null);
    const base = doc.path.startsWith(BUILTIN_PREFIX) ? null : doc.path;
    const local = isRemote(location) ? null : resolveLocation(location, base);
    if (local !== null) return local;
    if (namespace !== null) {
      this.needs.push({ namespace, at, remote: location, reported: false });
      return null;
    }
    const builtin = builtinForLocation(location);
    if (builtin) return BUILTIN_PREFIX + builtin.name;
    this.diagnostics.push(
      diagnostic('warning', at, `remote location '${location}' not fetched (volet reads local files only) and no catalog entry maps it`, 'remote-location'),
    );
    return null;
  }

  /** Adds a schema (deduplicated by document, element index and effective namespace) and queues its directives. */
  private addSchema(doc: LoadedDocument, element: XmlElement, index: number, includerNamespace: string | null, viaInclude: boolean): SchemaSource | null {
    const own = attr(element, 'targetNamespace');
    let targetNamespace = own ?? '';
    let chameleon = false;
    if (viaInclude && includerNamespace !== null) {
      if (own === null) {
        targetNamespace = includerNamespace;
        chameleon = includerNamespace !== '';
      }
    }
    const key = `${doc.path}#${index}|${targetNamespace}`;
    const existing = this.schemas.get(key);
    if (existing) return existing;
    const source: SchemaSource = { document: doc, element, targetNamespace, chameleon, key };
    this.schemas.set(key, source);
    this.queue.push(source);
    return source;
  }

  /** Follows the `xs:include`/`xs:redefine`/`xs:import` of one schema. */
  private followDirectives(source: SchemaSource): void {
    const doc = source.document;
    for (const el of childElements(source.element)) {
      if (el.namespaceURI !== XSD) continue;
      const kind = el.localName;
      if (kind !== 'include' && kind !== 'redefine' && kind !== 'import') continue;
      const at = locationOf(el, doc);
      const location = attr(el, 'schemaLocation');
      if (kind === 'import') {
        this.schemaImport(source, el, at, location);
        continue;
      }
      if (location === null || location === '') {
        this.diagnostics.push(diagnostic('error', at, `xs:${kind} without schemaLocation`, 'missing-schema-location'));
        continue;
      }
      const path = this.locate(location, doc, at, null);
      if (path === null) continue;
      const opened = this.open(path, at, 'warning', `${kind}d schema`);
      if (!opened) continue;
      const { doc: target, root } = opened;
      if (target.kind !== 'xsd') {
        this.diagnostics.push(diagnostic('error', at, `xs:${kind} of '${target.displayPath}', which is not a schema`, 'include-not-schema'));
        continue;
      }
      const targetNs = attr(root, 'targetNamespace');
      if (targetNs !== null && targetNs !== source.targetNamespace) {
        this.diagnostics.push(
          diagnostic(
            'error',
            at,
            `xs:${kind} of '${target.displayPath}' whose targetNamespace '${targetNs}' differs from the including schema's '${source.targetNamespace}'`,
            'include-namespace-mismatch',
          ),
        );
        continue;
      }
      const included = this.addSchema(target, root, 0, source.targetNamespace, true);
      if (kind === 'redefine' && included) {
        this.redefinitions.push({ redefining: source.key, element: el, target: included.key });
      }
    }
  }

  private schemaImport(source: SchemaSource, el: XmlElement, at: SourceLocation, location: string | null): void {
    const namespace = attr(el, 'namespace') ?? '';
    if (namespace === XSD) {
      // Built-in types need no schema; the elements (xs:schema…) come from the built-in catalog, never
      // from a location (a copy of the W3C's file would redeclare the built-in types).
      this.needs.push({ namespace, at, remote: null, reported: false });
      return;
    }
    if (namespace === source.targetNamespace && namespace !== '') {
      this.diagnostics.push(
        diagnostic('warning', at, `xs:import of the schema's own target namespace '${namespace}' (use xs:include)`, 'import-own-namespace'),
      );
    }
    if (location === null || location === '') {
      this.needs.push({ namespace, at, remote: null, reported: false });
      return;
    }
    const path = this.locate(location, source.document, at, namespace);
    if (path === null) return;
    const opened = this.open(path, at, 'warning', 'imported schema');
    if (!opened) {
      this.needs.push({ namespace, at, remote: null, reported: true });
      return;
    }
    const { doc: target, root } = opened;
    if (target.kind !== 'xsd') {
      this.diagnostics.push(diagnostic('error', at, `xs:import of '${target.displayPath}', which is not a schema`, 'import-not-schema'));
      return;
    }
    const targetNs = attr(root, 'targetNamespace') ?? '';
    if (targetNs !== namespace) {
      this.diagnostics.push(
        diagnostic(
          'warning',
          at,
          `xs:import of namespace '${namespace}' loads '${target.displayPath}' whose targetNamespace is '${targetNs}'`,
          'import-namespace-mismatch',
        ),
      );
    }
    this.addSchema(target, root, 0, null, false);
  }

  /** Follows queued schemas until none is left. */
  private drain(): void {
    for (let source = this.queue.shift(); source; source = this.queue.shift()) this.followDirectives(source);
  }

  private provided(namespace: string): boolean {
    for (const s of this.schemas.values()) if (s.targetNamespace === namespace) return true;
    return false;
  }

  /**
   * Satisfies the namespaces imported without a usable location: from the loaded schemas first (a
   * namespace defined locally wins over the catalog), then the user catalog, then the built-in one.
   * Loading a catalog schema may add imports, hence the loop.
   */
  private satisfyNeeds(): void {
    const done = new Set<NamespaceNeed>();
    for (;;) {
      this.drain();
      const pending = this.needs.filter((n) => !done.has(n) && !this.provided(n.namespace));
      const next = pending[0];
      if (!next) break;
      done.add(next);
      const user = this.userCatalog.find((e) => e.namespace === next.namespace);
      if (user) {
        const path = resolveLocation(user.file, null);
        const opened = path === null ? null : this.open(path, next.at, 'error', 'catalog file');
        if (opened && opened.doc.kind === 'xsd') this.addSchema(opened.doc, opened.root, 0, null, false);
        continue;
      }
      const builtin = builtinForNamespace(next.namespace);
      if (builtin) {
        const opened = this.open(BUILTIN_PREFIX + builtin.name, next.at, 'error', 'built-in catalog schema');
        if (opened) this.addSchema(opened.doc, opened.root, 0, null, false);
      }
    }
    for (const need of this.needs) {
      if (need.reported && this.provided(need.namespace)) continue;
      const providedNow = this.provided(need.namespace);
      if (need.remote !== null) {
        if (providedNow) continue; // mapped by the catalog (or defined by another loaded schema)
        this.diagnostics.push(
          diagnostic(
            'error',
            need.at,
            `remote location '${need.remote}' not fetched (volet reads local files only) and no loaded schema or catalog entry provides namespace '${need.namespace}'`,
            'remote-location',
          ),
        );
      } else if (!providedNow && !need.reported) {
        this.diagnostics.push(
          diagnostic('warning', need.at, `imported namespace '${need.namespace}' is provided by no loaded schema and no catalog entry`, 'unresolved-import'),
        );
      }
    }
  }

  result(): LoadResult {
    this.satisfyNeeds();
    const schemas = [...this.schemas.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const redefinitions = [...this.redefinitions].sort((a, b) =>
      a.redefining < b.redefining
        ? -1
        : a.redefining > b.redefining
          ? 1
          : ((a.element as { lineNumber?: number }).lineNumber ?? 0) - ((b.element as { lineNumber?: number }).lineNumber ?? 0),
    );
    // Entries first (in the order given), then the WSDLs they import, in discovery order.
    const rank = (d: LoadedDocument): number => {
      const i = this.entryPaths.indexOf(d.path);
      return i < 0 ? this.entryPaths.length : i;
    };
    const wsdlDocuments = this.wsdlDocuments
      .map((d, i) => ({ d, i }))
      .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
      .map((x) => x.d);
    return {
      wsdlDocuments,
      schemas,
      documents: this.documents,
      diagnostics: this.diagnostics,
      redefinitions,
    };
  }
}

/**
 * Loads a service description: the entry files (WSDL or XSD) and everything they import or include.
 * Never throws and never reads the network; problems are in `diagnostics`.
 */
export function loadDescription(entries: string[], options: LoadOptions = {}): LoadResult {
  const loader = new Loader(
    options.cache ?? new DocumentCache(),
    options.catalog ?? [],
    options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    options.maxDocuments ?? DEFAULT_MAX_DOCUMENTS,
  );
  try {
    for (const entry of entries) loader.loadEntry(entry);
    return loader.result();
  } catch (e) {
    // A bug must still surface as a diagnostic rather than a stack trace in the user's terminal.
    const message = e instanceof Error ? e.message : String(e);
    return {
      wsdlDocuments: loader.wsdlDocuments,
      schemas: [],
      documents: loader.documents,
      diagnostics: [
        ...loader.diagnostics,
        diagnostic('error', { file: entries[0] ?? '', line: 1, column: 1 }, `internal error while loading: ${message}`, 'internal-error'),
      ],
      redefinitions: [],
    };
  }
}
