/**
 * The TLSi context headers from values in the JSON form of the generated types
 * (`{ Version, Nature?, Id, Temps, Emetteur?, LPS: { IDAM: { $value, R }, Version, Instance, Nom } }`),
 * encoded by the codec: with the client's descriptors when its WSDL declares the element (INSi), else
 * with the runtime's own descriptor of the context schemas ({@link TLSI_CONTEXTS_SCHEMA}).
 */
import { randomUUID } from 'node:crypto';
import { compiledSchema } from '../codec/compile.js';
import { elementRef, type SchemaDescriptor } from '../codec/descriptors.js';
import { encode } from '../codec/encode.js';
import { elementValueFromJson } from '../client/json-values.js';
import type { ProfileHeader } from '../client/profile.js';
import { CTXBAM_NS, CTXLPS_NS } from '../security/namespaces.js';
import { formatInstant, systemClock, type Clock } from '../security/time.js';
import { TLSI_CONTEXTS_SCHEMA } from './tlsi-contexts-schema.js';

/** A context value in the JSON form of the generated types. */
export type ContextValue = Readonly<Record<string, unknown>>;

/** The key of global element `{namespace}local` in a schema descriptor, if it has one. */
function elementKey(schema: SchemaDescriptor, namespace: string, local: string): string | undefined {
  const compiled = compiledSchema(schema);
  return Object.keys(schema.elements).find((key) => {
    const d = schema.elements[key];
    return d?.n === local && compiled.uri(d.ns) === namespace;
  });
}

/**
 * Options of {@link contextHeader}.
 * @internal
 */
export interface ContextHeaderOptions {
  /** Give `Id` a fresh UUID and `Temps` the current time (default true: each message has its own). */
  readonly fresh?: boolean;
  readonly now?: Clock;
}

/**
 * A `ContexteLPS` or `ContexteBAM` header block.
 * @param schema - the client's descriptors (used when they declare the context element)
 * @param which - the context
 * @param value - its value, JSON form of the generated types
 * @internal
 */
export function contextHeader(
  schema: SchemaDescriptor,
  which: 'ContexteLPS' | 'ContexteBAM',
  value: ContextValue,
  options: ContextHeaderOptions = {},
): ProfileHeader {
  const namespace = which === 'ContexteLPS' ? CTXLPS_NS : CTXBAM_NS;
  const v: ContextValue = options.fresh === false ? value : { ...value, Id: randomUUID(), Temps: formatInstant((options.now ?? systemClock)()) };
  const own = elementKey(schema, namespace, which);
  const [descriptor, key] = own === undefined ? [TLSI_CONTEXTS_SCHEMA, which] : [schema, own];
  return { namespace, local: which, xml: encode(elementRef(descriptor, key), elementValueFromJson(descriptor, key, v)) };
}
