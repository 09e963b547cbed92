/**
 * A cache of parsed documents keyed by absolute path, shareable across `loadDescription` calls:
 * the 7 DMP WSDLs share most of the HL7 v3 tree, which must be read and parsed once per process.
 */
import type { Diagnostic } from '../model/model.js';
import type { LoadedDocument } from './types.js';
import type { XmlElement } from './xml-tree.js';

/** The outcome of reading and parsing one file. */
export interface CachedDocument {
  /** The parsed document; `null` when the file could not be read or parsed. */
  document: LoadedDocument | null;
  /** The root element of the document's light tree (`document.root`); `null` with `document`. */
  root: XmlElement | null;
  /**
   * Problems found in the file itself (encoding, XML well-formedness, unknown root element).
   * Re-reported by every load that reaches the file.
   */
  diagnostics: Diagnostic[];
  /** Set when the file does not exist or cannot be read (the referrer reports it, at its own location). */
  unreadable?: string;
}

/**
 * Parsed documents by absolute path, with a count of disk reads (for tests and benchmarks). Files are
 * assumed not to change while a cache lives (one generator run): use a new cache to see edits.
 */
export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();
  private readonly reads = new Map<string, number>();

  /** The cached outcome for a path, if any. */
  get(path: string): CachedDocument | undefined {
    return this.entries.get(path);
  }

  /** Stores the outcome for a path. */
  set(path: string, value: CachedDocument): void {
    this.entries.set(path, value);
  }

  /** Records one read of a file from disk. */
  countRead(path: string): void {
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
  }

  /** How many times a file was read from disk through this cache. */
  readCount(path: string): number {
    return this.reads.get(path) ?? 0;
  }

  /** Total number of disk reads through this cache. */
  get totalReads(): number {
    let n = 0;
    for (const v of this.reads.values()) n += v;
    return n;
  }
}
