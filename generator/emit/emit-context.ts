/**
 * Everything the emitters (types, descriptors, client) share for one run: the schema index over
 * the merged schema, the value shapes, the type expressions, the module of each namespace, and the
 * names to print. Every name comes from resolve — types, elements, unions, enumeration constants and
 * rpc part keys from the naming pass (resolve/passes/allocate-names.ts), a service folder's names
 * from resolve/run/client-names.ts; the emitters allocate none.
 */
import type { MessageBinding, Model, SimpleTypeDefinition, TypeRef } from '../model/model.js';
import type { PortNaming } from '../resolve/run/client-names.js';
import { moduleNames } from '../resolve/run/module-names.js';
import { enumerable } from '../resolve/value-kind.js';
import { ShapeBuilder } from './content-shape.js';
import { SchemaIndex } from './schema-index.js';
import { TypeExpressions } from './type-expressions.js';

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
  /** Module name of each namespace. */
  modules: Map<string, string>;
  /** Synthesised elements of rpc parts by type, by message binding (every service of the run). */
  rpcParts: Map<MessageBinding, RpcPart[]>;
  /** Ports of the services being emitted, with their generated names, in service then port order. */
  ports: PortNames[];
}

/** True when a simple type declares enumeration values that become a literal union (and a `<Type>Values` constant). */
export function hasLiteralEnumeration(type: SimpleTypeDefinition, exprs: TypeExpressions): boolean {
  return type.variety === 'atomic' && (type.facets.enumeration?.length ?? 0) > 0 && enumerable(exprs.simpleKind(type));
}

/** Builds the shared state of a run; `ports` are the named ports of the folder being emitted (none for the schemas). */
export function createEmitContext(model: Model, modules: Map<string, string> = moduleNames(model.schema.namespaces), ports: PortNames[] = []): EmitContext {
  const index = new SchemaIndex(model);
  const rpcParts = new Map<MessageBinding, RpcPart[]>();
  for (const service of model.services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const m of [op.input, op.output]) {
          if (m === null || rpcParts.has(m)) continue;
          const parts: RpcPart[] = [];
          for (const b of m.body) {
            if (!('type' in b)) continue;
            if (b.key === undefined) throw new Error(`no key allocated for part ${b.part} of ${op.name}`);
            parts.push({ key: b.key, part: b.part, type: b.type });
          }
          if (parts.length > 0) rpcParts.set(m, parts);
        }
      }
    }
  }
  return { model, index, shapes: new ShapeBuilder(index), exprs: new TypeExpressions(index, modules), modules, rpcParts, ports };
}
