import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoadResult } from '../../generator/load/types.js';
import { parseLightTree } from '../../generator/load/xml-tree-reader.js';
import type { Diagnostic } from '../../generator/model/model.js';
import { parseWsdl } from '../../generator/parse/wsdl/parse-wsdl.js';
import { definitions, errors, parseOne, positionOf } from './inline.js';

/** One error, with its code, at the position of `marker` (optionally searched after `from`). */
function assertOneErrorAt(diagnostics: Diagnostic[], text: string, code: string, marker: string, from?: string): Diagnostic {
  const errs = errors(diagnostics);
  assert.equal(errs.length, 1, JSON.stringify(errs, null, 2));
  const [e] = errs;
  assert.ok(e);
  assert.equal(e.code, code);
  assert.equal(e.file, 'test.wsdl');
  assert.deepEqual({ line: e.line, column: e.column }, positionOf(text, marker, from));
  return e;
}

const OK_BODY = `<wsdl:message name="M"><wsdl:part name="p" element="tns:E"/></wsdl:message>
  <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
  <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
    <wsdl:operation name="Op"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`;

test('the reference WSDL of these tests is clean', () => {
  assert.deepEqual(parseOne(definitions('urn:t', OK_BODY)).diagnostics, []);
});

test('missing message → error at the message attribute', () => {
  const text = definitions('urn:t', OK_BODY.replace('<wsdl:input message="tns:M"/>', '<wsdl:input message="tns:Nope"/>'));
  const e = assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-missing-message', '"tns:Nope"');
  assert.match(e.message, /message \{urn:t\}Nope is not defined/);
});

test('missing port type → error at the binding type attribute', () => {
  const text = definitions('urn:t', OK_BODY.replace('type="tns:PT"', 'type="tns:Nope"'));
  assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-missing-port-type', '"tns:Nope"');
});

test('missing binding → error at the port binding attribute', () => {
  const text = definitions('urn:t', OK_BODY.replace('binding="tns:Bd"', 'binding="tns:Nope"'));
  const { services, diagnostics } = parseOne(text);
  assertOneErrorAt(diagnostics, text, 'wsdl-missing-binding', '"tns:Nope"');
  assert.deepEqual(services[0]?.ports, []);
});

test('unresolved prefix → error at the attribute', () => {
  const text = definitions('urn:t', OK_BODY.replace('element="tns:E"', 'element="nope:E"'));
  const e = assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-unresolved-prefix', '"nope:E"');
  assert.match(e.message, /prefix 'nope' is not declared/);
});

test('part with neither element nor type → error at the part', () => {
  const text = definitions('urn:t', OK_BODY.replace('<wsdl:part name="p" element="tns:E"/>', '<wsdl:part name="p"/>'));
  assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-part-no-element-or-type', '<wsdl:part name="p"/>');
});

test('operation in the binding but not in the port type → error at the binding operation', () => {
  const text = definitions('urn:t', OK_BODY.replace('</wsdl:operation></wsdl:binding>', '</wsdl:operation><wsdl:operation name="Extra"/></wsdl:binding>'));
  const e = assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-operation-not-in-port-type', '<wsdl:operation name="Extra"/>');
  assert.match(e.message, /operation 'Extra'/);
});

