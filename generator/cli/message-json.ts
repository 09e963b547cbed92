/**
 * Whole messages as JSON (the form of `volet decode`, `volet encode` and `volet call`): a SOAP
 * envelope or a bare global element, every element named by Clark QName (`{namespace}local`),
 * values in the JSON form of the generated types (binary as base64). See docs/cli.md.
 *
 * ```json
 * { "envelope": { "version": "1.2",
 *     "headers": [{ "element": "{urn:siram:lps:ctxlps}ContexteLPS", "value": { … } },
 *                 { "element": "{http://www.w3.org/2005/08/addressing}Action", "xml": "<wsa:Action …>…</wsa:Action>" }],
 *     "body": [{ "element": "{http://www.cnamts.fr/INSiRecSans}RECSANSVITALE", "value": { … } }] } }
 * { "envelope": { "version": "1.2", "headers": [], "fault": { "code": "{…soap-envelope}Sender", "subcodes": […], "reasons": […], "detail": […] } } }
 * { "element": "{http://www.cnamts.fr/INSiResultat}RESULTAT", "value": { … } }
 * ```
 */
import { elementValueFromJson, toJsonValue, type OperationDescriptor } from '@volet/runtime/client';
import { compiledSchema, decode, didYouMean, elementRef, encode, type DecodeOptions, type ElementRef, type SchemaDescriptor } from '@volet/runtime/codec';
import { EncodeError } from '@volet/runtime/errors';
import {
  decodeEnvelope,
  encodeEnvelope,
  encodeFaultEnvelope,
  SoapFault,
  soapVersionOf,
  type BodyBlock,
  type HeaderBlock,
  type SoapBlock,
} from '@volet/runtime/soap';
import { clark, parseClark, XmlReader, type QName, type XmlHandler } from '@volet/runtime/xml';

/** One block: typed (`value`, when a descriptor matched) or raw (`xml`). */
export interface BlockJson {
  /** Clark name of the element. */
  readonly element: string;
  readonly value?: unknown;
  readonly xml?: string;
  /** Header blocks: `mustUnderstand` was true. */
  readonly mustUnderstand?: true;
}

/** A SOAP fault. */
export interface FaultJson {
  /** Clark name of the fault code (`{http://www.w3.org/2003/05/soap-envelope}Sender`). */
  readonly code: string;
  /** Clark names of the SOAP 1.2 subcodes, outermost first. */
  readonly subcodes?: readonly string[];
  readonly reasons: readonly { readonly text: string; readonly lang?: string }[];
  readonly node?: string;
  readonly role?: string;
  readonly detail?: readonly BlockJson[];
}

/** A SOAP envelope. */
export interface EnvelopeJson {
  readonly envelope: {
    readonly version: '1.1' | '1.2';
    readonly headers: readonly BlockJson[];
    readonly body?: readonly BlockJson[];
    readonly fault?: FaultJson;
  };
}

/** A bare global element. */
export interface ElementJson {
  readonly element: string;
  readonly value: unknown;
}

/** A message as JSON. */
export type MessageJson = EnvelopeJson | ElementJson;

/** Options of {@link decodeMessageJson}. */
export interface MessageDecodeOptions extends DecodeOptions {
  /** Element keys not to use (for example synthesised rpc part elements). */
  readonly excludeElements?: ReadonlySet<string>;
}

/** The global elements of a schema by Clark name. */
function elementIndex(schema: SchemaDescriptor, exclude: ReadonlySet<string> | undefined): Map<string, string> {
  const index = new Map<string, string>();
  const compiled = compiledSchema(schema);
  for (const key of Object.keys(schema.elements)) {
    if (exclude?.has(key) === true) continue;
    const e = compiled.element(key);
    if (!e.abstract) index.set(clark(e.uri, e.local), key);
  }
  return index;
}

/** A decoded block as JSON. */
export function blockToJson(block: SoapBlock): BlockJson {
  return blockAs(block, toJsonValue);
}

/** A decoded block, its typed value passed through `convert`. */
function blockAs(block: SoapBlock, convert: (value: unknown) => unknown): BlockJson {
  const element = clark(block.namespace, block.local);
  const base = block.key !== undefined ? { element, value: convert(block.value) } : { element, xml: block.xml ?? '' };
  return block.mustUnderstand === true ? { ...base, mustUnderstand: true } : base;
}

