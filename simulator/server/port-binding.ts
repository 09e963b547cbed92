/**
 * The server side of a generated port descriptor: operations indexed by the request
 * WS-Addressing action the generator computed, with the element refs to decode the request body
 * and declared header blocks and to encode the response. The simulators dispatch with this, so
 * they follow whatever the generated code says the service is.
 */
import { elementRef, type ElementRef, type OperationDescriptor, type PortDescriptor, type SchemaDescriptor } from '@volet/runtime';

/** One operation, ready for the server direction. */
export interface BoundOperation {
  /** The operation's name in the WSDL. */
  readonly name: string;
  readonly descriptor: OperationDescriptor;
  /** The request's WS-Addressing action. */
  readonly action: string;
  /** The binding's soapAction (`''` when none). */
  readonly soapAction: string;
  /** The response's WS-Addressing action. */
  readonly responseAction: string;
  /** The request body element. */
  readonly input: ElementRef;
  /** The response body element. */
  readonly output: ElementRef;
  /** Header blocks the WSDL declares on the request, by part name. */
  readonly headers: Readonly<Record<string, ElementRef>>;
  /** Detail elements of the declared faults, by fault name. */
  readonly faults: Readonly<Record<string, ElementRef>>;
}

/** A port's operations by request action. */
export type PortBinding = ReadonlyMap<string, BoundOperation>;

/**
 * Indexes the document/literal request-response operations of a generated port by action.
 * Operations without an action, a single body part or an output are not served.
 * @param schema - the generated `schema`
 * @param port - the generated port descriptor
 */
export function bindPort(schema: SchemaDescriptor, port: PortDescriptor): PortBinding {
  const map = new Map<string, BoundOperation>();
  for (const [name, op] of Object.entries(port.operations)) {
    const inputPart = op.input?.body.length === 1 ? op.input.body[0] : undefined;
    const outputPart = op.output?.body.length === 1 ? op.output.body[0] : undefined;
    if (op.action === null || op.style !== 'document' || inputPart === undefined || outputPart === undefined) continue;
    const headers: Record<string, ElementRef> = {};
    for (const h of op.input?.headers ?? []) headers[h.part] = elementRef(schema, h.element);
    const faults: Record<string, ElementRef> = {};
    for (const f of op.faults) if (f.element !== undefined) faults[f.name] = elementRef(schema, f.element);
    map.set(op.action, {
      name,
      descriptor: op,
      action: op.action,
      soapAction: op.soapAction,
      responseAction: op.responseAction ?? `${op.action}Response`,
      input: elementRef(schema, inputPart.element),
      output: elementRef(schema, outputPart.element),
      headers,
      faults,
    });
  }
  return map;
}
