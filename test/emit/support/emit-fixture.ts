/**
 * Test helpers for the emitters: wrap a schema in a one-operation WSDL, build its model through
 * the real front end (files in a temporary folder), emit, and type-check many emitted folders in
 * one compiler program (one program is much cheaper than one per test).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emitService, type EmitResult } from '../../../generator/emit/emit-service.js';
import type { GeneratedFile } from '../../../generator/generate/output.js';
import { typecheckGenerated } from '../../../generator/emit/typecheck.js';
import type { TypecheckDiagnostic } from '../../../generator/emit/typecheck-diagnostic.js';
import type { Model } from '../../../generator/model/model.js';
import { buildModel } from '../../../generator/pipeline.js';

/** The target namespace of {@link wsdlAround}. */
export const TNS = 'urn:volet:test:emit';

/**
 * A SOAP 1.2 document/literal WSDL whose schema (inline in `wsdl:types`, `tns` prefix bound to
 * {@link TNS}, qualified elements) is `schemaBody`, with one operation `Op` taking element
 * `tns:<input>` and returning `tns:<output>`.
 */
export function wsdlAround(schemaBody: string, input = 'Root', output = 'Root'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="${TNS}" xmlns:tns="${TNS}"
    xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types>
    <xs:schema targetNamespace="${TNS}" elementFormDefault="qualified">
${schemaBody}
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="OpRequest"><wsdl:part name="body" element="tns:${input}"/></wsdl:message>
  <wsdl:message name="OpResponse"><wsdl:part name="body" element="tns:${output}"/></wsdl:message>
  <wsdl:portType name="TestPortType">
    <wsdl:operation name="Op"><wsdl:input message="tns:OpRequest"/><wsdl:output message="tns:OpResponse"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="TestBinding" type="tns:TestPortType">
    <soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Op">
      <soap12:operation soapAction="urn:volet:test:emit:Op"/>
      <wsdl:input><soap12:body use="literal"/></wsdl:input>
      <wsdl:output><soap12:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="TestService">
    <wsdl:port name="TestPort" binding="tns:TestBinding"><soap12:address location="https://localhost/test"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}

/** A scratch folder removed by {@link Scratch.remove}. */
export class Scratch {
  readonly dir: string;
  constructor(prefix = 'volet-emit-') {
    this.dir = mkdtempSync(join(tmpdir(), prefix));
  }
  /** Writes `files` (relative path → text) under `sub` and returns the folder. */
  write(sub: string, files: Record<string, string>): string {
    const folder = join(this.dir, sub);
    for (const [name, text] of Object.entries(files)) {
      const path = join(folder, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    return folder;
  }
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Builds the model of `entry` among `files` written to a scratch folder. */
export function modelOf(scratch: Scratch, name: string, files: Record<string, string>, entry: string): Model {
  const folder = scratch.write(name, files);
  return buildModel([join(folder, entry)]);
}

/** Emits a model with a fixed header. */
export function emit(model: Model): EmitResult {
  return emitService(model, { version: 'test', inputsHash: '0'.repeat(64), source: 'test.wsdl' });
}

/** One emitted fixture: its files, by name, and (after {@link typecheckAll}) its compiler diagnostics. */
export interface Emitted {
  name: string;
  model: Model;
  files: Record<string, string>;
  result: EmitResult;
  diagnostics: TypecheckDiagnostic[];
}

/** Emits `model` as fixture `name`. */
export function emitted(name: string, model: Model): Emitted {
  const result = emit(model);
  const files: Record<string, string> = {};
  for (const f of result.files) files[f.path] = f.content;
  // The assertions read the generated declarations by kind: every schema module's types.ts as
  // one `types.ts`, the schema descriptor, element refs and port descriptors as one `descriptors.ts`.
  const joined = (test: (path: string) => boolean): string =>
    result.files
      .filter((f) => test(f.path))
      .map((f) => f.content)
      .join('\n');
  files['types.ts'] = joined((p) => /^schemas\/[^/]+\/types\.ts$/.test(p));
  files['descriptors.ts'] = joined((p) => p === 'schemas/schema.ts' || /^schemas\/[^/]+\/elements\.ts$/.test(p) || p === 'descriptors.ts');
  return { name, model, files, result, diagnostics: [] };
}

/** Type-checks every fixture's files in one program (under `root/<name>/`) and stores each one's diagnostics. */
export function typecheckAll(root: string, fixtures: readonly Emitted[]): void {
  const folders = fixtures.map((f) => ({ dir: join(root, 'out', f.name), files: f.result.files as GeneratedFile[] }));
  const all = typecheckGenerated(folders);
  const global = all.filter((d) => d.file === '');
  for (const f of fixtures) {
    const marker = `/out/${f.name}/`;
    f.diagnostics = [...global, ...all.filter((d) => d.file.replace(/\\/g, '/').includes(marker))];
  }
}

/** Diagnostics as readable lines (for assertion messages). */
export function describeDiagnostics(diagnostics: readonly TypecheckDiagnostic[]): string {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: TS${d.code} ${d.message}`).join('\n');
}

/** TypeScript text with comments and string literals blanked out (good enough for generated code). */
export function codeOnly(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'/g, (m) => (m.startsWith("'") ? "''" : ' '));
}

/** The lines of generated code that use the `any` type or Node's `Buffer` (empty: none). */
export function forbiddenTypes(text: string): string[] {
  return codeOnly(text)
    .split('\n')
    .filter((line) => /(?<!\$)\bany\b(?!\??\s*:)|\bBuffer\b|\bNodeJS\b/.test(line));
}
