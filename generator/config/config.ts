/**
 * `volet.config.json`: which service descriptions to generate, where, and with which catalog.
 * Paths in the file are relative to the file's folder. The format is documented in docs/config.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CatalogEntry } from '../load/types.js';
import type { MtomSettings } from '../pipeline.js';
import { didYouMean } from '@volet/runtime/codec';
import type { NameOverrides } from '../resolve/run/client-names.js';
import { MODULE_NAME } from '../resolve/run/module-names.js';

/** One service description to generate. */
export interface ServiceConfig {
  /** A short name, used in messages and as the default output folder name. */
  name: string;
  /** Entry files (WSDL or XSD), absolute after loading. */
  wsdl: string[];
  /** Output folder, absolute after loading. */
  out: string;
  /** Per-operation MTOM settings (`services[].mtom`), with where they were written. */
  mtom?: MtomSettings;
  /** Names chosen for its clients, port descriptors and methods (docs/naming.md). */
  names?: NameOverrides;
}

/** A loaded, validated configuration. */
export interface VoletConfig {
  /** Absolute path of the configuration file, or null when built from arguments. */
  file: string | null;
  /** The folder paths are relative to; also the base of the paths hashed into file headers. */
  baseDir: string;
  services: ServiceConfig[];
  catalog: CatalogEntry[];
  /** Type-check generated code before writing it (default true). */
  typecheck: boolean;
  /** Folder of the shared schema modules, absolute (default: `schemas` next to the service folders). */
  schemas?: string;
  /** Module names by namespace URI, over the built-in ones (docs/naming.md). */
  modules?: Record<string, string>;
  /** Extension of relative imports in generated files: `js` (default, compiled builds) or `ts` (Node type stripping). */
  importExtension?: 'js' | 'ts';
}

/** A configuration file that cannot be used; the message names the file and the faulty key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: Json | undefined, where: string): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[];
  throw new ConfigError(`${where}: expected a path or a non-empty list of paths`);
}

const ROOT_KEYS = ['$schema', 'services', 'catalog', 'typecheck', 'schemas', 'modules', 'importExtension'];
const SERVICE_KEYS = ['name', 'wsdl', 'out', 'names', 'mtom'];
const CATALOG_KEYS = ['file', 'namespace', 'location'];

/** Throws for a key that is not one of `known`, naming the nearest ones (`prefix` names the object). */
function onlyKeys(obj: { [key: string]: Json }, known: readonly string[], prefix: string): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) throw new ConfigError(`${prefix}${key}: unknown key${didYouMean(key, known)}`);
  }
}

/** Reads and validates a configuration file. */
export function loadConfig(file: string): VoletConfig {
  const path = resolve(file);
  let raw: Json;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as Json;
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ConfigError(`${file}: cannot read configuration: ${reason}`);
  }
  return parseConfig(raw, path);
}

