/**
 * The descriptors of a model as live objects, for tools that call services without generating
 * code (`volet decode`, `volet encode`, `volet call`): the same `SchemaDescriptor` that
 * schemas/schema.ts declares and the same `PortDescriptor`s as descriptors.ts, built by the same writer.
 */
import type { PortDescriptor, SchemaDescriptor } from '@volet/runtime';
import type { Model } from '../model/model.js';
import { portDescriptorData, schemaDescriptorData } from './descriptors-file.js';
import { createEmitContext } from './emit-context.js';
import { Suffixed, type Literal } from './literal.js';

/** A port of the model with its descriptor. */
export interface RuntimePort {
  /** Service name. */
  readonly service: string;
  /** Port name. */
  readonly port: string;
  readonly descriptor: PortDescriptor;
}

/** The live descriptors of one service description. */
export interface RuntimeDescriptors {
  readonly schema: SchemaDescriptor;
  readonly ports: readonly RuntimePort[];
  /** Keys of the elements synthesised for rpc parts given by type (not schema elements). */
  readonly rpcPartElements: ReadonlySet<string>;
}

/** A literal as plain data (`Suffixed` wrappers dropped, undefined members removed). */
function plain(value: Literal): unknown {
  if (value instanceof Suffixed) return plain(value.value);
  if (Array.isArray(value)) return value.map((v: Literal) => plain(v));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    // defineProperty: a key such as `__proto__` stays an own property.
    for (const [k, v] of Object.entries(value as Record<string, Literal | undefined>)) {
      if (v !== undefined) Object.defineProperty(out, k, { value: plain(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/** Builds the live descriptors of a model (one without errors), with the writer of the generated files. */
export function runtimeDescriptors(model: Model): RuntimeDescriptors {
  const ctx = createEmitContext(model);
  const schema = plain(schemaDescriptorData(ctx)) as SchemaDescriptor;
  const rpcPartElements = new Set<string>([...ctx.rpcParts.values()].flatMap((parts) => parts.map((p) => p.key)));
  const ports: RuntimePort[] = model.services.flatMap((service) =>
    service.ports.map((port) => ({
      service: service.name,
      port: port.name,
      descriptor: plain(portDescriptorData(ctx, { service, port })) as PortDescriptor,
    })),
  );
  return { schema, ports, rpcPartElements };
}
