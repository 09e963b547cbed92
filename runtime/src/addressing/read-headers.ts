/**
 * Reads the WS-Addressing headers of a response from raw XML: header block strings, a whole
 * `Header` element, or a whole envelope. A small namespace-aware saxes pass; prefixes declared
 * outside a block (on the Envelope) can be supplied with `namespaces`.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { AddressingError } from './addressing-error.js';
import { SOAP11_ENV_NS, SOAP12_ENV_NS, WSA_NS, WSA_REPLY } from './constants.js';

/** One `wsa:RelatesTo`. */
export interface RelatesTo {
  /** The related MessageID. */
  readonly value: string;
  /** RelationshipType (the `reply` URI when the attribute is absent). */
  readonly relationshipType: string;
}

/** The WS-Addressing headers found in a response. */
export interface ResponseAddressing {
  /** `wsa:Action`. */
  readonly action?: string;
  /** `wsa:MessageID`. */
  readonly messageId?: string;
  /** `wsa:To`. */
  readonly to?: string;
  /** `wsa:From/wsa:Address`. */
  readonly from?: string;
  /** `wsa:ReplyTo/wsa:Address`. */
  readonly replyTo?: string;
  /** `wsa:FaultTo/wsa:Address`. */
  readonly faultTo?: string;
  /** Every `wsa:RelatesTo`, in document order. */
  readonly relatesTo: readonly RelatesTo[];
}

/** Options of {@link readAddressingHeaders}. */
export interface ReadAddressingOptions {
  /** Prefix → namespace bindings in scope around the blocks (e.g. declared on the Envelope). */
  readonly namespaces?: Readonly<Record<string, string>>;
}

const SIMPLE = new Set(['Action', 'MessageID', 'To']);
const ENDPOINTS = new Set(['From', 'ReplyTo', 'FaultTo']);

/**
 * Extracts the WS-Addressing headers. Throws {@link AddressingError} (`malformed-header`) on XML
 * that is not well-formed or uses an undeclared prefix.
 * @param xml - one string or several (header blocks, a Header element or an Envelope)
 * @param options - in-scope namespaces
 */
export function readAddressingHeaders(xml: string | readonly string[], options: ReadAddressingOptions = {}): ResponseAddressing {
  const out: { action?: string; messageId?: string; to?: string; from?: string; replyTo?: string; faultTo?: string; relatesTo: RelatesTo[] } = {
    relatesTo: [],
  };
  const inputs = typeof xml === 'string' ? [xml] : xml;
  for (const input of inputs) readOne(input, options, out);
  return out;
}

function isSoapHeader(tag: SaxesTagNS | undefined): boolean {
  return tag !== undefined && tag.local === 'Header' && (tag.uri === SOAP12_ENV_NS || tag.uri === SOAP11_ENV_NS);
}

function isSoapWrapper(tag: SaxesTagNS): boolean {
  return (tag.local === 'Envelope' || tag.local === 'Header') && (tag.uri === SOAP12_ENV_NS || tag.uri === SOAP11_ENV_NS);
}

function readOne(
  input: string,
  options: ReadAddressingOptions,
  out: { action?: string; messageId?: string; to?: string; from?: string; replyTo?: string; faultTo?: string; relatesTo: RelatesTo[] },
): void {
  const parser = new SaxesParser({ xmlns: true, fragment: true, ...(options.namespaces ? { additionalNamespaces: { ...options.namespaces } } : {}) });
  const stack: SaxesTagNS[] = [];
  // The header block being read (a WS-A element at block level) and its collected text.
  let block: SaxesTagNS | undefined;
  let blockDepth = -1;
  let text = '';
  let addressText: string | undefined;
  let inAddress = false;

  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    stack.push(tag);
    if (block === undefined) {
      const atBlockLevel = parent === undefined ? !isSoapWrapper(tag) : isSoapHeader(parent);
      if (atBlockLevel && tag.uri === WSA_NS) {
        block = tag;
        blockDepth = stack.length;
        text = '';
        addressText = undefined;
      }
      return;
    }
    if (stack.length === blockDepth + 1 && tag.uri === WSA_NS && tag.local === 'Address') {
      inAddress = true;
      addressText = '';
    }
  });
  parser.on('text', (t) => {
    if (block === undefined) return;
    if (inAddress) addressText = (addressText ?? '') + t;
    else if (stack.length === blockDepth) text += t;
  });
  parser.on('cdata', (t) => {
    if (block === undefined) return;
    if (inAddress) addressText = (addressText ?? '') + t;
    else if (stack.length === blockDepth) text += t;
  });
  parser.on('closetag', () => {
    if (block !== undefined && stack.length === blockDepth + 1 && inAddress) inAddress = false;
    if (block !== undefined && stack.length === blockDepth) {
      const name = block.local;
      if (SIMPLE.has(name)) {
        const value = text.trim();
        if (name === 'Action') out.action ??= value;
        else if (name === 'MessageID') out.messageId ??= value;
        else out.to ??= value;
      } else if (name === 'RelatesTo') {
        const type = Object.values(block.attributes).find((a) => a.uri === '' && a.local === 'RelationshipType')?.value;
        out.relatesTo.push({ value: text.trim(), relationshipType: type?.trim() || WSA_REPLY });
      } else if (ENDPOINTS.has(name) && addressText !== undefined) {
        const value = addressText.trim();
        if (name === 'From') out.from ??= value;
        else if (name === 'ReplyTo') out.replyTo ??= value;
        else out.faultTo ??= value;
      }
      block = undefined;
      blockDepth = -1;
    }
    stack.pop();
  });
  // Fragment mode (needed for bare header blocks) refuses an XML declaration, which a whole
  // envelope may start with: drop it (it can only stand at the very start).
  const body = input.replace(/^\uFEFF?<\?xml\s[^?]*\?>/, '');
  try {
    parser.write(body).close();
  } catch (err) {
    throw new AddressingError('malformed-header', `cannot read WS-Addressing headers: ${(err as Error).message}`, err);
  }
}
