/**
 * `descriptors.ts`: the plain-data descriptors the runtime interprets (runtime/src/codec/descriptors.ts,
 * runtime/src/client/operation.ts): one `SchemaDescriptor` for the emitted types and elements, one
 * `PortDescriptor` per port, and a typed `ElementRef` per emitted global element.
 *
 * Keys: a type's key is its TypeScript name, a global element's key is its allocated name
 * (`<Name>Element`); built-ins are `xs:<local>`. An rpc-style part given by type gets a
 * synthesised element (the unqualified part accessor) keyed `<Operation><Part>Part`.
 */
import {
  isBuiltin,
  type ComplexTypeDefinition,
  type ElementDeclaration,
  type Facets,
  type MessageBinding,
  type Operation,
  type SimpleTypeDefinition,
  type TypeRef,
  type Wildcard,
} from '../model/model.js';
import { UNBOUNDED, type AnyField, type AttributeField, type ElementField, type Field } from './content-shape.js';
import type { EmitContext, PortNames } from './emit-context.js';
import { moduleImports } from './types-file.js';
import { literal, Suffixed, type Literal } from './literal.js';
import { namespacesTable } from './namespaces.js';
import { localOf, namespaceOf } from './schema-index.js';
import { constText } from './print.js';
import { code, docComment, docText, joinDocs, quote } from './ts-text.js';
import type { ExpressionScope } from './type-expressions.js';

type Obj = { [key: string]: Literal | undefined };

/** A port and its service (what a descriptor is written from; the names are not needed). */
export type PortOf = Pick<PortNames, 'service' | 'port'>;

/** Names of `Object.prototype` members. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** The typed operation of a port: its method name and the types the client computed. */
export interface TypedOperation {
  method: string;
  key: string;
  body: string;
  response: string;
  headers: string;
}

/** The operation keys of a port (`PortDescriptor.operations`): operation names, numbered when repeated. */
export function operationKeys(p: PortOf): Map<Operation, string> {
  const keys = new Map<Operation, string>();
  const used = new Set<string>();
  for (const op of p.port.operations) {
    let key = op.name;
    for (let i = 2; used.has(key); i++) key = `${op.name}${i}`;
    used.add(key);
    keys.set(op, key);
  }
  return keys;
}

/** The statements of `schemas/schema.ts`: the run's schema descriptor. */
export function schemaStatements(ctx: EmitContext): string[] {
  return [
    "import type { SchemaDescriptor } from '@volet/runtime';",
    `${docComment('The schema descriptor of every type and global element the services of this run reach, each namespace once; the runtime encodes and decodes with it.')}` +
      `export const schema: SchemaDescriptor = ${literal(new DescriptorWriter(ctx).schemaData())};`,
  ];
}

/** The statements of `schemas/<module>/elements.ts`: a typed `ElementRef` per global element of the module. */
export function elementStatements(ctx: EmitContext, module: string): string[] | null {
  // `module: null`: the element's types are imported, from this module's types.ts too.
  const s: ExpressionScope = { types: '', runtime: 'rt.', module: null, imports: new Map() };
  const refs: string[] = [];
  for (const e of ctx.index.elements) {
    if (ctx.exprs.moduleOf(e.name) !== module) continue;
    const t = ctx.exprs.expression(e.type, s);
    const type = e.nillable ? `${t} | null` : t;
    const doc = joinDocs(
      docText(e.documentation),
      `Global element ${code(e.name)}${e.abstract ? ' (abstract: only its substitution group members appear)' : ''}: pass it to \`decode\`/\`encode\`.`,
    );
    refs.push(constText(e.tsName, `ElementRef<${type}>`, `elementRef(schema, ${quote(e.tsName)})`, doc));
  }
  if (refs.length === 0) return null;
  const out: string[] = ["import { elementRef, type ElementRef } from '@volet/runtime';"];
  if (s.usedRuntime === true) out.push("import type * as rt from '@volet/runtime';");
  out.push("import { schema } from '../schema.js';");
  out.push(...moduleImports(s, '..'));
  out.push(...refs);
  return out;
}

