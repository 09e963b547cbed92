/**
 * The SOAP faults of the simulated DMP. The DMP answers security problems with a SOAP 1.2 fault,
 * Code `soap:Sender` and a subcode naming the problem; one is attested publicly
 * (`DMPInvalidCertificate`, "Not a valid signature certificate"), the others are the simulator's
 * choice in the same style (listed in docs/simulator.md). The subcodes' namespace is not public:
 * the simulator uses its own, so clients should compare local names.
 */
import { SimulatedFault } from '../server/simulated-fault.js';

/** Namespace of the simulator's DMP subcodes (the real one is not public). */
export const DMP_FAULT_NS = 'urn:volet:simulateur:dmp';

/** The DMP subcodes the simulator answers with. */
export type DmpFaultCode =
  /** No `wsse:Security` header, or no assertion in it. */
  | 'DMPVIHFMissing'
  /** The VIHF is not well formed, lacks an attribute its mode requires, or has a wrong value. */
  | 'DMPVIHFInvalid'
  /** The INDIRECTE modes require a signature: absent, or it does not verify. */
  | 'DMPInvalidSignature'
  /** The signing certificate is not trusted, expired, or not a signature certificate (attested code). */
  | 'DMPInvalidCertificate'
  /** An INDIRECTE_RENFORCEE (AIR) token older than 30 s, or outside its Conditions. */
  | 'DMPVIHFExpired'
  /** An INDIRECTE_RENFORCEE token whose ID was already used (single use). */
  | 'DMPVIHFReplayed';

/**
 * A DMP security fault.
 * @param code - the subcode
 * @param reason - the reason text (French, as the DMP writes them; never patient data)
 */
export function dmpFault(code: DmpFaultCode, reason: string): SimulatedFault {
  return new SimulatedFault({ code: 'Sender', subcodes: [{ namespace: DMP_FAULT_NS, local: code }], reason, lang: 'fr' });
}
