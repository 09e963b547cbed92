/**
 * Decides whether an HTTP response is something the SOAP layer can decode. SOAP faults come with
 * HTTP 500 and an XML body, so the status alone does not decide; an HTML 502 from a reverse proxy,
 * an empty 500 or a login page does not belong to the SOAP layer and becomes a TransportError.
 */
import { isSoapLikeContentType, parseContentType } from './content-type.js';
import { bodyExcerpt, redactUrl, TransportError } from './transport-error.js';

function startsLikeXml(body: Uint8Array): boolean {
  let i = 0;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < body.length && (body[i] === 0x20 || body[i] === 0x09 || body[i] === 0x0a || body[i] === 0x0d)) i++;
  return body[i] === 0x3c; // '<'
}

/**
 * Throws a TransportError (`kind: 'http'`, with status and a bounded excerpt) unless the response is
 * a SOAP-like answer (XML or multipart/related, any status) or an empty 2xx (one-way operations).
 * @param status - HTTP status
 * @param headers - lower-cased response headers
 * @param body - response body
 * @param url - the request URL (redacted in the message)
 * @internal
 */
export function checkSoapResponse(status: number, headers: Readonly<Record<string, string>>, body: Uint8Array, url: URL): void {
  const rawType = headers['content-type'];
  const ok2xx = status >= 200 && status < 300;
  if (body.length === 0 && ok2xx) return;
  if (body.length > 0 && (isSoapLikeContentType(rawType) || (rawType === undefined && startsLikeXml(body)))) return;

  const type = parseContentType(rawType)?.mediaType;
  let what: string;
  if (body.length === 0) what = 'empty body';
  else what = `non-SOAP response (${type ?? 'no Content-Type'}, ${body.length} bytes)`;
  const location = headers['location'];
  if (status >= 300 && status < 400 && location !== undefined) {
    let target = '(invalid URL)';
    try {
      target = redactUrl(new URL(location, url));
    } catch {
      // keep the placeholder
    }
    what += `, redirect to ${target} (not followed)`;
  }
  const excerpt = body.length > 0 ? bodyExcerpt(body) : '';
  throw new TransportError({
    kind: 'http',
    status,
    message: `HTTP ${status} from ${redactUrl(url)}: ${what}${excerpt !== '' ? `: ${excerpt}` : ''}`,
    excerpt,
    ...(rawType !== undefined ? { contentType: rawType } : {}),
    url: redactUrl(url),
  });
}
