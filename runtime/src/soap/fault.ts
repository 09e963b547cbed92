/**
 * SOAP faults (1.1 and 1.2) as a typed error.
 */
import { VoletError } from '../errors/volet-error.js';
import type { QName } from '../xml/qname.js';

/** One reason text of a fault (SOAP 1.2 `Reason/Text`, SOAP 1.1 `faultstring`). */
export interface FaultReason {
  readonly text: string;
  /** `xml:lang`, when given. */
  readonly lang?: string;
}

/**
 * A block read from an envelope: a header block, a body element, or a fault detail entry.
 * Decoded with a descriptor when one matches (`key` and `value` set), raw XML otherwise (`xml`).
 */
export interface SoapBlock {
  /** The element's namespace (`''` for none). */
  readonly namespace: string;
  readonly local: string;
  /** Key of the descriptor's element when one matched. */
  readonly key?: string;
  /** The decoded value, when a descriptor matched. */
  readonly value?: unknown;
  /** The element as raw, self-contained XML, when no descriptor matched. */
  readonly xml?: string;
  /** For header blocks: the `mustUnderstand` attribute was true. */
  readonly mustUnderstand?: boolean;
}

/** What a {@link SoapFault} is made of. */
export interface SoapFaultInit {
  readonly version: '1.1' | '1.2';
  readonly faultCode: QName;
  readonly subcodes?: readonly QName[];
  readonly reasons?: readonly FaultReason[];
  readonly node?: string | undefined;
  readonly role?: string | undefined;
  readonly detail?: readonly SoapBlock[];
  readonly headers?: readonly SoapBlock[];
  /** The HTTP status the fault arrived with, when it came over HTTP. */
  readonly httpStatus?: number;
}

/**
 * A SOAP fault received from a service (both versions). `faultCode` is the top-level code
 * (`env:Sender`, `env:Receiver`…; SOAP 1.1 `faultcode` as written, `soap:Client`…), `subcodes`
 * the nested SOAP 1.2 subcodes in order (DMP `DMPInvalidCertificate`, TLSi `siram_100`). The
 * message names only the codes: reason texts (which may mention a patient) are in `reasons`.
 */
export class SoapFault extends VoletError {
  readonly version: '1.1' | '1.2';
  readonly faultCode: QName;
  readonly subcodes: readonly QName[];
  readonly reasons: readonly FaultReason[];
  /** SOAP 1.2 `Node`. */
  readonly node?: string;
  /** SOAP 1.2 `Role`, SOAP 1.1 `faultactor`. */
  readonly role?: string;
  /** Detail entries: typed when a detail descriptor matched, raw XML otherwise. */
  readonly detail: readonly SoapBlock[];
  /** The response's header blocks. */
  readonly headers: readonly SoapBlock[];
  /** HTTP status of the response that carried the fault (500 for SOAP 1.2 Receiver faults, 400 for Sender…); undefined when not read from HTTP. */
  readonly httpStatus: number | undefined;

  /** @param init - the fault's parts */
  constructor(init: SoapFaultInit) {
    const codes = [init.faultCode, ...(init.subcodes ?? [])].map((q) => q.local).join(' / ');
    super('soap-fault', `SOAP fault ${codes}`);
    this.version = init.version;
    this.faultCode = init.faultCode;
    this.subcodes = init.subcodes ?? [];
    this.reasons = init.reasons ?? [];
    if (init.node !== undefined) this.node = init.node;
    if (init.role !== undefined) this.role = init.role;
    this.detail = init.detail ?? [];
    this.headers = init.headers ?? [];
    this.httpStatus = init.httpStatus;
  }

  /** The reason text in `lang` when there is one, else the first reason text, else `''`. */
  reason(lang?: string): string {
    if (lang !== undefined) {
      const match = this.reasons.find((r) => r.lang?.toLowerCase() === lang.toLowerCase());
      if (match !== undefined) return match.text;
    }
    return this.reasons[0]?.text ?? '';
  }

  /** The innermost subcode, else the fault code: the most specific code. */
  get mostSpecificCode(): QName {
    return this.subcodes.length > 0 ? this.subcodes[this.subcodes.length - 1] : this.faultCode;
  }
}
