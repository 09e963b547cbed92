/**
 * Completeness of a value against a content model: required elements present, at most one
 * branch of each choice. Used by strict decoding (at each end tag) and by encoding.
 */
import type { PlanNode } from './compile.js';

type Obj = Record<string, unknown>;

/** A completeness problem. */
export interface Problem {
  code: string;
  message: string;
  /** The missing property, when one is missing. */
  prop?: string;
}

function present(obj: Obj, prop: string): boolean {
  return obj[prop] !== undefined;
}

function count(v: unknown): number {
  return v === undefined ? 0 : Array.isArray(v) ? v.length : 1;
}

/** Checks required elements and choices of a decoded (or to-be-encoded) object. */
export function checkPlan(plan: readonly PlanNode[], obj: Obj): Problem | null {
  for (const node of plan) {
    switch (node.k) {
      case 'el':
      case 'any':
      case 'list':
        if (node.min > 0 && count(obj[node.prop]) < node.min) {
          return { code: 'missing-element', message: `required element ${node.prop} is missing or occurs too few times`, prop: node.prop };
        }
        break;
      case 'choice': {
        const b = chooseBranch(node, obj);
        if (b === NOTHING_CHOSEN) {
          if (node.min > 0 && !node.branches.some((branch) => checkPlan(branch, obj) === null)) {
            return { code: 'missing-element', message: `none of the choice's elements (${node.props.flat().join(', ')}) is present` };
          }
        } else if (b === NO_BRANCH_FITS) {
          return { code: 'choice-conflict', message: `elements of two branches of a choice (${node.props.flat().filter((p) => present(obj, p)).join(', ')})` };
        } else {
          const problem = checkPlan(node.branches[b], obj);
          if (problem !== null) return problem;
        }
        break;
      }
    }
  }
  return null;
}

/** {@link chooseBranch}: no property of the choice is present. */
export const NOTHING_CHOSEN = -1;
/** {@link chooseBranch}: present properties that no single branch holds. */
export const NO_BRANCH_FITS = -2;

/**
 * The branch of a choice that a value takes. Branches may share elements (SAML AuthnContext:
 * ClassRef then Decl, or Decl alone), so a branch fits when it holds every present property of
 * the choice; among those, the first whose own plan holds wins, else the first that fits.
 */
export function chooseBranch(node: Extract<PlanNode, { k: 'choice' }>, obj: Obj): number {
  const given = new Set<string>();
  for (const props of node.props) for (const p of props) if (present(obj, p)) given.add(p);
  if (given.size === 0) return NOTHING_CHOSEN;
  let fallback = NO_BRANCH_FITS;
  for (let b = 0; b < node.branches.length; b++) {
    const own = node.props[b];
    let fits = true;
    for (const p of given) if (!own.includes(p)) fits = false;
    if (!fits) continue;
    if (checkPlan(node.branches[b], obj) === null) return b;
    if (fallback === NO_BRANCH_FITS) fallback = b;
  }
  return fallback;
}
