/**
 * SOAP 1.1 and 1.2: envelope namespaces and HTTP framing (content type, action).
 */
import { EncodeError } from '../errors/encode-error.js';
import { internalize } from '../xml/intern.js';
import { BoundedMap } from '../bounded-map.js';

/** SOAP 1.1 envelope namespace. */
export const SOAP11_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** SOAP 1.2 envelope namespace. */
export const SOAP12_ENVELOPE_NS = 'http://www.w3.org/2003/05/soap-envelope';

/** A SOAP version (same literal type as the addressing module's `SoapVersion`). */
type Version = '1.1' | '1.2';

/** The envelope namespace of a SOAP version. */
export function envelopeNamespace(version: Version): string {
  return version === '1.2' ? SOAP12_ENVELOPE_NS : SOAP11_ENVELOPE_NS;
}

/** The SOAP version of an envelope namespace, or undefined when it is neither. */
export function soapVersionOf(namespace: string): Version | undefined {
  return namespace === SOAP12_ENVELOPE_NS ? '1.2' : namespace === SOAP11_ENVELOPE_NS ? '1.1' : undefined;
}

/** Most SOAP 1.2 content types remembered (one per action a client sends; past it the memory starts again). */
const CONTENT_TYPE_CACHE = 256;
const soap12ContentTypes = new BoundedMap<string, string>(CONTENT_TYPE_CACHE);

function checkAction(action: string): void {
  if (/["\\\r\n]/.test(action)) throw new EncodeError('invalid-action', 'a SOAP action must not contain quotes, backslashes or line breaks', '');
}

/**
 * The `Content-Type` of a SOAP request or response:
 * SOAP 1.2 `application/soap+xml; charset=utf-8; action="…"` (action omitted when empty or absent),
 * SOAP 1.1 `text/xml; charset=utf-8` (the action goes to the `SOAPAction` header).
 */
export function soapContentType(version: Version, action?: string): string {
  if (version === '1.1') return 'text/xml; charset=utf-8';
  if (action === undefined || action === '') return 'application/soap+xml; charset=utf-8';
  const known = soap12ContentTypes.get(action);
  if (known !== undefined) return known;
  checkAction(action);
  // One flat string per action: node:http checks header values with a regular expression, which
  // would flatten a freshly concatenated one on every request.
  const made = internalize(`application/soap+xml; charset=utf-8; action="${action}"`);
  soap12ContentTypes.set(action, made);
  return made;
}

/**
 * The HTTP headers that frame a SOAP message: `content-type`, plus for SOAP 1.1 `soapaction`
 * (quoted, `""` when empty). Header names are lower case, as node:http reports them.
 */
export function soapHttpHeaders(version: Version, action?: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': soapContentType(version, action) };
  if (version === '1.1') {
    const value = action ?? '';
    checkAction(value);
    headers.soapaction = `"${value}"`;
  }
  return headers;
}

/** Reads the action of a SOAP 1.2 content type (`action="…"` parameter), or undefined. */
export function actionFromContentType(contentType: string): string | undefined {
  const m = /;\s*action\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(contentType);
  return m === null ? undefined : (m[1] ?? m[2]);
}
