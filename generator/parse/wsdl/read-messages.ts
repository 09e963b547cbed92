/**
 * Reads `wsdl:message` elements and their parts.
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic } from '../../model/model.js';
import { qname } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attributeLocationOf, locationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';
import type { WsdlMessage, WsdlPart } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { qnameAttr } from './dom.js';
import { WSDL_NS } from './namespaces.js';

/** Reads one `wsdl:message`; returns `null` (with an error) when it has no name. */
export function readMessage(el: XmlElement, namespace: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlMessage | null {
  const at = locationOf(el, doc);
  const name = attr(el, 'name');
  if (name === null || name === '') {
    diagnostics.push(diagnostic('error', at, 'wsdl:message has no name', 'wsdl-missing-name'));
    return null;
  }
  const parts: WsdlPart[] = [];
  const seen = new Set<string>();
  for (const partEl of childElements(el, WSDL_NS, 'part')) {
    const part = readPart(partEl, name, doc, diagnostics);
    if (part === null) continue;
    if (seen.has(part.name)) {
      diagnostics.push(diagnostic('error', part.at, `message '${name}' has two parts named '${part.name}'`, 'wsdl-duplicate-part'));
      continue;
    }
    seen.add(part.name);
    parts.push(part);
  }
  return { qname: qname(namespace, name), parts, at };
}

function readPart(el: XmlElement, message: string, doc: LoadedDocument, diagnostics: Diagnostic[]): WsdlPart | null {
  const at = locationOf(el, doc);
  const name = attr(el, 'name');
  if (name === null || name === '') {
    diagnostics.push(diagnostic('error', at, `a part of message '${message}' has no name`, 'wsdl-missing-name'));
    return null;
  }
  const hasElement = attr(el, 'element') !== null;
  const hasType = attr(el, 'type') !== null;
  if (!hasElement && !hasType) {
    diagnostics.push(
      diagnostic('error', at, `part '${name}' of message '${message}' has neither an element nor a type attribute`, 'wsdl-part-no-element-or-type'),
    );
  } else if (hasElement && hasType) {
    diagnostics.push(
      diagnostic(
        'warning',
        attributeLocationOf(el, 'type', doc),
        `part '${name}' of message '${message}' has both element and type; the element is used`,
        'wsdl-part-element-and-type',
      ),
    );
  }
  const element = hasElement ? qnameAttr(el, 'element', doc, diagnostics) : null;
  const type = hasElement ? null : hasType ? qnameAttr(el, 'type', doc, diagnostics) : null;
  return { name, element, type, at };
}
