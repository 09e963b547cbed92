/**
 * `client.ts`: one class per port, one async method per operation the client can call
 * (request-response and one-way), and per operation of a port type an object type of its header
 * parts and one of its typed fault details (object type aliases). Names, parameter lists, types and
 * TSDoc are computed first ({@link clientParts}); {@link clientText} lays them out.
 */
import type { Operation, TypeRef } from '../model/model.js';
import { callable } from '../resolve/run/client-names.js';
import type { TypedOperation } from './descriptors-file.js';
import type { EmitContext, PortNames } from './emit-context.js';
import { INDENT, propertyText, type PropertyText } from './print.js';
import { code, docComment, docText, joinDocs, propertyKey } from './ts-text.js';
import { hasTopLevelOperator, type ExpressionScope } from './type-expressions.js';
import { moduleImports } from './types-file.js';

/** A member of a headers or faults type. */
export type TypeMember = PropertyText;

/**
 * A headers or faults object type. A type alias rather than an interface: only object type
 * aliases are assignable to the runtime's `Record<string, unknown>` parameters.
 */
export interface NamedType {
  doc: string;
  name: string;
  members: TypeMember[];
}

/** One client method. */
export interface OperationMethod {
  doc: string;
  operationName: string;
  /** The typed operation the method calls (`<port>Operations.<method>`). */
  operationRef: string;
  methodName: string;
  /** The whole parameter list. */
  params: string;
  /** Type of the body parameter, `''` when the operation has no body part. */
  bodyType: string;
  /** Name of the headers type, `''` when the operation declares no header part. */
  headersType: string;
  /** Name of the faults type, `''` when the operation declares no typed fault. */
  faultsType: string;
  responseType: string;
  bodyArgument: string;
  headersArgument: string;
}

/** One client class (a port). */
export interface PortClass {
  doc: string;
  className: string;
  descriptor: string;
  /** The typed operations constant of the port. */
  operationsConst: string;
  operations: OperationMethod[];
}

/** What client.ts declares, and the typed operations descriptors.ts declares. */
export interface ClientParts {
  imports: string[];
  types: NamedType[];
  ports: PortClass[];
  typed: Map<PortNames, TypedOperation[]>;
  /** Headers types descriptors.ts refers to. */
  headersTypes: string[];
  /** The imports of schema module types (descriptors.ts names the same types). */
  typeImports: string[];
}

/**
 * Computes what client.ts declares; `schemas` is the path from the service folder to the run's
 * schemas folder (`../schemas`).
 */
export function clientParts(ctx: EmitContext, operationKeys: (p: PortNames) => ReadonlyMap<Operation, string>, schemas: string): ClientParts {
  const s: ExpressionScope = { types: '', runtime: 'rt.', module: null, imports: new Map() };
  const types: NamedType[] = [];
  const typed = new Map<PortNames, TypedOperation[]>();
  const headersTypes = new Set<string>();
  /** Headers and faults type names, by port type and operation (shared by the ports of one port type). */
  const perPortType = new Map<string, { headers: string; faults: string }>();
  const ports: PortClass[] = [];
  for (const p of ctx.ports) {
    const keys = operationKeys(p);
    const operations: OperationMethod[] = [];
    const typedOps: TypedOperation[] = [];
    for (const op of p.port.operations) {
      if (!callable(op)) continue;
      const sharedKey = `${p.port.portType} ${op.name} ${op.input?.message ?? ''}`;
      let shared = perPortType.get(sharedKey);
      if (shared === undefined) {
        shared = { headers: headersType(ctx, op, p.headers.get(op), s, types), faults: faultsType(ctx, op, p.faults.get(op), s, types) };
        perPortType.set(sharedKey, shared);
      }
      const method = p.methods.get(op) ?? op.name;
      const o = operationMethod(ctx, op, `${p.operations}.${method}`, method, shared, s);
      operations.push(o);
      if (shared.headers !== '') headersTypes.add(shared.headers);
      typedOps.push({
        method,
        key: keys.get(op) ?? op.name,
        body: o.bodyType === '' ? 'undefined' : o.bodyType,
        response: o.responseType,
        headers: shared.headers,
      });
    }
    typed.set(p, typedOps);
    ports.push(portClass(p, operations));
  }
  // An XSD-only description has no port, so no client: an empty module (index.ts re-exports it).
  if (ports.length === 0) return { imports: ['export {};'], types, ports, typed, headersTypes: [], typeImports: [] };
  const imports = ["import { SoapClient, type CallOptions, type ClientOptions } from '@volet/runtime';"];
  if (s.usedRuntime === true) imports.push("import type * as rt from '@volet/runtime';");
  const typeImports = moduleImports(s, schemas);
  imports.push(...typeImports);
  imports.push(`import { schema } from '${schemas}/schema.js';`);
  const descriptors = ctx.ports.flatMap((p) => [p.descriptor, p.operations]);
  imports.push(`import { ${descriptors.join(', ')} } from './descriptors.js';`);
  return { imports, types, ports, typed, headersTypes: [...headersTypes].sort(), typeImports };
}

