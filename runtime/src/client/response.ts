/**
 * Reads one response: multipart or plain (the Content-Type decides, on every response), the
 * envelope decoded with the operation's descriptors and XOP parts bound into `base64Binary`
 * fields, faults thrown as `SoapFault` (typed detail when the WSDL declares it, `httpStatus` set),
 * non-SOAP answers and non-fault envelopes with a non-2xx status as `TransportError`, and the
 * RelatesTo check.
 */
import { checkRelatesTo, readAddressingHeaders, WSA_NS, type ResponseAddressing } from '../addressing/index.js';
import { elementRef, type ElementRef, type SchemaDescriptor } from '../codec/descriptors.js';
import { DecodeError } from '../errors/decode-error.js';
import { parseContentType } from '../http/content-type.js';
import { checkSoapResponse } from '../http/response-check.js';
import { bodyExcerpt, redactUrl, TransportError } from '../http/transport-error.js';
import type { TransportResponse } from '../http/transport.js';
import { envelopeText, splitSoapPayload, type SoapPayload } from '../mtom/soap-payload.js';
import { decodeEnvelope, type DecodedEnvelope, type DecodeEnvelopeOptions, type SoapBlock } from '../soap/index.js';
import type { OperationDescriptor } from './operation.js';
import type { EffectiveOptions, SoapResponse } from './options.js';
import { decodeRpcBody } from './rpc.js';

/**
 * The envelope as the XML reader takes it: UTF-8 bytes as they are (a multipart root part too:
 * the reader turns bytes into text faster than a `TextDecoder`), other charsets decoded to text.
 */
function envelopeInput(payload: SoapPayload): string | Uint8Array {
  const charset = parseContentType(payload.envelopeContentType)?.params['charset']?.toLowerCase();
  return charset === undefined || charset === 'utf-8' || charset === 'utf8' ? payload.envelope : envelopeText(payload);
}

/** The envelope as text, for traces. */
export function responseText(payload: SoapPayload): string {
  const input = envelopeInput(payload);
  return typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
}

/** Splits an HTTP response into envelope and attachments (a non-SOAP answer is a TransportError). */
export function splitResponse(op: OperationDescriptor, response: TransportResponse, url: URL): SoapPayload | null {
  checkSoapResponse(response.status, response.headers, response.body, url);
  if (response.body.byteLength === 0) {
    if (op.output === null) return null;
    throw new TransportError({
      kind: 'http',
      status: response.status,
      message: `HTTP ${response.status} from ${redactUrl(url)}: empty body where operation ${op.name} expects a response`,
      url: redactUrl(url),
    });
  }
  return splitSoapPayload(response.headers['content-type'], response.body);
}

function refs(schema: SchemaDescriptor, keys: readonly string[]): readonly ElementRef[] {
  return Object.freeze(keys.map((k) => elementRef(schema, k)));
}

/** What decoding an operation's responses needs from its descriptors, worked out once per operation. */
interface ResponseDescriptors {
  readonly schema: SchemaDescriptor;
  readonly body: readonly ElementRef[];
  readonly headers: readonly ElementRef[];
  readonly faultDetails: readonly ElementRef[];
}

const responseDescriptorCache = new WeakMap<OperationDescriptor, ResponseDescriptors>();

function responseDescriptors(schema: SchemaDescriptor, op: OperationDescriptor): ResponseDescriptors {
  const cached = responseDescriptorCache.get(op);
  if (cached !== undefined && cached.schema === schema) return cached;
  const output = op.output;
  const made: ResponseDescriptors = {
    schema,
    body:
      op.style === 'rpc' || output === null
        ? refs(schema, [])
        : refs(
            schema,
            output.body.map((b) => b.element),
          ),
    // Header fault blocks (soap:headerfault of the request's headers) are typed too.
    headers: refs(schema, [
      ...(output?.headers ?? []).map((h) => h.element),
      ...[...(op.input?.headers ?? []), ...(output?.headers ?? [])].flatMap((h) => (h.faults ?? []).map((f) => f.element)),
    ]),
    faultDetails: refs(
      schema,
      op.faults.flatMap((f) => (f.element === undefined ? [] : [f.element])),
    ),
  };
  responseDescriptorCache.set(op, made);
  return made;
}

