/**
 * Clocks and timestamps. Every time-dependent helper takes a {@link Clock} so tests and token
 * caches can control "now" without patching globals.
 */

/** Returns the current time. */
export type Clock = () => Date;

/** The wall clock. */
export const systemClock: Clock = () => new Date();

/** `2026-01-31T08:09:10.123Z`: UTC with milliseconds, the form of every official VIHF/TLSi timestamp. */
export function formatInstant(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date');
  return date.toISOString();
}

/** `date` plus `seconds` (may be negative). */
export function addSeconds(date: Date, seconds: number): Date {
  return new Date(date.getTime() + seconds * 1000);
}