/** Prints client.ts (without its header): imports, then the headers and faults types, then a class per port. */
export function clientText(parts: ClientParts): string {
  let out = parts.imports.map((i) => `${i}\n`).join('');
  for (const t of parts.types) out += `\n${namedTypeText(t)}`;
  for (const p of parts.ports) out += `\n${portText(p)}`;
  return out;
}

function namedTypeText(t: NamedType): string {
  const members = t.members.map((m) => `${propertyText(m, INDENT)}\n`).join('');
  return `${t.doc}export type ${t.name} = {\n${members}};\n`;
}

function portText(p: PortClass): string {
  return (
    `${p.doc}export class ${p.className} {\n` +
    `  /** The runtime client this class calls: it holds the options and the descriptors. */\n` +
    `  readonly soap: SoapClient;\n\n` +
    `  /** @param options - endpoint, timeout, MTOM and decoding options for every call */\n` +
    `  constructor(options: ClientOptions = {}) {\n` +
    `    this.soap = new SoapClient(schema, ${p.descriptor}, options);\n` +
    `  }\n` +
    p.operations.map((o) => `\n${methodText(o)}`).join('') +
    '}\n'
  );
}

function methodText(o: OperationMethod): string {
  return (
    `${o.doc}  async ${o.methodName}(${o.params}): Promise<${o.responseType}> {\n` +
    `    return this.soap.invoke(${o.operationRef}, ${o.bodyArgument}, ${o.headersArgument}, options);\n` +
    '  }\n'
  );
}

function portClass(p: PortNames, operations: OperationMethod[]): PortClass {
  const port = p.port;
  const doc = joinDocs(
    docText(p.service.documentation),
    `Client of port ${code(port.name)} of service ${code(p.service.name)}: SOAP ${port.soapVersion}, ${port.style} style, binding ${code(port.binding)}.`,
    port.address === null
      ? 'The WSDL gives no address: set `endpoint` in the options.'
      : `WSDL address: ${code(port.address)} (often a placeholder: set \`endpoint\` in the options).`,
  );
  return {
    doc: docComment(doc),
    className: p.client,
    descriptor: p.descriptor,
    operationsConst: p.operations,
    operations,
  };
}

