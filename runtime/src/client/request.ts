/**
 * Builds one request: the envelope (body parts, the caller's header blocks, the profile's), the
 * HTTP framing (SOAP 1.2 `action=` / SOAP 1.1 `SOAPAction`) and, with MTOM, the XOP package.
 */
import { elementRef, type SchemaDescriptor } from '../codec/descriptors.js';
import type { EncodeOptions } from '../codec/encode.js';
import { EncodeError } from '../errors/encode-error.js';
import type { Buffer } from 'node:buffer';
import type { BodyChunk } from '../http/transport.js';
import { XopPackage, type StreamedMtomAttachment } from '../mtom/encode.js';
import { encodeEnvelopeBytes, soapHttpHeaders, type BodyBlock } from '../soap/index.js';
import { declaredHeaderBlocks, extraHeaderBlocks, mergeHeaderBlocks } from './header-blocks.js';
import type { OperationDescriptor } from './operation.js';
import type { EffectiveOptions } from './options.js';
import type { ProfileRequest } from './profile.js';
import { encodeRpcBody } from './rpc.js';

/** A request ready for the transport. */
export interface PreparedRequest {
  /** HTTP headers (content type, SOAPAction for SOAP 1.1). */
  readonly headers: Record<string, string>;
  /** The HTTP body: the envelope's UTF-8 bytes, or the multipart chunks. */
  readonly body: BodyChunk | readonly BodyChunk[];
  /** The envelope XML (with `xop:Include`s when MTOM is used), decoded from the bytes sent when first read (for traces). */
  readonly envelope: string;
  /** XOP parts (empty without MTOM). */
  readonly attachments: readonly StreamedMtomAttachment[];
  /** The wsa:MessageID sent, if any. */
  readonly messageId: string | undefined;
}

const ENVELOPE_PREFIX = 'soap';
// The codec options of a request without MTOM: shared by every call (the codec does not change them).
const CHECKED: EncodeOptions = Object.freeze({ validate: true });
const UNCHECKED: EncodeOptions = Object.freeze({});
const NO_HEADERS: readonly never[] = Object.freeze([]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** The body values by part name: the single part's value, or the caller's object keyed by part name. */
function partValues(op: OperationDescriptor, body: unknown): Record<string, unknown> {
  const parts = op.input?.body ?? [];
  if (parts.length === 1) return { [parts[0].part]: body };
  if (parts.length === 0) return {};
  if (!isRecord(body)) throw new EncodeError('invalid-value', `operation ${op.name} has ${parts.length} body parts: give an object keyed by part name`, '');
  return body;
}

/**
 * Builds the request of `op`.
 * @param body - the single body part's value, or an object keyed by part name
 * @param headers - declared header parts, by part name
 * @param profile - what the profile adds (null without profile)
 */
export function prepareRequest(
  schema: SchemaDescriptor,
  op: OperationDescriptor,
  body: unknown,
  headers: Readonly<Record<string, unknown>>,
  options: EffectiveOptions,
  profile: ProfileRequest | null,
): PreparedRequest {
  const input = op.input;
  if (input === null) throw new EncodeError('invalid-operation', `operation ${op.name} has no input message`, '');
  const mtom = options.mtom ?? op.mtom === true;
  const xop = mtom ? new XopPackage() : null;
  const validate = options.validate === true || options.validateRequests !== false;
  const encodeOptions: EncodeOptions =
    xop === null ? (validate ? CHECKED : UNCHECKED) : { ...(validate ? CHECKED : UNCHECKED), attachments: (data) => xop.add(data).element };
  const values = partValues(op, body);
  let bodyContent: BodyBlock | string | (BodyBlock | string)[];
  if (op.style === 'rpc') {
    bodyContent = encodeRpcBody(schema, op.name, op.rpcNamespace ?? '', input.body, values, {
      ...encodeOptions,
      reservedPrefixes: [ENVELOPE_PREFIX],
    });
  } else {
    bodyContent = input.body.map((part) => {
      const value = values[part.part];
      if (value === undefined) throw new EncodeError('missing-property', `no value for body part ${part.part}`, part.part);
      return { element: elementRef(schema, part.element), value };
    });
  }
  const declared = declaredHeaderBlocks(schema, input, headers);
  const extra = options.extraHeaders;
  const caller = extra === undefined || extra.length === 0 ? declared : [...declared, ...extraHeaderBlocks(extra)];
  const profileHeaders = profile?.headers ?? NO_HEADERS;
  // Most calls send no header block of their own and have no profile: nothing to merge.
  const headerBlocks = caller.length === 0 && profileHeaders.length === 0 ? NO_HEADERS : mergeHeaderBlocks(profileHeaders, caller, options.headerPrecedence);
  // Bytes, what the transport sends: the text is decoded only if a trace reads `envelope`.
  const envelope = encodeEnvelopeBytes({
    version: op.soapVersion,
    headers: headerBlocks,
    body: bodyContent,
    prefix: ENVELOPE_PREFIX,
    encodeOptions,
  });

  // HTTP action: explicit option, else soapAction, else (SOAP 1.2 always, SOAP 1.1 when a profile
  // sends WS-Addressing) the wsa:Action.
  const wsaAction = profile?.action ?? options.action ?? op.action ?? '';
  const fallback = op.soapVersion === '1.2' || profile?.action !== undefined ? wsaAction : '';
  const httpAction = options.httpAction ?? (op.soapAction !== '' ? op.soapAction : fallback);
  const attachments = xop?.attachments ?? [];
  if (xop !== null && attachments.length > 0) {
    const message = xop.encodeStreamed(envelope, {
      soapVersion: op.soapVersion,
      ...(op.soapVersion === '1.2' && httpAction !== '' ? { action: httpAction } : {}),
    });
    const http: Record<string, string> = { 'content-type': message.contentType };
    if (op.soapVersion === '1.1') http.soapaction = soapHttpHeaders('1.1', httpAction).soapaction;
    return prepared(http, message.chunks, envelope, attachments, profile?.messageId);
  }
  return prepared(soapHttpHeaders(op.soapVersion, httpAction), envelope, envelope, [], profile?.messageId);
}

/** A prepared request whose `envelope` text is decoded from `bytes` on first read. */
function prepared(
  headers: Record<string, string>,
  body: BodyChunk | readonly BodyChunk[],
  bytes: Buffer,
  attachments: readonly StreamedMtomAttachment[],
  messageId: string | undefined,
): PreparedRequest {
  return new LazyEnvelopeRequest(headers, body, bytes, attachments, messageId);
}

/**
 * A class, not an object literal with a getter: a literal with an accessor is built on a slow path
 * (a new getter function and accessor pair per call), where the class's getter is made once.
 */
class LazyEnvelopeRequest implements PreparedRequest {
  #text: string | undefined;
  constructor(
    readonly headers: Record<string, string>,
    readonly body: BodyChunk | readonly BodyChunk[],
    private readonly bytes: Buffer,
    readonly attachments: readonly StreamedMtomAttachment[],
    readonly messageId: string | undefined,
  ) {}

  get envelope(): string {
    this.#text ??= this.bytes.toString('utf8');
    return this.#text;
  }
}
