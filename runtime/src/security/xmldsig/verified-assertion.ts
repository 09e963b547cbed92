/**
 * The assertion a verifier hands back: rebuilt from the canonical bytes the digest covered (the
 * enveloped `Signature` removed), never from the document the caller received. Exclusive c14n drops
 * namespace declarations that only attribute *values* use (`xsi:type="xs:string"`), so those
 * prefixes are declared again as the received element saw them; this changes no element or
 * attribute name, only how a QName value reads (which no XML signature protects).
 */
import { XMLSerializer, type Element } from '@xmldom/xmldom';
import { DSIG_NS, SAML2_NS, XSI_NS } from '../namespaces.js';
import { childElements, isElement, parseXmlStrict } from '../xml-dom.js';

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** A SAML 2.0 assertion as covered by its signature (or as received, for an accepted unsigned one). */
export interface VerifiedAssertion {
  /** `ID` (canonical NCName, unique in the document). */
  readonly id: string;
  /** The assertion XML to decode and act on: the covered bytes, plus the namespace declarations its QName values need. */
  readonly xml: string;
  /** `Issuer` text, trimmed. */
  readonly issuer: string | undefined;
  /** `IssueInstant` as written. */
  readonly issueInstant: string | undefined;
  /** `Conditions/@NotBefore` as written. */
  readonly notBefore: string | undefined;
  /** `Conditions/@NotOnOrAfter` as written. */
  readonly notOnOrAfter: string | undefined;
  /** `Subject/NameID` text, trimmed. */
  readonly subjectNameId: string | undefined;
}

/** `prefix → namespace` of every declaration in scope at `element` (nearest wins). */
function inScopeNamespaces(element: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (let node: Element | null = element; node !== null && node.nodeType === 1; node = node.parentNode as Element | null) {
    for (const attribute of Array.from(node.attributes)) {
      const prefix = attribute.name === 'xmlns' ? '' : attribute.name.startsWith('xmlns:') ? attribute.name.slice(6) : undefined;
      if (prefix !== undefined && !out.has(prefix)) out.set(prefix, attribute.value);
    }
  }
  return out;
}

/**
 * The received assertion element as standalone XML (every in-scope declaration copied onto its
 * root): what an accepted *unsigned* assertion is read from.
 */
export function standaloneAssertionXml(original: Element): string {
  const copy = original.cloneNode(true) as Element;
  for (const [prefix, uri] of inScopeNamespaces(original)) {
    const name = prefix === '' ? 'xmlns' : `xmlns:${prefix}`;
    if (!copy.hasAttribute(name) && prefix !== 'xml') copy.setAttributeNS(XMLNS_NS, name, uri);
  }
  return new XMLSerializer().serializeToString(copy);
}

/**
 * Walks the covered tree and the original one in step (the original's enveloped `Signature` child
 * skipped) and declares, on each covered element whose `xsi:type` value has a prefix it cannot
 * resolve, that prefix as the original element saw it. False when the trees do not match.
 */
function restoreValueNamespaces(covered: Element, original: Element, isRoot: boolean): boolean {
  const type = covered.getAttributeNS(XSI_NS, 'type');
  const prefix = type !== null && type.includes(':') ? type.slice(0, type.indexOf(':')) : undefined;
  if (prefix !== undefined && prefix !== 'xml' && covered.lookupNamespaceURI(prefix) === null) {
    const uri = original.lookupNamespaceURI(prefix);
    if (uri !== null) covered.setAttributeNS(XMLNS_NS, `xmlns:${prefix}`, uri);
  }
  const coveredChildren = childElements(covered);
  const originalChildren = childElements(original).filter((e) => !(isRoot && isElement(e, DSIG_NS, 'Signature')));
  if (coveredChildren.length !== originalChildren.length) return false;
  return coveredChildren.every((child, i) => restoreValueNamespaces(child, originalChildren[i] as Element, false));
}

function childText(parent: Element | undefined, localName: string): string | undefined {
  const child = parent === undefined ? undefined : childElements(parent).find((e) => isElement(e, SAML2_NS, localName));
  const text = child?.textContent?.trim();
  return text === undefined || text === '' ? undefined : text;
}

function attributeOf(element: Element | undefined, name: string): string | undefined {
  return element !== undefined && element.hasAttribute(name) ? (element.getAttribute(name) ?? undefined) : undefined;
}

/**
 * Builds the verified view of an assertion; undefined when `coveredXml` is not the assertion `id`
 * or its element tree differs from the received one.
 * @param coveredXml - the assertion's canonical XML as digested (or its serialisation when unsigned)
 * @param original - the assertion element of the received document (only its namespace scopes are read)
 * @param id - the located assertion's `ID`
 * @throws SecurityError `invalid-xml` when `coveredXml` is not well-formed
 */
export function verifiedAssertion(coveredXml: string, original: Element, id: string): VerifiedAssertion | undefined {
  const doc = parseXmlStrict(coveredXml, 'signed assertion');
  const root = doc.documentElement as Element;
  if (!isElement(root, SAML2_NS, 'Assertion') || root.getAttribute('ID') !== id) return undefined;
  if (!restoreValueNamespaces(root, original, true)) return undefined;
  const conditions = childElements(root).find((e) => isElement(e, SAML2_NS, 'Conditions'));
  const subject = childElements(root).find((e) => isElement(e, SAML2_NS, 'Subject'));
  return {
    id,
    xml: new XMLSerializer().serializeToString(root),
    issuer: childText(root, 'Issuer'),
    issueInstant: attributeOf(root, 'IssueInstant'),
    notBefore: attributeOf(conditions, 'NotBefore'),
    notOnOrAfter: attributeOf(conditions, 'NotOnOrAfter'),
    subjectNameId: childText(subject, 'NameID'),
  };
}
