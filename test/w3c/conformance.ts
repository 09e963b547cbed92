/**
 * The W3C XML Schema test suite runner (the XSD 1.0 groups whose schema and instances are valid,
 * `../shared/w3c-xsdtests/index.json`). Per group, in process: build the model of the group's
 * schemas as an XSD-only description and emit its TypeScript (type-checked in batches), then for
 * each instance: decode (strict) as the global element it is rooted at, encode the value back,
 * compare with the original by meaning (typed-compare.ts), and validate the output with xmllint
 * against the group's main schema. Used by test/w3c/conformance.test.ts and `npm run conformance`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decode, elementRef, encode, type FieldDescriptor, type SchemaDescriptor } from '@volet/runtime/codec';
import { BUILTIN_SCHEMAS } from '../../generator/catalog/builtin-catalog.js';
import { emitService } from '../../generator/emit/emit-service.js';
import { runtimeDescriptors } from '../../generator/emit/runtime-descriptors.js';
import { typecheckGenerated, type FolderToCheck } from '../../generator/emit/typecheck.js';
import { buildModel, hasErrors } from '../../generator/pipeline.js';
import { repoRoot } from '../support/paths.js';
import { typedDifference } from './typed-compare.js';

/** Where the suite is read (in place): `VOLET_W3C` overrides `../shared/w3c-xsdtests`. */
export const w3cRoot: string = resolve(process.env.VOLET_W3C ?? join(repoRoot, '..', 'shared', 'w3c-xsdtests'));

/** False when the suite is present, else the reason to skip. */
export const w3cSkipReason: string | false = existsSync(join(w3cRoot, 'index.json')) ? false : `W3C suite not found at ${w3cRoot} (set VOLET_W3C)`;

/** One group of `index.json`. */
export interface SuiteGroup {
  readonly group: string;
  readonly contributor: string;
  readonly schemas: readonly string[];
  readonly instances: readonly string[];
}

/** Every group of the suite, in index order. */
export function loadSuite(): SuiteGroup[] {
  const parsed = JSON.parse(readFileSync(join(w3cRoot, 'index.json'), 'utf8')) as { groups: SuiteGroup[] };
  return parsed.groups;
}

/**
 * The category of a group: the test set of the Microsoft and Sun groups (`Particles`, `AttrDecl`),
 * the datatype and facet family of NIST's (`atomic-float`), the contributor's name otherwise.
 */
export function categoryOf(g: SuiteGroup): string {
  const [set = '', name = ''] = g.group.split(':');
  if (g.contributor === 'nist') return name.split('-').slice(0, 2).join('-');
  const file = set.split('/').pop() ?? '';
  const m = /^(.+?)(?:_w3c)?\.(?:xml|testSet)$/.exec(file);
  return m?.[1] ?? g.contributor;
}

/** Where a case failed: the step, or null when it passed. */
export type Stage = 'generate' | 'typecheck' | 'decode' | 'encode' | 'compare' | 'validate';

/** The outcome of one instance. */
export interface CaseOutcome {
  readonly group: string;
  readonly contributor: string;
  readonly category: string;
  readonly instance: string;
  /** The failing step, or null when the case passed. */
  readonly stage: Stage | null;
  readonly message: string;
  /**
   * True when xmllint rejects the original instance itself (an oracle limit): the validation of
   * the output is then not counted against volet.
   */
  readonly oracleRejectsOriginal: boolean;
  /** True when xmllint gave no verdict in time (counted in {@link CaseOutcome.oracleRejectsOriginal} too). */
  readonly oracleTimedOut?: boolean;
}

/** How {@link runGroups} runs. */
export interface RunOptions {
  /** Type-check the emitted TypeScript (default true). */
  readonly typecheck?: boolean;
  /** Groups per type-check program (default 60). */
  readonly batch?: number;
  /** Called after each batch with the number of groups done. */
  readonly progress?: (done: number) => void;
}

interface Prepared {
  group: SuiteGroup;
  error: string | null;
  schema: SchemaDescriptor | null;
  folder: FolderToCheck | null;
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').slice(0, 300);
}

function messageOf(e: unknown): string {
  return firstLine(e instanceof Error ? e.message : String(e));
}

function prepare(group: SuiteGroup, index: number, typecheck: boolean): Prepared {
  try {
    const model = buildModel(group.schemas.map((s) => join(w3cRoot, s)));
    if (hasErrors(model.diagnostics)) {
      const d = model.diagnostics.find((x) => x.severity === 'error');
      return { group, error: `${d?.code ?? ''} ${d?.message ?? ''}`.trim(), schema: null, folder: null };
    }
    const schema = runtimeDescriptors(model).schema;
    if (!typecheck) return { group, error: null, schema, folder: null };
    const emitted = emitService(model, { version: 'w3c', inputsHash: '0', source: group.group });
    return { group, error: null, schema, folder: { dir: join(tmpdir(), 'volet-w3c-typecheck', String(index)), files: emitted.files } };
  } catch (e) {
    return { group, error: `internal: ${messageOf(e)}`, schema: null, folder: null };
  }
}

