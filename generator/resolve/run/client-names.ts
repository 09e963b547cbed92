/**
 * Names of what a service folder declares (docs/naming.md): a client class per port, named after
 * the port without binding noise (`DocumentRegistry_Port_Soap12` → `DocumentRegistryClient`), its
 * port descriptor (`documentRegistryPort`) and typed operations (`documentRegistryOperations`),
 * a lowerCamelCase method per operation (`registryStoredQuery`), and the `<Operation>Headers` and
 * `<Operation>Faults` types of client.ts. `volet.config.json` `names` overrides the first four.
 * Names depend only on the service's own ports and operations.
 */
import type { Operation, Port, Service } from '../../model/model.js';
import { pascalCase } from '../naming.js';

/** Name overrides of one service (`services[].names` in volet.config.json). */
export interface NameOverrides {
  /** Base name of the clients of a `wsdl:service`, by service name (`Registry` → `RegistryClient`). */
  services?: Readonly<Record<string, string>>;
  /** Base name of one port's client, by port name. */
  ports?: Readonly<Record<string, string>>;
  /** Method name of an operation, by `Port.operation` or by operation name (every port). */
  operations?: Readonly<Record<string, string>>;
}

/** The names of one port. */
export interface PortNaming {
  service: Service;
  port: Port;
  /** The client class. */
  client: string;
  /** The `PortDescriptor` constant. */
  descriptor: string;
  /** The typed operations constant. */
  operations: string;
  /** Method (and typed operation) name of each callable operation. */
  methods: Map<Operation, string>;
  /** The headers type of each callable operation that declares header parts (shared by the ports of one port type). */
  headers: Map<Operation, string>;
  /** The typed-faults type of each callable operation with a fault whose detail element the schema declares (shared likewise). */
  faults: Map<Operation, string>;
}

/** Words that name the WSDL/SOAP plumbing rather than the service, stripped from the end of a port name. */
const NOISE_SUFFIXES = [
  'Soap12',
  'Soap11',
  'Soap',
  'Binding',
  'Port',
  'Service',
  'EndPointImpl',
  'EndpointImpl',
  'Impl',
  'EndPoint',
  'Endpoint',
  'Http',
  'Https',
];

