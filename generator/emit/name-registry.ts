/**
 * The top-level names of one generated folder. `types.ts`, `descriptors.ts` and `client.ts` are
 * re-exported together by `index.ts`, so every exported name must be unique across the three.
 * Type and element names come allocated by the resolve step (`tsName`); the names the emitter
 * adds (enumeration constants, polymorphic unions, port descriptors, client classes, fault maps)
 * are registered here in a fixed order and take the smallest free numeric suffix on a clash.
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
];

/** Local names the generated files use for namespace imports and the schema descriptor. */
export const FIXED_LOCALS: readonly string[] = ['rt', 't', 'schema'];

/** Allocates unique names: the first to ask keeps the name, later ones get `2`, `3`… */
export class NameRegistry {
  private readonly taken = new Set<string>();

  /** @param reserved - names already in use (allocated type and element names, imports) */
  constructor(reserved: Iterable<string>) {
    for (const n of reserved) this.taken.add(n);
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
}
