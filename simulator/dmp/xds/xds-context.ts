/**
 * What every simulated XDS transaction gets: the store, the repository's identity and the
 * accepted VIHF (its `resource-id` is the patient the caller may act on).
 */
import type { VihfClaims } from '../vihf/check-vihf.js';
import type { DocumentStore } from './document-store.js';

/** Context of one XDS transaction. */
export interface XdsContext {
  readonly store: DocumentStore;
  /** This repository's `repositoryUniqueId`. */
  readonly repositoryUniqueId: string;
  readonly vihf: VihfClaims;
}

/** The VIHF patient as a patient key (`<ins>^^^&<oid>&ISO`), or undefined. */
export function vihfPatientKey(context: XdsContext): string | undefined {
  const p = context.vihf.patient;
  return p === undefined ? undefined : `${p.ins}^^^&${p.oid}&ISO`;
}
