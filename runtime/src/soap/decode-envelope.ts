/**
 * Reads a SOAP 1.1 / 1.2 envelope in one streaming pass: header blocks and body elements are
 * handed to the codec (same reader) when a descriptor matches, kept as raw XML otherwise; a fault
 * becomes a thrown {@link SoapFault}.
 */
import { ElementDecoder, decodeSettings, type DecodeOptions, type DecodeSettings } from '../codec/decode.js';
import { compiledSchema, type CompiledElement, type CompiledSchema } from '../codec/compile.js';
import type { ElementRef } from '../codec/descriptors.js';
import { DecodeError } from '../errors/decode-error.js';
import { XML_NS } from '../xml/namespaces.js';
import type { QName } from '../xml/qname.js';
import { RawCapture } from '../xml/raw-capture.js';
import { XmlReader, type XmlHandler, type XmlTag } from '../xml/reader.js';
import { SoapFault, type FaultReason, type SoapBlock } from './fault.js';
import { soapVersionOf } from './versions.js';

/** Options of {@link decodeEnvelope}. */
export interface DecodeEnvelopeOptions extends DecodeOptions {
  /** The expected SOAP version; another envelope namespace is a `DecodeError` `version-mismatch`. Absent: either. */
  version?: '1.1' | '1.2';
  /**
   * Body elements to decode. With descriptors given, another body element is an error in strict
   * mode and kept raw in lenient mode; without, every body element is kept raw.
   */
  bodyDescriptors?: readonly ElementRef[];
  /** Header blocks to decode; other header blocks are kept raw. */
  headerDescriptors?: readonly ElementRef[];
  /** Fault detail entries to decode; other entries are kept raw. */
  faultDetailDescriptors?: readonly ElementRef[];
  /** The HTTP status the envelope arrived with: copied onto a {@link SoapFault} as `httpStatus`. */
  httpStatus?: number;
}

/** A decoded envelope. */
export interface DecodedEnvelope {
  readonly version: '1.1' | '1.2';
  readonly headers: readonly SoapBlock[];
  /** The body's elements, in order (usually one). */
  readonly body: readonly SoapBlock[];
}

type Version = '1.1' | '1.2';

/** Looks up global elements of possibly several schemas by namespace, then local name (no key string built per lookup). */
class ElementIndex {
  private readonly byNamespace = new Map<string, Map<string, { schema: CompiledSchema; element: CompiledElement }>>();
  readonly size: number;
  constructor(refs: readonly ElementRef[] | undefined) {
    let size = 0;
    for (const ref of refs ?? []) {
      const schema = compiledSchema(ref.schema);
      const element = schema.element(ref.element);
      let locals = this.byNamespace.get(element.uri);
      if (locals === undefined) {
        locals = new Map();
        this.byNamespace.set(element.uri, locals);
      }
      if (!locals.has(element.local)) size++;
      locals.set(element.local, { schema, element });
    }
    this.size = size;
  }
  get(tag: XmlTag): { schema: CompiledSchema; element: CompiledElement } | undefined {
    return this.size === 0 ? undefined : this.byNamespace.get(tag.uri)?.get(tag.local);
  }
}

const EMPTY_INDEX = new ElementIndex(undefined);
// A client passes the same frozen descriptor lists on every call of an operation: their index is
// built once. A list that is not frozen may change between calls and is indexed each time.
const indexes = new WeakMap<readonly ElementRef[], ElementIndex>();

/** The index of `refs`: built on first use of a frozen list, else each time. */
function elementIndex(refs: readonly ElementRef[] | undefined): ElementIndex {
  if (refs === undefined || refs.length === 0) return EMPTY_INDEX;
  if (!Object.isFrozen(refs)) return new ElementIndex(refs);
  let index = indexes.get(refs);
  if (index === undefined) {
    index = new ElementIndex(refs);
    indexes.set(refs, index);
  }
  return index;
}

function isTrue(value: string | undefined): boolean {
  const v = value?.trim();
  return v === 'true' || v === '1';
}

/** Decodes one block (header, body element, detail entry) with a descriptor or as raw XML. */
function decodeBlock(
  reader: XmlReader,
  tag: XmlTag,
  previous: XmlHandler,
  index: ElementIndex,
  settings: DecodeSettings,
  mustUnderstand: boolean,
  envelopeNs: string,
  done: (block: SoapBlock) => void,
): void {
  const found = index.get(tag);
  const namespace = tag.uri;
  const local = tag.local;
  // Blocks built whole (no spreads): `mustUnderstand` only on header blocks that carry it.
  if (found !== undefined) {
    const key = found.element.key;
    new ElementDecoder(
      found.schema,
      found.element,
      reader,
      tag,
      previous,
      settings,
      (value: unknown) => done(mustUnderstand ? { namespace, local, mustUnderstand, key, value } : { namespace, local, key, value }),
      envelopeNs,
    );
  } else {
    new RawCapture(reader, tag, previous, (xml) => done(mustUnderstand ? { namespace, local, mustUnderstand, xml } : { namespace, local, xml }));
  }
}

