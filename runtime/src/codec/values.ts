/**
 * The shapes of decoded values that are not plain properties: raw XML, tagged items, QNames.
 * Generated types use these; docs/mapping.md has the whole XSD → TypeScript table.
 */
import type { QName } from '../xml/qname.js';

/**
 * Raw XML kept as written (`xs:any`, `xs:anyType`, unknown elements kept in lenient mode): one
 * element, self-contained (it declares the namespaces it uses), re-emitted unchanged on encode.
 */
export interface RawXml {
  readonly $xml: string;
}

/**
 * One item of a repeating choice/sequence list, of a mixed content list, or the value of an
 * element that a substitution group allows to vary: `$el` tells which element it is (the property
 * name of a local element, or the key of a global element).
 */
export interface Tagged<K extends string = string, V = unknown> {
  readonly $el: K;
  readonly value: V;
}

/** An item of a mixed content list (`$content`): text, an element, or raw XML from a wildcard. */
export type MixedItem<E extends Tagged = Tagged> = string | E | RawXml;

/** An item of a repeating group list. */
export type ListItem<E extends Tagged = Tagged> = E | RawXml;

/**
 * The value of an element of simple type that carried `xsi:type` (`<v xsi:type="xs:int">5</v>`):
 * `$type` is the type it names (a descriptor key, `xs:int` for a built-in), `$value` the value read
 * as that type, so decode → encode writes the `xsi:type` back. Encode accepts it wherever the plain
 * value is accepted.
 */
export interface Retyped<V = unknown> {
  readonly $type: string;
  readonly $value: V;
}

/** The decoded form of `xs:QName` (and `xs:NOTATION`). */
export type QNameValue = QName;

/** Attributes matched by `xs:anyAttribute`, keyed by Clark QName (`{namespace}local`). */
export type AnyAttributes = Record<string, string>;

/** True when `value` is a {@link RawXml}. */
export function isRawXml(value: unknown): value is RawXml {
  return typeof value === 'object' && value !== null && typeof (value as { $xml?: unknown }).$xml === 'string';
}

/** True when `value` is a {@link Tagged} item. */
export function isTagged(value: unknown): value is Tagged {
  return typeof value === 'object' && value !== null && typeof (value as { $el?: unknown }).$el === 'string';
}
