/**
 * The client every generated port class wraps: one `call` per operation, driven by descriptors.
 * Generated code depends on this signature only.
 */
import type { SchemaDescriptor } from '../codec/descriptors.js';
import type { PortDescriptor } from './operation.js';

/** Options of a client, for every call it makes. */
export interface ClientOptions {
  /** Endpoint URL; overrides the WSDL address (which is often a placeholder). */
  endpoint?: string;
  /** Whole-call timeout in milliseconds. */
  timeoutMs?: number;
  /** Send `base64Binary` content of MTOM operations as XOP parts (default: on for operations marked MTOM). */
  mtom?: boolean;
  /** Strict decoding: unknown elements in responses are errors (default false: kept or skipped). */
  strict?: boolean;
}

/** Options of one call; they override the client's. */
export interface CallOptions {
  endpoint?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  mtom?: boolean;
}

/** Calls the operations of one port. */
export class SoapClient {
  readonly schema: SchemaDescriptor;
  readonly port: PortDescriptor;
  readonly options: ClientOptions;

  constructor(schema: SchemaDescriptor, port: PortDescriptor, options: ClientOptions = {}) {
    this.schema = schema;
    this.port = port;
    this.options = options;
  }

  /**
   * Calls `operation` with its body (the single body part's value, or an object keyed by part name
   * when the message has several) and its declared header parts, keyed by part name.
   */
  async call<TResponse>(
    operation: string,
    body: unknown,
    headers: Readonly<Record<string, unknown>> = {},
    options: CallOptions = {},
  ): Promise<TResponse> {
    void body;
    void headers;
    void options;
    throw new Error(`SoapClient.call(${operation}): transport not wired yet`);
  }
}
