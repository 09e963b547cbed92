/**
 * Sends `base64Binary` values of an encoded response as XOP parts. The codec writes base64 text
 * and has no XOP hook yet, so each binary value is first replaced by a short random marker; once
 * the envelope is encoded, each marker's base64 text (unique, 32 characters) is swapped for the
 * `xop:Include` of a part holding the real bytes. The bytes never go through base64.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { XopPackage, type MtomMessage } from '@volet/runtime';

/** Collects the binaries of one response. */
export class XopBinder {
  readonly #pending = new Map<string, { readonly data: Uint8Array; readonly contentType: string | undefined }>();
  readonly #domain: string;

  /**
   * @param contentIdDomain - the part after `@` in Content-IDs; the DMP writes `urn:ihe:iti:xds-b:2007`,
   *   which comes out percent-encoded in the hrefs (`…@urn%3Aihe%3Aiti%3Axds-b%3A2007`)
   */
  constructor(contentIdDomain = 'urn:ihe:iti:xds-b:2007') {
    this.#domain = contentIdDomain;
  }

  /**
   * Registers bytes to send as a part and returns the marker to put in the value instead.
   * @param data - the bytes
   * @param contentType - the part's Content-Type (default `application/octet-stream`)
   */
  bind(data: Uint8Array, contentType?: string): Uint8Array {
    const marker = randomBytes(24);
    this.#pending.set(marker.toString('base64'), { data, contentType });
    return new Uint8Array(marker.buffer, marker.byteOffset, marker.byteLength);
  }

  /**
   * Replaces the markers in the encoded envelope and builds the multipart message.
   * @param envelope - the envelope written with the marker values
   * @param action - SOAP 1.2 action for the Content-Type
   */
  finish(envelope: string, action: string | undefined): MtomMessage {
    const xop = new XopPackage();
    let xml = envelope;
    const base = randomUUID();
    let n = 1;
    for (const [marker, part] of this.#pending) {
      n += 1;
      const at = xml.indexOf(`>${marker}<`);
      if (at < 0) throw new Error('XopBinder: a bound value was not written to the envelope');
      const contentId = `${base}-${n}@${this.#domain}`;
      const ref = xop.add(part.data, part.contentType === undefined ? { contentId } : { contentId, contentType: part.contentType });
      xml = `${xml.slice(0, at + 1)}${ref.element}${xml.slice(at + 1 + marker.length)}`;
    }
    return xop.encode(xml, { soapVersion: '1.2', ...(action === undefined ? {} : { action }) });
  }
}
