/**
 * Pass: allocate every name of the schema's generated code (docs/naming.md): `tsName` of every type
 * and global element, then the names the generated code adds for them — `<Type>OrDerived` unions,
 * `<Type>Values` constants, `<Operation><Part>Part` keys of rpc parts given by type. Deterministic:
 * it depends only on the set of component ids (and the services' operations), never on file order or
 * reachability.
 *
 * 1. Base name: types from their id (`typeBaseName`), elements `PascalCase(local) + 'Element'`;
 *    a reserved name gets `Type` (types) or `_` (elements) appended.
 * 2. Components whose base names collide across namespaces all take a namespace prefix (the last
 *    meaningful word of the namespace; more words when that is not enough to tell them apart).
 * 3. Remaining collisions: by tier (named types, element descriptors, anonymous types of global
 *    elements, other anonymous types), then exactness (a named type whose XML name is already the
 *    candidate first), then id, the first keeps the name and the others get the smallest numeric
 *    suffix (from 2) that is free.
 */
import {
  splitQName,
  type ComplexTypeDefinition,
  type ElementDeclaration,
  type MessageBinding,
  type Service,
  type TypeDefinition,
  type TypeRef,
} from '../../model/model.js';
import { FIXED_LOCALS, NameAllocator, namespacePrefix, pascalCase, RESERVED_NAMES, RUNTIME_IMPORTS, typeBaseName } from '../naming.js';
import type { ResolvePass } from '../context.js';
import { hasLiteralEnumeration } from '../value-kind.js';

interface Named {
  key: string;
  namespace: string;
  tier: number;
  /** 0 when the candidate is the XML name itself (it then wins over names that were transformed into it). */
  exact: number;
  candidate: string;
  assign(name: string): void;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function avoidReserved(name: string, suffix: string): string {
  let out = name;
  while (RESERVED_NAMES.has(out)) out += suffix;
  return out;
}

/** Prefixes with the fewest namespace words that tell the namespaces apart (at most 3 words). */
function prefixesFor(namespaces: string[]): Map<string, string> {
  for (let count = 1; count <= 3; count++) {
    const map = new Map(namespaces.map((ns) => [ns, namespacePrefix(ns, count)]));
    if (new Set(map.values()).size === namespaces.length) return map;
  }
  return new Map(namespaces.map((ns) => [ns, namespacePrefix(ns, 1)]));
}

/** Fills `tsName` of types and elements, then the code names (unions, constants, rpc part keys). */
export const allocateNames: ResolvePass = {
  name: 'allocate-names',
  run(ctx) {
    allocateTypeNames(ctx.types.values(), ctx.elements.values());
    allocateCodeNames(
      [...ctx.types.values()].sort((a, b) => byCodeUnit(a.id, b.id)),
      [...ctx.elements.values()],
      ctx.services,
    );
  },
};

/**
 * Allocates `tsName` of the given types and global elements (the pass above, and the run-wide
 * allocation of `volet generate`, where `prefixes` gives each namespace its module's prefix).
 */
export function allocateTypeNames(
  types: Iterable<TypeDefinition>,
  elements: Iterable<ElementDeclaration>,
  prefixes: (namespaces: string[]) => Map<string, string> = prefixesFor,
): void {
  const all: Named[] = [];
  for (const t of types) {
    const tier = t.name !== null ? 0 : /^\{[^}]*\}[^/]*~$/.test(t.id) ? 2 : 3;
    const { namespace, local } = splitQName(t.id);
    const candidate = avoidReserved(typeBaseName(t.id), 'Type');
    all.push({
      key: `t:${t.id}`,
      namespace,
      tier,
      exact: t.name !== null && candidate === local ? 0 : 1,
      candidate,
      assign: (n) => (t.tsName = n),
    });
  }
  for (const e of elements) {
    const { namespace, local } = splitQName(e.name);
    all.push({
      key: `e:${e.name}`,
      namespace,
      tier: 1,
      exact: 1,
      candidate: avoidReserved(`${pascalCase(local)}Element`, '_'),
      assign: (n) => (e.tsName = n),
    });
  }
  all.sort((a, b) => a.tier - b.tier || a.exact - b.exact || byCodeUnit(a.key, b.key));

