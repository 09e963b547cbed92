/**
 * Completeness of a value against a content model: required elements present, at most one
 * branch of each choice. Used by strict decoding (at each end tag) and by encoding.
 */
import type { PlanNode } from './compile.js';
import { ownValue } from './own-property.js';

type Obj = Record<string, unknown>;

/** A completeness problem. */
export interface Problem {
  code: string;
  message: string;
  /** The missing property, when one is missing. */
  prop?: string;
}

function present(obj: Obj, prop: string): boolean {
  return ownValue(obj, prop) !== undefined;
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
        if (node.min > 0 && count(ownValue(obj, node.prop)) < node.min) {
          return { code: 'missing-element', message: `required element ${node.prop} is missing or occurs too few times`, prop: node.prop };
        }
        break;
      case 'choice': {
        const { index, problem } = pickBranch(node, obj);
        if (index === NOTHING_CHOSEN) {
          if (node.min > 0 && !node.branches.some((branch) => checkPlan(branch, obj) === null)) {
            return { code: 'missing-element', message: `none of the choice's elements (${node.props.flat().join(', ')}) is present` };
          }
        } else if (index === NO_BRANCH_FITS) {
          return {
            code: 'choice-conflict',
            message: `elements of two branches of a choice (${node.props
              .flat()
              .filter((p) => present(obj, p))
              .join(', ')})`,
          };
        } else if (problem !== null) {
          return problem;
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
export function chooseBranch(node: ChoiceNode, obj: Obj): number {
  return pickBranch(node, obj).index;
}

type ChoiceNode = Extract<PlanNode, { k: 'choice' }>;

/** {@link chooseBranch}, with the chosen branch's plan problem (null when it holds) so it is checked once. */
function pickBranch(node: ChoiceNode, obj: Obj): { index: number; problem: Problem | null } {
  let anyPresent = false;
  for (const props of node.props) for (const p of props) if (present(obj, p)) anyPresent = true;
  if (!anyPresent) return { index: NOTHING_CHOSEN, problem: null };
  let fallback: { index: number; problem: Problem | null } = { index: NO_BRANCH_FITS, problem: null };
  for (let b = 0; b < node.branches.length; b++) {
    if (!holdsEveryPresent(node, node.props[b], obj)) continue;
    const problem = checkPlan(node.branches[b], obj);
    if (problem === null) return { index: b, problem };
    if (fallback.index === NO_BRANCH_FITS) fallback = { index: b, problem };
  }
  return fallback;
}

/** True when `own` lists every property of the choice that the value has (no allocation: hot path). */
function holdsEveryPresent(node: ChoiceNode, own: readonly string[], obj: Obj): boolean {
  for (const props of node.props) for (const p of props) if (present(obj, p) && !own.includes(p)) return false;
  return true;
}
