/**
 * Options of {@link SoapClient} (per client) and of one call (they override the client's), and
 * what a call returns besides the typed body.
 */
import type { RelatesToMode, ResponseAddressing } from '../addressing/index.js';
import type { HttpsTransportOptions } from '../http/https-transport.js';
import type { Transport } from '../http/transport.js';
import type { AttachmentOutput, ReceivedAttachment } from '../mtom/received-attachment.js';
import type { HeaderBlock, SoapBlock } from '../soap/index.js';
import type { SoapProfile } from './profile.js';
import type { TraceHook } from './trace.js';

/** Options shared by a client and its calls. */
export interface CommonOptions {
  /** Endpoint URL; overrides the WSDL address (which is often a placeholder). */
  endpoint?: string;
  /** Whole-call timeout in milliseconds (default: the transport's, 60 s for {@link HttpsTransport}). */
  timeoutMs?: number;
  /**
   * Send the `base64Binary` content of the request as XOP parts (MTOM, `multipart/related`).
   * Default: on for operations whose descriptor says `mtom`, off otherwise.
   */
  mtom?: boolean;
  /**
   * Stream the XOP parts of multipart responses to files (`{ dir }`) or to writables the caller
   * opens per part (`{ sink }`) as they arrive, instead of holding them in memory. The response is
   * then parsed while it arrives; a `base64Binary` value bound to a part is a
   * {@link ReceivedAttachment} (path, size, Content-ID) instead of bytes. The transport's
   * `maxResponseBytes` bounds the envelope, `maxAttachmentBytes` (default 4 GiB) the parts.
   */
  attachments?: AttachmentOutput;
  /**
   * Strict decoding of responses: unknown or misplaced elements, missing required ones and a SOAP
   * version other than the operation's are errors. Default false (lenient: unknown elements are
   * skipped, order-tolerant where the name is unambiguous).
   */
  strict?: boolean;
  /**
   * Check each request before sending it, as `volet encode` does: a property its type does not
   * know (with the nearest expected names), a value outside its enumeration, pattern, length or
   * range, a value outside its built-in type's lexical space (`xs:date`…). The call then rejects
   * with an `EncodeError` naming the property path, and nothing is sent. Default true; `false`
   * skips the checks (see BENCHMARKS.md for what they cost).
   */
  validateRequests?: boolean;
  /** Also check facets when decoding responses (and requests, whatever `validateRequests` says). Default false. */
  validate?: boolean;
  /** The transport profile adding WS-Addressing, security and context headers (`cisisProfile`, `tlsiProfile`). */
  profile?: SoapProfile;
  /**
   * What to do when the response's `wsa:RelatesTo` is not the request's MessageID: `warn`
   * (default; the official DMP examples do not match), `strict` (throw `AddressingError`), `off`.
   */
  relatesTo?: RelatesToMode;
  /** Receives non-fatal warnings (RelatesTo mismatch). Default: `process.emitWarning`. */
  onWarning?: (message: string) => void;
  /** Debug trace of requests and responses (envelope text redacted deny-by-default, see `redactXml`). */
  trace?: TraceHook;
  /**
   * Show values in traces: patient data, signed VIHF tokens (reusable bearer tokens) and signature
   * values appear. Meant for simulators and local debugging; default false.
   */
  revealValues?: boolean;
  /** Called with every successful response, headers included (see {@link SoapClient.callWithHeaders}). */
  onResponse?: (response: SoapResponse<unknown>) => void;
  /**
   * When a header block given by the caller (a declared header part or an extra header) and one of
   * the profile's have the same element name, which one is sent: `caller` (default) or `profile`
   * (for replaying a captured request with fresh addressing and security headers).
   */
  headerPrecedence?: 'caller' | 'profile';
}

/** Options of a client, for every call it makes. */
export interface ClientOptions extends CommonOptions {
  /** How requests are sent. Default: an {@link HttpsTransport} built from `tls` on first use. */
  transport?: Transport;
  /** TLS credentials, trust store, proxy, limits for the default transport (ignored with `transport`). */
  tls?: HttpsTransportOptions;
}

/** Options of one call; they override the client's. */
export interface CallOptions extends CommonOptions {
  /** Cancels the call (the promise rejects with a `TransportError` of kind `aborted`). */
  signal?: AbortSignal;
  /** The request's WS-Addressing action, instead of the descriptor's. */
  action?: string;
  /**
   * The HTTP action (SOAP 1.2 `action=` parameter, SOAP 1.1 `SOAPAction`), instead of the default:
   * the binding's `soapAction` when non-empty, else the WS-Addressing action.
   */
  httpAction?: string;
  /** More header blocks: raw XML strings (self-contained elements) or blocks encoded by descriptor. */
  extraHeaders?: readonly (string | HeaderBlock)[];
  /** No profile for this call, even if the client has one. */
  noProfile?: boolean;
}

/** A response with everything that came with the typed body. */
export interface SoapResponse<T> {
  /** The typed body: the single output part's value, an object keyed by part name, or undefined. */
  readonly body: T;
  /** The operation called. */
  readonly operation: string;
  /** SOAP version of the response envelope. */
  readonly version: '1.1' | '1.2';
  /** Response header blocks: typed when the WSDL declares them as output header parts, raw XML otherwise. */
  readonly headers: readonly SoapBlock[];
  /** The body elements as decoded (typed by descriptor, raw when unknown). */
  readonly bodyBlocks: readonly SoapBlock[];
  /** The WS-Addressing headers of the response. */
  readonly addressing: ResponseAddressing;
  /** The `wsa:MessageID` the request carried (when a profile sent one). */
  readonly messageId: string | undefined;
  /** HTTP status. */
  readonly status: number;
  /** HTTP response headers (lower-case names). */
  readonly httpHeaders: Readonly<Record<string, string>>;
  /** XOP attachments of a multipart response, by normalised Content-ID (already bound into the body). */
  readonly attachments: ReadonlyMap<string, Uint8Array>;
  /** With the `attachments` option: the parts streamed to files or sinks, by normalised Content-ID (already bound into the body). */
  readonly receivedAttachments?: ReadonlyMap<string, ReceivedAttachment>;
}

/** The options in force for one call. */
export interface EffectiveOptions extends CallOptions {
  readonly relatesTo: RelatesToMode;
  readonly headerPrecedence: 'caller' | 'profile';
}

/** Merges a client's options with a call's (the call's win; `undefined` does not override). */
export function effectiveOptions(client: ClientOptions, call: CallOptions): EffectiveOptions {
  const merged: Record<string, unknown> = {};
  copyDefined(merged, client);
  copyDefined(merged, call);
  merged.relatesTo ??= 'warn';
  merged.headerPrecedence ??= 'caller';
  return merged as unknown as EffectiveOptions;
}

/** Copies the own options of `source` that are set, except the client's transport settings (once per call: no intermediate arrays). */
function copyDefined(target: Record<string, unknown>, source: object): void {
  const from = source as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value !== undefined && key !== 'transport' && key !== 'tls') target[key] = value;
  }
}
