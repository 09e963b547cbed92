/**
 * The properties a value of a complex type may have (its elements, attributes and the `$`
 * properties of docs/mapping.md), so that strict encoding can report a property the type does
 * not know instead of dropping it without a word.
 */
import type { CompiledComplex, PlanNode } from './compile.js';

const cache = new WeakMap<CompiledComplex, ReadonlySet<string>>();

function addPlan(nodes: readonly PlanNode[], into: Set<string>): void {
  for (const node of nodes) {
    if (node.k === 'choice') for (const branch of node.branches) addPlan(branch, into);
    else into.add(node.prop);
  }
}

/** The property names a value of `type` may hold. */
export function knownProperties(type: CompiledComplex): ReadonlySet<string> {
  let known = cache.get(type);
  if (known === undefined) {
    const names = new Set<string>(['$type']);
    addPlan(type.plan, names);
    for (const a of type.attributeList) names.add(a.prop);
    if (type.simpleContentKey !== null) names.add('$value');
    if (type.mixed) names.add('$content');
    else names.add('$order'); // children in document order, recorded by lenient decoding
    if (type.anyAttribute !== null) names.add('$attrs');
    known = names;
    cache.set(type, known);
  }
  return known;
}

/** The first property of `value` that `type` does not know, or undefined (no allocation when all are known). */
export function unknownProperty(type: CompiledComplex, value: Readonly<Record<string, unknown>>): string | undefined {
  const known = knownProperties(type);
  for (const key in value) {
    if (Object.hasOwn(value, key) && value[key] !== undefined && !known.has(key)) return key;
  }
  return undefined;
}
