/**
 * Reads the WS-Addressing headers of a response from raw XML: header block strings, a whole
 * `Header` element, or a whole envelope. A small pass of the runtime's XML reader; prefixes
 * declared outside a block (on the Envelope) can be supplied with `namespaces`.
 */
import { XmlError } from '../errors/xml-error.js';
import { escapeXml } from '../xml/escape.js';
import { readXml } from '../xml/reader.js';
import type { XmlTag } from '../xml/tag.js';
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

function isSoapHeader(tag: XmlTag | undefined): boolean {
  return tag !== undefined && tag.local === 'Header' && (tag.uri === SOAP12_ENV_NS || tag.uri === SOAP11_ENV_NS);
}

function isSoapWrapper(tag: XmlTag): boolean {
  return (tag.local === 'Envelope' || tag.local === 'Header') && (tag.uri === SOAP12_ENV_NS || tag.uri === SOAP11_ENV_NS);
}

function readOne(
  input: string,
  options: ReadAddressingOptions,
  out: { action?: string; messageId?: string; to?: string; from?: string; replyTo?: string; faultTo?: string; relatesTo: RelatesTo[] },
): void {
  const stack: XmlTag[] = [];
  // The header block being read (a WS-A element at block level: its local name, its
  // RelationshipType read at the start tag) and its collected text.
  let block: string | undefined;
  let relationshipType: string | undefined;
  let blockDepth = -1;
  let text = '';
  let addressText: string | undefined;
  let inAddress = false;
  // Blocks are fragments: they are read inside a wrapper element that declares the given
  // namespaces, and that wrapper is not part of the stack. An XML declaration (a whole envelope
  // may start with one) can only stand at the very start: it is dropped first.
  let depth = 0;
  const declarations = Object.entries(options.namespaces ?? {})
    .map(([prefix, uri]) => ` xmlns${prefix === '' ? '' : `:${prefix}`}="${escapeXml(uri, true)}"`)
    .join('');
  const document = `<wrapper${declarations}>${input.replace(/^\uFEFF?<\?xml\s[^?]*\?>/, '')}</wrapper>`;

  const openTag = (tag: XmlTag): void => {
    if (depth++ === 0) return;
    const parent = stack[stack.length - 1];
    stack.push(tag);
    if (block === undefined) {
      const atBlockLevel = parent === undefined ? !isSoapWrapper(tag) : isSoapHeader(parent);
      if (atBlockLevel && tag.uri === WSA_NS) {
        block = tag.local;
        relationshipType = tag.attributeList.find((a) => a.uri === '' && a.local === 'RelationshipType')?.value;
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
  };
  const onText = (t: string): void => {
    if (block === undefined) return;
    if (inAddress) addressText = (addressText ?? '') + t;
    else if (stack.length === blockDepth) text += t;
  };
  const closeTag = (): void => {
    if (--depth === 0) return;
    if (block !== undefined && stack.length === blockDepth + 1 && inAddress) inAddress = false;
    if (block !== undefined && stack.length === blockDepth) {
      const name = block;
      if (SIMPLE.has(name)) {
        const value = text.trim();
        if (name === 'Action') out.action ??= value;
        else if (name === 'MessageID') out.messageId ??= value;
        else out.to ??= value;
      } else if (name === 'RelatesTo') {
        out.relatesTo.push({ value: text.trim(), relationshipType: relationshipType?.trim() || WSA_REPLY });
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
  };
  try {
    readXml(document, { openTag, text: onText, closeTag });
  } catch (err) {
    if (!(err instanceof XmlError)) throw err;
    throw new AddressingError('malformed-header', `cannot read WS-Addressing headers: ${err.message}`, err);
  }
}
