/**
 * Writes SOAP 1.1 / 1.2 envelopes around header blocks and body elements encoded by the codec
 * (or given as raw XML strings), and fault envelopes (for servers and simulators).
 */
import type { Buffer } from 'node:buffer';
import { encode, encodeInto, type EncodeOptions } from '../codec/encode.js';
import type { ElementRef } from '../codec/descriptors.js';
import { EncodeError } from '../errors/encode-error.js';
import { escapeXml } from '../xml/escape.js';
import { PrefixAllocator } from '../xml/prefixes.js';
import { isNCName, type QName } from '../xml/qname.js';
import { StringWriter } from '../xml/string-writer.js';
import { Utf8Writer } from '../xml/utf8-writer.js';
import type { FaultReason } from './fault.js';
import { envelopeNamespace } from './versions.js';
import { BoundedMap } from '../bounded-map.js';

/** A header block encoded from a descriptor and a value. */
export interface HeaderBlock<T = unknown> {
  readonly element: ElementRef<T>;
  readonly value: T;
  /** Adds `mustUnderstand` (`true` in SOAP 1.2, `1` in SOAP 1.1). */
  readonly mustUnderstand?: boolean;
  /** SOAP 1.2 `role` / SOAP 1.1 `actor`. */
  readonly role?: string;
  /** SOAP 1.2 `relay`. */
  readonly relay?: boolean;
}

/** A body element encoded from a descriptor and a value. */
export interface BodyBlock<T = unknown> {
  readonly element: ElementRef<T>;
  readonly value: T;
}

/** What {@link encodeEnvelope} writes. */
export interface EnvelopeInput {
  readonly version: '1.1' | '1.2';
  /** Header blocks: encoded from descriptors, or raw XML strings (self-contained elements, written unchanged). */
  readonly headers?: readonly (HeaderBlock | string)[] | undefined;
  /** The body content: one or several elements, encoded or raw. Absent: an empty body. */
  readonly body?: BodyBlock | string | readonly (BodyBlock | string)[];
  /** Prefix of the envelope namespace; default `soap`. */
  readonly prefix?: string;
  /** Extra attributes for the Envelope start tag, already rendered (for example ` xmlns:wsu="…"`). */
  readonly envelopeAttributes?: string;
  /** Extra attributes for the Body start tag, already rendered (for example ` wsu:Id="body"` for a signature). */
  readonly bodyAttributes?: string;
  /** Options for the codec (prefixes, validation); the envelope prefix is always reserved. */
  readonly encodeOptions?: EncodeOptions | undefined;
  /** Start with an XML declaration; default true. */
  readonly xmlDeclaration?: boolean;
}

function isRawString(block: unknown): block is string {
  return typeof block === 'string';
}

function checkPrefix(prefix: string): void {
  if (!isNCName(prefix) || prefix.toLowerCase().startsWith('xml')) {
    throw new EncodeError('invalid-prefix', 'the envelope prefix must be an NCName not starting with "xml"', '');
  }
}

function codecOptions(options: EncodeOptions | undefined, prefix: string, rootAttributes?: string): EncodeOptions {
  const base = options ?? {};
  return {
    ...base,
    xmlDeclaration: false,
    reservedPrefixes: [...(base.reservedPrefixes ?? []), prefix],
    rootAttributes,
  };
}

function headerAttributes(block: HeaderBlock, version: '1.1' | '1.2', prefix: string): string | undefined {
  let out = '';
  if (block.mustUnderstand === true) out += ` ${prefix}:mustUnderstand="${version === '1.2' ? 'true' : '1'}"`;
  if (block.role !== undefined) out += ` ${prefix}:${version === '1.2' ? 'role' : 'actor'}="${escapeXml(block.role, true)}"`;
  if (block.relay === true) {
    if (version !== '1.2') throw new EncodeError('invalid-header', 'relay exists in SOAP 1.2 only', '');
    out += ` ${prefix}:relay="true"`;
  }
  return out === '' ? undefined : out;
}

/** The envelope's own tags for one version and prefix. */
interface EnvelopeTags {
  readonly start: string;
  readonly headerOpen: string;
  readonly headerClose: string;
  readonly bodyOpen: string;
  readonly end: string;
}

/** Most prefixes remembered per version (a client uses one; past it the memory starts again). */
const TAG_CACHE = 32;
const envelopeTagCache = { '1.1': new BoundedMap<string, EnvelopeTags>(TAG_CACHE), '1.2': new BoundedMap<string, EnvelopeTags>(TAG_CACHE) };

