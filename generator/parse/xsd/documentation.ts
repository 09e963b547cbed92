/** `xs:annotation/xs:documentation` → the model's documentation text. */
import type { XmlElement } from '../../load/xml-tree.js';
import { XSD } from '../../load/namespaces.js';
import { childElements } from '../../load/xml-elements.js';

/** Trims and collapses whitespace inside each paragraph (paragraphs are separated by blank lines). */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}

/** The documentation of a schema component: every `xs:documentation` of its annotation, as paragraphs. */
export function documentationOf(el: XmlElement): string | undefined {
  const parts: string[] = [];
  for (const annotation of childElements(el)) {
    if (annotation.namespaceURI !== XSD || annotation.localName !== 'annotation') continue;
    for (const doc of childElements(annotation)) {
      if (doc.namespaceURI !== XSD || doc.localName !== 'documentation') continue;
      const text = normaliseText(doc.textContent ?? '');
      if (text !== '') parts.push(text);
    }
  }
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}