/** The statements of a service folder's `descriptors.ts`: a `PortDescriptor` and the typed operations of each port. */
export function portStatements(
  ctx: EmitContext,
  typed: ReadonlyMap<PortNames, TypedOperation[]>,
  headersImports: readonly string[],
  typeImports: readonly string[],
): string[] {
  // An XSD-only description has no port: an empty module (index.ts re-exports it).
  if (ctx.ports.length === 0) return ['export {};'];
  const writer = new DescriptorWriter(ctx);
  const out: string[] = [];
  const runtime = ['operationRef', 'type PortDescriptor'];
  out.push(`import { ${runtime.join(', ')} } from '@volet/runtime';`);
  if (headersImports.length > 0) out.push(`import type { ${headersImports.join(', ')} } from './client.js';`);
  const body: string[] = [];
  const typedText: string[] = [];
  for (const p of ctx.ports) {
    body.push(
      `${docComment(`Port ${code(p.port.name)} of service ${code(p.service.name)}: operations, actions and message parts.`)}export const ${p.descriptor}: PortDescriptor = ${literal(writer.port(p))};`,
    );
    const ops = typed.get(p) ?? [];
    const lines = ops.map(
      (o) => `  ${o.method}: operationRef<${o.body}, ${o.response}${o.headers === '' ? '' : `, ${o.headers}`}>(${p.descriptor}, ${quote(o.key)}),`,
    );
    typedText.push(...lines);
    body.push(
      `${docComment(`The operations of port ${code(p.port.name)}, typed with their request body, response body and header blocks (\`SoapClient.invoke\` takes them).`)}` +
        `export const ${p.operations} = {\n${lines.join('\n')}\n} as const;`,
    );
  }
  // The client's imports of schema types, kept to the names the typed operations use.
  const text = typedText.join('\n');
  for (const line of typeImports) {
    const m = /^import type \{([^}]*)\} from (.*)$/s.exec(line);
    if (m === null) continue;
    const used = (m[1] ?? '')
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .filter((n) => new RegExp(`\\b${n.replace(/\$/g, '\\$')}\\b`).test(text));
    if (used.length > 0) out.push(`import type { ${used.join(', ')} } from ${m[2] ?? ''}`);
  }
  return [...out, ...body];
}

/** A port descriptor as data: exactly what descriptors.ts declares for the port (for tools and tests). */
export function portDescriptorData(ctx: EmitContext, p: PortOf): Literal {
  return new DescriptorWriter(ctx).port(p);
}

/** The schema descriptor as plain data: exactly what schemas/schema.ts declares as `schema` (for tools and tests). */
export function schemaDescriptorData(ctx: EmitContext): Literal {
  return new DescriptorWriter(ctx).schemaData();
}

class DescriptorWriter {
  private readonly ctx: EmitContext;
  private readonly ns: Map<string, number>;
  private readonly prefixes: string[];
  private readonly nsList: string[];

  constructor(ctx: EmitContext) {
    this.ctx = ctx;
    const table = namespacesTable(ctx);
    this.nsList = table.namespaces;
    this.prefixes = table.prefixes;
    this.ns = new Map(table.namespaces.map((u, i) => [u, i]));
  }

  // ───────────────────────────────────────── schema ──

  schemaData(): Obj {
    return this.schema();
  }

  private schema(): Obj {
    // Maps keyed by names from the WSDL have no prototype: a key `__proto__` is then an entry, not a prototype change.
    const types: Obj = dictionary();
    for (const t of this.ctx.index.types) types[t.tsName] = t.kind === 'simple' ? this.simple(t) : this.complex(t);
    const elements: Obj = dictionary();
    for (const e of this.ctx.index.elements) elements[e.tsName] = this.element(e);
    for (const parts of this.ctx.rpcParts.values()) {
      for (const p of parts) elements[p.key] = { n: p.part, ns: 0, t: this.key(p.type) };
    }
    return {
      v: 1,
      ns: this.nsList,
      prefixes: this.prefixes.some((p) => p !== '') ? this.prefixes : undefined,
      types,
      elements,
    };
  }

  /** The descriptor key of a type reference. */
  private key(ref: TypeRef): string {
    if (isBuiltin(ref)) return `xs:${localOf(ref)}`;
    const t = this.ctx.index.type(ref);
    if (t === undefined || !this.ctx.index.isEmittedType(ref)) return 'xs:anyType';
    return t.tsName;
  }

  private nsIndex(uri: string): number {
    return this.ns.get(uri) ?? 0;
  }

  private named(t: { name: string | null }): Obj {
    if (t.name === null) return {};
    return { ns: this.nsIndex(namespaceOf(t.name)), q: localOf(t.name) };
  }

  private simple(t: SimpleTypeDefinition): Obj {
    const f = facets(t.facets);
    if (t.variety === 'list') return { k: 'l', ...this.named(t), item: t.itemType === undefined ? 'xs:string' : this.key(t.itemType), f };
    if (t.variety === 'union') return { k: 'u', ...this.named(t), m: (t.memberTypes ?? []).map((m) => this.key(m)), f };
    return { k: 's', ...this.named(t), b: t.base === null ? 'xs:anySimpleType' : this.key(t.base), f };
  }

  private complex(t: ComplexTypeDefinition): Obj {
    const shape = this.ctx.shapes.shape(t);
    const typeNs = this.nsIndex(namespaceOf(t.id));
    const d: Obj = { k: 'c', ns: typeNs };
    if (t.name !== null) d.q = localOf(t.name);
    if (t.base !== null && t.base !== `{http://www.w3.org/2001/XMLSchema}anyType` && t.derivation !== null) {
      d.b = this.key(t.base);
      d.x = t.derivation === 'extension' ? 'e' : 'r';
    }
    if (t.abstract) d.abs = 1;
    if (shape.mixed) d.mx = 1;
    if (shape.all) d.all = 1;
    if (shape.simpleContent !== null) d.sc = this.key(shape.simpleContent);
    if (shape.fields.length > 0) d.f = shape.fields.map((f) => this.field(f, typeNs));
    if (shape.attributes.length > 0) d.a = shape.attributes.map((a) => this.attribute(a));
    if (t.anyAttribute !== null) d.aa = wildcard(t.anyAttribute);
    return d;
  }

  private field(f: Field, typeNs: number): Literal {
    switch (f.kind) {
      case 'element':
        return this.elementField(f, typeNs, false);
      case 'any':
        return this.anyField(f, false);
      case 'choice': {
        const d: Obj = { c: f.branches.map((b) => b.map((x) => this.field(x, typeNs))) };
        if (f.min === 0) d.min = 0;
        return d;
      }
      case 'list': {
        const d: Obj = {
          l: f.prop,
          f: f.items.map((i) => (i.kind === 'element' ? this.elementField(i, typeNs, true) : this.anyField(i, true))),
        };
        if (f.min !== 0) d.min = f.min;
        if (f.max !== UNBOUNDED) d.max = f.max;
        return d;
      }
    }
  }

  private elementField(f: ElementField, typeNs: number, inList: boolean): Obj {
    const d: Obj = {};
    if (f.prop !== f.local) d.p = f.prop;
    if (f.ref !== null) {
      d.r = f.ref.tsName;
      if (f.nillable && !f.ref.nillable) d.nil = 1;
    } else {
      d.n = f.local;
      const ns = this.nsIndex(f.namespace);
      if (ns !== typeNs) d.ns = ns;
      d.t = this.key(f.type);
      if (f.nillable) d.nil = 1;
    }
    if (!inList) {
      if (f.min !== 1) d.min = f.min;
      if (f.max !== 1) d.max = f.max;
    }
    if (f.substitutes !== null) d.s = f.substitutes.map((m) => m.tsName);
    if (f.ref === null || f.ref.default !== f.default) if (f.default !== undefined) d.d = f.default;
    if (f.ref === null || f.ref.fixed !== f.fixed) if (f.fixed !== undefined) d.fx = f.fixed;
    return d;
  }

  private anyField(f: AnyField, inList: boolean): Obj {
    const d: Obj = { any: wildcard(f.wildcard) };
    if (!inList) {
      if (f.prop !== '$any') d.p = f.prop;
      if (f.min !== 1) d.min = f.min;
      if (f.max !== 1) d.max = f.max;
    }
    return d;
  }

  private attribute(a: AttributeField): Obj {
    const d: Obj = {};
    if (a.prop !== a.local) d.p = a.prop;
    d.n = a.local;
    const ns = this.nsIndex(a.namespace);
    if (ns !== 0) d.ns = ns;
    d.t = this.key(a.type);
    if (a.required) d.req = 1;
    if (a.default !== undefined) d.d = a.default;
    if (a.fixed !== undefined) d.fx = a.fixed;
    return d;
  }

  private element(e: ElementDeclaration): Obj {
    const d: Obj = { n: localOf(e.name), ns: this.nsIndex(namespaceOf(e.name)), t: this.key(e.type) };
    if (e.nillable) d.nil = 1;
    if (e.abstract) d.abs = 1;
    if (e.default !== undefined) d.d = e.default;
    if (e.fixed !== undefined) d.fx = e.fixed;
    return d;
  }

  // ───────────────────────────────────────── ports ──

  port(p: PortOf): Obj {
    const operations: Obj = dictionary();
    for (const [op, key] of operationKeys(p)) {
      // TypeScript types the value of a key named like an Object.prototype member (`constructor`…)
      // from that member instead of the record's values: `as const` keeps its literal types.
      operations[key] = PROTOTYPE_NAMES.has(key) ? new Suffixed(this.operation(p, op), ' as const') : this.operation(p, op);
    }
    return { name: p.port.name, service: p.service.name, address: p.port.address, operations };
  }

  private operation(p: PortOf, op: Operation): Obj {
    const d: Obj = {
      name: op.name,
      soapVersion: p.port.soapVersion,
      style: op.style,
      soapAction: op.soapAction,
      action: op.inputAction,
      responseAction: op.outputAction,
    };
    if (op.style === 'rpc' && op.rpcNamespace !== undefined) d.rpcNamespace = op.rpcNamespace;
    d.input = op.input === null ? null : this.message(op.input);
    d.output = op.output === null ? null : this.message(op.output);
    d.faults = op.faults.map((f) => {
      const e = f.element === null ? undefined : this.ctx.index.element(f.element);
      return e === undefined ? { name: f.name } : { name: f.name, element: e.tsName };
    });
    // Only when true, so descriptors of services without binary content stay as they were.
    // (The response needs no flag: the runtime reads multipart responses by their Content-Type.)
    if (op.mtom) d.mtom = true;
    return d;
  }

  private message(m: MessageBinding): Obj {
    const rpc = this.ctx.rpcParts.get(m) ?? [];
    const body: Literal[] = [];
    for (const b of m.body) {
      if ('element' in b) {
        const e = this.ctx.index.element(b.element);
        if (e !== undefined) body.push({ part: b.part, element: e.tsName });
      } else {
        const synthesised = rpc.find((r) => r.part === b.part);
        if (synthesised !== undefined) body.push({ part: b.part, element: synthesised.key });
      }
    }
    const headers: Literal[] = [];
    for (const h of m.headers) {
      const e = this.ctx.index.element(h.element);
      if (e === undefined) continue;
      const faults: Literal[] = [];
      for (const f of h.headerFaults) {
        const fe = this.ctx.index.element(f.element);
        if (fe !== undefined) faults.push({ part: f.part, element: fe.tsName });
      }
      headers.push(faults.length > 0 ? { part: h.part, element: e.tsName, faults } : { part: h.part, element: e.tsName });
    }
    return { body, headers };
  }
}