/**
 * Decodes the envelope of a response; throws `SoapFault` for a fault.
 * @param payload - from {@link splitResponse}
 */
export function readResponse(
  schema: SchemaDescriptor,
  op: OperationDescriptor,
  response: TransportResponse,
  payload: SoapPayload,
  url: URL,
  options: EffectiveOptions,
  messageId: string | undefined,
): SoapResponse<unknown> {
  const strict = options.strict === true;
  const attachments = payload.received ?? payload.attachments;
  const output = op.output;
  const rpc = op.style === 'rpc';
  const descriptors = responseDescriptors(schema, op);
  // Built whole, in one shape (no spreads, no properties added later): one object per call.
  const envelopeOptions: DecodeEnvelopeOptions = {
    mode: strict ? 'strict' : 'lenient',
    attachments,
    validate: options.validate === true,
    bodyDescriptors: descriptors.body,
    headerDescriptors: descriptors.headers,
    faultDetailDescriptors: descriptors.faultDetails,
    httpStatus: response.status,
  };
  if (strict) envelopeOptions.version = op.soapVersion;
  let decoded: DecodedEnvelope;
  try {
    decoded = decodeEnvelope(envelopeInput(payload), envelopeOptions);
  } catch (err) {
    if (err instanceof DecodeError && err.code === 'not-soap-envelope') {
      const excerpt = bodyExcerpt(payload.envelope);
      throw new TransportError({
        kind: 'http',
        status: response.status,
        message: `HTTP ${response.status} from ${redactUrl(url)}: the answer is XML but not a SOAP envelope: ${excerpt}`,
        excerpt,
        ...(response.headers['content-type'] !== undefined ? { contentType: response.headers['content-type'] } : {}),
        url: redactUrl(url),
        cause: err,
      });
    }
    throw err;
  }
  // A fault is a SoapFault whatever the status (thrown above); a normal envelope is a success only with 2xx.
  if (response.status < 200 || response.status >= 300) {
    throw new TransportError({
      kind: 'http',
      status: response.status,
      message: `HTTP ${response.status} from ${redactUrl(url)}: a SOAP answer that is not a fault came with an error status`,
      ...(response.headers['content-type'] !== undefined ? { contentType: response.headers['content-type'] } : {}),
      url: redactUrl(url),
    });
  }

  let body: unknown;
  if (output !== null && output.body.length > 0) {
    let values: Record<string, unknown>;
    if (rpc) {
      const wrapper = decoded.body[0];
      if (wrapper?.xml === undefined) {
        if (strict) throw new DecodeError('missing-element', `the response of ${op.name} has no rpc wrapper element`, { line: 0, column: 0, path: '' });
        values = {};
      } else values = decodeRpcBody(schema, wrapper.xml, output.body, envelopeOptions);
    } else {
      values = {};
      for (const part of output.body) {
        const block = decoded.body.find((b) => b.key === part.element);
        if (block !== undefined) values[part.part] = block.value;
      }
    }
    if (strict) {
      for (const part of output.body) {
        if (!(part.part in values))
          throw new DecodeError('missing-element', `the response of ${op.name} lacks body part ${part.part}`, { line: 0, column: 0, path: '' });
      }
    }
    body = output.body.length === 1 ? values[output.body[0].part] : values;
  }

  const addressing = responseAddressing(decoded.headers);
  if (messageId !== undefined) {
    checkRelatesTo(addressing, messageId, options.relatesTo, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
  }
  const result: { -readonly [K in keyof SoapResponse<unknown>]: SoapResponse<unknown>[K] } = {
    body,
    operation: op.name,
    version: decoded.version,
    headers: decoded.headers,
    bodyBlocks: decoded.body,
    addressing,
    messageId,
    status: response.status,
    httpHeaders: response.headers,
    attachments: payload.attachments,
  };
  if (payload.received !== undefined) result.receivedAttachments = payload.received;
  return result;
}

/** The WS-Addressing headers among the response's raw header blocks. */
export function responseAddressing(headers: readonly SoapBlock[]): ResponseAddressing {
  // The blocks are self-contained elements (raw captures): read together, in one pass, as siblings.
  let xml = '';
  for (const h of headers) if (h.namespace === WSA_NS && h.xml !== undefined) xml += h.xml;
  return readAddressingHeaders(xml === '' ? [] : xml);
}
