import { XMLNS_NS } from './namespaces.js';

/** An attribute of an {@link XmlTag}: `uri` is resolved, `''` for no namespace. */
export interface XmlAttribute {
  /** The name as written, `prefix:local` or `local`. */
  readonly name: string;
  /** The prefix as written, `''` when none. */
  readonly prefix: string;
  readonly local: string;
  /** The namespace (`''` for none; namespace declarations are in `http://www.w3.org/2000/xmlns/`). */
  readonly uri: string;
  /** The value, references replaced and white space normalised as XML 1.0 says for CDATA attributes. */
  readonly value: string;
}

/** A start or end tag as the reader reports it: names resolved against the in-scope namespaces. */
export interface XmlTag {
  /** The name as written, `prefix:local` or `local`. */
  readonly name: string;
  /** The prefix as written, `''` when none. */
  readonly prefix: string;
  readonly local: string;
  /** The namespace (`''` for none). */
  readonly uri: string;
  /** True for `<a/>`. */
  readonly isSelfClosing: boolean;
  /** The attributes in document order (namespace declarations included). Prefer this to `attributes`. */
  readonly attributeList: readonly XmlAttribute[];
  /** The attributes by name as written (built on first access). */
  readonly attributes: Readonly<Record<string, XmlAttribute>>;
  /** The namespace declarations made on this element, prefix (`''` for the default) → URI. */
  readonly ns: Readonly<Record<string, string>>;
}

/** The reader's attribute objects: one fixed shape. */
export class Attribute implements XmlAttribute {
  constructor(
    readonly name: string,
    readonly prefix: string,
    readonly local: string,
    readonly uri: string,
    readonly value: string,
  ) {}
}

/** No attributes: shared by every tag without any (nothing allocated for them). */
export const NO_ATTRIBUTES: readonly XmlAttribute[] = Object.freeze([]);

/** The reader's tag objects: one fixed shape; the by-name views are built only when asked for. */
export class Tag implements XmlTag {
  private byName: Record<string, XmlAttribute> | null = null;

  constructor(
    readonly name: string,
    readonly prefix: string,
    readonly local: string,
    readonly uri: string,
    readonly isSelfClosing: boolean,
    readonly attributeList: readonly XmlAttribute[],
  ) {}

  get attributes(): Readonly<Record<string, XmlAttribute>> {
    if (this.byName === null) {
      const record = Object.create(null) as Record<string, XmlAttribute>;
      for (const a of this.attributeList) record[a.name] = a;
      this.byName = record;
    }
    return this.byName;
  }

  get ns(): Readonly<Record<string, string>> {
    const record = Object.create(null) as Record<string, string>;
    for (const a of this.attributeList) {
      if (a.uri === XMLNS_NS) record[a.prefix === '' ? '' : a.local] = a.value.trim();
    }
    return record;
  }
}
