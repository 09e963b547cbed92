/**
 * Encoding of a value whose children decoding read out of schema order: the decoder records them in
 * document order as `$order` (one property name per child element), and the encoder writes them back
 * in that order instead of the schema's — in lenient mode, so that a capture that breaks its own
 * schema (an official example with `asAgent` after `asLocatedEntity`) replays as it was written, and
 * for `xs:all` content (any order is valid) in every mode.
 * This module only plans the writing; the encoder writes each child with its usual methods.
 */
import type { PlanNode } from './compile.js';
import { ownValue } from './own-property.js';

/** A plan node that holds child elements under one property. */
export type ChildNode = Exclude<PlanNode, { k: 'choice' }>;

/** One child element to write: its node and its value (one occurrence). */
export interface OrderedChild {
  readonly node: ChildNode;
  readonly prop: string;
  /** The occurrence's index in the property's array, or -1 for a single value. */
  readonly index: number;
  readonly value: unknown;
}

/** The children in document order with the schema violations they show, or why `$order` does not fit the value. */
export type DocumentOrder = { readonly children: OrderedChild[]; readonly violations: string[] } | { readonly mismatch: string };

/** The property nodes of a plan (choice branches included), with their rank in schema order. */
function nodesByProp(nodes: readonly PlanNode[], into: Map<string, { node: ChildNode; rank: number; inChoice: boolean }>, inChoice: boolean): void {
  for (const node of nodes) {
    if (node.k === 'choice') for (const branch of node.branches) nodesByProp(branch, into, true);
    else if (!into.has(node.prop)) into.set(node.prop, { node, rank: into.size, inChoice });
  }
}

/**
 * Plans the children of `obj` in the order `$order` gives. `occurrences` tells how many child
 * elements a property's value stands for (a lenient extra-occurrence array, an array property, or one
 * value). Returns a mismatch when `$order` names unknown properties or does not count every value
 * exactly (a value edited after decoding: the caller then writes schema order). `anyOrder`: xs:all
 * content, whose order is free (no order violation).
 */
export function documentOrder(
  plan: readonly PlanNode[],
  obj: Readonly<Record<string, unknown>>,
  order: unknown,
  occurrences: (node: ChildNode, value: unknown) => number,
  anyOrder = false,
): DocumentOrder {
  if (!Array.isArray(order) || !order.every((p) => typeof p === 'string')) return { mismatch: '$order must be an array of property names' };
  const byProp = new Map<string, { node: ChildNode; rank: number; inChoice: boolean }>();
  nodesByProp(plan, byProp, false);
  const counts = new Map<string, number>();
  const children: OrderedChild[] = [];
  const violations = new Set<string>();
  let lastRank = -1;
  for (const prop of order as string[]) {
    const entry = byProp.get(prop);
    if (entry === undefined) return { mismatch: `$order names ${prop}, which is no element property of this type` };
    const value = ownValue(obj, prop);
    const count = value === undefined ? 0 : occurrences(entry.node, value);
    const seen = counts.get(prop) ?? 0;
    if (seen >= count) return { mismatch: `$order names ${prop} more often than its value has occurrences` };
    counts.set(prop, seen + 1);
    const single = count === 1 && !Array.isArray(value);
    children.push({ node: entry.node, prop, index: single ? -1 : seen, value: single ? value : (value as unknown[])[seen] });
    if (entry.rank < lastRank && !anyOrder) violations.add(`element ${prop} out of schema order`);
    else lastRank = entry.rank;
  }
  for (const [prop, entry] of byProp) {
    const value = ownValue(obj, prop);
    const count = value === undefined ? 0 : occurrences(entry.node, value);
    if ((counts.get(prop) ?? 0) !== count) return { mismatch: `$order does not name every occurrence of ${prop}` };
    // A list node's bounds count repetitions of its group, not items: not checked here.
    if (entry.inChoice || entry.node.k === 'list') continue;
    if (count < entry.node.min) violations.add(`required element ${prop} is missing or occurs too few times`);
    else if (entry.node.max >= 0 && count > entry.node.max) violations.add(`element ${prop} occurs ${count} times, more often than allowed`);
  }
  return { children, violations: [...violations] };
}
