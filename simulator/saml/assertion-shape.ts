/**
 * The parts of a SAML 2.0 assertion the simulators rely on. `wsse:Security` may arrive already
 * decoded by the envelope reader, which is lenient and does not report missing required elements,
 * so they are checked here before any use.
 */
import type { AssertionType } from '../../generated/schemas/saml2/index.js';
import type { SecurityHeaderType } from '../../generated/schemas/wsse/index.js';

/** The assertions of a decoded `wsse:Security` (none when the header holds none). */
export function securityAssertions(security: SecurityHeaderType | undefined): AssertionType[] {
  const list: unknown = security?.Assertion;
  return Array.isArray(list) ? (list as AssertionType[]) : [];
}

/** The first required part the assertion lacks (`ID`, `IssueInstant`, `Version`, `Issuer`), or undefined. */
export function missingAssertionPart(assertion: AssertionType): string | undefined {
  const a = assertion as Partial<AssertionType>;
  if (typeof a.ID !== 'string' || a.ID === '') return 'ID';
  if (typeof a.IssueInstant !== 'string' || !Number.isFinite(Date.parse(a.IssueInstant))) return 'IssueInstant';
  if (typeof a.Version !== 'string') return 'Version';
  if (typeof a.Issuer?.$value !== 'string' || a.Issuer.$value.trim() === '') return 'Issuer';
  return undefined;
}
