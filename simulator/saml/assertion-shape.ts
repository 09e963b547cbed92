/**
 * The parts of a SAML 2.0 assertion the simulators rely on. The assertion is decoded from the
 * verified bytes (see verify-signed-assertion.ts); the codec does not report every missing required
 * element in all modes, so they are checked here before any use.
 */
import type { AssertionType } from '../../generated/schemas/saml2/index.js';

/** The first required part the assertion lacks (`ID`, `IssueInstant`, `Version`, `Issuer`), or undefined. */
export function missingAssertionPart(assertion: AssertionType): string | undefined {
  const a = assertion as Partial<AssertionType>;
  if (typeof a.ID !== 'string' || a.ID === '') return 'ID';
  if (typeof a.IssueInstant !== 'string' || !Number.isFinite(Date.parse(a.IssueInstant))) return 'IssueInstant';
  if (typeof a.Version !== 'string') return 'Version';
  if (typeof a.Issuer?.$value !== 'string' || a.Issuer.$value.trim() === '') return 'Issuer';
  return undefined;
}
