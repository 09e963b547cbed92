/**
 * A Map that forgets everything it holds when a new key would take it past `max` entries: the
 * memory of the runtime's caches of values made from callers' or the network's input (content
 * types, prefixes, namespace names), bounded whatever that input is, and a plain lookup when it
 * repeats the same few values, as it does.
 * @internal
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #max: number;

  /** @param max - the most entries held */
  constructor(max: number) {
    super();
    this.#max = max;
  }

  /** Sets `key`, after forgetting every entry when the map is full and `key` is new. */
  override set(key: K, value: V): this {
    if (this.size >= this.#max && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