/** The words of a WSDL name: runs of letters and digits. */
function words(name: string): string[] {
  return name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** A WSDL name as PascalCase, binding noise stripped from its end (`GDP_Binding_Soap12` → `GDP`). */
export function portBaseName(name: string): string {
  let base = words(name).map(capitalise).join('');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of NOISE_SUFFIXES) {
      if (base.length > suffix.length && base.endsWith(suffix)) {
        base = base.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return /^\p{L}/u.test(base) ? base : `Port${base}`;
}

/** The first word in lower case: all of it when it is an acronym (`ICIR` → `icir`), else its leading capitals but the last. */
function lowerFirstWord(word: string): string {
  if (/^[\p{Lu}\p{N}]+$/u.test(word)) return word.toLowerCase();
  if (/^\p{Lu}{2}/u.test(word)) return word.replace(/^\p{Lu}+(?=\p{Lu}\p{Ll})/u, (m) => m.toLowerCase());
  return word.charAt(0).toLowerCase() + word.slice(1);
}

/** lowerCamelCase of a PascalCase or word-separated name (`DocumentRegistry` → `documentRegistry`, `ICIR` → `icir`). */
export function lowerCamel(name: string): string {
  const parts = words(name);
  if (parts.length === 0) return 'op';
  const head = lowerFirstWord(parts[0]);
  return head + parts.slice(1).map(capitalise).join('');
}

/**
 * The method name of an operation: lowerCamelCase, without a leading `<Port base>_` some WSDLs put
 * on every operation (`DocumentRepository_RetrieveDocumentSet` → `retrieveDocumentSet`).
 */
export function methodBaseName(operation: string, portBase: string): string {
  let parts = words(operation);
  if (parts.length > 1 && parts[0] === portBase) parts = parts.slice(1);
  const name = lowerCamel(parts.join('_'));
  return /^[\p{L}_$]/u.test(name) ? name : `op${capitalise(name)}`;
}

/** Names that would shadow a client class member or cannot be method names. */
const CLASS_MEMBERS = new Set(['constructor', 'soap', 'prototype']);

/** True for an operation a client method calls. */
export function callable(op: Operation): boolean {
  return op.pattern === 'request-response' || op.pattern === 'one-way';
}

/** The names a folder may not take: asked with `has`, and told of each name it takes with `add` (a `Set` is one). */
export interface TakenNames {
  has(name: string): boolean;
  add(name: string): unknown;
}

/**
 * The names of one folder over the names the whole run has taken: the run's set is read, never
 * changed, so that each folder starts from it without a copy of its thousands of names.
 */
export class NamesOverRun implements TakenNames {
  private readonly own = new Set<string>();
  constructor(private readonly run: ReadonlySet<string>) {}
  has(name: string): boolean {
    return this.run.has(name) || this.own.has(name);
  }
  add(name: string): this {
    this.own.add(name);
    return this;
  }
}

/**
 * Names every port of the services of one configured description. `taken` holds the names the
 * folder must not declare (the run's type and element names it re-exports); names are added to it.
 * `hasElement` tells whether the schema declares a global element (a fault detail). Unknown override
 * keys are returned so the caller can report them.
 */
export function allocateClientNames(
  services: readonly Service[],
  overrides: NameOverrides,
  taken: TakenNames,
  hasElement: (name: string) => boolean,
): { ports: PortNaming[]; unused: string[] } {
  const usedOverrides = new Set<string>();
  const take = (wanted: string): string => {
    let name = wanted;
    for (let i = 2; taken.has(name); i++) name = `${wanted}${i}`;
    taken.add(name);
    return name;
  };
  const bases: { service: Service; port: Port; base: string }[] = [];
  for (const service of services) {
    for (const port of service.ports) {
      const byPort = overrides.ports?.[port.name];
      const byService = overrides.services?.[service.name];
      if (byPort !== undefined) usedOverrides.add(`ports.${port.name}`);
      if (byService !== undefined) usedOverrides.add(`services.${service.name}`);
      bases.push({ service, port, base: byPort ?? byService ?? portBaseName(port.name) });
    }
  }
  // A SOAP version suffix only where one service has the same base name for a SOAP 1.1 and a SOAP 1.2 port.
  const suffixed = bases.map((b) =>
    bases.some((o) => o.service === b.service && o.base === b.base && o.port.soapVersion !== b.port.soapVersion)
      ? `${b.base}${b.port.soapVersion === '1.1' ? 'Soap11' : 'Soap12'}`
      : b.base,
  );
  bases.forEach((b, i) => (b.base = suffixed[i] ?? b.base));
  const ports: PortNaming[] = [];
  for (const { service, port, base } of bases) {
    const client = take(`${base}Client`);
    const stem = lowerCamel(base);
    const descriptor = take(`${stem}Port`);
    const operations = take(`${stem}Operations`);
    const methods = new Map<Operation, string>();
    const inClass = new Set(CLASS_MEMBERS);
    for (const op of port.operations) {
      if (!callable(op)) continue;
      const byPortOp = overrides.operations?.[`${port.name}.${op.name}`];
      const byOp = overrides.operations?.[op.name];
      if (byPortOp !== undefined) usedOverrides.add(`operations.${port.name}.${op.name}`);
      else if (byOp !== undefined) usedOverrides.add(`operations.${op.name}`);
      const wanted = byPortOp ?? byOp ?? methodBaseName(op.name, portBaseName(port.name));
      let name = wanted;
      for (let i = 2; inClass.has(name); i++) name = `${wanted}${i}`;
      inClass.add(name);
      methods.set(op, name);
    }
    ports.push({ service, port, client, descriptor, operations, methods, headers: new Map(), faults: new Map() });
  }
  // Then the headers and faults types, once per operation of a port type, in port and operation order.
  const perPortType = new Map<string, { headers: string | undefined; faults: string | undefined }>();
  for (const p of ports) {
    for (const op of p.port.operations) {
      if (!callable(op)) continue;
      const key = `${p.port.portType} ${op.name} ${op.input?.message ?? ''}`;
      let shared = perPortType.get(key);
      if (shared === undefined) {
        const headers = (op.input?.headers.length ?? 0) > 0 ? take(`${pascalCase(op.name)}Headers`) : undefined;
        const faults = op.faults.some((f) => f.element !== null && hasElement(f.element)) ? take(`${pascalCase(op.name)}Faults`) : undefined;
        shared = { headers, faults };
        perPortType.set(key, shared);
      }
      if (shared.headers !== undefined) p.headers.set(op, shared.headers);
      if (shared.faults !== undefined) p.faults.set(op, shared.faults);
    }
  }
  const unused: string[] = [];
  for (const [kind, map] of Object.entries(overrides) as [string, Readonly<Record<string, string>> | undefined][]) {
    for (const key of Object.keys(map ?? {})) if (!usedOverrides.has(`${kind}.${key}`)) unused.push(`${kind}.${key}`);
  }
  return { ports, unused };
}
