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
        let chosen = -1;
        for (let b = 0; b < node.branches.length; b++) {
          if (node.props[b].some((p) => present(obj, p))) {
            if (chosen >= 0) return { code: 'choice-conflict', message: `elements of two branches of a choice (${node.props[chosen].join(', ')} / ${node.props[b].join(', ')})` };
            chosen = b;
          }
        }
        if (chosen >= 0) {
          const problem = checkPlan(node.branches[chosen], obj);
          if (problem !== null) return problem;
        } else if (node.min > 0 && !node.branches.some((b) => checkPlan(b, obj) === null)) {
          return { code: 'missing-element', message: `none of the choice's elements (${node.props.flat().join(', ')}) is present` };
        }
        break;
      }
    }
  }
  return null;
}

