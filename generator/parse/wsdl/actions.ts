/**
 * WS-Addressing actions of WSDL 1.1 operations: the explicit `Action` attribute, else the default
 * action pattern of WS-Addressing 1.0 Metadata §4.4.4 (https://www.w3.org/TR/ws-addr-metadata/).
 * The SOAP action is never used: several DMP services carry a `soapAction` that is wrong as an Action.
 */
import { attrNS } from '../../load/xml-elements.js';
import type { XmlElement } from '../../load/xml-tree.js';
import { ACTION_NAMESPACES } from './namespaces.js';
import type { WsdlPattern } from './definitions.js';

/**
 * The explicit action on a `wsdl:input`/`wsdl:output`/`wsdl:fault` element: the first `Action`
 * attribute found in {@link ACTION_NAMESPACES} order, trimmed; `null` when there is none or it is empty.
 */
export function explicitAction(el: XmlElement): string | null {
  for (const ns of ACTION_NAMESPACES) {
    const value = (attrNS(el, ns, 'Action') ?? '').trim();
    if (value !== '') return value;
  }
  return null;
}

/**
 * The delimiter of the default pattern: `:` for a URN target namespace, `/` otherwise; empty when
 * the namespace already ends with it (no doubled delimiter).
 */
function delimiterAfter(namespace: string): string {
  const d = /^urn:/i.test(namespace) ? ':' : '/';
  return namespace.endsWith(d) ? '' : d;
}

/** Joins the namespace and the segments with the pattern's delimiter. */
function join(namespace: string, ...segments: string[]): string {
  const d = /^urn:/i.test(namespace) ? ':' : '/';
  return namespace + delimiterAfter(namespace) + segments.join(d);
}

/**
 * The default input or output message name of WSDL 1.1 §2.4.5, used when `wsdl:input`/`wsdl:output`
 * has no `name`: request-response → op+"Request" / op+"Response"; solicit-response → op+"Response" /
 * op+"Solicit"; one-way input and notification output → op.
 */
export function defaultMessageName(operation: string, pattern: WsdlPattern, direction: 'input' | 'output'): string {
  switch (pattern) {
    case 'request-response':
      return operation + (direction === 'input' ? 'Request' : 'Response');
    case 'solicit-response':
      return operation + (direction === 'input' ? 'Response' : 'Solicit');
    case 'one-way':
    case 'notification':
      return operation;
  }
}

/** Default action of an input or output: `tns d portType d (name ?? default name)`. */
export function defaultMessageAction(
  namespace: string,
  portType: string,
  operation: string,
  pattern: WsdlPattern,
  direction: 'input' | 'output',
  messageName: string | null,
): string {
  return join(namespace, portType, messageName ?? defaultMessageName(operation, pattern, direction));
}

/** Default action of a fault: `tns d portType d operation d "Fault" d faultName`. */
export function defaultFaultAction(namespace: string, portType: string, operation: string, fault: string): string {
  return join(namespace, portType, operation, 'Fault', fault);
}
