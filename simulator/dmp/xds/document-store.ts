/**
 * The simulated DMP's memory: the documents submitted by ITI-41, with their metadata as the
 * registry returns it (ITI-18), their bytes (ITI-43) and their availability status (ITI-57).
 * In memory only, per simulator instance.
 */
import type { ExtrinsicObjectType } from '../../../generated/schemas/ebrim/index.js';

/** One stored document. */
export interface StoredDocument {
  /** The registry's id of the entry (`urn:uuid:…`). */
  readonly entryUuid: string;
  /** `XDSDocumentEntry.uniqueId`. */
  readonly uniqueId: string;
  /** The patient, as {@link patientKey} gives it. */
  readonly patient: string;
  readonly repositoryUniqueId: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
  /** The metadata as stored (ids resolved, hash/size/repositoryUniqueId slots set); `status` is kept apart. */
  readonly metadata: ExtrinsicObjectType;
  /** Current availability status. */
  status: string;
}

/** The documents of one simulator. */
export class DocumentStore {
  readonly #byEntry = new Map<string, StoredDocument>();
  readonly #byUniqueId = new Map<string, StoredDocument>();

  /** Adds documents (all or none: call after every check passed). */
  addAll(documents: readonly StoredDocument[]): void {
    for (const d of documents) {
      this.#byEntry.set(d.entryUuid, d);
      this.#byUniqueId.set(d.uniqueId, d);
    }
  }

  /** The document with this entryUUID. */
  byEntryUuid(id: string): StoredDocument | undefined {
    return this.#byEntry.get(id);
  }

  /** The document with this uniqueId. */
  byUniqueId(id: string): StoredDocument | undefined {
    return this.#byUniqueId.get(id);
  }

  /** True when the entryUUID is taken. */
  hasEntryUuid(id: string): boolean {
    return this.#byEntry.has(id);
  }

  /** The documents of a patient, in submission order. */
  forPatient(patient: string): StoredDocument[] {
    return [...this.#byEntry.values()].filter((d) => d.patient === patient);
  }

  /** How many documents are stored. */
  get size(): number {
    return this.#byEntry.size;
  }
}
