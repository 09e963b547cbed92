/**
 * One node-soap golden case through `volet decode` → `volet encode` as the CLI does it (the same
 * runtime calls, in process): build the model of the case's soap.wsdl, decode request.xml /
 * response.xml leniently, encode back, compare canonically with the original and validate the body
 * elements (original and re-encoded) with xmllint against the WSDL's own schemas.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { envelopeText, inlineXopIncludes, splitSoapPayload } from '@volet/runtime/mtom';
import { decodeMessageJson, encodeMessageJson } from '../../../generator/cli/message-json.js';
import { buildModel, hasErrors } from '../../../generator/pipeline.js';
import { runtimeDescriptors, type RuntimeDescriptors } from '../../../generator/emit/runtime-descriptors.js';
import { difference, type CanonNode } from '../../codec/support/compare.js';
import { canonicalTyped, validateMessage, type SchemaImport } from '../../cli-codec/support/messages.js';
import { corpus } from '../../support/paths.js';
import { bodyElements } from './body-elements.js';
import { inlineSchemas } from './wsdl-schemas.js';

/** The folder of the golden cases. */
export const SAMPLES = corpus('node-soap', 'test', 'request-response-samples');

/** The case folders, sorted. */
export function caseNames(): string[] {
  return readdirSync(SAMPLES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The message files of a golden case. */
export const MESSAGE_FILES = ['request.xml', 'response.xml'] as const;

/** A loaded case: its descriptors and what xmllint can be given. */
export interface LoadedCase {
  readonly name: string;
  readonly descriptors: RuntimeDescriptors;
  /** Why the body is not validated (rpc style: the wrapper is not a schema element), or null. */
  readonly noValidation: string | null;
  /** The WSDL's inline schemas (temporary files). */
  readonly schemas: SchemaImport[];
}

/** What loading a case's WSDL gave. */
export type CaseLoad = { readonly loaded: LoadedCase } | { readonly error: string };

/** Builds the model and descriptors of a case; `dir` receives the extracted schemas. */
export function loadCase(name: string, dir: string): CaseLoad {
  const wsdl = join(SAMPLES, name, 'soap.wsdl');
  const model = buildModel([wsdl]);
  if (hasErrors(model.diagnostics)) {
    const first = model.diagnostics.find((d) => d.severity === 'error');
    return { error: first === undefined ? 'error' : `${basename(first.file)}:${first.line}:${first.column}: ${first.message}` };
  }
  const text = readFileSync(wsdl, 'utf8');
  const rpc = model.services.some((s) => s.ports.some((p) => p.operations.some((o) => o.style === 'rpc')));
  const noValidation = /use=["']encoded["']/.test(text)
    ? 'rpc/encoded (SOAP encoding has no schema for xmllint)'
    : rpc
      ? 'rpc/literal (the wrapper element is not a schema element)'
      : null;
  return { loaded: { name, descriptors: runtimeDescriptors(model), noValidation, schemas: inlineSchemas(wsdl, dir) } };
}

/** Validates each body element of an envelope (or a bare element) as a validation root. */
export function validateBody(xml: string, schemas: readonly SchemaImport[]): { ok: boolean; output: string } {
  const elements = bodyElements(xml) ?? [xml];
  if (elements.length === 0) return { ok: true, output: 'empty body' };
  const outputs: string[] = [];
  let ok = true;
  for (const el of elements) {
    const r = validateMessage(el, null, schemas);
    if (!r.ok) {
      ok = false;
      outputs.push(r.output.replace(/\/tmp\/[^:\s]+\//g, '').trim());
    }
  }
  return { ok, output: outputs.join('\n') };
}

const ENVELOPE_PARTS = new Set(['Envelope', 'Header', 'Body']);
const SOAP_NS = new Set(['{http://schemas.xmlsoap.org/soap/envelope/}', '{http://www.w3.org/2003/05/soap-envelope}']);

function soapPart(node: CanonNode): boolean {
  if ('text' in node) return false;
  const m = /^(\{[^}]*\})(.*)$/.exec(node.el);
  return m !== null && SOAP_NS.has(m[1]) && ENVELOPE_PARTS.has(m[2]);
}

/**
 * The original as the JSON form can carry it: the JSON envelope has no attributes on Envelope,
 * Header and Body (`soap:encodingStyle`), and no empty Header (`headers: []` writes none).
 */
export function envelopeFramingRemoved(node: CanonNode): CanonNode {
  if (!soapPart(node) || 'text' in node) return node;
  const kids = node.children.filter((c) => !(soapPart(c) && !('text' in c) && c.el.endsWith('}Header') && c.children.length === 0));
  return { el: node.el, attrs: [], children: kids.map((c) => (soapPart(c) ? envelopeFramingRemoved(c) : c)) };
}

/** The outcome of one message's round trip. */
export interface MessageOutcome {
  readonly file: string;
  /** A saved multipart/related (MTOM) body. */
  readonly multipart: boolean;
  /** Why the original is not well-formed XML (namespace-aware parse), or null. */
  readonly malformed: string | null;
  /** Where it stopped: decode or encode error, or the comparison (null difference = equivalent). */
  readonly stage: 'decode' | 'encode' | 'compare';
  /** Error message (decode/encode) or first difference (compare); null when equivalent. */
  readonly problem: string | null;
  /** Body blocks kept as raw XML by the decoder (not typed). */
  readonly rawBlocks: number;
  readonly typedBlocks: number;
  /** xmllint on the original's body elements; null when not validated. */
  readonly originalValid: { ok: boolean; output: string } | null;
  /** xmllint on the re-encoded body elements; null when not validated or not encoded. */
  readonly encodedValid: { ok: boolean; output: string } | null;
}

function blockKinds(json: unknown): { raw: number; typed: number } {
  const env = (json as { envelope?: { headers?: unknown[]; body?: unknown[]; fault?: { detail?: unknown[] } } }).envelope;
  const blocks = env === undefined ? [json] : [...(env.headers ?? []), ...(env.body ?? []), ...(env.fault?.detail ?? [])];
  let raw = 0;
  let typed = 0;
  for (const b of blocks) {
    if (typeof b === 'object' && b !== null && 'value' in b) typed++;
    else raw++;
  }
  return { raw, typed };
}

function message(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** Why `xml` is not well-formed (namespace-aware), or null. */
function notWellFormed(xml: string): string | null {
  try {
    canonicalTyped(xml);
    return null;
  } catch (err) {
    return message(err);
  }
}

/**
 * Runs one message file of a loaded case through decode → encode → compare → xmllint, as the CLI
 * does: a saved multipart/related body is split first (its XOP parts decoded as base64, which the
 * encoder writes inline, so the expected XML is the root part with its xop:Includes inlined).
 */
export function roundTripMessage(c: LoadedCase, file: string): MessageOutcome {
  const bytes = readFileSync(join(SAMPLES, c.name, file));
  let payload: ReturnType<typeof splitSoapPayload> | null = null;
  try {
    payload = splitSoapPayload(undefined, bytes);
  } catch {
    payload = null;
  }
  const multipart = payload !== null && payload.multipart;
  const original = payload !== null && payload.multipart ? inlineXopIncludes(envelopeText(payload), payload.attachments) : bytes.toString('utf8');
  const malformed = notWellFormed(original);
  const lint = (xml: string): { ok: boolean; output: string } | null => (c.noValidation === null ? validateBody(xml, c.schemas) : null);
  const originalValid = malformed !== null ? { ok: false, output: `not well-formed: ${malformed}` } : lint(original);
  const base = { file, multipart, malformed, rawBlocks: 0, typedBlocks: 0, originalValid, encodedValid: null };
  const options = { excludeElements: c.descriptors.rpcPartElements };
  let json: unknown;
  try {
    const input = payload !== null && payload.multipart ? envelopeText(payload) : bytes;
    json = decodeMessageJson(c.descriptors.schema, input, { ...options, mode: 'lenient', ...(payload !== null ? { attachments: payload.attachments } : {}) });
  } catch (err) {
    return { ...base, stage: 'decode', problem: message(err) };
  }
  const kinds = blockKinds(json);
  const counted = { ...base, rawBlocks: kinds.raw, typedBlocks: kinds.typed };
  let xml: string;
  try {
    xml = encodeMessageJson(c.descriptors.schema, json, options);
  } catch (err) {
    return { ...counted, stage: 'encode', problem: message(err) };
  }
  // The comparison drops whitespace-only text nodes, also those around a CDATA section, which are
  // part of the element's value: with CDATA in the original, text is compared trimmed (as for MTOM,
  // whose base64 the encoder writes without the original's indentation around xop:Include).
  const trimText = multipart || original.includes('<![CDATA[');
  const problem = difference(canonicalTyped(xml, { trimText }), envelopeFramingRemoved(canonicalTyped(original, { trimText })));
  return { ...counted, stage: 'compare', problem, encodedValid: lint(xml) };
}

/** The message files present in a case folder. */
export function messageFiles(name: string): string[] {
  return MESSAGE_FILES.filter((f) => existsSync(join(SAMPLES, name, f)));
}

/** A temporary folder for the extracted schemas; `dispose` removes it. */
export function scratchDir(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'volet-node-soap-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
