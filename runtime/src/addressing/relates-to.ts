/**
 * Checks that a response answers our request (wsa:RelatesTo = our MessageID). Not fatal by default:
 * the official DMP examples pair responses whose RelatesTo does not match their request, and a
 * mismatch says more about the server than about the payload.
 */
import { AddressingError } from './addressing-error.js';
import { WSA_REPLY } from './constants.js';
import { readAddressingHeaders, type ResponseAddressing } from './read-headers.js';

/** `off`: no check; `warn` (default): report a mismatch; `strict`: throw on a mismatch. */
export type RelatesToMode = 'off' | 'warn' | 'strict';

/** Outcome of {@link checkRelatesTo}. */
export interface RelatesToResult {
  /** `skipped` (mode off), `absent` (no reply RelatesTo: accepted), `match`, or `mismatch` (warn mode). */
  readonly status: 'skipped' | 'absent' | 'match' | 'mismatch';
  /** Explanation for a mismatch. */
  readonly message?: string;
}

/** Options of {@link checkRelatesTo}. */
export interface RelatesToOptions {
  /** Receives the warning in `warn` mode (default: `process.emitWarning` with code `VOLET_WSA_RELATES_TO`). */
  readonly onWarning?: (message: string) => void;
}

/**
 * Compares the response's reply RelatesTo with the request MessageID. An absent RelatesTo is
 * accepted in every mode (WS-A makes it optional for anonymous replies).
 * @param response - headers read with {@link readAddressingHeaders}, or raw header XML
 * @param requestMessageId - the MessageID sent
 * @param mode - `off`, `warn` (default) or `strict` (throws {@link AddressingError} `relates-to-mismatch`)
 * @param options - warning sink
 */
export function checkRelatesTo(
  response: ResponseAddressing | string | readonly string[],
  requestMessageId: string,
  mode: RelatesToMode = 'warn',
  options: RelatesToOptions = {},
): RelatesToResult {
  if (mode === 'off') return { status: 'skipped' };
  const headers =
    typeof response === 'string' || Array.isArray(response) ? readAddressingHeaders(response as string | readonly string[]) : (response as ResponseAddressing);
  const replies = headers.relatesTo.filter((r) => r.relationshipType === WSA_REPLY);
  if (replies.length === 0) return { status: 'absent' };
  const expected = requestMessageId.trim();
  if (replies.some((r) => r.value === expected)) return { status: 'match' };
  // MessageIDs are random UUIDs, not personal data: safe to show.
  const message = `wsa:RelatesTo ${replies.map((r) => r.value).join(', ')} does not match the request MessageID ${expected}`;
  if (mode === 'strict') throw new AddressingError('relates-to-mismatch', message);
  if (options.onWarning) options.onWarning(message);
  else process.emitWarning(message, { code: 'VOLET_WSA_RELATES_TO' });
  return { status: 'mismatch', message };
}