/** The envelope tags of `version` with `prefix` (checked), made once per version and prefix. */
function envelopeTags(version: '1.1' | '1.2', prefix: string): EnvelopeTags {
  const cache = envelopeTagCache[version];
  const known = cache.get(prefix);
  if (known !== undefined) return known;
  checkPrefix(prefix);
  const tags: EnvelopeTags = {
    start: `<${prefix}:Envelope xmlns:${prefix}="${envelopeNamespace(version)}"`,
    headerOpen: `<${prefix}:Header>`,
    headerClose: `</${prefix}:Header>`,
    bodyOpen: `<${prefix}:Body`,
    end: `</${prefix}:Body></${prefix}:Envelope>`,
  };
  cache.set(prefix, tags);
  return tags;
}

/** Codec options of blocks without header attributes, per frozen caller options and prefix (frozen too: shared by calls). */
const plainOptionsCache = new WeakMap<EncodeOptions, BoundedMap<string, EncodeOptions>>();
const NO_OPTIONS: EncodeOptions = Object.freeze({});

function plainCodecOptions(options: EncodeOptions | undefined, prefix: string): EncodeOptions {
  const base = options ?? NO_OPTIONS;
  if (!Object.isFrozen(base)) return codecOptions(base, prefix);
  let byPrefix = plainOptionsCache.get(base);
  if (byPrefix === undefined) {
    byPrefix = new BoundedMap(TAG_CACHE);
    plainOptionsCache.set(base, byPrefix);
  }
  let made = byPrefix.get(prefix);
  if (made === undefined) {
    made = codecOptions(base, prefix);
    Object.freeze(made.reservedPrefixes);
    Object.freeze(made);
    byPrefix.set(prefix, made);
  }
  return made;
}

/** Writes the envelope into `out`: the blocks are encoded straight into the same bytes. */
function writeEnvelope(out: Utf8Writer | StringWriter, input: EnvelopeInput): void {
  const prefix = input.prefix ?? 'soap';
  const tags = envelopeTags(input.version, prefix);
  if (input.xmlDeclaration !== false) out.text('<?xml version="1.0" encoding="UTF-8"?>');
  out.text(tags.start);
  if (input.envelopeAttributes !== undefined) out.text(input.envelopeAttributes);
  out.text('>');
  // One set of codec options for every block without attributes of its own.
  let plain: EncodeOptions | undefined;
  const headers = input.headers ?? [];
  if (headers.length > 0) {
    out.text(tags.headerOpen);
    for (const h of headers) {
      if (isRawString(h)) {
        out.text(h);
        continue;
      }
      const attributes = headerAttributes(h, input.version, prefix);
      const options =
        attributes === undefined ? (plain ??= plainCodecOptions(input.encodeOptions, prefix)) : codecOptions(input.encodeOptions, prefix, attributes);
      encodeInto(out, h.element, h.value, options);
    }
    out.text(tags.headerClose);
  }
  const body = input.body === undefined ? [] : Array.isArray(input.body) ? (input.body as readonly (BodyBlock | string)[]) : [input.body as BodyBlock | string];
  out.text(tags.bodyOpen);
  if (input.bodyAttributes !== undefined) out.text(input.bodyAttributes);
  out.text('>');
  for (const b of body) {
    if (isRawString(b)) out.text(b);
    else encodeInto(out, b.element, b.value, (plain ??= plainCodecOptions(input.encodeOptions, prefix)));
  }
  out.text(tags.end);
}

/**
 * Writes a SOAP envelope as a string (the document {@link encodeEnvelopeBytes} writes as UTF-8).
 * The envelope namespace is declared once on `Envelope` with `prefix`; each encoded block
 * declares its own namespaces on its root element.
 */
export function encodeEnvelope(input: EnvelopeInput): string {
  const out = new StringWriter();
  writeEnvelope(out, input);
  return out.toString();
}

/**
 * Writes a SOAP envelope as UTF-8 bytes, what a transport sends: byte for byte
 * `Buffer.from(encodeEnvelope(input), 'utf8')`, without the string.
 * @returns a new Buffer the caller owns
 */
export function encodeEnvelopeBytes(input: EnvelopeInput): Buffer {
  const out = new Utf8Writer();
  writeEnvelope(out, input);
  return out.toBuffer();
}