/** Validates a parsed configuration object; `path` is the file it came from (for messages and relative paths). */
export function parseConfig(raw: Json, path: string): VoletConfig {
  const baseDir = dirname(path);
  const at = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  if (!isObject(raw)) throw new ConfigError(`${path}: expected a JSON object`);
  onlyKeys(raw, ROOT_KEYS, `${path}: `);
  const servicesRaw = raw['services'];
  if (!Array.isArray(servicesRaw) || servicesRaw.length === 0) {
    throw new ConfigError(`${path}: "services" must be a non-empty list`);
  }
  const names = new Set<string>();
  const services = servicesRaw.map((s, i): ServiceConfig => {
    const where = `${path}: services[${i}]`;
    if (!isObject(s)) throw new ConfigError(`${where}: expected an object`);
    onlyKeys(s, SERVICE_KEYS, `${where}.`);
    const name = s['name'];
    if (typeof name !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw new ConfigError(`${where}.name: expected a name of letters, digits, '.', '_' or '-'`);
    }
    if (names.has(name)) throw new ConfigError(`${where}.name: "${name}" is used twice`);
    names.add(name);
    const out = s['out'];
    if (out !== undefined && typeof out !== 'string') throw new ConfigError(`${where}.out: expected a path`);
    const service: ServiceConfig = { name, wsdl: stringList(s['wsdl'], `${where}.wsdl`).map(at), out: at(out ?? `generated/${name}`) };
    if (s['names'] !== undefined) service.names = nameOverrides(s['names'], `${where}.names`);
    const mtom = s['mtom'];
    if (mtom !== undefined) {
      const valid = isObject(mtom) && Object.values(mtom).every((v) => typeof v === 'boolean');
      if (!valid) throw new ConfigError(`${where}.mtom: expected { "<operation>": true | false, … }`);
      service.mtom = { operations: mtom as Record<string, boolean>, file: path, path: `services[${i}].mtom` };
    }
    return service;
  });
  const outs = new Map<string, string>();
  for (const s of services) {
    const other = outs.get(s.out);
    if (other !== undefined) throw new ConfigError(`${path}: services "${other}" and "${s.name}" have the same output folder ${s.out}`);
    outs.set(s.out, s.name);
  }
  const catalogRaw = raw['catalog'] ?? [];
  if (!Array.isArray(catalogRaw)) throw new ConfigError(`${path}: "catalog" must be a list`);
  const catalog = catalogRaw.map((c, i): CatalogEntry => {
    const where = `${path}: catalog[${i}]`;
    if (!isObject(c) || typeof c['file'] !== 'string') throw new ConfigError(`${where}: expected { file, namespace?, location? }`);
    onlyKeys(c, CATALOG_KEYS, `${where}.`);
    const entry: CatalogEntry = { file: at(c['file']) };
    if (typeof c['namespace'] === 'string') entry.namespace = c['namespace'];
    if (typeof c['location'] === 'string') entry.location = c['location'];
    if (entry.namespace === undefined && entry.location === undefined) {
      throw new ConfigError(`${where}: give "namespace", "location" or both`);
    }
    return entry;
  });
  const typecheck = raw['typecheck'] ?? true;
  if (typeof typecheck !== 'boolean') throw new ConfigError(`${path}: "typecheck" must be true or false`);
  const config: VoletConfig = { file: path, baseDir, services, catalog, typecheck };
  const schemas = raw['schemas'];
  if (schemas !== undefined) {
    if (typeof schemas !== 'string') throw new ConfigError(`${path}: "schemas" must be a path`);
    config.schemas = at(schemas);
  }
  const ext = raw['importExtension'];
  if (ext !== undefined) {
    if (ext !== 'js' && ext !== 'ts') throw new ConfigError(`${path}: "importExtension" must be "js" or "ts"`);
    config.importExtension = ext;
  }
  const modules = raw['modules'];
  if (modules !== undefined) {
    const map = stringMap(modules, `${path}: modules`);
    for (const [ns, name] of Object.entries(map)) {
      if (!MODULE_NAME.test(name)) throw new ConfigError(`${path}: modules["${ns}"]: "${name}" is not a module name (lower-case letters, digits and '-')`);
    }
    const names = Object.values(map);
    const twice = names.find((n, i) => names.indexOf(n) !== i);
    if (twice !== undefined) throw new ConfigError(`${path}: modules: "${twice}" is given to two namespaces`);
    config.modules = map;
  }
  return config;
}

function stringMap(v: Json | undefined, where: string): Record<string, string> {
  if (!isObject(v)) throw new ConfigError(`${where}: expected an object of strings`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') throw new ConfigError(`${where}["${k}"]: expected a string`);
    out[k] = x;
  }
  return out;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `names`: `{ services?, ports?, operations? }`, each a map to identifiers. */
function nameOverrides(v: Json, where: string): NameOverrides {
  if (!isObject(v)) throw new ConfigError(`${where}: expected { services?, ports?, operations? }`);
  const out: NameOverrides = {};
  for (const [key, value] of Object.entries(v)) {
    if (key !== 'services' && key !== 'ports' && key !== 'operations')
      throw new ConfigError(`${where}: unknown key "${key}" (known: services, ports, operations)`);
    const map = stringMap(value, `${where}.${key}`);
    for (const [k, name] of Object.entries(map)) {
      if (!IDENTIFIER.test(name)) throw new ConfigError(`${where}.${key}["${k}"]: "${name}" is not a TypeScript identifier`);
    }
    out[key] = map;
  }
  return out;
}