/** A fault as JSON (reason texts included: they may mention a patient, so print them knowingly). */
export function faultToJson(fault: SoapFault): FaultJson {
  const out: { -readonly [K in keyof FaultJson]: FaultJson[K] } = {
    code: clark(fault.faultCode.namespace, fault.faultCode.local),
    reasons: fault.reasons.map((r) => (r.lang === undefined ? { text: r.text } : { text: r.text, lang: r.lang })),
  };
  if (fault.subcodes.length > 0) out.subcodes = fault.subcodes.map((q) => clark(q.namespace, q.local));
  if (fault.node !== undefined) out.node = fault.node;
  if (fault.role !== undefined) out.role = fault.role;
  if (fault.detail.length > 0) out.detail = fault.detail.map(blockToJson);
  return out;
}

/** Bytes fed at a time while looking for the root element (its start tag is usually in the first few). */
const ROOT_PROBE_BYTES = 64 * 1024;

/** The name of the root element of a document (without decoding it, nor reading more than it takes). */
function rootName(xml: string | Uint8Array): QName {
  let root: QName | undefined;
  const stop = new Error('stop');
  const handler: XmlHandler = {
    openTag(tag) {
      root = { namespace: tag.uri, local: tag.local };
      throw stop;
    },
    text() {},
    closeTag() {},
  };
  try {
    const reader = new XmlReader(handler);
    if (typeof xml === 'string') reader.write(xml);
    else for (let at = 0; at < xml.byteLength; at += ROOT_PROBE_BYTES) reader.write(xml.subarray(at, at + ROOT_PROBE_BYTES));
    reader.end();
  } catch (err) {
    if (err !== stop) throw err;
  }
  if (root === undefined) throw new EncodeError('invalid-message', 'the document has no root element', '');
  return root;
}

/**
 * Decodes a SOAP envelope (faults included) or a bare global element into the JSON form. Header,
 * body and detail elements with a descriptor are typed, the others kept as raw XML.
 * @throws `DecodeError` / `XmlError`; `DecodeError` `unknown-element` for a bare element the schema does not declare
 */
export function decodeMessageJson(schema: SchemaDescriptor, input: string | Uint8Array, options: MessageDecodeOptions = {}): MessageJson {
  return decodeMessageAs(schema, input, options, toJsonValue);
}

/**
 * {@link decodeMessageJson} with the typed values left as decoded (bytes, bigints and special
 * floats not yet in their JSON form): what `writeJson` (json-writer.ts) prints, converting piece by piece.
 * @throws as {@link decodeMessageJson}
 */
export function decodeMessage(schema: SchemaDescriptor, input: string | Uint8Array, options: MessageDecodeOptions = {}): MessageJson {
  return decodeMessageAs(schema, input, options, (value) => value);
}

