/**
 * Everything the three emitters (types, descriptors, client) share for one service description:
 * the schema index, the value shapes, the type expressions and every generated name. Names are
 * allocated here, in one fixed order, so that each file refers to the others consistently.
 */
import type { Model, Port, Service, SimpleTypeDefinition, TypeRef } from '../model/model.js';
import { pascalCase } from '../resolve/naming.js';
import { ShapeBuilder } from './content-shape.js';
import { NameRegistry } from './name-registry.js';
import { SchemaIndex } from './schema-index.js';
import { camelCase } from './ts-text.js';
import { TypeExpressions, type ValueKind } from './type-expressions.js';

/** The generated names of one port. */
export interface PortNames {
  service: Service;
  port: Port;
  /** The `PortDescriptor` constant in descriptors.ts. */
  descriptor: string;
  /** The client class in client.ts. */
  client: string;
}

/** Shared state of one emission. */
export interface EmitContext {
  model: Model;
  index: SchemaIndex;
  shapes: ShapeBuilder;
  exprs: TypeExpressions;
  names: NameRegistry;
  /** Enumeration constants (`<Type>Values`), by simple type id. */
  enumConsts: Map<TypeRef, string>;
  /** Ports with their generated names, in service then port order. */
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

/** Builds the shared state; allocates every generated name. */
export function createEmitContext(model: Model): EmitContext {
  const index = new SchemaIndex(model);
  const reserved = [...model.schema.types.map((t) => t.tsName), ...model.schema.elements.map((e) => e.tsName)];
  const names = new NameRegistry(reserved);
  // Allocation order is part of the output's stability: unions, then constants, then ports.
  const exprs = new TypeExpressions(index, names);
  const enumConsts = new Map<TypeRef, string>();
  for (const t of index.types) {
    if (t.kind === 'simple' && hasLiteralEnumeration(t, exprs)) enumConsts.set(t.id, names.allocate(`${t.tsName}Values`));
  }
  const ports: PortNames[] = [];
  for (const service of model.services) {
    for (const port of service.ports) {
      const base = pascalCase(port.name);
      ports.push({
        service,
        port,
        descriptor: names.allocate(base.endsWith('Port') ? camelCase(base) : `${camelCase(base)}Port`),
        client: names.allocate(`${base}Client`),
      });
    }
  }
  return { model, index, shapes: new ShapeBuilder(index), exprs, names, enumConsts, ports };
}
