/**
 * The debug trace of a client: one event per request and per response, with the envelope text.
 * Patient data and bearer tokens must not reach logs, so the text is redacted deny-by-default
 * ({@link redactXml}: structure and safe-by-construction values only) unless the caller sets
 * `revealValues`.
 */
import { MASK, redactXml } from '../xml/redact-xml.js';

/** One traced HTTP exchange half. */
export interface TraceEvent {
  readonly phase: 'request' | 'response';
  /** The operation called. */
  readonly operation: string;
  /** The endpoint, origin and path only. */
  readonly url: string;
  /** HTTP status (responses). */
  readonly status?: number;
  /** HTTP headers, lower-case names; values outside {@link SAFE_HTTP_HEADERS} are `***` unless `revealValues`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The SOAP envelope as text: redacted unless `revealValues` is set. */
  readonly body: string;
  /** XOP attachments of the message (their bytes are never traced); `size` is -1 for a stream of unknown length. */
  readonly attachments: readonly { readonly contentId: string; readonly size: number }[];
  /** True when `body` went through {@link redactXml}. */
  readonly masked: boolean;
}

/** Receives trace events. */
export type TraceHook = (event: TraceEvent) => void;

/** HTTP headers whose values say how the message is framed, never who it is about or a credential. */
export const SAFE_HTTP_HEADERS: ReadonlySet<string> = new Set([
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'content-transfer-encoding',
  'mime-version',
  'soapaction',
  'accept',
  'accept-encoding',
  'connection',
  'keep-alive',
  'date',
  'server',
]);

/**
 * HTTP headers for a trace: values of headers outside {@link SAFE_HTTP_HEADERS} (cookies, tokens,
 * custom headers) become `***`; names are kept.
 * @param headers - lower-case names
 */
export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = SAFE_HTTP_HEADERS.has(name.toLowerCase()) ? value : MASK;
  return out;
}