function decodeMessageAs(
  schema: SchemaDescriptor,
  input: string | Uint8Array,
  options: MessageDecodeOptions,
  convert: (value: unknown) => unknown,
): MessageJson {
  const toJson = (block: SoapBlock): BlockJson => blockAs(block, convert);
  const index = elementIndex(schema, options.excludeElements);
  const root = rootName(input);
  if (root.local === 'Envelope' && soapVersionOf(root.namespace) !== undefined) {
    const refs: ElementRef[] = [...index.values()].map((key) => elementRef(schema, key));
    try {
      const decoded = decodeEnvelope(input, { ...options, bodyDescriptors: refs, headerDescriptors: refs, faultDetailDescriptors: refs });
      return { envelope: { version: decoded.version, headers: decoded.headers.map(toJson), body: decoded.body.map(toJson) } };
    } catch (err) {
      if (!(err instanceof SoapFault)) throw err;
      return { envelope: { version: err.version, headers: err.headers.map(blockToJson), fault: faultToJson(err) } };
    }
  }
  const key = index.get(clark(root.namespace, root.local));
  if (key === undefined) {
    throw new EncodeError(
      'unknown-element',
      `root element ${clark(root.namespace, root.local)} is neither a SOAP envelope nor a global element of the schema`,
      '',
    );
  }
  return { element: clark(root.namespace, root.local), value: convert(decode(elementRef(schema, key), input, options)) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The properties of a block. */
const BLOCK_KEYS: readonly string[] = ['element', 'value', 'xml', 'mustUnderstand'];

/** What the value check writes for a file sent as an MTOM part (the real Include is made when sending). */
const CHECK_INCLUDE = '<xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:check@volet"/>';

/**
 * Checks a typed block's value as strict encoding does (unknown properties, facets, lexical
 * forms) and reports the problem at its JSON path (`envelope.body[0].value.NomNaissance`).
 */
function checkBlockValue(ref: ElementRef, value: unknown, path: string): void {
  try {
    // A `{ "$file": … }` value is sent as an XOP part: the check writes a placeholder Include for it.
    encode(ref, value, { validate: true, attachments: (data) => (data instanceof Uint8Array ? undefined : CHECK_INCLUDE) });
  } catch (err) {
    if (!(err instanceof EncodeError)) throw err;
    const message = err.path === '' ? err.message : err.message.slice(0, -` (at ${err.path})`.length);
    throw new EncodeError(err.code, message, err.path === '' ? path : `${path}.${err.path}`, { cause: err });
  }
}

/** Reads and checks the JSON form; throws EncodeError `invalid-message` with the JSON path. */
class MessageReader {
  private readonly index: Map<string, string>;
  constructor(
    private readonly schema: SchemaDescriptor,
    exclude?: ReadonlySet<string>,
    private readonly check = true,
  ) {
    this.index = elementIndex(schema, exclude);
  }

  fail(path: string, message: string): EncodeError {
    return new EncodeError('invalid-message', message, path);
  }

  /** The descriptor key of a Clark element name. */
  key(element: unknown, path: string): string {
    if (typeof element !== 'string') throw this.fail(path, '"element" must be a Clark name {namespace}local');
    const key = this.index.get(element);
    if (key === undefined) throw this.fail(path, `element ${element} is not a global element of the schema (give "xml" to send it raw)`);
    return key;
  }

  /** A block's content: raw XML string, or a typed value with its element reference. */
  block(json: unknown, path: string): { raw: string } | { ref: ElementRef; value: unknown; mustUnderstand: boolean; name: string } {
    if (!isObject(json)) throw this.fail(path, 'a block must be an object { element, value } or { element, xml }');
    if (typeof json.xml === 'string') return { raw: json.xml };
    const key = this.key(json.element, `${path}.element`);
    if (!('value' in json)) throw this.fail(path, 'a block needs "value" (or "xml")');
    for (const k of Object.keys(json)) {
      if (!BLOCK_KEYS.includes(k)) throw this.fail(path === '' ? k : `${path}.${k}`, `unknown property "${k}"${didYouMean(k, BLOCK_KEYS)}`);
    }
    const ref = elementRef(this.schema, key);
    const value = elementValueFromJson(this.schema, key, json.value);
    if (this.check) checkBlockValue(ref, value, path === '' ? 'value' : `${path}.value`);
    return { ref, value, mustUnderstand: json.mustUnderstand === true, name: json.element as string };
  }

  blocks(json: unknown, path: string): ReturnType<MessageReader['block']>[] {
    if (json === undefined) return [];
    if (!Array.isArray(json)) throw this.fail(path, 'must be an array of blocks');
    return json.map((b, i) => this.block(b, `${path}[${i}]`));
  }

  qname(json: unknown, path: string): QName {
    if (typeof json !== 'string' || json === '') throw this.fail(path, 'must be a Clark name {namespace}local');
    return parseClark(json);
  }
}

function asHeader(b: ReturnType<MessageReader['block']>): HeaderBlock | string {
  return 'raw' in b ? b.raw : { element: b.ref, value: b.value, ...(b.mustUnderstand ? { mustUnderstand: true } : {}) };
}

function asBody(b: ReturnType<MessageReader['block']>): BodyBlock | string {
  return 'raw' in b ? b.raw : { element: b.ref, value: b.value };
}

/**
 * Writes a message from its JSON form: a SOAP envelope (or fault envelope) or a bare element.
 * @throws `EncodeError` (`invalid-message` with the JSON path, or a codec error with the value path)
 */
export function encodeMessageJson(
  schema: SchemaDescriptor,
  json: unknown,
  options: { readonly excludeElements?: ReadonlySet<string>; readonly lenient?: (violation: string) => void } = {},
): string {
  const encodeOptions = options.lenient === undefined ? undefined : { lenient: options.lenient };
  // Lenient encoding writes back what a message that breaks its schema holds, with a warning per
  // violation: the strict value check would refuse it first.
  const r = new MessageReader(schema, options.excludeElements, options.lenient === undefined);
  if (!isObject(json)) throw r.fail('', 'the message must be an object: { envelope } or { element, value }');
  if (isObject(json.envelope)) {
    const env = json.envelope;
    const version = env.version;
    if (version !== '1.1' && version !== '1.2') throw r.fail('envelope.version', 'must be "1.1" or "1.2"');
    const headers = r.blocks(env.headers, 'envelope.headers').map(asHeader);
    if (env.fault !== undefined) {
      const f = env.fault;
      if (!isObject(f)) throw r.fail('envelope.fault', 'must be an object');
      const subcodes = f.subcodes === undefined ? [] : Array.isArray(f.subcodes) ? f.subcodes.map((s, i) => r.qname(s, `envelope.fault.subcodes[${i}]`)) : [];
      const reasons = Array.isArray(f.reasons)
        ? f.reasons.map((x, i) => {
            if (!isObject(x) || typeof x.text !== 'string') throw r.fail(`envelope.fault.reasons[${i}]`, 'must be { text, lang? }');
            return typeof x.lang === 'string' ? { text: x.text, lang: x.lang } : { text: x.text };
          })
        : [];
      return encodeFaultEnvelope({
        version,
        code: r.qname(f.code, 'envelope.fault.code'),
        subcodes,
        reasons,
        ...(typeof f.node === 'string' ? { node: f.node } : {}),
        ...(typeof f.role === 'string' ? { role: f.role } : {}),
        detail: r.blocks(f.detail, 'envelope.fault.detail').map(asBody),
        headers,
        ...(encodeOptions === undefined ? {} : { encodeOptions }),
      });
    }
    return encodeEnvelope({
      version,
      headers,
      body: r.blocks(env.body, 'envelope.body').map(asBody),
      ...(encodeOptions === undefined ? {} : { encodeOptions }),
    });
  }
  if ('element' in json) {
    const b = r.block(json, '');
    if ('raw' in b) return b.raw;
    return encode(b.ref, b.value, encodeOptions);
  }
  throw r.fail('', 'the message must be { envelope: … } or { element, value }');
}

/** What {@link callArgumentsFromJson} gives to `SoapClient.call`. */
export interface CallArguments {
  /** The single body part's value, or an object keyed by part name. */
  readonly body: unknown;
  /** Declared header parts found in the message, by part name. */
  readonly headers: Record<string, unknown>;
  /** The other header blocks, raw or typed. */
  readonly extraHeaders: (string | HeaderBlock)[];
}

/**
 * Turns a request message in JSON form (what `volet decode` prints for a captured request: an
 * envelope, or its body element) into the arguments of `SoapClient.call` for `op`: body parts
 * matched by element, declared header parts by element, other header blocks passed on as extra headers.
 */
export function callArgumentsFromJson(schema: SchemaDescriptor, op: OperationDescriptor, json: unknown): CallArguments {
  const r = new MessageReader(schema);
  const input = op.input;
  if (input === null) throw r.fail('', `operation ${op.name} has no input message`);
  if (op.style === 'rpc') throw r.fail('', `operation ${op.name} is rpc style: call it through a generated client`);
  const compiled = compiledSchema(schema);
  const nameOf = (key: string): string => {
    const e = compiled.element(key);
    return clark(e.uri, e.local);
  };
  if (!isObject(json)) throw r.fail('', 'the input must be an object: { envelope } or { element, value }');
  let bodyBlocks: unknown[];
  let headerBlocks: unknown[] = [];
  if (isObject(json.envelope)) {
    if (json.envelope.fault !== undefined) throw r.fail('envelope.fault', 'a fault is not a request');
    bodyBlocks = Array.isArray(json.envelope.body) ? json.envelope.body : [];
    headerBlocks = Array.isArray(json.envelope.headers) ? json.envelope.headers : [];
  } else bodyBlocks = [json];

  const values: Record<string, unknown> = {};
  bodyBlocks.forEach((b, i) => {
    const path = isObject(json.envelope) ? `envelope.body[${i}]` : '';
    const element = isObject(b) ? b.element : undefined;
    const part = input.body.find((p) => nameOf(p.element) === element);
    if (part === undefined) throw r.fail(path, `element ${String(element)} is not a body part of operation ${op.name}`);
    const block = r.block(b, path);
    if ('raw' in block) throw r.fail(path, 'body parts must be typed ({ element, value })');
    values[part.part] = block.value;
  });
  for (const p of input.body) if (!(p.part in values)) throw r.fail('', `no body element for part ${p.part} of operation ${op.name}`);

  const headers: Record<string, unknown> = {};
  const extraHeaders: (string | HeaderBlock)[] = [];
  headerBlocks.forEach((h, i) => {
    const path = `envelope.headers[${i}]`;
    const element = isObject(h) ? h.element : undefined;
    const part = input.headers.find((p) => nameOf(p.element) === element);
    const block = r.block(h, path);
    if (part !== undefined && !('raw' in block) && !(part.part in headers)) headers[part.part] = block.value;
    else extraHeaders.push(asHeader(block));
  });
  const body = input.body.length === 1 ? values[input.body[0].part] : values;
  return { body, headers, extraHeaders };
}

/**
 * Checks the JSON form of global element `element` (a Clark name) as `volet encode` does, problems
 * reported at `path`; returns false, without checking, when the schema does not declare the element.
 * @throws `EncodeError` naming the JSON path
 */
export function checkElementJson(schema: SchemaDescriptor, element: string, json: unknown, path: string): boolean {
  const key = elementIndex(schema, undefined).get(element);
  if (key === undefined) return false;
  checkBlockValue(elementRef(schema, key), elementValueFromJson(schema, key, json), path);
  return true;
}
