/**
 * Transport profiles: the headers and security each national transport adds to every request.
 * @packageDocumentation
 */
export { cisisProfile, type CisisProfileOptions, type VihfSource } from './cisis.js';
export {
  tlsiProfile,
  assertionPsSource,
  type TlsiProfileOptions,
  type TlsiProfileSecurity,
  type AssertionSource,
  type AssertionPsSourceOptions,
} from './tlsi.js';
export type { ContextValue } from './tlsi-contexts.js';
export { TLSI_CONTEXTS_SCHEMA } from './tlsi-contexts-schema.js';
