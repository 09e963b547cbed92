/**
 * Finds the one SAML assertion a verifier may look at, by position rather than by ID: the root of
 * a bare token, or the only assertion child of the only `wsse:Security` block of a SOAP envelope.
 * Any other `saml:Assertion` anywhere in the document, a second `wsse:Security`, or an element whose
 * ID equals the assertion's once whitespace and case are normalised, is refused: these are the
 * moves of the signature-wrapping (XSW) attacks.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { isNCName } from '../../xml/qname.js';
import { SAML2_NS, WSSE_NS } from '../namespaces.js';
import { childElements, isElement } from '../xml-dom.js';

const SOAP_NAMESPACES: ReadonlySet<string> = new Set(['http://www.w3.org/2003/05/soap-envelope', 'http://schemas.xmlsoap.org/soap/envelope/']);

/** Why no assertion could be located. */
export type LocateFailure = 'no-assertion' | 'ambiguous-assertion' | 'bad-id' | 'duplicate-id';

/** The located assertion, or why there is none. */
export type LocatedAssertion =
  | { readonly ok: true; readonly assertion: Element; readonly id: string }
  | { readonly ok: false; readonly reason: LocateFailure; readonly message: string };

function failure(reason: LocateFailure, message: string): LocatedAssertion {
  return { ok: false, reason, message };
}

/** Every element of the document, in document order. */
function allElements(root: Element): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const e = stack.pop() as Element;
    out.push(e);
    stack.push(...childElements(e).reverse());
  }
  return out;
}

/**
 * An ID as the codec reads an `xs:ID` (whitespace collapsed), case folded: two IDs equal under this
 * key are treated as the same ID, whatever the exact strings.
 */
export function idKey(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The values of every ID-like attribute (`ID`, `Id`, `id`, in any namespace) of `element`. */
function idValues(element: Element): string[] {
  const out: string[] = [];
  for (const attribute of Array.from(element.attributes)) {
    const local = attribute.localName ?? attribute.name;
    if (local === 'ID' || local === 'Id' || local === 'id') out.push(attribute.value);
  }
  return out;
}

/** The assertion children of the one `wsse:Security` block of `envelope`, or a failure. */
function securityAssertion(envelope: Element): LocatedAssertion | Element {
  const headers = childElements(envelope).filter((e) => e.localName === 'Header' && e.namespaceURI === envelope.namespaceURI);
  if (headers.length !== 1) return failure('no-assertion', 'the envelope must have exactly one Header');
  const securities = childElements(headers[0] as Element).filter((e) => isElement(e, WSSE_NS, 'Security'));
  if (securities.length === 0) return failure('no-assertion', 'no wsse:Security header');
  if (securities.length > 1) return failure('ambiguous-assertion', 'the envelope holds several wsse:Security headers');
  const assertions = childElements(securities[0] as Element).filter((e) => isElement(e, SAML2_NS, 'Assertion'));
  if (assertions.length === 0) return failure('no-assertion', 'wsse:Security holds no SAML 2.0 assertion');
  if (assertions.length > 1) return failure('ambiguous-assertion', 'wsse:Security holds several assertions');
  return assertions[0] as Element;
}

/**
 * Locates the assertion of `doc` (a bare assertion or a SOAP envelope) and checks that it is the
 * only one and that its `ID` is canonical and unique.
 */
export function locateAssertion(doc: Document): LocatedAssertion {
  const root = doc.documentElement as Element;
  let assertion: Element;
  if (root.localName === 'Assertion' && root.namespaceURI === SAML2_NS) assertion = root;
  else if (root.localName === 'Envelope' && SOAP_NAMESPACES.has(root.namespaceURI ?? '')) {
    const found = securityAssertion(root);
    if ('ok' in found) return found;
    assertion = found;
  } else return failure('no-assertion', 'the document is neither a SAML 2.0 assertion nor a SOAP envelope');

  const elements = allElements(root);
  const count = elements.filter((e) => isElement(e, SAML2_NS, 'Assertion')).length;
  if (count !== 1) return failure('ambiguous-assertion', `the document holds ${count} SAML assertions where one is expected`);

  const id = assertion.getAttribute('ID') ?? '';
  // xs:ID collapses whitespace when the codec reads it, exact strings do not: only canonical IDs are compared.
  if (!isNCName(id)) return failure('bad-id', 'the assertion ID is missing or not in canonical NCName form');
  const key = idKey(id);
  let seen = 0;
  for (const element of elements) for (const value of idValues(element)) if (idKey(value) === key) seen++;
  if (seen !== 1) return failure('duplicate-id', 'the assertion ID is not unique in the document');
  return { ok: true, assertion, id };
}
