/**
 * Finding the SOAP binding extension elements (`soap:body`, `soap12:header`, …) of a binding.
 * A binding's extensions should all be in its own SOAP version's namespace; elements of the other
 * version are accepted with a warning (real WSDLs mix them, for example a SOAP 1.1 address on a
 * SOAP 1.2 binding).
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { Diagnostic } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { locationOf } from '../../load/location.js';
import type { LoadedDocument } from '../../load/types.js';
import { childElements } from '../../load/xml-elements.js';
import { soapBindingNamespace } from './namespaces.js';

/** The SOAP extension children named `local` of `parent`, preferring the binding's own SOAP version. */
export function soapChildren(parent: XmlElement, local: string, version: '1.1' | '1.2', doc: LoadedDocument, diagnostics: Diagnostic[]): XmlElement[] {
  const own = childElements(parent, soapBindingNamespace(version), local);
  if (own.length > 0) return own;
  const otherVersion = version === '1.1' ? '1.2' : '1.1';
  const other = childElements(parent, soapBindingNamespace(otherVersion), local);
  for (const el of other) {
    diagnostics.push(
      diagnostic(
        'warning',
        locationOf(el, doc),
        `SOAP ${otherVersion} ${local} in a SOAP ${version} binding; read as SOAP ${version}`,
        'wsdl-soap-version-mismatch',
      ),
    );
  }
  return other;
}

/** The first SOAP extension child named `local`, or `null`. */
export function soapChild(parent: XmlElement, local: string, version: '1.1' | '1.2', doc: LoadedDocument, diagnostics: Diagnostic[]): XmlElement | null {
  return soapChildren(parent, local, version, doc, diagnostics)[0] ?? null;
}
