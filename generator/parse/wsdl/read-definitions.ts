/**
 * Collects the definitions of every WSDL document of a description into one set of tables.
 * Each document contributes under its own targetNamespace (`wsdl:import`ed WSDLs included);
 * a QName defined twice keeps its first definition and gets a warning.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic, QNameString, SourceLocation } from '../../model/model.js';
import { qname } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { locationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';
import type { WsdlDefinitions, WsdlPort, WsdlService } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { documentationOf, refAttr } from './dom.js';
import { WSDL20_NS, WSDL_NS } from './namespaces.js';
import { readMessage } from './read-messages.js';
import { readPortType } from './read-port-types.js';

/** Reads the definitions of all the given WSDL documents (in order). */
export function readDefinitions(documents: readonly LoadedDocument[], diagnostics: Diagnostic[]): WsdlDefinitions {
  const defs: WsdlDefinitions = { messages: new Map(), portTypes: new Map(), bindings: new Map(), services: [] };
  for (const doc of documents) {
    const root = doc.root;
    if (root.namespaceURI === WSDL20_NS) {
      diagnostics.push(diagnostic('error', locationOf(root, doc), 'WSDL 2.0 descriptions are not supported (WSDL 1.1 only)', 'wsdl-version'));
      continue;
    }
    if (root.namespaceURI !== WSDL_NS || root.localName !== 'definitions') {
      diagnostics.push(
        diagnostic(
          'error',
          locationOf(root, doc),
          `expected a WSDL 1.1 wsdl:definitions element, found {${root.namespaceURI ?? ''}}${root.localName ?? root.nodeName}`,
          'wsdl-not-definitions',
        ),
      );
      continue;
    }
    readDocument(root, doc, defs, diagnostics);
  }
  return defs;
}

function readDocument(root: XmlElement, doc: LoadedDocument, defs: WsdlDefinitions, diagnostics: Diagnostic[]): void {
  const namespace = attr(root, 'targetNamespace') ?? '';
  const add = <T extends { at: SourceLocation }>(table: Map<QNameString, T>, kind: string, key: QNameString, value: T): void => {
    const first = table.get(key);
    if (first !== undefined) {
      diagnostics.push(
        diagnostic(
          'warning',
          value.at,
          `${kind} ${key} is defined twice (first at ${first.at.file}:${first.at.line}:${first.at.column}); the first definition is used`,
          'wsdl-duplicate-definition',
        ),
      );
      return;
    }
    table.set(key, value);
  };
  for (const el of childElements(root, WSDL_NS)) {
    switch (el.localName) {
      case 'message': {
        const message = readMessage(el, namespace, doc, diagnostics);
        if (message !== null) add(defs.messages, 'message', message.qname, message);
        break;
      }
      case 'portType': {
        const portType = readPortType(el, namespace, doc, diagnostics);
        if (portType !== null) add(defs.portTypes, 'port type', portType.qname, portType);
        break;
      }
      case 'binding': {
        const at = locationOf(el, doc);
        const name = attr(el, 'name');
        if (name === null || name === '') {
          diagnostics.push(diagnostic('error', at, 'wsdl:binding has no name', 'wsdl-missing-name'));
          break;
        }
        const key = qname(namespace, name);
        add(defs.bindings, 'binding', key, { qname: key, element: el, doc, at });
        break;
      }
      case 'service': {
        const service = readService(el, namespace, doc, diagnostics);
        if (service !== null) defs.services.push(service);
        break;
      }
      default:
        break;
    }
  }
}

function readService(el: XmlElement, namespace: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlService | null {
  const at = locationOf(el, doc);
  const name = attr(el, 'name');
  if (name === null || name === '') {
    diagnostics.push(diagnostic('error', at, 'wsdl:service has no name', 'wsdl-missing-name'));
    return null;
  }
  const ports: WsdlPort[] = [];
  for (const portEl of childElements(el, WSDL_NS, 'port')) {
    const portAt = locationOf(portEl, doc);
    const portName = attr(portEl, 'name');
    if (portName === null || portName === '') {
      diagnostics.push(diagnostic('error', portAt, `a port of service '${name}' has no name`, 'wsdl-missing-name'));
      continue;
    }
    if (attr(portEl, 'binding') === null) {
      diagnostics.push(diagnostic('error', portAt, `port '${portName}' has no binding attribute`, 'wsdl-missing-binding'));
    }
    ports.push({ name: portName, binding: refAttr(portEl, 'binding', doc, diagnostics), element: portEl, doc, at: portAt });
  }
  const service: WsdlService = { name, namespace, ports, at };
  const documentation = documentationOf(el, WSDL_NS);
  if (documentation !== undefined) service.documentation = documentation;
  return service;
}
