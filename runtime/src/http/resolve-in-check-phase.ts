/**
 * Resolves promises in the check phase of the event loop's current turn, all of them in one
 * `setImmediate`: the answers that arrived during one poll of the sockets then go on (envelope
 * decode, the caller's next request) back to back, instead of each between the socket reads, TLS
 * decryption and HTTP parsing of the others. With many calls in flight that interleaving made the
 * same decode run two to three times slower (caches); measured in `bench/transport/concurrent-calls.ts`.
 */

/** The resolve functions waiting for the check phase, and their values (two arrays: no pair object per call). */
let resolvers: ((value: never) => void)[] = [];
let values: unknown[] = [];
/** The arrays of the previous flush, reused for the next turn. */
let spareResolvers: ((value: never) => void)[] = [];
let spareValues: unknown[] = [];

function flush(): void {
  const rs = resolvers;
  const vs = values;
  resolvers = spareResolvers;
  values = spareValues;
  // A resolve function never throws; the continuations run as microtasks once this callback returns.
  for (let k = 0; k < rs.length; k++) (rs[k] as (value: unknown) => void)(vs[k]);
  rs.length = 0;
  vs.length = 0;
  spareResolvers = rs;
  spareValues = vs;
}

/**
 * Calls `resolve(value)` in the check phase of this turn of the event loop (after the pending I/O
 * callbacks of the turn), together with every other resolution queued in the same turn.
 * @param resolve - a promise's resolve function
 * @param value - its value
 */
export function resolveInCheckPhase<T>(resolve: (value: T) => void, value: T): void {
  if (resolvers.length === 0) setImmediate(flush);
  resolvers.push(resolve as (value: never) => void);
  values.push(value);
}
