/**
 * The debug trace of a client: one event per request and per response, with the envelope text.
 * Patient data must not reach logs by default, so the text is masked unless the caller opts out:
 * INS/NIR numbers wherever they appear (INSi bodies, HL7 ids, XDS patient ids, VIHF resource-id),
 * names and birth data elements (INSi traits, HL7 `given`/`family`/`birthTime`), and signature values.
 */

/** One traced HTTP exchange half. */
export interface TraceEvent {
  readonly phase: 'request' | 'response';
  /** The operation called. */
  readonly operation: string;
  /** The endpoint, origin and path only. */
  readonly url: string;
  /** HTTP status (responses). */
  readonly status?: number;
  /** HTTP headers, lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The SOAP envelope as text: masked unless `traceUnmasked` is set. */
  readonly body: string;
  /** XOP attachments of the message (their bytes are never traced); `size` is -1 for a stream of unknown length. */
  readonly attachments: readonly { readonly contentId: string; readonly size: number }[];
  /** True when `body` went through {@link maskSensitiveXml}. */
  readonly masked: boolean;
}

/** Receives trace events. */
export type TraceHook = (event: TraceEvent) => void;

/** Elements whose text is personal data or a signature value. */
const TEXT_ELEMENTS = [
  // INSi request and response traits, ContexteBAM beneficiary.
  'NomNaissance',
  'Prenom',
  'ListePrenom',
  'NomUsage',
  'DateNaissance',
  'LieuNaissance',
  'RangNaissance',
  'NumIdentifiant',
  'Cle',
  'Num',
  'DateNai',
  // HL7 v3 person names.
  'given',
  'family',
  // XML-DSig.
  'SignatureValue',
];
/** Elements whose attribute values are personal data (HL7 `<birthTime value="…"/>`). */
const ATTRIBUTE_ELEMENTS = ['birthTime'];

const TEXT = new RegExp(`(<(?:[\\w.-]+:)?(?:${TEXT_ELEMENTS.join('|')})(?:\\s[^>]*)?>)([^<]+)(</)`, 'g');
const ATTRIBUTES = new RegExp(`<(?:[\\w.-]+:)?(?:${ATTRIBUTE_ELEMENTS.join('|')})\\b[^>]*>`, 'g');
/** NIR / INS: 13 characters (Corsica 2A/2B allowed at positions 6-7), optionally with the 2-digit key. */
const INS = /(?<![\w.])\d{5}(?:\d{2}|2[AB])\d{6}(?:\d{2})?(?![\w])/g;

/**
 * Masks personal data and signature values in XML text (for traces and logs): it is a textual
 * pass, so it also works on partial or malformed XML. Masked values become `***`.
 * @param xml - an envelope or fragment
 */
export function maskSensitiveXml(xml: string): string {
  return xml
    .replace(TEXT, (_whole, open: string, _text: string, close: string) => `${open}***${close}`)
    .replace(ATTRIBUTES, (tag) => tag.replace(/(\s(?!xmlns)[\w.:-]+\s*=\s*)("[^"]*"|'[^']*')/g, (_a, name: string) => `${name}"***"`))
    .replace(INS, '***');
}
