/**
 * Remembers the IDs of single-use assertions (INDIRECTE_RENFORCEE) until they expire, so a second
 * use is refused. Bounded: expired entries go first, then the oldest, so a flood of tokens costs
 * memory up to the bound and no more.
 */

/** Assertion IDs seen, with the time until which each must be remembered. */
export class ReplayCache {
  readonly #seen = new Map<string, number>();
  readonly #maxEntries: number;

  /** @param maxEntries - upper bound on remembered IDs (default 100,000) */
  constructor(maxEntries = 100_000) {
    this.#maxEntries = maxEntries;
  }

  /**
   * Records `id` as used until `until`; false when it was already recorded and not expired.
   * @param id - the assertion ID
   * @param until - ms since the epoch after which a reuse would be refused as expired anyway
   * @param now - ms since the epoch
   */
  use(id: string, until: number, now: number): boolean {
    const previous = this.#seen.get(id);
    if (previous !== undefined && previous >= now) return false;
    if (this.#seen.size >= this.#maxEntries) this.#evict(now);
    this.#seen.delete(id);
    this.#seen.set(id, until);
    return true;
  }

  /** How many IDs are remembered. */
  get size(): number {
    return this.#seen.size;
  }

  #evict(now: number): void {
    for (const [id, until] of this.#seen) if (until < now) this.#seen.delete(id);
    // Still full: drop the oldest entries (Map keeps insertion order).
    for (const id of this.#seen.keys()) {
      if (this.#seen.size < this.#maxEntries) break;
      this.#seen.delete(id);
    }
  }
}
