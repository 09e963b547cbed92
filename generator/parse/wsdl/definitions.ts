/**
 * The WSDL 1.1 definitions of a description, read from every WSDL document (the entries and the
 * `wsdl:import`ed ones) into tables keyed by QName. Each definition keeps its element and document
 * so that later steps can read its extensions and point diagnostics at it.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { QNameString, SourceLocation } from '../../model/model.js';
import type { LoadedDocument } from '../../load/types.js';
import type { WsdlRef } from './dom.js';

/** A `wsdl:part`. */
export interface WsdlPart {
  name: string;
  /** `element=`, resolved; `null` when absent or unresolvable. */
  element: QNameString | null;
  /** `type=`, resolved; `null` when absent or unresolvable. */
  type: QNameString | null;
  at: SourceLocation;
}

/** A `wsdl:message`. */
export interface WsdlMessage {
  qname: QNameString;
  parts: WsdlPart[];
  at: SourceLocation;
}

/** The `wsdl:input`/`wsdl:output` of a port type operation. */
export interface WsdlIo {
  /** `@name` when given. */
  name: string | null;
  /** `@message`; `null` when absent or unresolvable. */
  message: WsdlRef | null;
  /** The explicit WS-Addressing action, when one of the known `Action` attributes is present. */
  action: string | null;
  at: SourceLocation;
}

/** A `wsdl:fault` of a port type operation. */
export interface WsdlFaultRef {
  name: string;
  message: WsdlRef | null;
  action: string | null;
  at: SourceLocation;
}

/** Message exchange pattern of a port type operation (WSDL 1.1 §2.4). */
export type WsdlPattern = 'request-response' | 'one-way' | 'solicit-response' | 'notification';

/** A `wsdl:operation` of a port type. */
export interface WsdlPortTypeOperation {
  name: string;
  pattern: WsdlPattern;
  input: WsdlIo | null;
  output: WsdlIo | null;
  faults: WsdlFaultRef[];
  documentation?: string;
  at: SourceLocation;
}

/** A `wsdl:portType`. */
export interface WsdlPortType {
  qname: QNameString;
  name: string;
  /** The target namespace of the WSDL that declares it (the default action pattern starts with it). */
  namespace: string;
  operations: WsdlPortTypeOperation[];
  at: SourceLocation;
}

/** A `wsdl:binding`, read lazily (only bindings that ports use are looked at). */
export interface WsdlBinding {
  qname: QNameString;
  element: XmlElement;
  doc: LoadedDocument;
  at: SourceLocation;
}

/** A `wsdl:port`. */
export interface WsdlPort {
  name: string;
  binding: WsdlRef | null;
  element: XmlElement;
  doc: LoadedDocument;
  at: SourceLocation;
}

/** A `wsdl:service`. */
export interface WsdlService {
  name: string;
  namespace: string;
  documentation?: string;
  ports: WsdlPort[];
  at: SourceLocation;
}

/** Every definition of a description. */
export interface WsdlDefinitions {
  messages: Map<QNameString, WsdlMessage>;
  portTypes: Map<QNameString, WsdlPortType>;
  bindings: Map<QNameString, WsdlBinding>;
  /** In document order, documents in load order. */
  services: WsdlService[];
}
