/**
 * One `wsdl:port`: its SOAP binding (version, style, transport), its address and its operations.
 * Ports bound otherwise (HTTP GET/POST, …) are skipped with a warning.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic, Operation, Port, QNameString } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attributeLocationOf, locationOf } from '../../load/location.js';
import type { WsdlBinding, WsdlDefinitions, WsdlPort, WsdlPortType, WsdlPortTypeOperation } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { refAttr } from './dom.js';
import { lookup } from './lookup.js';
import { bindOperation } from './bind-operation.js';
import { HTTP_BINDING_NS, WSDL_NS, soapVersionOf } from './namespaces.js';
import { soapChild } from './soap-extensions.js';

/** A binding read once, shared by every port that uses it. */
interface BoundBinding {
  binding: QNameString;
  portType: QNameString;
  soapVersion: '1.1' | '1.2';
  style: 'document' | 'rpc';
  transport: string | null;
  operations: Operation[];
}

/** Bindings already read (`null`: unusable), so that a binding shared by ports is read and diagnosed once. */
export type BindingCache = Map<QNameString, BoundBinding | null>;

/** Builds the model port, or `null` when the port is skipped or unusable (reported). */
export function bindPort(port: WsdlPort, defs: WsdlDefinitions, cache: BindingCache, diagnostics: Diagnostic[]): Port | null {
  if (port.binding === null) return null;
  const binding = lookup(defs.bindings, port.binding, 'binding', diagnostics, ` of port '${port.name}'`);
  if (binding === null) return null;
  let bound = cache.get(binding.qname);
  if (bound === undefined) {
    bound = readBinding(binding, port, defs, diagnostics);
    cache.set(binding.qname, bound);
  } else if (bound === null && soapBindingElement(binding.element) === null) {
    skipNonSoap(binding, port, diagnostics);
  }
  if (bound === null) return null;
  const addressEl = soapChild(port.element, 'address', bound.soapVersion, port.doc, diagnostics);
  return {
    name: port.name,
    binding: bound.binding,
    portType: bound.portType,
    soapVersion: bound.soapVersion,
    address: addressEl === null ? null : attr(addressEl, 'location'),
    style: bound.style,
    transport: bound.transport,
    operations: bound.operations,
  };
}

/** The `soap:binding` or `soap12:binding` child of a `wsdl:binding`, or `null`. */
function soapBindingElement(el: XmlElement): XmlElement | null {
  return childElements(el).find((c) => c.localName === 'binding' && soapVersionOf(c.namespaceURI) !== null) ?? null;
}

function skipNonSoap(binding: WsdlBinding, port: WsdlPort, diagnostics: Diagnostic[]): void {
  const http = childElements(binding.element, HTTP_BINDING_NS, 'binding').length > 0;
  diagnostics.push(
    diagnostic(
      'warning',
      port.at,
      http
        ? `port '${port.name}' uses an HTTP GET/POST binding (${binding.qname}), which is not supported; the port is skipped`
        : `port '${port.name}' has no SOAP 1.1 or SOAP 1.2 binding (${binding.qname}); the port is skipped`,
      'wsdl-unsupported-binding',
    ),
  );
}

function readBinding(binding: WsdlBinding, port: WsdlPort, defs: WsdlDefinitions, diagnostics: Diagnostic[]): BoundBinding | null {
  const soapBinding = soapBindingElement(binding.element);
  if (soapBinding === null) {
    skipNonSoap(binding, port, diagnostics);
    return null;
  }
  const soapVersion = soapVersionOf(soapBinding.namespaceURI) as '1.1' | '1.2';
  const doc = binding.doc;
  if (attr(binding.element, 'type') === null) {
    diagnostics.push(diagnostic('error', binding.at, `binding ${binding.qname} has no type attribute`, 'wsdl-missing-port-type'));
    return null;
  }
  const portTypeRef = refAttr(binding.element, 'type', doc, diagnostics);
  if (portTypeRef === null) return null;
  const portType = lookup(defs.portTypes, portTypeRef, 'port type', diagnostics, ` of binding ${binding.qname}`);
  if (portType === null) return null;
  const styleValue = attr(soapBinding, 'style');
  let style: 'document' | 'rpc' = 'document';
  if (styleValue === 'rpc' || styleValue === 'document') style = styleValue;
  else if (styleValue !== null) {
    diagnostics.push(
      diagnostic('warning', attributeLocationOf(soapBinding, 'style', doc), `unknown binding style '${styleValue}'; document is used`, 'wsdl-invalid-style'),
    );
  }
  const operations: Operation[] = [];
  for (const [op, bindingOp] of pairOperations(binding, portType, diagnostics)) {
    operations.push(bindOperation(op, portType, bindingOp, { defs, binding: binding.qname, version: soapVersion, bindingStyle: style, doc, diagnostics }));
  }
  return { binding: binding.qname, portType: portType.qname, soapVersion, style, transport: attr(soapBinding, 'transport'), operations };
}

/**
 * Pairs each port type operation with its binding operation, in port type order. Overloaded names
 * are told apart by their input and output names (WSDL 1.1 §2.4.6).
 */
function pairOperations(binding: WsdlBinding, portType: WsdlPortType, diagnostics: Diagnostic[]): [WsdlPortTypeOperation, XmlElement][] {
  const unused = childElements(binding.element, WSDL_NS, 'operation');
  const pairs: [WsdlPortTypeOperation, XmlElement][] = [];
  for (const op of portType.operations) {
    const candidates = unused.filter((el) => attr(el, 'name') === op.name);
    const match =
      candidates.length > 1
        ? (candidates.find((el) => ioName(el, 'input') === (op.input?.name ?? null) && ioName(el, 'output') === (op.output?.name ?? null)) ?? candidates[0])
        : candidates[0];
    if (match === undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          op.at,
          `operation '${op.name}' of port type ${portType.qname} is not bound in binding ${binding.qname}; it is skipped`,
          'wsdl-operation-not-bound',
        ),
      );
      continue;
    }
    unused.splice(unused.indexOf(match), 1);
    pairs.push([op, match]);
  }
  for (const el of unused) {
    diagnostics.push(
      diagnostic(
        'error',
        locationOf(el, binding.doc),
        `binding ${binding.qname} has operation '${attr(el, 'name') ?? ''}', which port type ${portType.qname} does not declare`,
        'wsdl-operation-not-in-port-type',
      ),
    );
  }
  return pairs;
}

function ioName(bindingOp: XmlElement, direction: 'input' | 'output'): string | null {
  const el = childElements(bindingOp, WSDL_NS, direction)[0];
  return el === undefined ? null : attr(el, 'name');
}
