/**
 * The top-level names of a run. A service folder's `index.ts` re-exports its client, its
 * descriptors and the schema modules it uses, so every exported name must be unique across them.
 * Type and element names come allocated by the resolve step (`tsName`); the names the emitter
 * adds (enumeration constants, polymorphic unions, headers and faults types, rpc part keys) are
 * registered here in a fixed order and take the smallest free numeric suffix on a clash.
 */
import { RESERVED_NAMES } from '../resolve/naming.js';

/** Runtime names the generated files import by name; no generated declaration may use them. */
export const RUNTIME_IMPORTS: readonly string[] = [
  'SoapClient',
  'CallOptions',
  'ClientOptions',
  'SchemaDescriptor',
  'PortDescriptor',
  'ElementRef',
  'elementRef',
  'OperationRef',
  'operationRef',
];

/** Local names the generated files use for namespace imports and the schema descriptor. */
export const FIXED_LOCALS: readonly string[] = ['rt', 't', 'schema'];

/** Allocates unique names: the first to ask keeps the name, later ones get `2`, `3`… */
export class NameRegistry {
  private readonly taken: Set<string>;

  /** @param reserved - names already in use (allocated type and element names, imports) */
  constructor(reserved: Iterable<string>, from?: ReadonlySet<string>) {
    this.taken = new Set(from);
    for (const n of reserved) this.taken.add(n);
    if (from !== undefined) return;
    for (const n of RUNTIME_IMPORTS) this.taken.add(n);
    for (const n of FIXED_LOCALS) this.taken.add(n);
    for (const n of RESERVED_NAMES) this.taken.add(n);
  }

  /** Takes `wanted`, or `wanted2`, `wanted3`… whichever is free first. */
  allocate(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name); i++) name = `${wanted}${i}`;
    this.taken.add(name);
    return name;
  }

  /** A registry with the same names taken, that allocates independently of this one. */
  clone(): NameRegistry {
    return new NameRegistry([], this.taken);
  }

  /** The taken names, live (allocating through it takes them here too). */
  takenSet(): Set<string> {
    return this.taken;
  }
}
