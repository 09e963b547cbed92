/**
 * The roots of an XSD-only description (no WSDL service): every global element is a possible
 * document root and every named type a component users may want, so all of them are reached.
 * Components of the built-in catalog stay out: they are reached only when a user schema uses them.
 */
import { BUILTIN_PREFIX } from '../catalog/builtin-catalog.js';
import type { SchemaComponents } from '../parse/xsd/components.js';
import type { ServiceRoots } from './roots.js';

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every global element and named type of the user's schemas, sorted. */
export function schemaRoots(components: SchemaComponents): ServiceRoots {
  const elements: string[] = [];
  for (const [name, e] of components.elements) if (!e.source.file.startsWith(BUILTIN_PREFIX)) elements.push(name);
  const types: string[] = [];
  for (const [id, t] of components.types) if (t.name !== null && !t.source.file.startsWith(BUILTIN_PREFIX)) types.push(id);
  return { elements: elements.sort(byCodeUnit), types: types.sort(byCodeUnit) };
}
