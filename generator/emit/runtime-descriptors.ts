/**
 * The descriptors of a model as live objects, for tools that call services without generating
 * code (`volet decode`, `volet encode`, `volet call`): the same `SchemaDescriptor` that
 * descriptors.ts declares as `schema` (built by the same writer) and one `PortDescriptor` per port,
 * with the same operation keys and rpc part element keys as the generated file.
 */
import type { OperationDescriptor, PortDescriptor, SchemaDescriptor } from '@volet/runtime';
import type { MessageBinding, Model, Operation } from '../model/model.js';
import { pascalCase } from '../resolve/naming.js';
import { schemaDescriptorData } from './descriptors-file.js';
import { createEmitContext, type EmitContext } from './emit-context.js';
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
    // No prototype: keys come from the description, and `__proto__` must stay an ordinary key.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value as Record<string, Literal | undefined>)) if (v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

/**
 * The keys of the elements descriptors-file.ts synthesises for rpc parts given by type, by message
 * binding. The writer allocates them from a fresh context in this order (ports, operations, input
 * then output, parts); doing the same on a fresh context gives the same keys.
 */
function rpcPartKeys(ctx: EmitContext): Map<MessageBinding, Map<string, string>> {
  const out = new Map<MessageBinding, Map<string, string>>();
  for (const { port } of ctx.ports) {
    for (const op of port.operations) {
      for (const m of [op.input, op.output]) {
        if (m === null) continue;
        const parts = new Map<string, string>();
        for (const b of m.body) if ('type' in b) parts.set(b.part, ctx.names.allocate(`${pascalCase(op.name)}${pascalCase(b.part)}Part`));
        if (parts.size > 0) out.set(m, parts);
      }
    }
  }
  return out;
}

/** Builds the live descriptors of a model (one without errors). */
export function runtimeDescriptors(model: Model): RuntimeDescriptors {
  const schema = plain(schemaDescriptorData(createEmitContext(model))) as SchemaDescriptor;
  const ctx = createEmitContext(model);
  const rpcParts = rpcPartKeys(ctx);
  const rpcPartElements = new Set<string>([...rpcParts.values()].flatMap((m) => [...m.values()]));

  const message = (m: MessageBinding): OperationDescriptor['input'] => {
    const synthesised = rpcParts.get(m);
    const body: { part: string; element: string }[] = [];
    for (const b of m.body) {
      if ('element' in b) {
        const e = ctx.index.element(b.element);
        if (e !== undefined) body.push({ part: b.part, element: e.tsName });
      } else {
        const key = synthesised?.get(b.part);
        if (key !== undefined) body.push({ part: b.part, element: key });
      }
    }
    const headers: { part: string; element: string }[] = [];
    for (const h of m.headers) {
      const e = ctx.index.element(h.element);
      if (e !== undefined) headers.push({ part: h.part, element: e.tsName });
    }
    return { body, headers };
  };

  const operation = (op: Operation, soapVersion: '1.1' | '1.2'): OperationDescriptor => {
    const faults = op.faults.map((f) => {
      const e = f.element === null ? undefined : ctx.index.element(f.element);
      return e === undefined ? { name: f.name } : { name: f.name, element: e.tsName };
    });
    return {
      name: op.name,
      soapVersion,
      style: op.style,
      soapAction: op.soapAction,
      action: op.inputAction,
      responseAction: op.outputAction,
      ...(op.style === 'rpc' && op.rpcNamespace !== undefined ? { rpcNamespace: op.rpcNamespace } : {}),
      input: op.input === null ? null : message(op.input),
      output: op.output === null ? null : message(op.output),
      faults,
      ...(op.mtom ? { mtom: true } : {}),
    };
  };

  const ports: RuntimePort[] = ctx.ports.map((p) => {
    const operations = Object.create(null) as Record<string, OperationDescriptor>;
    for (const op of p.port.operations) {
      let key = op.name;
      for (let i = 2; Object.hasOwn(operations, key); i++) key = `${op.name}${i}`;
      operations[key] = operation(op, p.port.soapVersion);
    }
    return {
      service: p.service.name,
      port: p.port.name,
      descriptor: { name: p.port.name, service: p.service.name, address: p.port.address, operations },
    };
  });
  return { schema, ports, rpcPartElements };
}
