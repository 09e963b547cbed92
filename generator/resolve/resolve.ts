/**
 * The resolve step: raw schema components → the {@link SchemaModel}, through an ordered list of small
 * passes, each in its own file under `passes/` (the way xsdata's codegen handlers are organised).
 * The output does not depend on the order of the input files: every list is sorted.
 */
import type { Diagnostic, SchemaModel, Service } from '../model/model.js';
import { diagnostic } from '../model/diagnostics.js';
import type { ServiceRoots } from '../model/roots.js';
import type { SchemaComponents } from '../parse/xsd/components.js';
import { createContext, schemaOf, type ResolvePass } from './context.js';
import { allocateNames } from './passes/allocate-names.js';
import { buildComponents } from './passes/build-components.js';
import { collectTypes } from './passes/collect-types.js';
import { derivedTypes } from './passes/derived-types.js';
import { flattenGroups } from './passes/flatten-groups.js';
import { linkReferences } from './passes/link-references.js';
import { mtomOperations } from './passes/mtom-operations.js';
import { qnameEnumerations } from './passes/qname-enumerations.js';
import { reachability } from './passes/reachability.js';
import { serviceRules } from './passes/service-rules.js';
import { serviceReferences } from './passes/service-references.js';
import { simpleContent } from './passes/simple-content.js';
import { simpleTypeFacts } from './passes/simple-type-facts.js';
import { substitutionGroups } from './passes/substitution-groups.js';

/** The passes, in the order they run. */
export const RESOLVE_PASSES: readonly ResolvePass[] = [
  collectTypes, // index every type, named and anonymous
  linkReferences, // every QName reference names something (else an error, and a neutral stand-in)
  flattenGroups, // xs:group and xs:attributeGroup references expanded in place
  buildComponents, // raw → model types, elements, attributes
  simpleContent, // value types of simple-content complex types
  simpleTypeFacts, // variety, primitive, builtin of simple types
  qnameEnumerations, // enumeration values of QName-based types in Clark notation
  serviceRules, // facets official schemas leave out but their services enforce (INSi sex, birth date)
  derivedTypes, // derivedTypes, circular derivations
  substitutionGroups, // substitutionMembers, substitutes
  reachability, // reached flags from the service roots
  allocateNames, // tsName of types and elements
  serviceReferences, // every element and type a WSDL part names exists
  mtomOperations, // mtom / mtomResponse flags of the operations
];

/** Options of {@link resolveSchema}. */
export interface ResolveOptions {
  /**
   * Allocate the names of the generated code (`tsName`…, the allocate-names pass; default true).
   * `volet generate` turns it off: it allocates names once for the whole run's merged schema, which
   * replaces every name of the descriptions' own models (resolve/run/run-model.ts).
   */
  readonly names?: boolean;
}

/**
 * Resolves raw components into the schema model; problems go to `diagnostics`. The last passes
 * check the part references of `services` and set their operations' MTOM flags.
 */
export function resolveSchema(
  components: SchemaComponents,
  roots: ServiceRoots,
  diagnostics: Diagnostic[],
  services: readonly Service[] = [],
  options: ResolveOptions = {},
): SchemaModel {
  const ctx = createContext(components, roots, diagnostics, services);
  for (const pass of RESOLVE_PASSES) {
    if (pass === allocateNames && options.names === false) continue;
    try {
      pass.run(ctx);
    } catch (e) {
      // A bug in one pass must not turn into a stack trace for the user: report it and go on.
      const message = e instanceof Error ? e.message : String(e);
      diagnostics.push(diagnostic('error', { file: '', line: 1, column: 1 }, `internal error in resolve pass ${pass.name}: ${message}`, 'internal-error'));
    }
  }
  return schemaOf(ctx);
}
