/**
 * Ids of anonymous types, from their owner: `{ns}E~` for global element E's type, `<owner>/name~` for a
 * local element's type, `<owner>/@name~` for a local attribute's, `<owner>/~base`, `/~item`,
 * `/~memberN`, `/~content` for the inline parts of a type. Owners that are not types prefix with
 * `{ns}G(group)`, `{ns}G(attributeGroup)`, `{ns}@A~` (global attribute). A `#N` suffix (N ≥ 2) tells
 * apart several anonymous local declarations of one name in one owner, in document order.
 */

/** The anonymous-type naming scope of one owner (a type, a group, an attribute group). */
export class OwnerScope {
  private readonly counts = new Map<string, number>();

  constructor(readonly prefix: string) {}

  /** The id for an anonymous type under this owner at `step` (e.g. `address~`, `@lang~`, `~item`). */
  idFor(step: string): string {
    const n = (this.counts.get(step) ?? 0) + 1;
    this.counts.set(step, n);
    return `${this.prefix}/${step}${n > 1 ? `#${n}` : ''}`;
  }
}
