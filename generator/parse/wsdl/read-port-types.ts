/**
 * Reads `wsdl:portType` elements: operations, their message exchange pattern, messages,
 * faults and explicit WS-Addressing actions.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic } from '../../model/model.js';
import { qname } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { locationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';
import type { WsdlFaultRef, WsdlIo, WsdlPattern, WsdlPortType, WsdlPortTypeOperation } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { documentationOf, refAttr } from './dom.js';
import { explicitAction } from './actions.js';
import { WSDL_NS } from './namespaces.js';

/** Reads one `wsdl:portType`; returns `null` (with an error) when it has no name. */
export function readPortType(el: XmlElement, namespace: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlPortType | null {
  const at = locationOf(el, doc);
  const name = attr(el, 'name');
  if (name === null || name === '') {
    diagnostics.push(diagnostic('error', at, 'wsdl:portType has no name', 'wsdl-missing-name'));
    return null;
  }
  const operations: WsdlPortTypeOperation[] = [];
  for (const opEl of childElements(el, WSDL_NS, 'operation')) {
    const op = readOperation(opEl, name, doc, diagnostics);
    if (op !== null) operations.push(op);
  }
  return { qname: qname(namespace, name), name, namespace, operations, at };
}

function readOperation(el: XmlElement, portType: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlPortTypeOperation | null {
  const at = locationOf(el, doc);
  const name = attr(el, 'name');
  if (name === null || name === '') {
    diagnostics.push(diagnostic('error', at, `an operation of port type '${portType}' has no name`, 'wsdl-missing-name'));
    return null;
  }
  const ios = childElements(el, WSDL_NS).filter((c) => c.localName === 'input' || c.localName === 'output');
  const inputEl = ios.find((c) => c.localName === 'input') ?? null;
  const outputEl = ios.find((c) => c.localName === 'output') ?? null;
  if (ios.filter((c) => c.localName === 'input').length > 1 || ios.filter((c) => c.localName === 'output').length > 1) {
    diagnostics.push(diagnostic('error', at, `operation '${name}' has more than one input or output; the first of each is used`, 'wsdl-invalid-operation'));
  }
  if (inputEl === null && outputEl === null) {
    diagnostics.push(diagnostic('error', at, `operation '${name}' of port type '${portType}' has neither input nor output`, 'wsdl-invalid-operation'));
    return null;
  }
  const pattern: WsdlPattern =
    inputEl !== null && outputEl !== null
      ? ios[0]?.localName === 'input'
        ? 'request-response'
        : 'solicit-response'
      : inputEl !== null
        ? 'one-way'
        : 'notification';
  const faults: WsdlFaultRef[] = [];
  for (const faultEl of childElements(el, WSDL_NS, 'fault')) {
    const fault = readFault(faultEl, name, doc, diagnostics);
    if (fault !== null) faults.push(fault);
  }
  const documentation = documentationOf(el, WSDL_NS);
  const op: WsdlPortTypeOperation = {
    name,
    pattern,
    input: inputEl === null ? null : readIo(inputEl, doc, diagnostics),
    output: outputEl === null ? null : readIo(outputEl, doc, diagnostics),
    faults,
    at,
  };
  if (documentation !== undefined) op.documentation = documentation;
  return op;
}

function readIo(el: XmlElement, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlIo {
  const at = locationOf(el, doc);
  const message = refAttr(el, 'message', doc, diagnostics);
  if (attr(el, 'message') === null) {
    diagnostics.push(diagnostic('error', at, `wsdl:${el.localName} has no message attribute`, 'wsdl-missing-message'));
  }
  const name = attr(el, 'name');
  return { name: name === '' ? null : name, message, action: explicitAction(el), at };
}

function readFault(el: XmlElement, operation: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlFaultRef | null {
  const at = locationOf(el, doc);
  const name = attr(el, 'name');
  if (name === null || name === '') {
    diagnostics.push(diagnostic('error', at, `a fault of operation '${operation}' has no name`, 'wsdl-missing-name'));
    return null;
  }
  if (attr(el, 'message') === null) {
    diagnostics.push(diagnostic('error', at, `fault '${name}' has no message attribute`, 'wsdl-missing-message'));
  }
  return { name, message: refAttr(el, 'message', doc, diagnostics), action: explicitAction(el), at };
}
