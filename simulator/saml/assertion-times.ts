/**
 * Time checks of a SAML assertion, the same for every mode and both simulators: `IssueInstant`
 * not in the future, `Conditions/@NotBefore` reached and `@NotOnOrAfter` not passed, each with a
 * tolerated clock skew (default {@link DEFAULT_CLOCK_SKEW_SECONDS}), and, when a maximum age is
 * given, `IssueInstant` not older than that.
 */
import type { VerifiedAssertion } from '@volet/runtime/security';

/** Tolerated difference between the sender's clock and ours, in seconds (documented in docs/simulator.md). */
export const DEFAULT_CLOCK_SKEW_SECONDS = 5;

/** Which time rule an assertion broke. */
export type TimeViolation = 'issued-in-future' | 'too-old' | 'not-yet-valid' | 'expired' | 'unreadable';

/** Options of {@link assertionTimeViolation}. */
export interface TimeCheck {
  readonly now: Date;
  /** Tolerated skew in seconds (default {@link DEFAULT_CLOCK_SKEW_SECONDS}). */
  readonly clockSkewSeconds?: number;
  /** Maximum age of `IssueInstant` in seconds (AIR: 30), none by default. */
  readonly maxAgeSeconds?: number;
}

/**
 * The first time rule `assertion` breaks, or undefined.
 * @param assertion - the verified assertion (its times are read from the signed bytes)
 * @param check - clock, skew, maximum age
 */
export function assertionTimeViolation(assertion: VerifiedAssertion, check: TimeCheck): TimeViolation | undefined {
  const now = check.now.getTime();
  const skew = (check.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS) * 1000;
  const issued = Date.parse(assertion.issueInstant ?? '');
  if (!Number.isFinite(issued)) return 'unreadable';
  if (issued > now + skew) return 'issued-in-future';
  if (check.maxAgeSeconds !== undefined && now - issued > check.maxAgeSeconds * 1000 + skew) return 'too-old';
  if (assertion.notBefore !== undefined) {
    const notBefore = Date.parse(assertion.notBefore);
    if (!Number.isFinite(notBefore)) return 'unreadable';
    if (notBefore > now + skew) return 'not-yet-valid';
  }
  if (assertion.notOnOrAfter !== undefined) {
    const notOnOrAfter = Date.parse(assertion.notOnOrAfter);
    if (!Number.isFinite(notOnOrAfter)) return 'unreadable';
    if (!(notOnOrAfter + skew > now)) return 'expired';
  }
  return undefined;
}
