/**
 * The CI-TLSi context headers' schema descriptor the runtime carries
 * (runtime/src/profiles/tlsi-contexts-schema.ts), computed from what the generator makes of the
 * project's INSi description (wsdl/insi/: ctxlps.xsd, ctxbam.xsd): the two global elements and every
 * type they reach, namespaces renumbered. The test compares the committed file with this text.
 */
import { join } from 'node:path';
import type { SchemaDescriptor } from '@volet/runtime';
import { buildModel } from '../../../generator/pipeline.js';
import { runtimeDescriptors } from '../../../generator/emit/runtime-descriptors.js';
import { repoRoot } from '../../support/paths.js';

/** Where the runtime keeps it. */
export const contextsSchemaPath = join(repoRoot, 'runtime', 'src', 'profiles', 'tlsi-contexts-schema.ts');

const CONTEXTS: readonly (readonly [string, string])[] = [
  ['urn:siram:bam:ctxbam', 'ContexteBAM'],
  ['urn:siram:lps:ctxlps', 'ContexteLPS'],
];

/** Keys whose string values name types (descriptors.ts: `t`, `b`, `item`, `m`, `sc`). */
const TYPE_REF_KEYS: ReadonlySet<string> = new Set(['t', 'b', 'item', 'm', 'sc']);

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

function typeRefs(value: Json, key: string, out: Set<string>): void {
  if (typeof value === 'string') {
    if (TYPE_REF_KEYS.has(key) && !value.startsWith('xs:')) out.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value as readonly Json[]) typeRefs(v, key, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) typeRefs(v, k, out);
  }
}

/** Renumbers every `ns` member through `map`. */
function renumber(value: Json, map: ReadonlyMap<number, number>): Json {
  if (Array.isArray(value)) return (value as readonly Json[]).map((v) => renumber(v, map));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) out[k] = k === 'ns' && typeof v === 'number' ? (map.get(v) ?? v) : renumber(v, map);
  return out;
}

/** The sub-descriptor of the two contexts, from the generator's descriptor of wsdl/insi/insi.wsdl. */
export function contextsSchema(): SchemaDescriptor {
  const full = runtimeDescriptors(buildModel([join(repoRoot, 'wsdl', 'insi', 'insi.wsdl')])).schema;
  const elements: Record<string, Json> = {};
  const pending: string[] = [];
  for (const [uri, local] of CONTEXTS) {
    const key = Object.keys(full.elements).find((k) => full.elements[k]?.n === local && full.ns[full.elements[k]?.ns ?? -1] === uri);
    if (key === undefined) throw new Error(`${local} is not a global element of wsdl/insi/insi.wsdl`);
    // The runtime looks the contexts up by name: keep the XML name as the key.
    elements[local] = full.elements[key] as unknown as Json;
    pending.push(full.elements[key]?.t ?? '');
  }
  const types: Record<string, Json> = {};
  while (pending.length > 0) {
    const key = pending.pop() as string;
    if (key in types || key.startsWith('xs:')) continue;
    const t = full.types[key];
    if (t === undefined) throw new Error(`type ${key} missing`);
    types[key] = t as unknown as Json;
    const refs = new Set<string>();
    typeRefs(t as unknown as Json, '', refs);
    pending.push(...refs);
  }
  const used = new Set<number>([0]);
  const collect = (v: Json): void => {
    if (Array.isArray(v)) (v as readonly Json[]).forEach(collect);
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) k === 'ns' && typeof x === 'number' ? used.add(x) : collect(x);
  };
  collect(types);
  collect(elements);
  const order = [...used].sort((a, b) => (full.ns[a] ?? '').localeCompare(full.ns[b] ?? ''));
  const map = new Map(order.map((old, i) => [old, i]));
  const sortedTypes = Object.fromEntries(
    Object.keys(types)
      .sort()
      .map((k) => [k, renumber(types[k] as Json, map)]),
  );
  return {
    v: full.v,
    ns: order.map((i) => full.ns[i] ?? ''),
    prefixes: order.map((i) => full.prefixes?.[i] ?? ''),
    types: sortedTypes,
    elements: renumber(elements, map),
  } as unknown as SchemaDescriptor;
}

/** A JavaScript literal in the project's style: single quotes, bare keys when they are identifiers. */
function literal(value: unknown): string {
  if (typeof value === 'string') return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : literal(k)}: ${literal(v)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  return String(value);
}

/** One member per line for the top two levels (types and elements), the rest inline. */
function schemaLiteral(schema: SchemaDescriptor): string {
  const block = (record: Readonly<Record<string, unknown>>): string =>
    `{\n${Object.entries(record)
      .map(([k, v]) => `    ${k}: ${literal(v)},\n`)
      .join('')}  }`;
  return `{\n  v: ${schema.v},\n  ns: ${literal(schema.ns)},\n  prefixes: ${literal(schema.prefixes)},\n  types: ${block(schema.types)},\n  elements: ${block(schema.elements)},\n}`;
}

/** The text of runtime/src/profiles/tlsi-contexts-schema.ts. */
export function contextsSchemaModule(): string {
  return `/**
 * The schema descriptor of the CI-TLSi context headers (\`ctxlps:ContexteLPS\` 01_00 and
 * \`ctxbam:ContexteBAM\` 01_02), as the generator makes it from the project's wsdl/insi/ctxlps.xsd and
 * ctxbam.xsd. The TLSi profile encodes the contexts with it when the client's own descriptors do not
 * declare them, so the runtime needs no generated code and no hand-written writer.
 * Written by test/profiles/support/contexts-descriptor.ts (VOLET_UPDATE_CONTEXTS_SCHEMA=1 with
 * test/profiles/contexts-schema.test.ts, which checks it); do not edit.
 */
import type { SchemaDescriptor } from '../codec/descriptors.js';

/**
 * Descriptor of the two context elements (keys \`ContexteLPS\`, \`ContexteBAM\`) and their types: with
 * \`encode\`/\`decode\` of \`@volet/runtime/codec\`, it reads and writes the context headers of any TLSi service.
 */
export const TLSI_CONTEXTS_SCHEMA: SchemaDescriptor = ${schemaLiteral(contextsSchema())};
`;
}
