/**
 * Operation descriptors: what a generated client tells the runtime about each WSDL operation.
 * Plain data, emitted by the generator next to the schema descriptors.
 */

/** One body part: the global element (a key of `SchemaDescriptor.elements`) that carries it. */
export interface BodyPartDescriptor {
  /** The WSDL part name. */
  readonly part: string;
  /** Key of the part's global element in the schema descriptor. */
  readonly element: string;
}

/** One SOAP header part declared by the WSDL (`soap:header`). */
export interface HeaderPartDescriptor {
  readonly part: string;
  /** Key of the header block's global element in the schema descriptor. */
  readonly element: string;
}

/** The body and header parts of one message. */
export interface MessageDescriptor {
  readonly body: readonly BodyPartDescriptor[];
  readonly headers: readonly HeaderPartDescriptor[];
}

/** A declared fault: its name and the key of its detail element (absent when untyped). */
export interface FaultDescriptor {
  readonly name: string;
  readonly element?: string;
}

/** Everything the runtime needs to call one operation of one port. */
export interface OperationDescriptor {
  readonly name: string;
  readonly soapVersion: '1.1' | '1.2';
  readonly style: 'document' | 'rpc';
  /** `soapAction` from the binding (`''` when none). */
  readonly soapAction: string;
  /** WS-Addressing action of the request (explicit or default pattern). */
  readonly action: string | null;
  /** WS-Addressing action of the response. */
  readonly responseAction: string | null;
  /** For rpc style: the namespace of the wrapper elements. */
  readonly rpcNamespace?: string;
  readonly input: MessageDescriptor | null;
  /** `null` for one-way operations. */
  readonly output: MessageDescriptor | null;
  readonly faults: readonly FaultDescriptor[];
  /** True when the request carries `base64Binary` content marked for XOP (`xmime:expectedContentTypes`). */
  readonly mtom?: boolean;
}

/** A port: its default address and its operations, by name. */
export interface PortDescriptor {
  readonly name: string;
  readonly service: string;
  /** The WSDL's address, often a placeholder: clients take their endpoint from options first. */
  readonly address: string | null;
  readonly operations: Readonly<Record<string, OperationDescriptor>>;
}

/**
 * One operation of one port, typed with its request body, response body and header blocks:
 * what a generated client passes to {@link SoapClient.invoke}, so that a call is checked without
 * an operation-name string or an asserted type argument. The type parameters are phantoms.
 */
export interface OperationRef<TBody = unknown, TResponse = unknown, THeaders extends object = Readonly<Record<string, unknown>>> {
  readonly port: PortDescriptor;
  /** Key of the operation in {@link PortDescriptor.operations}. */
  readonly operation: string;
  /** Phantom member carrying the types; never set. */
  readonly __types?: { body: TBody; response: TResponse; headers: THeaders };
}

/** Builds an {@link OperationRef} (generated `descriptors.ts` files call it). */
export function operationRef<TBody, TResponse, THeaders extends object = Readonly<Record<string, unknown>>>(
  port: PortDescriptor,
  operation: string,
): OperationRef<TBody, TResponse, THeaders> {
  return { port, operation };
}
