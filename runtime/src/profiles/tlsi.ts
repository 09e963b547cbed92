/**
 * The CI-TLSi profile (Assurance Maladie tele-services: INSi, ADRi, IMTi…): `ContexteBAM`,
 * `ContexteLPS`, `wsa:Action` and `wsa:MessageID` (`uuid:`, no mustUnderstand), then in CPx mode
 * `wsse:Security` with the assertions inserted byte for byte; mTLS mode sends no Security header.
 * Order as the public INSi client that passes qualification (BAM, LPS, Action, MessageID, Security).
 * When the WSDL declares these blocks as header parts (INSi), the profile supplies them and the
 * caller need not; a block the caller gives for the same element is sent instead.
 */
import { TLSI_ADDRESSING, type AddressingProfile } from '../addressing/index.js';
import type { ProfileContext, ProfileHeader, ProfileRequest, SoapProfile } from '../client/profile.js';
import { WSSE_NS } from '../security/namespaces.js';
import type { Signer } from '../security/signers/signer.js';
import { buildAssertionPs, type AssertionPsInput, type AssertionPsOptions } from '../security/tlsi/assertion-ps.js';
import { tlsiSecurityHeader } from '../security/tlsi/security-header.js';
import { systemClock, type Clock } from '../security/time.js';
import { addressingBlocks, requiredAction } from './addressing-blocks.js';
import { contextHeader, type ContextValue } from './tlsi-contexts.js';

/** The assertions of CPx mode: pre-signed strings (inserted byte for byte), or a function giving them per call. */
export type AssertionSource = readonly string[] | ((context: ProfileContext) => readonly string[] | Promise<readonly string[]>);

/** TLSi access mode. */
export type TlsiProfileSecurity =
  /** Card mode: the signed assertion PS first, then optional others (Vitale). */
  | { readonly mode: 'cpx'; readonly assertions: AssertionSource }
  /** Organisation certificate on the TLS connection: no `wsse:Security`. */
  | { readonly mode: 'mtls' };

/** Options of {@link tlsiProfile}. */
export interface TlsiProfileOptions {
  /** Context values in the JSON form of the generated types (as `volet decode` prints them). */
  readonly contexts?: { readonly ContexteLPS?: ContextValue; readonly ContexteBAM?: ContextValue };
  readonly security: TlsiProfileSecurity;
  /** Give each message fresh context `Id`s and `Temps` (default true). */
  readonly freshContexts?: boolean;
  /** Overrides of the TLSi addressing settings. */
  readonly addressing?: AddressingProfile;
  /** Clock for context timestamps. */
  readonly now?: Clock;
}

/**
 * The CI-TLSi profile.
 * @param options - contexts, security mode, addressing overrides
 */
export function tlsiProfile(options: TlsiProfileOptions): SoapProfile {
  return {
    name: 'tlsi',
    async prepare(context: ProfileContext): Promise<ProfileRequest> {
      const action = requiredAction(context);
      const headers: ProfileHeader[] = [];
      const contextOptions = { fresh: options.freshContexts ?? true, now: options.now ?? systemClock };
      const ctx = options.contexts ?? {};
      if (ctx.ContexteBAM !== undefined) headers.push(contextHeader(context.schema, 'ContexteBAM', ctx.ContexteBAM, contextOptions));
      if (ctx.ContexteLPS !== undefined) headers.push(contextHeader(context.schema, 'ContexteLPS', ctx.ContexteLPS, contextOptions));
      const wsa = addressingBlocks({ ...TLSI_ADDRESSING, ...options.addressing, action, soapVersion: context.soapVersion });
      // TLSi order: Action before MessageID.
      headers.push(...wsa.headers.filter((h) => h.local === 'Action'), ...wsa.headers.filter((h) => h.local !== 'Action'));
      const security = options.security;
      if (security.mode === 'cpx') {
        const assertions = typeof security.assertions === 'function' ? await security.assertions(context) : security.assertions;
        const xml = tlsiSecurityHeader({ mode: 'cpx', assertions });
        if (xml !== undefined) headers.push({ namespace: WSSE_NS, local: 'Security', xml });
      }
      return { headers, messageId: wsa.messageId, action };
    },
  };
}

/** Options of {@link assertionPsSource}. */
export interface AssertionPsSourceOptions extends Omit<AssertionPsOptions, 'signer'> {
  /** The signer (the CPx card through PKCS#11, or a file key in tests). */
  readonly signer: Signer;
  /** Reuse a built assertion this long (default 300 s; an assertion PS is said to last 1 h). */
  readonly reuseSeconds?: number;
}

/**
 * CPx assertions built and signed in process with `buildAssertionPs`, reused for `reuseSeconds`:
 * pass the result as `security.assertions`.
 */
export function assertionPsSource(input: AssertionPsInput, options: AssertionPsSourceOptions): () => Promise<readonly string[]> {
  const { reuseSeconds = 300, ...build } = options;
  const clock = build.now ?? systemClock;
  let cached: { xml: string; until: number } | undefined;
  return async () => {
    const now = clock().getTime();
    if (cached === undefined || now >= cached.until) {
      cached = { xml: await buildAssertionPs(input, build), until: now + reuseSeconds * 1000 };
    }
    return [cached.xml];
  };
}
