/** Namespace URIs and fixed values of WS-Addressing 1.0 and SOAP. */

/** WS-Addressing 1.0 (W3C 2005/08), used by CI-SIS and CI-TLSi. */
export const WSA_NS = 'http://www.w3.org/2005/08/addressing';
/** The anonymous address: "reply on the same HTTP connection". */
export const WSA_ANONYMOUS = 'http://www.w3.org/2005/08/addressing/anonymous';
/** The default RelatesTo RelationshipType. */
export const WSA_REPLY = 'http://www.w3.org/2005/08/addressing/reply';
/** SOAP 1.2 envelope namespace. */
export const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** SOAP 1.1 envelope namespace. */
export const SOAP11_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** SOAP version of the envelope the headers go into. */
export type SoapVersion = '1.1' | '1.2';
