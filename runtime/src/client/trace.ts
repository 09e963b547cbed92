/**
 * The debug trace of a client: one event per request and per response, with the envelope text.
 * Patient data and bearer tokens must not reach logs, so the text is redacted deny-by-default
 * ({@link redactXml}: structure and safe-by-construction values only) unless the caller sets
 * `revealValues`.
 */
import { redactXml } from '../xml/redact-xml.js';

/** One traced HTTP exchange half. */
export interface TraceEvent {
  readonly phase: 'request' | 'response';
  /** The operation called. */
  readonly operation: string;
  /** The endpoint, origin and path only. */
  readonly url: string;
  /** HTTP status (responses). */
  readonly status?: number;
  /** HTTP headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The SOAP envelope as text: redacted unless `revealValues` is set. */
  readonly body: string;
  /** XOP attachments of the message (their bytes are never traced). */
  readonly attachments: readonly { readonly contentId: string; readonly size: number }[];
  /** True when `body` went through {@link redactXml}. */
  readonly masked: boolean;
}

/** Receives trace events. */
export type TraceHook = (event: TraceEvent) => void;

/**
 * The former name of {@link redactXml}, kept for callers of 0.1: the same deny-by-default redaction.
 * @deprecated use `redactXml`
 * @param xml - an envelope or fragment
 */
export function maskSensitiveXml(xml: string): string {
  return redactXml(xml);
}
