/**
 * Everything the emitters (types, descriptors, client) share for one run: the schema index over
 * the merged schema, the value shapes, the type expressions, the module of each namespace, and
 * every generated name. Type and element names come from resolve (run-wide); the names the
 * emitters add (enumeration constants, polymorphic unions, rpc part keys) are allocated here once,
 * in one fixed order; a service folder's names come from resolve/run/client-names.ts.
 */
import type { MessageBinding, Model, SimpleTypeDefinition, TypeRef } from '../model/model.js';
import { allocateClientNames, type NameOverrides, type PortNaming } from '../resolve/run/client-names.js';
import { moduleNames } from '../resolve/run/module-names.js';
import { pascalCase } from '../resolve/naming.js';
import { ShapeBuilder } from './content-shape.js';
import { NameRegistry } from './name-registry.js';
import { SchemaIndex } from './schema-index.js';
import { TypeExpressions, type ValueKind } from './type-expressions.js';

/** The generated names of one port. */
export type PortNames = PortNaming;

/** An rpc part given by type, with the key of the element synthesised for it. */
export interface RpcPart {
  key: string;
  part: string;
  type: TypeRef;
}

/** Shared state of one emission. */
export interface EmitContext {
  /** The run's model: every service of the run over the merged schema. */
  model: Model;
  index: SchemaIndex;
  shapes: ShapeBuilder;
  exprs: TypeExpressions;
  names: NameRegistry;
  /** Enumeration constants (`<Type>Values`), by simple type id. */
  enumConsts: Map<TypeRef, string>;
  /** Module name of each namespace. */
  modules: Map<string, string>;
  /** Synthesised elements of rpc parts by type, by message binding (every service of the run). */
  rpcParts: Map<MessageBinding, RpcPart[]>;
  /** Ports of the services being emitted, with their generated names, in service then port order. */
  ports: PortNames[];
}

/** The literal kinds an enumeration constant can hold. */
export function enumerable(kind: ValueKind): kind is 'string' | 'number' | 'boolean' {
  return kind === 'string' || kind === 'number' || kind === 'boolean';
}

/** True when a simple type declares enumeration values that become a literal union. */
export function hasLiteralEnumeration(type: SimpleTypeDefinition, exprs: TypeExpressions): boolean {
  return type.variety === 'atomic' && (type.facets.enumeration?.length ?? 0) > 0 && enumerable(exprs.simpleKind(type));
}

/** Builds the shared state of a run; allocates the run-wide names, and the names of every port (no overrides). */
export function createEmitContext(model: Model, modules: Map<string, string> = moduleNames(model.schema.namespaces)): EmitContext {
  const index = new SchemaIndex(model);
  const reserved = [...model.schema.types.map((t) => t.tsName), ...model.schema.elements.map((e) => e.tsName)];
  const names = new NameRegistry(reserved);
  // Allocation order is part of the output's stability: unions, then constants, then rpc parts.
  const exprs = new TypeExpressions(index, names, modules);
  const enumConsts = new Map<TypeRef, string>();
  for (const t of index.types) {
    if (t.kind === 'simple' && hasLiteralEnumeration(t, exprs)) enumConsts.set(t.id, names.allocate(`${t.tsName}Values`));
  }
  const rpcParts = new Map<MessageBinding, RpcPart[]>();
  for (const service of model.services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const m of [op.input, op.output]) {
          if (m === null || rpcParts.has(m)) continue;
          const parts: RpcPart[] = [];
          for (const b of m.body) {
            if ('type' in b) parts.push({ key: names.allocate(`${pascalCase(op.name)}${pascalCase(b.part)}Part`), part: b.part, type: b.type });
          }
          if (parts.length > 0) rpcParts.set(m, parts);
        }
      }
    }
  }
  const ctx: EmitContext = { model, index, shapes: new ShapeBuilder(index), exprs, names, enumConsts, modules, rpcParts, ports: [] };
  const named = serviceNames(ctx, model.services, {});
  return { ...ctx, ports: named.ports };
}

/**
 * The context of one service folder: its ports named (with the configured overrides), and a
 * name registry of its own that starts from the run's names (which the folder re-exports).
 */
export function serviceNames(
  ctx: EmitContext,
  services: Model['services'],
  overrides: NameOverrides,
): { names: NameRegistry; ports: PortNames[]; unused: string[] } {
  const names = ctx.names.clone();
  const { ports, unused } = allocateClientNames(services, overrides, names.takenSet());
  return { names, ports, unused };
}
