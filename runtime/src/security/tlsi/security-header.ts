/**
 * What TLSi puts in `wsse:Security`, per access mode: CPx mode sends the assertion PS (and, when
 * a Vitale card is used, the Vitale assertion after it); mTLS mode sends no Security header at all
 * (what the public INSi client does and qualification accepts).
 */
import { securityHeader } from '../wsse.js';

/** TLSi access mode and its assertions. */
export type TlsiSecurity =
  | {
      /** Card mode: signed assertion PS first, then optional others (Vitale). */
      readonly mode: 'cpx';
      /** Pre-signed assertion strings, inserted byte for byte. */
      readonly assertions: readonly string[];
    }
  | { readonly mode: 'mtls' };

/** The `wsse:Security` block for the mode, or `undefined` for mTLS (send no header). */
export function tlsiSecurityHeader(security: TlsiSecurity): string | undefined {
  return security.mode === 'mtls' ? undefined : securityHeader(security.assertions);
}
