/** Errors of the WS-Addressing helpers. */
import { VoletError } from '../errors/volet-error.js';

/** Why a WS-Addressing operation failed. */
export type AddressingErrorCode = 'invalid-value' | 'malformed-header' | 'relates-to-mismatch';

/** A WS-Addressing value that cannot be written, a header that cannot be read, or a strict RelatesTo mismatch. */
export class AddressingError extends VoletError {
  /** Machine-readable cause. */
  declare readonly code: AddressingErrorCode;

  /**
   * @param code - cause
   * @param message - human-readable text
   * @param cause - underlying error
   */
  constructor(code: AddressingErrorCode, message: string, cause?: unknown) {
    super(code, message, cause === undefined ? undefined : { cause });
  }
}