/** What {@link encodeFaultEnvelope} writes. */
export interface FaultInput {
  readonly version: '1.1' | '1.2';
  /**
   * The fault code: `Sender`, `Receiver`, `MustUnderstand`, `VersionMismatch`,
   * `DataEncodingUnknown` (SOAP 1.1 writes `Client` for Sender, `Server` for Receiver), or a QName.
   */
  readonly code: 'Sender' | 'Receiver' | 'MustUnderstand' | 'VersionMismatch' | 'DataEncodingUnknown' | QName;
  /** SOAP 1.2 subcodes, outermost first (not representable in SOAP 1.1: ignored there). */
  readonly subcodes?: readonly QName[];
  /** Reason texts (SOAP 1.1 keeps the first). */
  readonly reasons: readonly FaultReason[];
  readonly node?: string;
  readonly role?: string;
  /** Detail entries: encoded from descriptors, or raw XML strings. */
  readonly detail?: readonly (BodyBlock | string)[];
  readonly headers?: readonly (HeaderBlock | string)[];
  readonly prefix?: string;
  readonly encodeOptions?: EncodeOptions;
}

const SOAP11_CODES: Record<string, string> = { Sender: 'Client', Receiver: 'Server' };

/** Writes an envelope whose body is a fault (for servers, simulators and tests). */
export function encodeFaultEnvelope(input: FaultInput): string {
  const prefix = input.prefix ?? 'soap';
  checkPrefix(prefix);
  const ns = envelopeNamespace(input.version);
  // Prefixes for QName values in other namespaces, declared on the Fault element.
  const allocator = new PrefixAllocator(() => undefined, [prefix]);
  // Code and subcode values are QNames written as element text: a local name that is not an NCName
  // could close the element and inject markup, so it is refused rather than escaped.
  const qname = (q: QName, what: string): string => {
    if (!isNCName(q.local)) throw new EncodeError('invalid-qname', `the fault ${what} local name is not an NCName`, '');
    if (q.namespace === ns) return `${prefix}:${q.local}`;
    const p = allocator.prefixFor(q.namespace);
    return p === '' ? q.local : `${p}:${q.local}`;
  };
  const code =
    typeof input.code === 'string' ? { namespace: ns, local: input.version === '1.1' ? (SOAP11_CODES[input.code] ?? input.code) : input.code } : input.code;
  const detail = (input.detail ?? []).map((d) => (isRawString(d) ? d : encode(d.element, d.value, codecOptions(input.encodeOptions, prefix)))).join('');
  let fault: string;
  if (input.version === '1.2') {
    let codeXml = `<${prefix}:Value>${qname(code, 'code')}</${prefix}:Value>`;
    const subs = input.subcodes ?? [];
    let subXml = '';
    for (let i = subs.length - 1; i >= 0; i--) {
      subXml = `<${prefix}:Subcode><${prefix}:Value>${qname(subs[i], `subcode ${i + 1}`)}</${prefix}:Value>${subXml}</${prefix}:Subcode>`;
    }
    codeXml += subXml;
    const reasons = input.reasons.map((r) => `<${prefix}:Text xml:lang="${escapeXml(r.lang ?? 'en', true)}">${escapeXml(r.text)}</${prefix}:Text>`).join('');
    fault = `<${prefix}:Code>${codeXml}</${prefix}:Code><${prefix}:Reason>${reasons}</${prefix}:Reason>`;
    if (input.node !== undefined) fault += `<${prefix}:Node>${escapeXml(input.node)}</${prefix}:Node>`;
    if (input.role !== undefined) fault += `<${prefix}:Role>${escapeXml(input.role)}</${prefix}:Role>`;
    if (detail !== '') fault += `<${prefix}:Detail>${detail}</${prefix}:Detail>`;
  } else {
    fault = `<faultcode>${qname(code, 'code')}</faultcode><faultstring>${escapeXml(input.reasons[0]?.text ?? '')}</faultstring>`;
    if (input.role !== undefined) fault += `<faultactor>${escapeXml(input.role)}</faultactor>`;
    if (detail !== '') fault += `<detail>${detail}</detail>`;
  }
  const body = `<${prefix}:Fault${allocator.declarations()}>${fault}</${prefix}:Fault>`;
  return encodeEnvelope({ version: input.version, headers: input.headers, body, prefix, encodeOptions: input.encodeOptions });
}
