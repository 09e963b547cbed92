/**
 * Sends the `base64Binary` values of a response as XOP parts: the codec's `attachments` hook asks
 * for an `xop:Include` per binary value, and the parts are collected for the multipart message.
 * Content-IDs follow the DMP's form (`<uuid>-<n>@urn:ihe:iti:xds-b:2007`, percent-encoded in the
 * hrefs), so clients meet the same encoding as on the real service.
 */
import { randomUUID } from 'node:crypto';
import type { EncodeOptions } from '@volet/runtime/codec';
import { XopPackage, type MtomMessage } from '@volet/runtime/mtom';

/** Collects the binary parts of one response. */
export class XopBinder {
  readonly #package = new XopPackage();
  readonly #types = new Map<Uint8Array, string>();
  readonly #base = randomUUID();
  readonly #domain: string;
  #count = 1;

  /** @param contentIdDomain - the part after `@` in Content-IDs (default the DMP's `urn:ihe:iti:xds-b:2007`) */
  constructor(contentIdDomain = 'urn:ihe:iti:xds-b:2007') {
    this.#domain = contentIdDomain;
  }

  /**
   * Gives the Content-Type of a value's part (default `application/octet-stream`).
   * @param data - the exact value that goes into the response (matched by identity)
   * @param contentType - its MIME type
   * @returns `data`, to put in the value
   */
  bind(data: Uint8Array, contentType: string): Uint8Array {
    this.#types.set(data, contentType);
    return data;
  }

  /** Codec options that write each binary value as an `xop:Include`. */
  encodeOptions(): EncodeOptions {
    return {
      attachments: (data: Uint8Array) => {
        this.#count += 1;
        const contentType = this.#types.get(data);
        const contentId = `${this.#base}-${this.#count}@${this.#domain}`;
        return this.#package.add(data, contentType === undefined ? { contentId } : { contentId, contentType }).element;
      },
    };
  }

  /**
   * The multipart message around the encoded envelope.
   * @param envelope - written with {@link XopBinder.encodeOptions}
   * @param action - SOAP 1.2 action for the Content-Type
   */
  finish(envelope: string, action: string | undefined): MtomMessage {
    return this.#package.encode(envelope, { soapVersion: '1.2', ...(action === undefined ? {} : { action }) });
  }
}
