/**
 * Builds the WS-Addressing request header blocks as XML strings, ready to be placed in a SOAP
 * Header by the envelope writer. Each block declares the namespaces it uses, so it is well-formed
 * wherever it lands; order is MessageID, To, ReplyTo, Action (the order of the CI-SIS examples).
 */
import { SOAP11_ENV_NS, SOAP12_ENV_NS, WSA_ANONYMOUS, WSA_NS, type SoapVersion } from './constants.js';
import { AddressingError } from './addressing-error.js';
import { newMessageId, type MessageIdStyle } from './message-id.js';
import { checkPrefix, escapeText } from './xml-text.js';
import { BoundedMap } from '../bounded-map.js';

/** The four request headers. */
export type AddressingHeaderName = 'MessageID' | 'To' | 'ReplyTo' | 'Action';

/** Settings shared by every call of one profile (see {@link CISIS_ADDRESSING}, {@link TLSI_ADDRESSING}). */
export interface AddressingProfile {
  /** Style of generated MessageIDs. */
  readonly messageIdStyle?: MessageIdStyle;
  /** `wsa:To`: `undefined` writes an empty element (as every CI-SIS example does), `null` omits it. */
  readonly to?: string | null;
  /** `wsa:ReplyTo/wsa:Address`: `undefined` writes the anonymous URI, `null` omits ReplyTo. */
  readonly replyTo?: string | null;
  /** Headers that carry the SOAP `mustUnderstand` attribute (default ReplyTo and Action). */
  readonly mustUnderstand?: readonly AddressingHeaderName[];
}

/** Input of {@link buildAddressingHeaders}. */
export interface AddressingOptions extends AddressingProfile {
  /** `wsa:Action`, e.g. `urn:ihe:iti:2007:RetrieveDocumentSet`. */
  readonly action: string;
  /** SOAP version of the envelope: decides the mustUnderstand namespace and value (default 1.2). */
  readonly soapVersion?: SoapVersion;
  /** A MessageID to use instead of a generated one. */
  readonly messageId?: string;
  /** Prefix for the WS-Addressing namespace (default `wsa`). */
  readonly prefix?: string;
  /** Prefix declared on blocks for the SOAP envelope namespace (default `env` for 1.2, `soap` for 1.1). */
  readonly envelopePrefix?: string;
}

/** The header values and their XML. */
export interface AddressingHeaders {
  /** The MessageID sent (keep it to check the response's RelatesTo). */
  readonly messageId: string;
  /** The Action sent. */
  readonly action: string;
  /** The To sent (`''` for an empty element), or undefined when omitted. */
  readonly to: string | undefined;
  /** The ReplyTo address sent, or undefined when omitted. */
  readonly replyTo: string | undefined;
  /** One XML string per header block, in order. */
  readonly blocks: readonly string[];
  /** The blocks concatenated. */
  readonly xml: string;
}

/** CI-SIS (DMP): `urn:uuid:` MessageID, empty To, anonymous ReplyTo, mustUnderstand on ReplyTo and Action. */
export const CISIS_ADDRESSING: AddressingProfile = Object.freeze({
  messageIdStyle: 'urn:uuid',
  mustUnderstand: Object.freeze(['ReplyTo', 'Action'] as const),
});

/** CI-TLSi (INSi…): `uuid:` MessageID and Action only, no mustUnderstand. */
export const TLSI_ADDRESSING: AddressingProfile = Object.freeze({
  messageIdStyle: 'uuid',
  to: null,
  replyTo: null,
  mustUnderstand: Object.freeze([] as const),
});

/**
 * Builds the request header blocks.
 * @param options - action, SOAP version and profile settings
 */
export function buildAddressingHeaders(options: AddressingOptions): AddressingHeaders {
  if (typeof options.action !== 'string' || options.action.trim() === '') {
    throw new AddressingError('invalid-value', 'wsa:Action must be a non-empty URI');
  }
  const version = options.soapVersion ?? '1.2';
  const p = options.prefix ?? 'wsa';
  const envPrefix = options.envelopePrefix ?? (version === '1.2' ? 'env' : 'soap');
  const tags = startTags(p, envPrefix, version, options.mustUnderstand ?? DEFAULT_MUST_UNDERSTAND);

  const messageId = options.messageId ?? newMessageId(options.messageIdStyle ?? 'urn:uuid');
  const to = options.to === null ? undefined : (options.to ?? '');
  const replyTo = options.replyTo === null ? undefined : (options.replyTo ?? WSA_ANONYMOUS);

  const blocks: string[] = [];
  blocks.push(`${tags.MessageID}>${escapeText(messageId, 'wsa:MessageID')}</${p}:MessageID>`);
  if (to !== undefined) blocks.push(to === '' ? `${tags.To}/>` : `${tags.To}>${escapeText(to, 'wsa:To')}</${p}:To>`);
  if (replyTo !== undefined) {
    blocks.push(`${tags.ReplyTo}><${p}:Address>${escapeText(replyTo, 'wsa:ReplyTo/wsa:Address')}</${p}:Address></${p}:ReplyTo>`);
  }
  blocks.push(`${tags.Action}>${escapeText(options.action, 'wsa:Action')}</${p}:Action>`);
  return { messageId, action: options.action, to, replyTo, blocks, xml: blocks.join('') };
}

const DEFAULT_MUST_UNDERSTAND: readonly AddressingHeaderName[] = ['ReplyTo', 'Action'];
/** Start tags (without their `>`) by prefixes, SOAP version and mustUnderstand list: a profile uses one set for all its calls. */
const MAX_START_TAG_SETS = 32;
const startTagCache = new BoundedMap<string, Readonly<Record<AddressingHeaderName, string>>>(MAX_START_TAG_SETS);

/** The four start tags for these settings (prefixes checked once per set); every value in them is fixed by the settings. */
function startTags(
  p: string,
  envPrefix: string,
  version: SoapVersion,
  mustUnderstand: readonly AddressingHeaderName[],
): Readonly<Record<AddressingHeaderName, string>> {
  // JSON: an unambiguous key even for values that the checks below would refuse.
  const key = JSON.stringify([p, envPrefix, version, mustUnderstand]);
  const cached = startTagCache.get(key);
  if (cached !== undefined) return cached;
  checkPrefix(p, 'WS-Addressing prefix');
  checkPrefix(envPrefix, 'envelope prefix');
  if (envPrefix === p) throw new AddressingError('invalid-value', 'the envelope and WS-Addressing prefixes must differ');
  const must = new Set<AddressingHeaderName>(mustUnderstand);
  const mu = `xmlns:${envPrefix}="${version === '1.2' ? SOAP12_ENV_NS : SOAP11_ENV_NS}" ${envPrefix}:mustUnderstand="${version === '1.2' ? 'true' : '1'}"`;
  const open = (name: AddressingHeaderName): string => `<${p}:${name} xmlns:${p}="${WSA_NS}"${must.has(name) ? ' ' + mu : ''}`;
  const tags = Object.freeze({ MessageID: open('MessageID'), To: open('To'), ReplyTo: open('ReplyTo'), Action: open('Action') });
  startTagCache.set(key, tags);
  return tags;
}
