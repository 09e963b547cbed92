/**
 * The schema components the services name directly: the roots from which resolve computes
 * what is reached.
 */
import type { Service } from '../../model/model.js';
import { isBuiltin } from '../../model/model.js';
import type { ServiceRoots } from '../../model/roots.js';

/**
 * Every element and type named by a body, header, header fault or fault part of `services`, each
 * once, sorted. Built-in XSD types (a part `type="xs:string"`) are left out: they are not schema
 * components. Fault parts declared by type are not in the model, so not here either.
 */
export function serviceRoots(services: readonly Service[]): ServiceRoots {
  const elements = new Set<string>();
  const types = new Set<string>();
  for (const service of services) {
    for (const port of service.ports) {
      for (const op of port.operations) {
        for (const binding of [op.input, op.output]) {
          if (binding === null) continue;
          for (const part of binding.body) {
            if ('element' in part) elements.add(part.element);
            else if (!isBuiltin(part.type)) types.add(part.type);
          }
          for (const header of binding.headers) {
            elements.add(header.element);
            for (const fault of header.headerFaults) elements.add(fault.element);
          }
        }
        for (const fault of op.faults) if (fault.element !== null) elements.add(fault.element);
      }
    }
  }
  return { elements: [...elements].sort(), types: [...types].sort() };
}