/** Where the envelope handler is. Plain constants, not an enum: erasable syntax, nothing emitted per use. */
const Where = { Document: 0, Envelope: 1, Header: 2, Body: 3, AfterBody: 4 } as const;
type Where = (typeof Where)[keyof typeof Where];

class EnvelopeHandler implements XmlHandler {
  reader!: XmlReader;
  version: Version | undefined;
  private ns = '';
  private where: Where = Where.Document;
  private sawBody = false;
  private sawHeader = false;
  private readonly bodyIndex: ElementIndex;
  private readonly headerIndex: ElementIndex;
  readonly headers: SoapBlock[] = [];
  readonly body: SoapBlock[] = [];
  fault: FaultHandler | null = null;

  constructor(
    private readonly options: DecodeEnvelopeOptions,
    private readonly settings: DecodeSettings,
  ) {
    this.bodyIndex = elementIndex(options.bodyDescriptors);
    this.headerIndex = elementIndex(options.headerDescriptors);
  }

  private fail(code: string, message: string): DecodeError {
    return new DecodeError(code, message, this.reader.position());
  }

  openTag(tag: XmlTag): void {
    switch (this.where) {
      case Where.Document: {
        const version = soapVersionOf(tag.uri);
        if (tag.local !== 'Envelope' || version === undefined) {
          throw this.fail('not-soap-envelope', `root element {${tag.uri}}${tag.local} is not a SOAP 1.1 or 1.2 Envelope`);
        }
        if (this.options.version !== undefined && version !== this.options.version) {
          throw this.fail('version-mismatch', `a SOAP ${version} envelope where SOAP ${this.options.version} was expected`);
        }
        this.version = version;
        this.ns = tag.uri;
        this.where = Where.Envelope;
        return;
      }
      case Where.Envelope:
      case Where.AfterBody:
        if (tag.uri === this.ns && tag.local === 'Header' && !this.sawBody && !this.sawHeader) {
          this.sawHeader = true;
          this.where = Where.Header;
          return;
        }
        if (tag.uri === this.ns && tag.local === 'Body' && !this.sawBody) {
          this.sawBody = true;
          this.where = Where.Body;
          return;
        }
        throw this.fail('unexpected-element', `unexpected element {${tag.uri}}${tag.local} in the SOAP Envelope`);
      case Where.Header: {
        const mu = this.mustUnderstand(tag);
        decodeBlock(this.reader, tag, this, this.headerIndex, this.settings, mu, this.ns, (b) => this.headers.push(b));
        return;
      }
      case Where.Body:
        if (tag.uri === this.ns && tag.local === 'Fault') {
          if (this.body.length > 0 || this.fault !== null) throw this.fail('unexpected-element', 'a SOAP Fault must be the only body element');
          this.fault = new FaultHandler(
            this.reader,
            this,
            this.version as Version,
            this.ns,
            elementIndex(this.options.faultDetailDescriptors),
            this.settings,
            this.options.httpStatus,
          );
          return;
        }
        if (this.fault !== null) throw this.fail('unexpected-element', 'a SOAP Fault must be the only body element');
        if (this.settings.strict && this.bodyIndex.size > 0 && this.bodyIndex.get(tag) === undefined) {
          throw this.fail('unknown-element', `unexpected body element {${tag.uri}}${tag.local}`);
        }
        decodeBlock(this.reader, tag, this, this.bodyIndex, this.settings, false, this.ns, (b) => this.body.push(b));
        return;
    }
  }

  private mustUnderstand(tag: XmlTag): boolean {
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      if (a.uri === this.ns && a.local === 'mustUnderstand') return isTrue(a.value);
    }
    return false;
  }

  text(text: string): void {
    if (this.settings.strict && text.trim() !== '') throw this.fail('unexpected-text', 'text in the SOAP Envelope structure');
  }

  closeTag(): void {
    switch (this.where) {
      case Where.Header:
        this.where = Where.Envelope;
        return;
      case Where.Body:
        this.where = Where.AfterBody;
        return;
      case Where.Envelope:
      case Where.AfterBody:
        if (!this.sawBody) throw this.fail('missing-element', 'the SOAP Envelope has no Body');
        this.where = Where.Document;
        return;
      case Where.Document:
        return;
    }
  }
}

/** Reads a Fault element (SOAP 1.2 or 1.1) and its detail entries. */
class FaultHandler implements XmlHandler {
  private readonly names: string[] = [];
  private buffer = '';
  private faultCode: QName | undefined;
  private readonly subcodes: QName[] = [];
  private readonly reasons: FaultReason[] = [];
  private lang: string | undefined;
  private node: string | undefined;
  private role: string | undefined;
  readonly detail: SoapBlock[] = [];

