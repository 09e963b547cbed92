/**
 * The client every generated port class wraps: one `call` per operation, driven by descriptors.
 * Generated code depends on the constructor and `call` only.
 */
import type { SchemaDescriptor } from '../codec/descriptors.js';
import { EncodeError } from '../errors/encode-error.js';
import { HttpsTransport } from '../http/https-transport.js';
import { redactUrl } from '../http/transport-error.js';
import type { Transport, TransportRequest, TransportResponse } from '../http/transport.js';
import type { OperationDescriptor, OperationRef, PortDescriptor } from './operation.js';
import { effectiveOptions, type CallOptions, type ClientOptions, type EffectiveOptions, type SoapResponse } from './options.js';
import type { ProfileRequest } from './profile.js';
import { prepareRequest, type PreparedRequest } from './request.js';
import { readResponse, responseText, splitResponse } from './response.js';
import { redactXml } from '../xml/redact-xml.js';
import { redactHeaders } from './trace.js';
import { AttachmentCollector } from '../mtom/attachment-sinks.js';
import type { WithAttachmentSources } from '../mtom/attachment-source.js';
import type { SoapPayload } from '../mtom/soap-payload.js';

/** True when the caller asked to see values in traces. */
function reveals(opts: EffectiveOptions): boolean {
  return opts.revealValues === true;
}

/** Calls the operations of one port. */
export class SoapClient {
  readonly schema: SchemaDescriptor;
  readonly port: PortDescriptor;
  readonly options: ClientOptions;
  #transport: Transport | undefined;
  #ownsTransport = false;
  #endpoint: { readonly text: string; readonly url: URL; readonly href: string } | undefined;

  /**
   * @param schema - the generated schema descriptor
   * @param port - the generated port descriptor
   * @param options - endpoint, transport or TLS settings, profile, MTOM, decoding, trace
   */
  constructor(schema: SchemaDescriptor, port: PortDescriptor, options: ClientOptions = {}) {
    this.schema = schema;
    this.port = port;
    this.options = options;
    this.#transport = options.transport;
  }

  /**
   * Calls `operation` with its body (the single body part's value, or an object keyed by part name
   * when the message has several) and its declared header parts, keyed by part name.
   * @returns the single output part's value, an object keyed by part name, or undefined
   * @throws `SoapFault` for a fault answer; `TransportError` for a network, TLS or non-SOAP answer;
   *   `EncodeError` / `DecodeError` / `XmlError` for values or responses that do not fit the descriptors
   */
  call<TResponse>(operation: string, body: unknown, headers: Readonly<Record<string, unknown>> = {}, options: CallOptions = {}): Promise<TResponse> {
    return this.#call(operation, body, headers, options, true) as Promise<TResponse>;
  }

  /**
   * Calls a typed operation of this client's port (generated clients use it): like
   * {@link SoapClient.call}, with the body, headers and response types taken from `operation`.
   */
  invoke<TBody, TResponse, THeaders extends object>(
    operation: OperationRef<TBody, TResponse, THeaders>,
    body: WithAttachmentSources<TBody>,
    headers: THeaders,
    options: CallOptions = {},
  ): Promise<TResponse> {
    if (operation.port !== this.port)
      return Promise.reject(new TypeError(`operation ${operation.operation} belongs to port ${operation.port.name}, not ${this.port.name}`));
    return this.#call(operation.operation, body, headers as Readonly<Record<string, unknown>>, options, true) as Promise<TResponse>;
  }

  /** Like {@link SoapClient.call}, with the response's header blocks, WS-Addressing headers and HTTP status. */
  callWithHeaders<TResponse>(
    operation: string,
    body: unknown,
    headers: Readonly<Record<string, unknown>> = {},
    options: CallOptions = {},
  ): Promise<SoapResponse<TResponse>> {
    return this.#call(operation, body, headers, options, false) as Promise<SoapResponse<TResponse>>;
  }