function operationMethod(
  ctx: EmitContext,
  op: Operation,
  ref: string,
  method: string,
  shared: { headers: string; faults: string },
  s: ExpressionScope,
): OperationMethod {
  const body = messageType(ctx, op.input === null ? [] : op.input.body, s);
  const response = op.output === null ? 'void' : (messageType(ctx, op.output.body, s) ?? 'void');
  const params: string[] = [];
  // Operations that send XOP parts also take files and streams where the schema has bytes.
  if (body !== null && op.mtom) s.usedRuntime = true;
  if (body !== null) params.push(`body: ${op.mtom ? `rt.WithAttachmentSources<${body}>` : body}`);
  if (shared.headers !== '') params.push(`headers: ${shared.headers} = {}`);
  params.push('options: CallOptions = {}');
  const lines: string[] = [];
  const documentation = docText(op.documentation);
  if (documentation !== undefined) lines.push(documentation, '');
  lines.push(`Operation ${code(op.name)}${op.pattern === 'one-way' ? ' (one-way: no response)' : ''}.`);
  if (op.inputAction !== null) lines.push(`WS-Addressing action: ${code(op.inputAction)} (${op.actionSource.input}).`);
  if (op.outputAction !== null && op.pattern === 'request-response') lines.push(`Response action: ${code(op.outputAction)} (${op.actionSource.output}).`);
  if (op.soapAction !== '') lines.push(`SOAP action: ${code(op.soapAction)}.`);
  if (op.faults.length > 0) {
    lines.push(`Declared faults: ${op.faults.map((f) => code(f.name)).join(', ')}${shared.faults !== '' ? ` (typed details: {@link ${shared.faults}})` : ''}.`);
  }
  lines.push('');
  if (body !== null) {
    const parts = (op.input?.body ?? []).map((b) => `${code(b.part)} (${'element' in b ? `element ${code(b.element)}` : `type ${code(b.type)}`})`);
    lines.push(`@param body - the request body: ${parts.length === 1 ? `part ${parts[0]}` : `parts ${parts.join(', ')}, by part name`}`);
    if (op.mtom) lines.push('  (bytes may also be files or streams: `attachmentFromFile`, `attachmentFromStream`, sent as XOP parts)');
  }
  if (shared.headers !== '') lines.push('@param headers - the declared SOAP header blocks, by part name (each optional here: profiles may add them)');
  lines.push('@param options - per-call options: endpoint, timeout, abort signal, MTOM');
  lines.push(
    op.pattern === 'one-way'
      ? '@returns when the request was accepted'
      : response === 'void'
        ? '@returns when the response arrived (it has no body part)'
        : '@returns the response body',
  );
  lines.push('@throws `SoapFault` when the service answers with a fault (typed detail entries carry their element key)');
  return {
    doc: docComment(lines.join('\n'), '  '),
    operationName: op.name,
    operationRef: ref,
    methodName: method,
    params: params.join(', '),
    bodyType: body ?? '',
    headersType: shared.headers,
    faultsType: shared.faults,
    responseType: response,
    bodyArgument: body === null ? 'undefined' : 'body',
    headersArgument: shared.headers === '' ? '{}' : 'headers',
  };
}

/** The type of a message's body: its single part's value, an object keyed by part name, or null for no part. */
function messageType(
  ctx: EmitContext,
  body: readonly ({ part: string; element: string } | { part: string; type: TypeRef })[],
  s: ExpressionScope,
): string | null {
  const typed = body.map((b) => ({ part: b.part, type: partType(ctx, b, s) }));
  if (typed.length === 0) return null;
  if (typed.length === 1) return typed[0].type;
  return `{ ${typed.map((p) => `${propertyKey(p.part)}: ${p.type}`).join('; ')} }`;
}

function partType(ctx: EmitContext, part: { element: string } | { type: TypeRef }, s: ExpressionScope): string {
  if ('type' in part) return ctx.exprs.expression(part.type, s);
  const e = ctx.index.element(part.element);
  if (e === undefined) return 'unknown';
  const t = ctx.exprs.expression(e.type, s);
  return e.nillable ? `${hasTopLevelOperator(t) ? `(${t})` : t} | null` : t;
}

/** Adds the headers type of an operation (named by resolve, `undefined` when it declares no header part); returns its name or `''`. */
function headersType(ctx: EmitContext, op: Operation, name: string | undefined, s: ExpressionScope, out: NamedType[]): string {
  const headers = op.input?.headers ?? [];
  if (headers.length === 0 || name === undefined) return '';
  out.push({
    doc: docComment(`The SOAP header blocks operation ${code(op.name)} declares, by part name.`),
    name,
    members: headers.map((h) => ({
      doc: `Header block ${code(h.element)} (part ${code(h.part)} of ${code(h.message)}).`,
      key: propertyKey(h.part),
      optional: true,
      type: partType(ctx, { element: h.element }, s),
    })),
  });
  return name;
}

/** Adds the typed-faults type of an operation (named by resolve); returns its name or `''`. */
function faultsType(ctx: EmitContext, op: Operation, name: string | undefined, s: ExpressionScope, out: NamedType[]): string {
  const members: TypeMember[] = [];
  const seen = new Set<string>();
  for (const f of op.faults) {
    if (f.element === null) continue;
    const e = ctx.index.element(f.element);
    if (e === undefined || seen.has(e.tsName)) continue;
    seen.add(e.tsName);
    members.push({
      doc: `Detail of fault ${code(f.name)}: element ${code(f.element)}.`,
      key: propertyKey(e.tsName),
      optional: false,
      type: partType(ctx, { element: f.element }, s),
    });
  }
  if (members.length === 0 || name === undefined) return '';
  out.push({
    doc: docComment(
      `The typed fault details of operation ${code(op.name)}, by detail element key: a \`SoapFault\` detail entry whose \`key\` is one of these holds the matching \`value\`.`,
    ),
    name,
    members,
  });
  return name;
}