  constructor(
    private readonly reader: XmlReader,
    private readonly previous: XmlHandler,
    private readonly version: Version,
    private readonly ns: string,
    private readonly detailIndex: ElementIndex,
    private readonly settings: DecodeSettings,
    private readonly httpStatus: number | undefined,
  ) {
    reader.handler = this;
  }

  private fail(code: string, message: string): DecodeError {
    return new DecodeError(code, message, this.reader.position());
  }

  /** True for an element of the fault structure: the envelope namespace in 1.2, unqualified (or the envelope's) in 1.1. */
  private structural(tag: XmlTag): boolean {
    return tag.uri === this.ns || (this.version === '1.1' && tag.uri === '');
  }

  openTag(tag: XmlTag): void {
    const parent = this.names[this.names.length - 1];
    if (parent === 'Detail' || parent === 'detail') {
      decodeBlock(this.reader, tag, this, this.detailIndex, this.settings, false, this.ns, (b) => this.detail.push(b));
      return;
    }
    if (!this.structural(tag)) {
      if (this.settings.strict) throw this.fail('unexpected-element', `unexpected element {${tag.uri}}${tag.local} in a SOAP Fault`);
      new RawCapture(this.reader, tag, this, () => {});
      return;
    }
    this.names.push(tag.local);
    this.buffer = '';
    if (tag.local === 'Text' || tag.local === 'faultstring') {
      this.lang = undefined;
      for (const key in tag.attributes) {
        const a = tag.attributes[key];
        if (a.uri === XML_NS && a.local === 'lang') this.lang = a.value;
      }
    }
  }

  text(text: string): void {
    this.buffer += text;
  }

  closeTag(): void {
    const local = this.names.pop();
    if (local === undefined) {
      // The Fault element itself has closed.
      this.reader.handler = this.previous;
      return;
    }
    const parent = this.names[this.names.length - 1];
    const text = this.buffer;
    this.buffer = '';
    switch (local) {
      case 'Value':
        if (parent === 'Code') this.faultCode = this.qname(text);
        else if (parent === 'Subcode') this.subcodes.push(this.qname(text));
        break;
      case 'faultcode':
        this.faultCode = this.qname(text);
        break;
      case 'Text':
      case 'faultstring':
        this.reasons.push(this.lang === undefined ? { text } : { text, lang: this.lang });
        break;
      case 'Node':
        this.node = text.trim();
        break;
      case 'Role':
      case 'faultactor':
        this.role = text.trim();
        break;
    }
  }

  private qname(text: string): QName {
    const value = text.trim();
    const colon = value.indexOf(':');
    const prefix = colon < 0 ? '' : value.slice(0, colon);
    const local = colon < 0 ? value : value.slice(colon + 1);
    const namespace = this.reader.resolve(prefix);
    if (namespace === undefined && prefix !== '') throw this.fail('invalid-value', 'a fault code uses an undeclared prefix');
    return { namespace: namespace ?? '', local };
  }

  toError(headers: readonly SoapBlock[]): SoapFault {
    if (this.faultCode === undefined) throw this.fail('missing-element', 'the SOAP Fault has no code');
    return new SoapFault({
      version: this.version,
      faultCode: this.faultCode,
      subcodes: this.subcodes,
      reasons: this.reasons,
      node: this.node,
      role: this.role,
      detail: this.detail,
      headers,
      ...(this.httpStatus !== undefined ? { httpStatus: this.httpStatus } : {}),
    });
  }
}

function setUp(options: DecodeEnvelopeOptions): { handler: EnvelopeHandler; reader: XmlReader } {
  const handler = new EnvelopeHandler(options, decodeSettings(options));
  const reader = new XmlReader(handler, { limits: options.limits });
  handler.reader = reader;
  return { handler, reader };
}

function finish(handler: EnvelopeHandler): DecodedEnvelope {
  if (handler.fault !== null) throw handler.fault.toError(handler.headers);
  return { version: handler.version as Version, headers: handler.headers, body: handler.body };
}

/**
 * Decodes a SOAP envelope.
 *
 * @param input - the envelope: a string, or UTF-8 bytes
 * @param options - expected version, descriptors for body, header and fault detail elements, codec options
 * @throws {@link SoapFault} when the body is a fault; {@link XmlError} / {@link DecodeError} for bad input
 */
export function decodeEnvelope(input: string | Uint8Array, options: DecodeEnvelopeOptions = {}): DecodedEnvelope {
  const { handler, reader } = setUp(options);
  reader.write(input);
  reader.end();
  return finish(handler);
}

/** Like {@link decodeEnvelope}, from an async source of chunks (an HTTP response stream). */
export async function decodeEnvelopeAsync(source: AsyncIterable<string | Uint8Array>, options: DecodeEnvelopeOptions = {}): Promise<DecodedEnvelope> {
  const { handler, reader } = setUp(options);
  for await (const chunk of source) reader.write(chunk);
  reader.end();
  return finish(handler);
}
