/**
 * The model of a whole `volet generate` run: the services of every configured service
 * description over one schema, each type and global element once. The schemas of the services
 * are merged by component id; names are then allocated once for the run, so that a namespace's
 * module declares each name once and every service imports the same names (docs/naming.md), and each
 * service folder's names (clients, descriptors, methods, headers and faults types) after them. The
 * emitters only read these names.
 */
import type { AttributeDeclaration, Diagnostic, ElementDeclaration, Model, SchemaModel, Service, TypeDefinition } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { allocateCodeNames, allocateTypeNames, schemaCodeNames } from '../passes/allocate-names.js';
import { allocateClientNames, NamesOverRun, type NameOverrides, type PortNaming } from './client-names.js';
import { moduleNames } from './module-names.js';
import { sameDefinition } from './same-definition.js';

/** One service description of the run: its name in the configuration, its own model, its name overrides. */
export interface RunService {
  name: string;
  model: Model;
  names?: NameOverrides;
}

/** The names of one service folder. */
export interface FolderNames {
  /** Its ports, with their names, in service then port order. */
  ports: PortNaming[];
  /** Name overrides that matched nothing (`ports.X`…). */
  unused: string[];
}

/** The merged model of a run. */
export interface RunModel {
  /** Every service of the run, in configuration order, with the description it comes from. */
  services: { service: Service; from: string }[];
  schema: SchemaModel;
  /** Module name of each target namespace (see module-names.ts). */
  modules: Map<string, string>;
  /** Problems found while merging (a component declared differently by two descriptions). */
  diagnostics: Diagnostic[];
  /** The names of each service folder, by configured name. */
  folders: Map<string, FolderNames>;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** How many conflicting components of one pair of files a warning names. */
const CONFLICTS_LISTED = 3;

/** The sorted union of two lists, each sorted in code-unit order without repeats (`derivedTypes`, `substitutionMembers`). */
function union(a: readonly string[], b: readonly string[]): string[] {
  // Most components a second description declares again add nothing.
  if (b.length === 0) return a as string[];
  if (a.length === 0) return [...b];
  return [...new Set([...a, ...b])].sort(byCodeUnit);
}

/**
 * Merges the models of a run (in configuration order). A component declared by several
 * descriptions is kept once; when two declarations differ, the first one is kept and a warning
 * names both files. Names are allocated for the merged schema, with module-name prefixes for a
 * name two namespaces share.
 */
export function mergeRunModels(run: readonly RunService[], configuredModules: Readonly<Record<string, string>> = {}): RunModel {
  const diagnostics: Diagnostic[] = [];
  const types = new Map<string, TypeDefinition>();
  const elements = new Map<string, ElementDeclaration>();
  const attributes = new Map<string, AttributeDeclaration>();
  const namespaces = new Set<string>();
  // Conflicts grouped by the pair of files: two versions of one large schema (HL7 v3 NE2008 and
  // NE2009's voc.xsd in the DMP package) differ in hundreds of types, which one line each would bury.
  const conflicts = new Map<string, { kept: string; at: { file: string; line: number; column: number }; what: string[] }>();
  const conflict = (what: string, kept: { source: { file: string } }, other: { source: { file: string; line: number; column: number } }): void => {
    const pair = `${other.source.file}\n${kept.source.file}`;
    const group = conflicts.get(pair);
    if (group === undefined) conflicts.set(pair, { kept: kept.source.file, at: other.source, what: [what] });
    else group.what.push(what);
  };
  // Components are copied one level deep: the run changes only their top-level fields (`reached`,
  // `derivedTypes`, `substitutionMembers` replaced, names), never what they hold, so the descriptions'
  // own models stay as built.
  for (const { model } of run) {
    for (const ns of model.schema.namespaces) namespaces.add(ns);
    for (const t of model.schema.types) {
      const kept = types.get(t.id);
      if (kept === undefined) {
        types.set(t.id, { ...t });
        continue;
      }
      kept.reached ||= t.reached;
      if (kept.kind === 'complex' && t.kind === 'complex') kept.derivedTypes = union(kept.derivedTypes, t.derivedTypes);
      if (kept.source.file !== t.source.file && !sameDefinition(kept, t)) conflict(`type ${t.id}`, kept, t);
    }
    for (const e of model.schema.elements) {
      const kept = elements.get(e.name);
      if (kept === undefined) {
        elements.set(e.name, { ...e });
        continue;
      }
      kept.reached ||= e.reached;
      kept.substitutionMembers = union(kept.substitutionMembers, e.substitutionMembers);
      if (kept.source.file !== e.source.file && !sameDefinition(kept, e)) conflict(`element ${e.name}`, kept, e);
    }
    for (const a of model.schema.attributes) if (!attributes.has(a.name)) attributes.set(a.name, { ...a });
  }
  for (const { kept, at, what } of conflicts.values()) {
    const message =
      what.length <= CONFLICTS_LISTED
        ? `${what.join(', ')} ${what.length === 1 ? 'is' : 'are'} also declared differently in ${kept}: the first declaration is used for the whole run`
        : `${what.length} components of this file are also declared differently in ${kept} (${what.slice(0, CONFLICTS_LISTED).join(', ')}, …): the first declarations are used for the whole run`;
    diagnostics.push(diagnostic('warning', at, message, 'conflicting-declaration'));
  }
  const schema: SchemaModel = {
    namespaces: [...namespaces].sort(byCodeUnit),
    types: [...types.values()].sort((a, b) => byCodeUnit(a.id, b.id)),
    elements: [...elements.values()].sort((a, b) => byCodeUnit(a.name, b.name)),
    attributes: [...attributes.values()].sort((a, b) => byCodeUnit(a.name, b.name)),
  };
  const modules = moduleNames(schema.namespaces, configuredModules);
  // The prefix of a name two namespaces share comes from the namespace URI (as for one service
  // description), so a module's folder name can be configured without renaming any type.
  allocateTypeNames(schema.types, schema.elements);
  // The services are copied: the run's names (rpc part keys) must not change the descriptions' own models.
  const services = run.flatMap(({ name, model }) => model.services.map((service) => ({ service: structuredClone(service), from: name })));
  const all = services.map((s) => s.service);
  allocateCodeNames(schema.types, schema.elements, all);
  const taken = schemaCodeNames(schema.types, schema.elements, all);
  const declared = new Set(schema.elements.map((e) => e.name));
  const folders = new Map<string, FolderNames>();
  for (const { name, names } of run) {
    const own = services.filter((s) => s.from === name).map((s) => s.service);
    folders.set(
      name,
      allocateClientNames(own, names ?? {}, new NamesOverRun(taken), (e) => declared.has(e)),
    );
  }
  return { services, schema, modules, diagnostics, folders };
}