  // Step 2: namespace prefixes for base names shared across namespaces.
  const byCandidate = new Map<string, Named[]>();
  for (const n of all) {
    const list = byCandidate.get(n.candidate) ?? [];
    list.push(n);
    byCandidate.set(n.candidate, list);
  }
  for (const [candidate, group] of byCandidate) {
    const namespaces = [...new Set(group.map((n) => n.namespace))].sort(byCodeUnit);
    if (namespaces.length < 2) continue;
    const chosen = prefixes(namespaces);
    for (const n of group) n.candidate = avoidReserved(`${chosen.get(n.namespace) ?? ''}${candidate}`, '_');
  }

  // Step 3: first holder keeps the name, the others get the smallest free numeric suffix.
  const wanted = new Set(all.map((n) => n.candidate));
  const taken = new Set<string>();
  const losers: Named[] = [];
  for (const n of all) {
    if (taken.has(n.candidate)) {
      losers.push(n);
      continue;
    }
    taken.add(n.candidate);
    n.assign(n.candidate);
  }
  for (const n of losers) {
    let i = 2;
    while (taken.has(`${n.candidate}${i}`) || wanted.has(`${n.candidate}${i}`)) i++;
    const name = `${n.candidate}${i}`;
    taken.add(name);
    n.assign(name);
  }
}

/** True when a concrete (not abstract) named complex type derives from `type`, directly or not. */
function hasConcreteDerived(type: ComplexTypeDefinition, byId: ReadonlyMap<TypeRef, TypeDefinition>): boolean {
  const seen = new Set<TypeRef>([type.id]);
  const stack = [...type.derivedTypes];
  while (stack.length > 0) {
    const id = stack.pop() as TypeRef;
    if (seen.has(id)) continue;
    seen.add(id);
    const d = byId.get(id);
    if (d === undefined || d.kind !== 'complex') continue;
    if (d.name !== null && !d.abstract) return true;
    stack.push(...d.derivedTypes);
  }
  return false;
}

/** The names generated code uses besides the allocated ones: runtime imports, fixed locals, globals. */
function fixedNames(): string[] {
  return [...RUNTIME_IMPORTS, ...FIXED_LOCALS, ...RESERVED_NAMES];
}

/**
 * Allocates the names generated code adds to the schema's (after `tsName`): `unionName` of complex
 * types a concrete named type derives from, `valuesName` of enumerations written as literal unions
 * (`types` sorted by id), then the `key` of each rpc part given by type, in service, port, operation
 * order. Each avoids every `tsName`, the runtime imports and the reserved names, and takes the smallest
 * free numeric suffix on a clash; the order above is part of the output's stability.
 */
export function allocateCodeNames(types: readonly TypeDefinition[], elements: Iterable<ElementDeclaration>, services: readonly Service[]): void {
  const names = new NameAllocator([...types.map((t) => t.tsName), ...[...elements].map((e) => e.tsName), ...fixedNames()]);
  const byId = new Map(types.map((t) => [t.id, t]));
  const lookup = (ref: TypeRef): TypeDefinition | undefined => byId.get(ref);
  for (const t of types) {
    if (t.kind !== 'complex') continue;
    if (hasConcreteDerived(t, byId)) t.unionName = names.allocate(`${t.tsName}OrDerived`);
    else delete t.unionName;
  }
  for (const t of types) {
    if (t.kind !== 'simple') continue;
    if (hasLiteralEnumeration(t, lookup)) t.valuesName = names.allocate(`${t.tsName}Values`);
    else delete t.valuesName;
  }
  const seen = new Set<MessageBinding>();
  for (const service of services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const m of [op.input, op.output]) {
          if (m === null || seen.has(m)) continue;
          seen.add(m);
          for (const b of m.body) if ('type' in b) b.key = names.allocate(`${pascalCase(op.name)}${pascalCase(b.part)}Part`);
        }
      }
    }
  }
}

/**
 * Every name the schema's generated code declares or uses at the top level (what {@link allocateCodeNames}
 * avoided, and what it allocated): a service folder's own names (clients, descriptors, headers and
 * faults types) must avoid them too, since its index re-exports the schema modules.
 */
export function schemaCodeNames(types: readonly TypeDefinition[], elements: readonly ElementDeclaration[], services: readonly Service[]): Set<string> {
  const taken = new Set([...types.map((t) => t.tsName), ...elements.map((e) => e.tsName), ...fixedNames()]);
  for (const t of types) {
    if (t.kind === 'complex' && t.unionName !== undefined) taken.add(t.unionName);
    if (t.kind === 'simple' && t.valuesName !== undefined) taken.add(t.valuesName);
  }
  for (const service of services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const m of [op.input, op.output]) for (const b of m?.body ?? []) if ('type' in b && b.key !== undefined) taken.add(b.key);
      }
    }
  }
  return taken;
}
