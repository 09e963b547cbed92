/**
 * Lays out one input or output message the way its SOAP binding says: which parts go in the body
 * (`soap:body/@parts`) and which become header blocks (`soap:header`, possibly naming parts of the
 * same message: the INSi pattern), with their `soap:headerfault`s.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { BodyPart, Diagnostic, HeaderPart, MessageBinding, QNameString } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attributeLocationOf, locationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';
import type { WsdlDefinitions, WsdlIo, WsdlMessage, WsdlPart } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { refAttr, type WsdlRef } from './dom.js';
import { lookup } from './lookup.js';
import { MIME_BINDING_NS } from './namespaces.js';
import { setPartLocation } from './part-locations.js';
import { soapChildren } from './soap-extensions.js';

/** What binding a message needs to know about its binding and operation. */
export interface BindContext {
  defs: WsdlDefinitions;
  /** The binding's QName (for messages). */
  binding: QNameString;
  version: '1.1' | '1.2';
  style: 'document' | 'rpc';
  operation: string;
  /** The document of the binding (its extension elements' prefixes resolve there). */
  doc: LoadedDocument;
  diagnostics: Diagnostic[];
}

/** The result of binding one message. */
export interface BoundMessage {
  binding: MessageBinding;
  /** `soap:body/@namespace`, when given. */
  namespace: string | null;
}

/** Looks up a message, reporting an error at the reference when it is not defined. */
export function findMessage(defs: WsdlDefinitions, ref: WsdlRef, diagnostics: Diagnostic[]): WsdlMessage | null {
  return lookup(defs.messages, ref, 'message', diagnostics);
}

/**
 * Binds the port type's input or output `io` with the binding's `wsdl:input`/`wsdl:output` element
 * (`null` when the binding operation has none). Returns `null` when the message is unusable
 * (the problem is already reported).
 */
export function bindMessage(io: WsdlIo, bindingIo: XmlElement | null, ctx: BindContext): BoundMessage | null {
  if (io.message === null) return null;
  const message = findMessage(ctx.defs, io.message, ctx.diagnostics);
  if (message === null) return null;
  const { body: bodyEl, headers: headerEls, attachments } = soapElementsOf(bindingIo, ctx);

  const headers: HeaderPart[] = [];
  // Parts carried elsewhere (header blocks, MIME attachments) are not in the body by default.
  const carriedElsewhere = new Set<string>(attachments);
  for (const headerEl of headerEls) {
    const header = bindHeader(headerEl, message, ctx);
    if (header === null) continue;
    headers.push(header);
    if (header.message === message.qname) carriedElsewhere.add(header.part);
  }

  if (bindingIo !== null && bodyEl === null) {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        locationOf(bindingIo, ctx.doc),
        `${bindingIo.localName} of operation '${ctx.operation}' has no soap:body; every part not bound as a header goes in the body`,
        'wsdl-missing-soap-body',
      ),
    );
  }
  if (bodyEl !== null && attr(bodyEl, 'use') === 'encoded') {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        attributeLocationOf(bodyEl, 'use', ctx.doc),
        `operation '${ctx.operation}' uses SOAP encoding (use="encoded"), which is not supported; parts are read as literal`,
        'wsdl-encoded-use',
      ),
    );
  }

  const body: BodyPart[] = [];
  for (const part of bodyParts(bodyEl, message, carriedElsewhere, ctx)) {
    const bodyPart = toBodyPart(part, message, ctx);
    if (bodyPart !== null) body.push(bodyPart);
  }

  const binding: MessageBinding = { message: message.qname, ...(io.name === null ? {} : { name: io.name }), body, headers };
  return { binding, namespace: bodyEl === null ? null : attr(bodyEl, 'namespace') };
}

/**
 * The `soap:body` and `soap:header`s of a binding input/output, looking inside `mime:multipartRelated`
 * too, and the parts bound as MIME attachments (`mime:content/@part`).
 */
function soapElementsOf(bindingIo: XmlElement | null, ctx: BindContext): { body: XmlElement | null; headers: XmlElement[]; attachments: string[] } {
  if (bindingIo === null) return { body: null, headers: [], attachments: [] };
  const attachments: string[] = [];
  let body = soapChildren(bindingIo, 'body', ctx.version, ctx.doc, ctx.diagnostics)[0] ?? null;
  const headers = soapChildren(bindingIo, 'header', ctx.version, ctx.doc, ctx.diagnostics);
  for (const related of childElements(bindingIo, MIME_BINDING_NS, 'multipartRelated')) {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        locationOf(related, ctx.doc),
        `operation '${ctx.operation}' binds MIME attachment parts (mime:multipartRelated); only its SOAP part is used`,
        'wsdl-mime-parts',
      ),
    );
    for (const mimePart of childElements(related, MIME_BINDING_NS, 'part')) {
      body ??= soapChildren(mimePart, 'body', ctx.version, ctx.doc, ctx.diagnostics)[0] ?? null;
      headers.push(...soapChildren(mimePart, 'header', ctx.version, ctx.doc, ctx.diagnostics));
      for (const content of childElements(mimePart, MIME_BINDING_NS, 'content')) {
        const part = attr(content, 'part');
        if (part !== null) attachments.push(part);
      }
    }
  }
  return { body, headers, attachments };
}

