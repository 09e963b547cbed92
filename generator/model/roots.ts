/**
 * The schema components that the services of a description use directly (message parts),
 * from which the resolve step computes what is reached.
 */
import type { QNameString, TypeRef } from './model.js';

/** Elements and types named by message parts (body, header, fault), each once, sorted. */
export interface ServiceRoots {
  elements: QNameString[];
  types: TypeRef[];
}
