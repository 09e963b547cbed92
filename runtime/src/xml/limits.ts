/** Bounds the reader enforces; any one exceeded gives an `XmlError` with code `limit-<name>`. */
export interface XmlLimits {
  /** Maximum input size: bytes for byte input, UTF-16 code units for string input. Default 64 MiB. */
  maxInputBytes: number;
  /** Maximum element nesting depth. Default 256. */
  maxDepth: number;
  /**
   * Maximum length of one text node, and more generally of any single token (a tag with its
   * attributes, a comment, a CDATA section), in UTF-16 code units. Default 32 Mi (a 24 MB document
   * inlined as base64 fits).
   */
  maxTextLength: number;
  /** Maximum number of attributes (namespace declarations included) on one element. Default 256. */
  maxAttributes: number;
  /** Maximum number of elements in the document. Default 2,000,000. */
  maxElements: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: Readonly<XmlLimits> = Object.freeze({
  maxInputBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxTextLength: 32 * 1024 * 1024,
  maxAttributes: 256,
  maxElements: 2_000_000,
});

/**
 * Fills unspecified limits with the defaults.
 * @internal
 */
export function resolveLimits(limits: Partial<XmlLimits> | undefined): XmlLimits {
  // The defaults are frozen and read only: shared, not copied for every document.
  return limits === undefined ? DEFAULT_LIMITS : { ...DEFAULT_LIMITS, ...limits };
}