test('operation in the port type but not in the binding → warning, skipped', () => {
  const text = definitions(
    'urn:t',
    OK_BODY.replace(
      '</wsdl:operation></wsdl:portType>',
      '</wsdl:operation><wsdl:operation name="Unbound"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>',
    ),
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(diagnostics.filter((d) => d.code === 'wsdl-operation-not-bound').length, 1);
  assert.deepEqual(
    services[0]?.ports[0]?.operations.map((o) => o.name),
    ['Op'],
  );
});

test('soap:body parts= naming a part the message lacks → error', () => {
  const text = definitions('urn:t', OK_BODY.replace('<soap:body use="literal"/>', '<soap:body parts="zz" use="literal"/>'));
  assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-missing-part', '"zz"');
});

test('soap:header naming a missing part → error', () => {
  const text = definitions(
    'urn:t',
    OK_BODY.replace('<soap:body use="literal"/>', '<soap:body use="literal"/><soap:header message="tns:M" part="h" use="literal"/>'),
  );
  assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-missing-part', '"h"');
});

test('an unprefixed QName takes the default namespace; when that names nothing, the target namespace is tried with a warning', () => {
  const text = definitions('urn:t', OK_BODY.replace('type="tns:PT"', 'type="PT"'));
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(errors(diagnostics), []);
  const warnings = diagnostics.filter((d) => d.code === 'wsdl-unprefixed-reference');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]?.message ?? '', /resolves to \{\}PT, which is not defined; \{urn:t\}PT/);
  assert.deepEqual({ line: warnings[0]?.line, column: warnings[0]?.column }, positionOf(text, '"PT"', 'type="PT"'));
  assert.equal(services[0]?.ports[0]?.portType, '{urn:t}PT');
});

test('an unprefixed QName that names nothing in either namespace is an error', () => {
  const text = definitions('urn:t', OK_BODY.replace('type="tns:PT"', 'type="Nope"'));
  const e = assertOneErrorAt(parseOne(text).diagnostics, text, 'wsdl-missing-port-type', '"Nope"');
  assert.match(e.message, /port type \{\}Nope of binding \{urn:t\}Bd is not defined/);
});

test('a description without wsdl:service: warning', () => {
  const text = definitions('urn:t', OK_BODY.replace(/<wsdl:service[\s\S]*<\/wsdl:service>/, ''));
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(services, []);
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.code]),
    [['warning', 'wsdl-no-service']],
  );
});

test('a WSDL 2.0 description is an error, not an exception', () => {
  const root = parseLightTree('<description xmlns="http://www.w3.org/ns/wsdl"/>');
  const doc = { path: '/x.wsdl', displayPath: 'x.wsdl', kind: 'wsdl' as const, root };
  const loaded: LoadResult = { wsdlDocuments: [doc], schemas: [], documents: [doc], diagnostics: [], redefinitions: [] };
  const diagnostics: Diagnostic[] = [];
  assert.deepEqual(parseWsdl(loaded, diagnostics), []);
  assert.equal(diagnostics[0]?.code, 'wsdl-version');
  assert.deepEqual([diagnostics[0]?.file, diagnostics[0]?.line, diagnostics[0]?.column], ['x.wsdl', 1, 1]);
});

test('a description made of schemas only has no services and no diagnostics', () => {
  const loaded: LoadResult = { wsdlDocuments: [], schemas: [], documents: [], diagnostics: [], redefinitions: [] };
  const diagnostics: Diagnostic[] = [];
  assert.deepEqual(parseWsdl(loaded, diagnostics), []);
  assert.deepEqual(diagnostics, []);
});

test('missing names and attributes are errors, never exceptions', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message><wsdl:part name="p" element="tns:E"/></wsdl:message>
     <wsdl:message name="M"><wsdl:part element="tns:E"/><wsdl:part name="x" element="tns:E"/><wsdl:part name="x" element="tns:F"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="A"/><wsdl:operation><wsdl:input message="tns:M"/></wsdl:operation>
       <wsdl:operation name="B"><wsdl:input/><wsdl:fault/></wsdl:operation></wsdl:portType>
     <wsdl:binding type="tns:PT"/>
     <wsdl:binding name="Bd"><soap:binding/></wsdl:binding>
     <wsdl:service><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>
     <wsdl:service name="S"><wsdl:port binding="tns:Bd"/><wsdl:port name="Q"/><wsdl:port name="R" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.ok(errors(diagnostics).length >= 10, JSON.stringify(diagnostics, null, 2));
  assert.ok(diagnostics.every((d) => d.file === 'test.wsdl' && d.line > 1));
  assert.deepEqual(
    services.map((s) => [s.name, s.ports.length]),
    [['S', 0]],
  );
});
