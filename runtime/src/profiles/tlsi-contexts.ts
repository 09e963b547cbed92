/**
 * The TLSi context headers from values in the JSON form of the generated types
 * (`{ Version, Nature?, Id, Temps, Emetteur?, LPS: { IDAM: { $value, R }, Version, Instance, Nom } }`):
 * encoded with the client's descriptors when its WSDL declares the element (INSi), else written by
 * the runtime's own context writers.
 */
import { randomUUID } from 'node:crypto';
import { compiledSchema } from '../codec/compile.js';
import { elementRef, type SchemaDescriptor } from '../codec/descriptors.js';
import { encode } from '../codec/encode.js';
import { elementValueFromJson } from '../client/json-values.js';
import type { ProfileHeader } from '../client/profile.js';
import { formatInstant, systemClock, type Clock } from '../security/time.js';
import { contexteBamXml, contexteLpsXml, CTXBAM_NS, CTXLPS_NS, type ContexteBam, type ContexteLps } from '../security/tlsi/contexts.js';

/** A context value in the JSON form of the generated types. */
export type ContextValue = Readonly<Record<string, unknown>>;

type Obj = Readonly<Record<string, unknown>>;

function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Drops undefined members (the context writers take optional properties, absent rather than undefined). */
function defined<T extends object>(value: { readonly [K in keyof T]-?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The key of global element `{namespace}local` in a schema descriptor, if it has one. */
function elementKey(schema: SchemaDescriptor, namespace: string, local: string): string | undefined {
  const compiled = compiledSchema(schema);
  return Object.keys(schema.elements).find((key) => {
    const d = schema.elements[key];
    return d.n === local && compiled.uri(d.ns) === namespace;
  });
}

function lpsFromJson(v: Obj): ContexteLps {
  const lps = obj(v.LPS);
  const idam = obj(lps?.IDAM);
  return defined<ContexteLps>({
    version: str(v.Version) ?? '01_00',
    nature: v.Nature === 'CTXLPS' ? ('CTXLPS' as const) : undefined,
    id: str(v.Id) ?? '',
    temps: str(v.Temps) ?? '',
    emetteur: str(v.Emetteur),
    lps: lps === undefined
      ? undefined
      : defined<NonNullable<ContexteLps['lps']>>({ idam: str(idam?.$value) ?? str(lps.IDAM), idamR: str(idam?.R), version: str(lps.Version), instance: str(lps.Instance), nom: str(lps.Nom) }),
  });
}

type Nir = { num?: string; cle?: string; dateCertification?: string };

function nir(v: unknown): Nir | undefined {
  const n = obj(v);
  return n === undefined ? undefined : defined<Nir>({ num: str(n.Num), cle: str(n.Cle), dateCertification: str(n.DateCertification) });
}

function bamFromJson(v: Obj): ContexteBam {
  const c = obj(v.COUVERTURE) ?? {};
  const assure = obj(c.ASSURE);
  const b = obj(c.BENEFICIAIRE);
  const rang = str(b?.Rang);
  return defined<ContexteBam>({
    version: str(v.Version) ?? '01_02',
    nature: v.Nature === 'CTXBAM' ? ('CTXBAM' as const) : undefined,
    id: str(v.Id) ?? '',
    temps: str(v.Temps) ?? '',
    emetteur: str(v.Emetteur),
    dateRef: str(v.DateRef),
    couverture: defined<ContexteBam['couverture']>({
      grandRegime: str(c.GrandRegime),
      organisme: str(c.Organisme),
      codeCentre: str(c.CodeCentre),
      assure: assure === undefined ? undefined : defined<NonNullable<ContexteBam['couverture']['assure']>>({ id: nir(assure.Id) }),
      beneficiaire:
        b === undefined
          ? undefined
          : defined<NonNullable<ContexteBam['couverture']['beneficiaire']>>({ nir: nir(b.Nir), dateNai: str(b.DateNai), rang: rang === undefined ? undefined : Number(rang), porteur: str(b.Porteur) }),
    }),
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
 * @param which - the context
 * @param value - its value, JSON form of the generated types
 * @internal
 */
export function contextHeader(schema: SchemaDescriptor, which: 'ContexteLPS' | 'ContexteBAM', value: ContextValue, options: ContextHeaderOptions = {}): ProfileHeader {
  const namespace = which === 'ContexteLPS' ? CTXLPS_NS : CTXBAM_NS;
  const v: Obj = options.fresh === false ? value : { ...value, Id: randomUUID(), Temps: formatInstant((options.now ?? systemClock)()) };
  const key = elementKey(schema, namespace, which);
  let xml: string;
  if (key !== undefined) xml = encode(elementRef(schema, key), elementValueFromJson(schema, key, v));
  else xml = which === 'ContexteLPS' ? contexteLpsXml(lpsFromJson(v)) : contexteBamXml(bamFromJson(v));
  return { namespace, local: which, xml };
}
