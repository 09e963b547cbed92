import { VoletError } from './volet-error.js';
import { formatMessage, type XmlPosition } from './xml-error.js';

/**
 * Well-formed XML that does not match the descriptors: an unknown or misplaced element, a missing
 * required element or attribute, a value outside its type's lexical space, a wrong SOAP envelope.
 */
export class DecodeError extends VoletError implements XmlPosition {
  readonly line: number;
  readonly column: number;
  readonly path: string;

  /**
   * @param code - stable identifier (`unknown-element`, `out-of-order`, `missing-element`, `invalid-value`, …)
   * @param message - description without document text unless the caller enabled `debug`
   * @param position - where the problem was found
   * @param options - standard `ErrorOptions`
   */
  constructor(code: string, message: string, position: XmlPosition, options?: ErrorOptions) {
    super(code, formatMessage(message, position), options);
    this.line = position.line;
    this.column = position.column;
    this.path = position.path;
  }
}