  /**
   * One call, as one async function (the public methods hand its promise on: no promise and no
   * microtask turns per layer). `bodyOnly`: resolve with the typed body instead of the whole response.
   */
  async #call(operation: string, body: unknown, headers: Readonly<Record<string, unknown>>, options: CallOptions, bodyOnly: boolean): Promise<unknown> {
    const op = this.operation(operation);
    const opts = effectiveOptions(this.options, options);
    const url = this.endpointUrl(opts.endpoint ?? this.port.address ?? '', op);
    const profile = opts.profile !== undefined && opts.noProfile !== true ? opts.profile : undefined;
    let profileRequest: ProfileRequest | null = null;
    if (profile !== undefined) {
      profileRequest = await profile.prepare({
        schema: this.schema,
        port: this.port,
        operation: op,
        soapVersion: op.soapVersion,
        action: opts.action ?? op.action,
        endpoint: url.href,
      });
    }
    const request = prepareRequest(this.schema, op, body, headers, opts, profileRequest);
    this.traceRequest(opts, op, url, request);
    const collector = opts.attachments !== undefined ? new AttachmentCollector(opts.attachments) : undefined;
    const sent: { -readonly [K in keyof TransportRequest]: TransportRequest[K] } = { url, headers: request.headers, body: request.body };
    if (opts.signal !== undefined) sent.signal = opts.signal;
    if (opts.timeoutMs !== undefined) sent.timeoutMs = opts.timeoutMs;
    if (collector !== undefined) sent.readBody = collector.readBody;
    const response = await this.transport().send(sent);
    let result: SoapResponse<unknown>;
    try {
      // Only attachments written from memory to the caller's files or sinks make the rest asynchronous.
      let payload = this.responsePayload(op, url, response, collector);
      if (payload instanceof Promise) payload = await payload;
      result = this.finishCall(op, opts, url, request, response, payload);
    } catch (err) {
      collector?.discard();
      throw err;
    }
    return bodyOnly ? result.body : result;
  }

  /** The envelope and attachments of a response; a promise only when buffered attachments go to the caller's sinks. */
  private responsePayload(
    op: OperationDescriptor,
    url: URL,
    response: TransportResponse,
    collector: AttachmentCollector | undefined,
  ): SoapPayload | null | Promise<SoapPayload | null> {
    const root = collector?.root;
    if (root !== undefined) {
      // Streamed: the transport's body is the root part; the other parts went to their sinks.
      return {
        multipart: true,
        envelope: root.body,
        envelopeContentType: root.contentType,
        attachments: new Map(),
        rootPart: root,
        received: collector?.received,
      };
    }
    const payload = splitResponse(op, response, url);
    if (collector !== undefined && payload !== null && payload.attachments.size > 0) {
      // A transport that buffered the response: same outcome, from memory.
      return collector.writeBuffered(payload.attachments).then(() => ({ ...payload, attachments: new Map(), received: collector.received }));
    }
    return payload;
  }

  private finishCall(
    op: OperationDescriptor,
    opts: EffectiveOptions,
    url: URL,
    request: PreparedRequest,
    response: TransportResponse,
    payload: SoapPayload | null,
  ): SoapResponse<unknown> {
    if (payload !== null && opts.trace !== undefined) {
      const text = responseText(payload);
      opts.trace({
        phase: 'response',
        operation: op.name,
        url: redactUrl(url),
        status: response.status,
        headers: reveals(opts) ? response.headers : redactHeaders(response.headers),
        body: reveals(opts) ? text : redactXml(text),
        attachments: [...payload.attachments, ...(payload.received ?? [])].map(([contentId, data]) => ({
          contentId,
          size: data instanceof Uint8Array ? data.byteLength : data.size,
        })),
        masked: !reveals(opts),
      });
    }
    let result: SoapResponse<unknown>;
    if (payload === null) {
      result = {
        body: undefined,
        operation: op.name,
        version: op.soapVersion,
        headers: [],
        bodyBlocks: [],
        addressing: { relatesTo: [] },
        messageId: request.messageId,
        status: response.status,
        httpHeaders: response.headers,
        attachments: new Map(),
      };
    } else {
      result = readResponse(this.schema, op, response, payload, url, opts, request.messageId);
    }
    opts.onResponse?.(result);
    return result;
  }

  /** Releases the pooled connections of the transport the client made itself (a given transport is the caller's). */
  close(): void {
    if (this.#ownsTransport) this.#transport?.close?.();
  }

  /** The descriptor of an operation of the port. */
  operation(name: string): OperationDescriptor {
    const op = Object.hasOwn(this.port.operations, name) ? this.port.operations[name] : undefined;
    if (op === undefined) throw new EncodeError('unknown-operation', `port ${this.port.name} has no operation "${name}"`, '');
    return op;
  }

  /**
   * The endpoint as a URL, parsed once per endpoint string (calls normally share one). The transport
   * and the traces only read it; should a custom transport change it, its href no longer matches and
   * the next call parses the endpoint again.
   */
  private endpointUrl(endpoint: string, op: OperationDescriptor): URL {
    if (this.#endpoint !== undefined && this.#endpoint.text === endpoint && this.#endpoint.url.href === this.#endpoint.href) return this.#endpoint.url;
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new TypeError(`no usable endpoint for ${this.port.name}.${op.name}: set the endpoint option`);
    }
    this.#endpoint = { text: endpoint, url, href: url.href };
    return url;
  }

  private transport(): Transport {
    if (this.#transport === undefined) {
      this.#transport = new HttpsTransport(this.options.tls ?? {});
      this.#ownsTransport = true;
    }
    return this.#transport;
  }

  private traceRequest(opts: EffectiveOptions, op: OperationDescriptor, url: URL, request: PreparedRequest): void {
    if (opts.trace === undefined) return;
    opts.trace({
      phase: 'request',
      operation: op.name,
      url: redactUrl(url),
      headers: reveals(opts) ? request.headers : redactHeaders(request.headers),
      body: reveals(opts) ? request.envelope : redactXml(request.envelope),
      attachments: request.attachments.map((a) => ({ contentId: a.contentId, size: a.data.byteLength ?? -1 })),
      masked: !reveals(opts),
    });
  }
}
