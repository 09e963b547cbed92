/**
 * Injection through names: a WSDL whose operations, messages, parts, types, elements, attributes,
 * port, binding and service are named `__proto__`, `constructor`, `toString`, `hasOwnProperty`,
 * `valueOf`, `prototype`, read from a file whose name holds newlines (which reach the `//` header
 * comment of every generated file). The output must type-check, keep every operation in its
 * descriptor map (a `__proto__` key once replaced the map's prototype instead), keep the header a
 * comment, and encode/decode values whose properties carry those names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OperationDescriptor, Transport, TransportRequest, TransportResponse } from '@volet/runtime';
import { generate, writeRun } from '../../generator/generate/generate.js';
import { repoScratch, transpileFolder } from '../e2e-runtime/support/generated-clients.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const TNS = 'urn:volet:test:hostile';

function hostileWsdl(): string {
  const elements = NAMES.map((n) => `<xs:element name="${n}" type="tns:${n}"/>`).join('');
  const fields = NAMES.map((m) => `<xs:element name="${m}" type="xs:string" minOccurs="0"/>`).join('');
  const attributes = NAMES.map((m) => `<xs:attribute name="${m}" type="xs:string"/>`).join('');
  const types = NAMES.map((n) => `<xs:complexType name="${n}"><xs:sequence>${fields}</xs:sequence>${attributes}</xs:complexType>`).join('');
  const messages = NAMES.map((n) => `<wsdl:message name="${n}"><wsdl:part name="${n}" element="tns:${n}"/></wsdl:message>`).join('');
  const ops = NAMES.map(
    (n) =>
      `<wsdl:operation name="${n}"><wsdl:input message="tns:${n}"/><wsdl:output message="tns:${n}"/><wsdl:fault name="${n}" message="tns:${n}"/></wsdl:operation>`,
  ).join('');
  const bindingOps = NAMES.map(
    (n) =>
      `<wsdl:operation name="${n}"><soap12:operation soapAction="urn:${n}"/><wsdl:input><soap12:body use="literal"/></wsdl:input>` +
      `<wsdl:output><soap12:body use="literal"/></wsdl:output><wsdl:fault name="${n}"><soap12:fault name="${n}" use="literal"/></wsdl:fault></wsdl:operation>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions name="__proto__" targetNamespace="${TNS}" xmlns:tns="${TNS}" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <wsdl:types><xs:schema targetNamespace="${TNS}" elementFormDefault="qualified">${elements}${types}</xs:schema></wsdl:types>
  ${messages}
  <wsdl:portType name="__proto__">${ops}</wsdl:portType>
  <wsdl:binding name="constructor" type="tns:__proto__"><soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>${bindingOps}</wsdl:binding>
  <wsdl:service name="toString"><wsdl:port name="__proto__" binding="tns:constructor"><soap12:address location="https://localhost/x"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`;
}

/** Answers every request with its own envelope (the output element of each operation is its input element). */
class EchoTransport implements Transport {
  async send(request: TransportRequest): Promise<TransportResponse> {
    const chunks = Array.isArray(request.body) ? (request.body as readonly (string | Uint8Array)[]) : [request.body as string | Uint8Array];
    const body = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
    return { status: 200, headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body };
  }
}

test('a WSDL made of __proto__, constructor, toString… from a file name with newlines generates code that compiles and works', async () => {
  const dir = repoScratch('hostile-');
  // A newline in a file name reaches the `//` header of every generated file (not possible on Windows).
  const fileName = process.platform === 'win32' ? 'evil name.wsdl' : 'evil\ninjected();\n\u2028x\u202e.wsdl';
  mkdirSync(join(dir, 'in'));
  const wsdl = join(dir, 'in', fileName);
  writeFileSync(wsdl, hostileWsdl());
  const out = join(dir, 'out');
  const result = generate({ services: [{ name: 'hostile', wsdl: [wsdl], out }], baseDir: dir, catalog: [], typecheck: true, version: 'test' });
  const service = result.services[0];
  assert.deepEqual(
    service.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  assert.ok(service.files !== null);
  assert.deepEqual(result.typecheckDiagnostics, [], 'the generated code type-checks');
  assert.equal(result.typechecked, true);
  writeRun(result);

  // The header stays a comment: every line of the first block (up to the first blank line) is a `//` line.
  for (const name of readdirSync(out).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(out, name), 'utf8');
    const head = text.slice(0, text.indexOf('\n\n'));
    assert.match(head, /^\/\/ @generated by volet/);
    for (const line of head.split('\n')) assert.ok(line.startsWith('//') || line === '/* eslint-disable */', `${name}: header line ${JSON.stringify(line)}`);
    assert.doesNotMatch(text, /^injected\(\);$/m);
    assert.doesNotMatch(text, /[\u2028\u202e]/);
  }

  if (result.schemas !== null) transpileFolder(result.schemas.out);
  transpileFolder(out);
  const mod = (await import(pathToFileURL(join(out, 'index.js')).href)) as Record<string, unknown>;
  // Every operation is an own entry of the port's map, `__proto__` included, and the map's prototype is untouched.
  const ports = Object.values(mod).filter(
    (v): v is { operations: Record<string, OperationDescriptor> } => typeof v === 'object' && v !== null && 'operations' in v,
  );
  assert.equal(ports.length, 1);
  const operations = ports[0].operations;
  assert.deepEqual(Object.keys(operations).sort(), [...NAMES].sort());
  for (const name of NAMES) assert.equal(Object.getOwnPropertyDescriptor(operations, name)?.value?.name, name);
  const proto: unknown = Object.getPrototypeOf(operations);
  assert.ok(proto === Object.prototype || proto === null);

  // The client works with such names, and values whose properties are named so round-trip.
  const Client = Object.values(mod).find(
    (v): v is new (o: object) => { soap: { call(op: string, body: unknown): Promise<unknown>; close(): void } } =>
      typeof v === 'function' && /Client$/.test((v as { name: string }).name),
  );
  assert.ok(Client !== undefined);
  const client = new Client({ endpoint: 'https://localhost/x', transport: new EchoTransport(), relatesTo: 'off' });
  const schema = mod.schema as { types: Record<string, { f: { p?: string; n: string }[]; a?: { p?: string; n: string }[] }> };
  const type = Object.getOwnPropertyDescriptor(schema.types, '__proto__')?.value as (typeof schema.types)[string];
  assert.ok(type !== undefined, 'type __proto__ is an own entry of the schema');
  for (const op of NAMES) {
    const value = Object.create(null) as Record<string, string>;
    for (const f of type.f) value[f.p ?? f.n] = `e-${f.n}`;
    for (const a of type.a ?? []) value[a.p ?? a.n] = `a-${a.n}`;
    const answer = await client.soap.call(op, { ...value });
    assert.deepEqual({ ...(answer as Record<string, string>) }, { ...value }, op);
  }
  // Absent properties stay absent: `constructor`, `toString`… are not read from Object.prototype.
  assert.deepEqual(await client.soap.call('toString', {}), {});
  assert.deepEqual(await client.soap.call('valueOf', { toString: 'only' }), { toString: 'only' });
  client.soap.close();
});
