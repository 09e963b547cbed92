import { VoletError } from './volet-error.js';

/** Where in an XML input a problem was found. `line` is 1-based, `column` 1-based (UTF-16 units); 0 when unknown. */
export interface XmlPosition {
  /** 1-based line number, 0 when unknown. */
  readonly line: number;
  /** 1-based column number, 0 when unknown. */
  readonly column: number;
  /** The element path, for example `/soap:Envelope/soap:Body/RESULTAT/INDIVIDU`, as the names were written. */
  readonly path: string;
}

/**
 * A runtime error located in an XML input: its `code`, the message with the position appended,
 * and the position's fields. The base of {@link XmlError} and `DecodeError`.
 */
export class XmlPositionedError extends VoletError implements XmlPosition {
  readonly line: number;
  readonly column: number;
  readonly path: string;

  /**
   * @param code - stable identifier of the problem kind
   * @param message - description without document text
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

/**
 * The input is not acceptable XML: not well-formed, not UTF-8, a DOCTYPE or entity declaration,
 * or over one of the reader limits (`code` is then `limit-<name>`, for example `limit-depth`).
 * Codes: `malformed`, `doctype`, `encoding`, `limit-depth`, …
 */
export class XmlError extends XmlPositionedError {}

/** Appends the position to a message: `message (at 3:14, /a/b)`. */
export function formatMessage(message: string, position: XmlPosition): string {
  const where: string[] = [];
  if (position.line > 0) where.push(`${position.line}:${position.column}`);
  if (position.path !== '') where.push(position.path);
  return where.length === 0 ? message : `${message} (at ${where.join(', ')})`;
}