/** An empty map for keys taken from the description (no prototype, so `__proto__` is an ordinary key). */
function dictionary(): Obj {
  return Object.create(null) as Obj;
}

function facets(f: Facets): Obj | undefined {
  const d: Obj = {};
  if (f.length !== undefined) d.length = f.length;
  if (f.minLength !== undefined) d.minLength = f.minLength;
  if (f.maxLength !== undefined) d.maxLength = f.maxLength;
  if (f.pattern !== undefined && f.pattern.length > 0) d.pattern = f.pattern;
  if (f.enumeration !== undefined && f.enumeration.length > 0) d.enumeration = f.enumeration;
  if (f.whiteSpace !== undefined) d.whiteSpace = f.whiteSpace;
  if (f.maxInclusive !== undefined) d.maxInclusive = f.maxInclusive;
  if (f.maxExclusive !== undefined) d.maxExclusive = f.maxExclusive;
  if (f.minInclusive !== undefined) d.minInclusive = f.minInclusive;
  if (f.minExclusive !== undefined) d.minExclusive = f.minExclusive;
  if (f.totalDigits !== undefined) d.totalDigits = f.totalDigits;
  if (f.fractionDigits !== undefined) d.fractionDigits = f.fractionDigits;
  return Object.keys(d).length === 0 ? undefined : d;
}

function wildcard(w: Wildcard): Obj {
  const d: Obj = {};
  if (w.namespace.kind === 'not') {
    d.m = 'not';
    d.u = w.namespace.namespaces;
  } else if (w.namespace.kind === 'enumeration') {
    d.m = 'in';
    d.u = w.namespace.namespaces;
  }
  if (w.processContents !== 'strict') d.pc = w.processContents;
  return d;
}
