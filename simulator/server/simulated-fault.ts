/**
 * A SOAP 1.2 fault a simulator decided to answer with. Checks throw it; the endpoint catches it
 * and writes it with the runtime's `encodeFaultEnvelope` (HTTP 500 unless said otherwise).
 */
import type { QName } from '@volet/runtime';
import type { BodyBlock } from '@volet/runtime/soap';

/** Everything that goes into the fault envelope. */
export interface FaultSpec {
  /** Top-level SOAP 1.2 code. */
  readonly code: 'Sender' | 'Receiver' | 'MustUnderstand' | 'VersionMismatch';
  /** Subcodes, outermost first. */
  readonly subcodes?: readonly QName[];
  /** The reason text (never patient data). */
  readonly reason: string;
  /** `xml:lang` of the reason (default `en`, `fr` for the French services' own texts). */
  readonly lang?: string;
  /** Detail entries: encoded from generated descriptors, or raw XML. */
  readonly detail?: readonly (BodyBlock | string)[];
  /** HTTP status (default 500, as the DMP and the TLSi answer faults). */
  readonly status?: number;
}

/** Thrown by checks; carries the fault to send. */
export class SimulatedFault extends Error {
  /** @param spec - the fault to answer with */
  constructor(readonly spec: FaultSpec) {
    super(`SOAP fault ${[spec.code, ...(spec.subcodes ?? []).map((q) => q.local)].join(' / ')}`);
    this.name = 'SimulatedFault';
  }
}
