import { VoletError } from './volet-error.js';

/**
 * A value that cannot be written as the descriptors say: a missing required property, a value of
 * the wrong kind, a character XML cannot carry, an unknown `$type` or `$el`.
 */
export class EncodeError extends VoletError {
  /** The property path in the value, for example `RESULTAT.INDIVIDU.INSHISTO[1].OID`. */
  readonly path: string;

  /**
   * @param code - stable identifier (`missing-property`, `invalid-value`, `invalid-char`, `unknown-type`, …)
   * @param message - description without the value itself unless the caller enabled `debug`
   * @param path - property path of the offending value
   * @param options - standard `ErrorOptions`
   */
  constructor(code: string, message: string, path: string, options?: ErrorOptions) {
    super(code, path === '' ? message : `${message} (at ${path})`, options);
    this.path = path;
  }
}
