/**
 * `T` where every `Uint8Array` may also be an `X`, through arrays, readonly arrays and objects: the
 * shape of a value whose binary fields are files or streams (see `WithAttachmentSources` and
 * `WithReceivedAttachments`).
 */
export type WithBytesOr<T, X> = T extends Uint8Array
  ? T | X
  : T extends (infer U)[]
    ? WithBytesOr<U, X>[]
    : T extends readonly (infer U)[]
      ? readonly WithBytesOr<U, X>[]
      : T extends object
        ? { [K in keyof T]: WithBytesOr<T[K], X> }
        : T;
