/**
 * The base class of every error the runtime throws on purpose.
 *
 * `code` is short and stable (for example `unknown-element`), so callers and tests can branch on
 * it without parsing messages. Messages never carry document text (patient data) unless the
 * caller asked for it with a `debug` option.
 */
export class VoletError extends Error {
  /** A short, stable identifier of the kind of problem. */
  readonly code: string;

  /**
   * @param code - stable identifier of the problem kind
   * @param message - human-readable description, free of document content by default
   * @param options - standard `ErrorOptions` (for a `cause`)
   */
  constructor(code: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}
