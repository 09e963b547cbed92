/**
 * Pass: allocate `tsName` of every type and global element (docs/naming.md). Deterministic: it
 * depends only on the set of component ids, never on file order or reachability.
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
import { splitQName, type ElementDeclaration, type TypeDefinition } from '../../model/model.js';
import { namespacePrefix, pascalCase, RESERVED_NAMES, typeBaseName } from '../naming.js';
import type { ResolvePass } from '../context.js';

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

/** Fills `tsName` of types and elements. */
export const allocateNames: ResolvePass = {
  name: 'allocate-names',
  run(ctx) {
    allocateTypeNames(ctx.types.values(), ctx.elements.values());
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
