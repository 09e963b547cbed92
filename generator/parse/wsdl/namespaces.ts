/**
 * Namespaces the WSDL 1.1 reader recognises.
 */

/** WSDL 1.1. */
export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
/** WSDL 2.0, recognised only to say that it is not supported. */
export const WSDL20_NS = 'http://www.w3.org/ns/wsdl';
/** WSDL 1.1 SOAP 1.1 binding. */
export const SOAP11_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap/';
/** WSDL 1.1 SOAP 1.2 binding. */
export const SOAP12_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/soap12/';
/** WSDL 1.1 HTTP GET/POST binding (not supported: such ports are skipped). */
export const HTTP_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/http/';
/** WSDL 1.1 MIME binding (`mime:multipartRelated` around a `soap:body`). */
export const MIME_BINDING_NS = 'http://schemas.xmlsoap.org/wsdl/mime/';

/**
 * Namespaces whose `Action` attribute on `wsdl:input`/`wsdl:output`/`wsdl:fault` gives an explicit
 * WS-Addressing action, most recent first: WS-Addressing 1.0 Metadata (`wsam`), the WSDL binding
 * candidate recommendations used by the DMP (2006/05) and INSi (2006/02), the core 2005/08
 * namespace some tools write as `wsaw`, and the 2004/08 member submission (older WCF/Axis2 WSDLs).
 */
export const ACTION_NAMESPACES: readonly string[] = [
  'http://www.w3.org/2007/05/addressing/metadata',
  'http://www.w3.org/2006/05/addressing/wsdl',
  'http://www.w3.org/2006/02/addressing/wsdl',
  'http://www.w3.org/2005/08/addressing',
  'http://schemas.xmlsoap.org/ws/2004/08/addressing',
];

/** The SOAP version of a WSDL SOAP binding namespace, or `null` for any other namespace. */
export function soapVersionOf(namespace: string | null): '1.1' | '1.2' | null {
  if (namespace === SOAP11_BINDING_NS) return '1.1';
  if (namespace === SOAP12_BINDING_NS) return '1.2';
  return null;
}

/** The WSDL SOAP binding namespace of a SOAP version. */
export function soapBindingNamespace(version: '1.1' | '1.2'): string {
  return version === '1.1' ? SOAP11_BINDING_NS : SOAP12_BINDING_NS;
}
