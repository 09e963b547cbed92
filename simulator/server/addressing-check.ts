/**
 * WS-Addressing rules of the simulated services: the required Message Addressing Properties are
 * present, the Action names an operation of the endpoint, and the HTTP `action=` parameter (when
 * sent) agrees with it. Faults use the WS-Addressing 1.0 SOAP binding subcodes and the texts
 * Apache CXF (the DMP's stack) writes.
 */
import { WSA_NS, type ResponseAddressing } from '@volet/runtime/addressing';
import type { ReceivedSoap } from './receive-soap.js';
import { SimulatedFault } from './simulated-fault.js';

/** A Message Addressing Property a service may require. */
export type AddressingProperty = 'Action' | 'MessageID' | 'To' | 'ReplyTo';

/** CXF's text when a required property is missing (observed on the DMP). */
export const MAP_REQUIRED_REASON = 'A required header representing a Message Addressing Property is not present';

function present(addressing: ResponseAddressing, property: AddressingProperty): boolean {
  switch (property) {
    case 'Action':
      return addressing.action !== undefined && addressing.action.trim() !== '';
    case 'MessageID':
      return addressing.messageId !== undefined && addressing.messageId.trim() !== '';
    case 'To':
      // The CI-SIS examples send an empty To: presence is what counts.
      return addressing.to !== undefined;
    case 'ReplyTo':
      return addressing.replyTo !== undefined;
  }
}

/** The WS-Addressing fault for a missing property. */
export function missingPropertyFault(property: AddressingProperty): SimulatedFault {
  return new SimulatedFault({
    code: 'Sender',
    subcodes: [{ namespace: WSA_NS, local: 'MessageAddressingHeaderRequired' }],
    reason: `${MAP_REQUIRED_REASON}: ${property}`,
  });
}

/** What the check needs to know of an operation. */
export interface ActionTarget {
  /** The request's WS-Addressing action. */
  readonly action: string;
  /** The binding's soapAction (`''` when none), also accepted as the HTTP `action=`. */
  readonly soapAction: string;
}

/**
 * Checks the addressing headers and finds the operation.
 * @param received - the request
 * @param operations - the endpoint's operations by action
 * @param required - the properties the service requires
 * @throws SimulatedFault `wsa:MessageAddressingHeaderRequired`, `wsa:ActionNotSupported`, or a SOAPAction mismatch
 */
export function checkAddressing<T extends ActionTarget>(
  received: ReceivedSoap,
  operations: ReadonlyMap<string, T>,
  required: readonly AddressingProperty[],
): T {
  for (const property of required) if (!present(received.addressing, property)) throw missingPropertyFault(property);
  const action = (received.addressing.action ?? '').trim();
  const operation = operations.get(action);
  if (operation === undefined) {
    throw new SimulatedFault({
      code: 'Sender',
      subcodes: [{ namespace: WSA_NS, local: 'ActionNotSupported' }],
      reason: 'The [action] cannot be processed at the receiver',
    });
  }
  const httpAction = received.httpAction?.trim();
  if (
    httpAction !== undefined &&
    httpAction !== '' &&
    httpAction !== operation.action &&
    (operation.soapAction === '' || httpAction !== operation.soapAction)
  ) {
    throw new SimulatedFault({ code: 'Sender', reason: 'The given SOAPAction does not match an operation.' });
  }
  return operation;
}
