/**
 * The CI-SIS profile (DMP and other ANS services, "Volet Transport Synchrone pour client lourd"):
 * WS-Addressing MessageID (`urn:uuid:`), empty To, anonymous ReplyTo, Action, with
 * `mustUnderstand` on ReplyTo and Action, then `wsse:Security` holding only the VIHF assertion.
 * Mutual TLS is the transport's business (client options `tls`).
 */
import { CISIS_ADDRESSING, type AddressingProfile } from '../addressing/index.js';
import type { ProfileContext, ProfileRequest, SoapProfile } from '../client/profile.js';
import { WSSE_NS } from '../security/namespaces.js';
import type { VihfInput } from '../security/vihf/types.js';
import type { VihfProvider } from '../security/vihf/provider.js';
import { securityHeader } from '../security/wsse.js';
import { addressingBlocks, requiredAction } from './addressing-blocks.js';

/**
 * Where the VIHF of each call comes from: a function giving the assertion XML (signed as the mode
 * requires), or a {@link VihfProvider} with the token input (fresh tokens for INDIRECTE_RENFORCEE,
 * reuse for the other modes: the provider decides).
 */
export type VihfSource =
  | ((context: ProfileContext) => string | Promise<string>)
  | { readonly provider: VihfProvider; readonly input: VihfInput | ((context: ProfileContext) => VihfInput) };

/** Options of {@link cisisProfile}. */
export interface CisisProfileOptions {
  /** The VIHF of each call. */
  readonly vihf: VihfSource;
  /** Overrides of the CI-SIS addressing settings (`to`, `replyTo`, `mustUnderstand`, MessageID style). */
  readonly addressing?: AddressingProfile;
}

async function vihfXml(source: VihfSource, context: ProfileContext): Promise<string> {
  if (typeof source === 'function') return source(context);
  return source.provider.token(typeof source.input === 'function' ? source.input(context) : source.input);
}

/**
 * The CI-SIS profile.
 * @param options - the VIHF source and addressing overrides
 */
export function cisisProfile(options: CisisProfileOptions): SoapProfile {
  return {
    name: 'cisis',
    async prepare(context: ProfileContext): Promise<ProfileRequest> {
      const action = requiredAction(context);
      const wsa = addressingBlocks({ ...CISIS_ADDRESSING, ...options.addressing, action, soapVersion: context.soapVersion });
      const security = securityHeader([await vihfXml(options.vihf, context)]);
      return {
        headers: [...wsa.headers, { namespace: WSSE_NS, local: 'Security', xml: security }],
        messageId: wsa.messageId,
        action,
      };
    },
  };
}
