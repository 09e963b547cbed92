/** Errors of the MTOM/XOP encoder and decoder. */
import { VoletError } from '../errors/volet-error.js';

/** Why an MTOM message could not be built or read. */
export type MtomErrorCode =
  | 'no-boundary'
  | 'boundary-not-found'
  | 'unterminated'
  | 'malformed-part'
  | 'too-many-parts'
  | 'root-not-found'
  | 'unsupported-encoding'
  | 'invalid-charset'
  | 'invalid-content-id'
  | 'missing-attachment'
  | 'unreferenced-attachment'
  | 'duplicate-content-id'
  | 'stream-consumed'
  | 'streamed-parts'
  | 'unreadable-source'
  | 'too-large'
  | 'sink-failed';

/** A multipart/related (MTOM/XOP) message that cannot be built or parsed. */
export class MtomError extends VoletError {
  /** Machine-readable cause. */
  declare readonly code: MtomErrorCode;

  /**
   * @param code - cause
   * @param message - human-readable text (never document content)
   * @param cause - underlying error
   */
  constructor(code: MtomErrorCode, message: string, cause?: unknown) {
    super(code, message, cause === undefined ? undefined : { cause });
  }
}