/** The non-abstract global elements of a schema descriptor: descriptor key by Clark name. */
function rootKeys(schema: SchemaDescriptor): Map<string, string> {
  const index = new Map<string, string>();
  for (const [key, e] of Object.entries(schema.elements)) {
    if (e.abs !== 1) index.set(`{${schema.ns[e.ns] ?? ''}}${e.n}`, key);
  }
  return index;
}

/** The fixed and default values of every element declaration of a schema descriptor, by Clark name. */
function valueConstraints(schema: SchemaDescriptor): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (ns: number, local: string, d: { d?: string; fx?: string }): void => {
    const v = d.fx ?? d.d;
    if (v === undefined) return;
    const name = `{${schema.ns[ns] ?? ''}}${local}`;
    out.set(name, [...(out.get(name) ?? []), v]);
  };
  for (const e of Object.values(schema.elements)) add(e.ns, e.n, e);
  const fields = (list: readonly FieldDescriptor[], typeNs: number): void => {
    for (const f of list) {
      if ('any' in f) continue;
      if ('c' in f) for (const branch of f.c) fields(branch, typeNs);
      else if ('l' in f) fields(f.f, typeNs);
      else if ('n' in f && f.n !== undefined) add(f.ns ?? typeNs, f.n, f);
      else if ('r' in f && f.r !== undefined) {
        const g = schema.elements[f.r];
        if (g !== undefined) add(g.ns, g.n, { ...g, ...(f.d !== undefined ? { d: f.d } : {}), ...(f.fx !== undefined ? { fx: f.fx } : {}) });
      }
    }
  };
  for (const t of Object.values(schema.types)) if (t.k === 'c' && t.f !== undefined) fields(t.f, t.ns ?? 0);
  return out;
}

/** The Clark name of a document's root element. */
function rootName(xml: string): string {
  const start = /<([^\s?!/>][^\s/>]*)/.exec(xml.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/g, ''));
  const qname = start?.[1] ?? '';
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const tagEnd = xml.indexOf('>', start === null ? 0 : xml.indexOf(start[0]));
  const tag = xml.slice(0, tagEnd);
  const decl = new RegExp(`xmlns${prefix === '' ? '' : `:${prefix}`}\\s*=\\s*(["'])(.*?)\\1`).exec(tag);
  return `{${decl?.[2] ?? ''}}${qname.slice(colon + 1)}`;
}

interface Written {
  instance: string;
  original: string;
  output: string | null;
  outcome: Omit<CaseOutcome, 'oracleRejectsOriginal'> | null;
}

function runInstances(p: Prepared, typecheckError: string | null): CaseOutcome[] {
  const { group } = p;
  const category = categoryOf(group);
  const base = { group: group.group, contributor: group.contributor, category };
  if (p.error !== null || p.schema === null) {
    return group.instances.map((instance) => ({ ...base, instance, stage: 'generate', message: p.error ?? '', oracleRejectsOriginal: false }));
  }
  const schema = p.schema;
  const roots = rootKeys(schema);
  const constraints = valueConstraints(schema);
  const written: Written[] = group.instances.map((instance) => {
    const bytes = readFileSync(join(w3cRoot, instance));
    const original = new TextDecoder(bytes[0] === 0xfe || bytes[0] === 0xff ? 'utf-16' : 'utf-8').decode(bytes);
    const fail = (stage: Stage, message: string): Written => ({ instance, original, output: null, outcome: { ...base, instance, stage, message } });
    const key = roots.get(rootName(original));
    if (key === undefined) return fail('decode', `root element ${rootName(original)} is not a global element of the schema`);
    const ref = elementRef<unknown>(schema, key);
    let value: unknown;
    try {
      value = decode(ref, bytes, { mode: 'strict' });
    } catch (e) {
      return fail('decode', messageOf(e));
    }
    let output: string;
    try {
      output = encode(ref, value);
    } catch (e) {
      return fail('encode', messageOf(e));
    }
    let difference: string | null;
    try {
      difference = typedDifference(original, output, constraints);
    } catch (e) {
      difference = `unreadable: ${messageOf(e)}`;
    }
    if (difference !== null) return { instance, original, output, outcome: { ...base, instance, stage: 'compare', message: difference } };
    if (typecheckError !== null) return { instance, original, output, outcome: { ...base, instance, stage: 'typecheck', message: typecheckError } };
    return { instance, original, output, outcome: null };
  });
  const validity = validate(group, written);
  return written.map((w, i) => {
    const v = validity[i] ?? { original: true, output: true, message: '' };
    const timedOut = v.timedOut === true ? { oracleTimedOut: true } : {};
    if (w.outcome !== null) return { ...w.outcome, oracleRejectsOriginal: !v.original, ...timedOut };
    if (!v.output && v.original) return { ...base, instance: w.instance, stage: 'validate', message: v.message, oracleRejectsOriginal: false };
    return { ...base, instance: w.instance, stage: null, message: '', oracleRejectsOriginal: !v.original, ...timedOut };
  });
}

