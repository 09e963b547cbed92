/**
 * The faults of one operation: the port type's `wsdl:fault`s with their `soap:fault` bindings,
 * detail elements and WS-Addressing actions.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Fault } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attributeLocationOf, locationOf } from '../../load/location.js';
import type { WsdlPortType, WsdlPortTypeOperation } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { defaultFaultAction } from './actions.js';
import { findMessage, type BindContext } from './bind-message.js';
import { WSDL_NS } from './namespaces.js';
import { setPartLocation } from './part-locations.js';
import { soapChild } from './soap-extensions.js';

/** Binds the faults of port type operation `op` with the binding operation element `bindingOp`. */
export function bindFaults(op: WsdlPortTypeOperation, portType: WsdlPortType, bindingOp: XmlElement, ctx: BindContext): Fault[] {
  const bound = new Map<string, XmlElement>();
  for (const el of childElements(bindingOp, WSDL_NS, 'fault')) {
    const name = attr(el, 'name') ?? '';
    if (!op.faults.some((f) => f.name === name)) {
      ctx.diagnostics.push(
        diagnostic(
          'error',
          locationOf(el, ctx.doc),
          `binding fault '${name}' of operation '${op.name}' is not a fault of port type ${portType.qname}`,
          'wsdl-fault-not-in-port-type',
        ),
      );
      continue;
    }
    bound.set(name, el);
  }

  const faults: Fault[] = [];
  for (const ref of op.faults) {
    const bindingFault = bound.get(ref.name);
    if (bindingFault === undefined) {
      ctx.diagnostics.push(
        diagnostic('warning', ref.at, `fault '${ref.name}' of operation '${op.name}' is not bound in binding ${ctx.binding}`, 'wsdl-fault-not-bound'),
      );
    } else {
      checkSoapFault(bindingFault, ref.name, ctx);
    }
    const action = ref.action ?? defaultFaultAction(portType.namespace, portType.name, op.name, ref.name);
    const fault: Fault = { name: ref.name, element: null, message: ref.message?.name ?? '', action };
    const message = ref.message === null ? null : findMessage(ctx.defs, ref.message, ctx.diagnostics);
    if (message !== null) {
      fault.message = message.qname;
      if (message.parts.length !== 1) {
        ctx.diagnostics.push(
          diagnostic(
            'warning',
            message.at,
            `fault message ${message.qname} (fault '${ref.name}') has ${message.parts.length} parts; a fault message has exactly one${message.parts.length > 1 ? ', the first is used' : ''}`,
            'wsdl-fault-parts',
          ),
        );
      }
      const part = message.parts[0];
      if (part !== undefined) {
        fault.element = part.element;
        setPartLocation(fault, part.at);
        if (part.element === null && part.type !== null) {
          ctx.diagnostics.push(
            diagnostic('warning', part.at, `fault '${ref.name}' has a detail part declared by type; its detail is left untyped`, 'wsdl-fault-type-part'),
          );
        }
      }
    }
    faults.push(fault);
  }
  return faults;
}

function checkSoapFault(bindingFault: XmlElement, name: string, ctx: BindContext): void {
  const soapFault = soapChild(bindingFault, 'fault', ctx.version, ctx.doc, ctx.diagnostics);
  if (soapFault === null) {
    ctx.diagnostics.push(diagnostic('warning', locationOf(bindingFault, ctx.doc), `binding fault '${name}' has no soap:fault`, 'wsdl-missing-soap-fault'));
    return;
  }
  const soapName = attr(soapFault, 'name');
  if (soapName !== null && soapName !== name) {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        attributeLocationOf(soapFault, 'name', ctx.doc),
        `soap:fault name '${soapName}' differs from its wsdl:fault name '${name}'`,
        'wsdl-fault-name-mismatch',
      ),
    );
  }
  if (attr(soapFault, 'use') === 'encoded') {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        attributeLocationOf(soapFault, 'use', ctx.doc),
        `fault '${name}' uses SOAP encoding (use="encoded"), which is not supported`,
        'wsdl-encoded-use',
      ),
    );
  }
}