/**
 * The parts in the body: those `soap:body/@parts` lists, in that order; without `parts`, every part
 * of the message not already carried elsewhere — as a header of this same message or as a MIME
 * attachment (as JAX-WS does: a part is carried once).
 */
function bodyParts(bodyEl: XmlElement | null, message: WsdlMessage, carriedElsewhere: Set<string>, ctx: BindContext): WsdlPart[] {
  const listed = bodyEl === null ? null : attr(bodyEl, 'parts');
  if (listed === null) return message.parts.filter((p) => !carriedElsewhere.has(p.name));
  const out: WsdlPart[] = [];
  for (const name of listed
    .trim()
    .split(/\s+/)
    .filter((n) => n !== '')) {
    const part = message.parts.find((p) => p.name === name);
    if (part === undefined) {
      ctx.diagnostics.push(
        diagnostic(
          'error',
          attributeLocationOf(bodyEl as XmlElement, 'parts', ctx.doc),
          `soap:body parts="${listed}": message ${message.qname} has no part '${name}'`,
          'wsdl-missing-part',
        ),
      );
      continue;
    }
    out.push(part);
  }
  return out;
}

function toBodyPart(part: WsdlPart, message: WsdlMessage, ctx: BindContext): BodyPart | null {
  let bodyPart: BodyPart;
  if (part.element !== null) {
    if (ctx.style === 'rpc') {
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          part.at,
          `part '${part.name}' of message ${message.qname} is declared by element in an rpc-style operation ('${ctx.operation}'); WS-I requires type`,
          'wsdl-rpc-element-part',
        ),
      );
    }
    bodyPart = { part: part.name, element: part.element };
  } else if (part.type !== null) {
    if (ctx.style === 'document') {
      ctx.diagnostics.push(
        diagnostic(
          'warning',
          part.at,
          `part '${part.name}' of message ${message.qname} is declared by type in a document-style operation ('${ctx.operation}'); WS-I requires element`,
          'wsdl-document-type-part',
        ),
      );
    }
    bodyPart = { part: part.name, type: part.type };
  } else {
    return null;
  }
  setPartLocation(bodyPart, part.at);
  return bodyPart;
}

/** Resolves the message and part a `soap:header` or `soap:headerfault` names. */
function headerTarget(el: XmlElement, enclosing: WsdlMessage, ctx: BindContext): { message: WsdlMessage; part: WsdlPart; element: QNameString } | null {
  const at = locationOf(el, ctx.doc);
  const what = `soap:${el.localName}`;
  let message: WsdlMessage | null = enclosing;
  if (attr(el, 'message') === null) {
    ctx.diagnostics.push(diagnostic('warning', at, `${what} has no message attribute; the part is looked up in ${enclosing.qname}`, 'wsdl-missing-message'));
  } else {
    const ref = refAttr(el, 'message', ctx.doc, ctx.diagnostics);
    if (ref === null) return null;
    message = findMessage(ctx.defs, ref, ctx.diagnostics);
    if (message === null) return null;
  }
  const partName = attr(el, 'part');
  if (partName === null) {
    ctx.diagnostics.push(diagnostic('error', at, `${what} has no part attribute`, 'wsdl-missing-part'));
    return null;
  }
  const part = message.parts.find((p) => p.name === partName);
  if (part === undefined) {
    ctx.diagnostics.push(
      diagnostic('error', attributeLocationOf(el, 'part', ctx.doc), `${what}: message ${message.qname} has no part '${partName}'`, 'wsdl-missing-part'),
    );
    return null;
  }
  if (part.element === null) {
    if (part.type !== null) {
      ctx.diagnostics.push(
        diagnostic(
          'error',
          part.at,
          `part '${part.name}' of message ${message.qname} is bound as a SOAP header but declared by type; header blocks need an element`,
          'wsdl-header-type-part',
        ),
      );
    }
    return null;
  }
  return { message, part, element: part.element };
}

function bindHeader(el: XmlElement, enclosing: WsdlMessage, ctx: BindContext): HeaderPart | null {
  const target = headerTarget(el, enclosing, ctx);
  if (target === null) return null;
  const headerFaults: HeaderPart['headerFaults'] = [];
  for (const faultEl of soapChildren(el, 'headerfault', ctx.version, ctx.doc, ctx.diagnostics)) {
    const fault = headerTarget(faultEl, enclosing, ctx);
    if (fault === null) continue;
    const entry = { part: fault.part.name, element: fault.element, message: fault.message.qname };
    setPartLocation(entry, fault.part.at);
    headerFaults.push(entry);
  }
  const header: HeaderPart = { part: target.part.name, element: target.element, message: target.message.qname, headerFaults };
  setPartLocation(header, target.part.at);
  return header;
}