/**
 * An XML catalog for xmllint (which must not fetch anything either): the remote locations of the
 * built-in catalog's schemas (xlink.xsd, xml.xsd…) map to their volet text, written once.
 */
const xmllintCatalog: string = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-w3c-catalog-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const entries = BUILTIN_SCHEMAS.flatMap((b) => {
    const file = join(dir, b.name);
    writeFileSync(file, b.text);
    const uri = pathToFileURL(file).href;
    return b.locations.map((l) => `<uri name="${l}" uri="${uri}"/><system systemId="${l}" uri="${uri}"/>`);
  });
  const catalog = join(dir, 'catalog.xml');
  writeFileSync(catalog, `<?xml version="1.0"?><catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">${entries.join('')}</catalog>`);
  return catalog;
})();

/** How long xmllint may take on one group. */
const XMLLINT_TIMEOUT_MS = 60_000;

interface Validity {
  original: boolean;
  output: boolean;
  message: string;
  timedOut?: boolean;
}

/** One xmllint run per group: each original and each output against the main schema. */
function validate(group: SuiteGroup, written: readonly Written[]): Validity[] {
  const dir = mkdtempSync(join(tmpdir(), 'volet-w3c-'));
  try {
    const files: string[] = [];
    written.forEach((w, i) => {
      files.push(join(w3cRoot, w.instance));
      if (w.output !== null) {
        const out = join(dir, `out${i}.xml`);
        writeFileSync(out, w.output, 'utf8');
        files.push(out);
      }
    });
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(w3cRoot, group.schemas[0] ?? ''), ...files], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: xmllintCatalog },
      maxBuffer: 64 * 1024 * 1024,
      // xmllint builds an automaton per content model: large occurrence bounds can take it minutes.
      timeout: XMLLINT_TIMEOUT_MS,
    });
    if (r.error !== undefined || r.signal !== null) {
      return written.map(() => ({ original: false, output: true, message: `xmllint gave no verdict in ${XMLLINT_TIMEOUT_MS / 1000} s`, timedOut: true }));
    }
    const text = `${r.stdout}${r.stderr}`;
    const lines = text.split('\n');
    const verdict = (file: string): { ok: boolean; message: string } => {
      const ok = lines.includes(`${file} validates`);
      const message = lines.find((l) => l.startsWith(`${file}:`)) ?? lines.find((l) => l.includes('schemas parser error')) ?? firstLine(text);
      return { ok, message: firstLine(message.replace(dir, '')) };
    };
    return written.map((w, i) => {
      const original = verdict(join(w3cRoot, w.instance));
      if (w.output === null) return { original: original.ok, output: true, message: '' };
      const output = verdict(join(dir, `out${i}.xml`));
      return { original: original.ok, output: output.ok, message: output.message };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the groups: generation and type-check by batches, then every instance. */
export function runGroups(groups: readonly SuiteGroup[], options: RunOptions = {}): CaseOutcome[] {
  const typecheck = options.typecheck ?? true;
  const batch = Math.max(1, options.batch ?? 60);
  const out: CaseOutcome[] = [];
  for (let start = 0; start < groups.length; start += batch) {
    const prepared = groups.slice(start, start + batch).map((g, i) => prepare(g, start + i, typecheck));
    const typecheckErrors = new Map<Prepared, string>();
    const folders = prepared.flatMap((p) => (p.folder === null ? [] : [p.folder]));
    if (folders.length > 0) {
      const byDir = new Map(prepared.flatMap((p) => (p.folder === null ? [] : [[p.folder.dir, p] as const])));
      for (const d of typecheckGenerated(folders)) {
        const owner = [...byDir.entries()].find(
          ([dir]) => resolve(d.file).startsWith(dir + '/') || d.file.includes(`/volet-w3c-typecheck/${dir.split('/').pop() ?? ''}/`),
        );
        if (owner !== undefined && !typecheckErrors.has(owner[1])) typecheckErrors.set(owner[1], `${d.file.split('/').pop() ?? ''}:${d.line}: ${d.message}`);
      }
    }
    for (const p of prepared) out.push(...runInstances(p, typecheckErrors.get(p) ?? null));
    options.progress?.(Math.min(groups.length, start + batch));
  }
  return out;
}

/** True when an outcome counts as passed. */
export function passed(c: CaseOutcome): boolean {
  return c.stage === null;
}
