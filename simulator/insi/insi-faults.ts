/**
 * The faults of the simulated INSi, in the shape of the public TLSi fault
 * (`insi-padoa/extracted/fault-siram_100-desir_550.xml`): Code `soap:Sender`, a framework subcode
 * `siram_NNN` written in the envelope namespace, a French reason, and a `siram:Erreur` detail with
 * the service code, severity and the request's MessageID. Only `siram_100`/`desir_550` (unknown
 * IDAM) is attested with its texts; `DESIR_560` (certificate CN) is observed without its framework
 * code; the other codes are the simulator's choice (docs/simulator.md lists them).
 */
import { SOAP12_ENVELOPE_NS } from '@volet/runtime/soap';
import { type Erreur, ErreurElement } from '../../generated/schemas/siram/index.js';
import { SimulatedFault } from '../server/simulated-fault.js';

/** What one INSi fault says. */
export interface InsiFaultSpec {
  /** Framework subcode (`siram_100`). */
  readonly subcode: string;
  /** Reason text (French). */
  readonly reason: string;
  /** Service code (`desir_550`). */
  readonly code: string;
  /** Text of `siram:Erreur`. */
  readonly text: string;
}

/** Unknown IDAM (attested, texts included). */
export const UNKNOWN_IDAM: InsiFaultSpec = {
  subcode: 'siram_100',
  reason: "L'accès par ce progiciel au service n'est pas autorisé. Contactez l'éditeur du progiciel ou votre responsable informatique.",
  code: 'desir_550',
  text: "Numéro d'autorisation du logiciel inconnu.",
};

/** mTLS certificate whose CN is neither INSI-AUTO nor INSI-MANU (code and text observed; subcode chosen). */
export const ACCESS_LEVEL: InsiFaultSpec = {
  subcode: 'siram_100',
  reason: "L'accès au service n'est pas autorisé avec ce certificat.",
  code: 'DESIR_560',
  text: "Niveau d'accès insuffisant",
};

/** ContexteLPS or ContexteBAM missing (simulator's choice). */
export const MISSING_CONTEXT: InsiFaultSpec = {
  subcode: 'siram_090',
  reason: 'Le message ne respecte pas le volet transport : contexte absent.',
  code: 'desir_510',
  text: 'En-tête ContexteLPS ou ContexteBAM absent.',
};

/** CPx mode: assertion PS absent, unsigned, untrusted or incomplete (simulator's choice). */
export const INVALID_ASSERTION: InsiFaultSpec = {
  subcode: 'siram_110',
  reason: "L'authentification du professionnel de santé a échoué.",
  code: 'desir_570',
  text: 'Assertion PS absente, non signée ou invalide.',
};

/**
 * The fault for `spec`.
 * @param spec - codes and texts
 * @param messageId - the request's wsa:MessageID, echoed in `siram:Erreur/@messageID`
 * @param detailText - replaces the standard `siram:Erreur` text (for a more precise cause)
 */
export function insiFault(spec: InsiFaultSpec, messageId: string | undefined, detailText?: string): SimulatedFault {
  const erreur: Erreur = {
    $value: detailText ?? spec.text,
    code: spec.code,
    severite: 'erreur',
    ...(messageId === undefined ? {} : { messageID: messageId }),
  };
  return new SimulatedFault({
    code: 'Sender',
    subcodes: [{ namespace: SOAP12_ENVELOPE_NS, local: spec.subcode }],
    reason: spec.reason,
    lang: 'fr',
    detail: [{ element: ErreurElement, value: erreur }],
  });
}
