import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic, ElementDeclaration, SchemaModel, SimpleTypeDefinition } from '../../generator/model/model.js';
import { serviceRoots } from '../../generator/parse/wsdl/service-roots.js';
import { checkServiceReferences } from '../../generator/parse/wsdl/check-references.js';
import { definitions, parseOne, positionOf } from './inline.js';

const at = { file: 'x.xsd', line: 1, column: 1 };

function element(name: string): ElementDeclaration {
  return {
    name,
    type: '{http://www.w3.org/2001/XMLSchema}string',
    tsName: name,
    nillable: false,
    abstract: false,
    substitutionGroup: null,
    substitutionMembers: [],
    block: [],
    final: [],
    identityConstraints: [],
    source: at,
    reached: true,
  };
}

function simpleType(name: string): SimpleTypeDefinition {
  return {
    kind: 'simple',
    id: name,
    name,
    tsName: name,
    source: at,
    reached: true,
    variety: 'atomic',
    base: '{http://www.w3.org/2001/XMLSchema}string',
    primitive: 'string',
    builtin: 'string',
    facets: {},
    final: [],
  };
}

const TEXT = definitions(
  'urn:t',
  `<wsdl:message name="In">
     <wsdl:part name="body" element="tns:Req"/>
     <wsdl:part name="h1" element="h:Ctx"/>
     <wsdl:part name="hf" element="h:CtxFault"/>
   </wsdl:message>
   <wsdl:message name="Out"><wsdl:part name="body" element="tns:Res"/></wsdl:message>
   <wsdl:message name="Rpc"><wsdl:part name="a" type="xs:string"/><wsdl:part name="b" type="tns:Code"/><wsdl:part name="c" type="tns:Missing"/><wsdl:part name="d" type="xs:strng"/></wsdl:message>
   <wsdl:message name="F"><wsdl:part name="f" element="tns:Fault"/></wsdl:message>
   <wsdl:portType name="PT">
     <wsdl:operation name="Op"><wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/><wsdl:fault name="F" message="tns:F"/></wsdl:operation>
     <wsdl:operation name="RpcOp"><wsdl:input message="tns:Rpc"/></wsdl:operation>
   </wsdl:portType>
   <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
     <wsdl:operation name="Op">
       <wsdl:input><soap:body parts="body" use="literal"/>
         <soap:header message="tns:In" part="h1" use="literal"><soap:headerfault message="tns:In" part="hf" use="literal"/></soap:header>
       </wsdl:input>
       <wsdl:output><soap:body use="literal"/></wsdl:output>
       <wsdl:fault name="F"><soap:fault name="F" use="literal"/></wsdl:fault>
     </wsdl:operation>
     <wsdl:operation name="RpcOp"><soap:operation style="rpc"/><wsdl:input><soap:body use="literal" namespace="urn:t"/></wsdl:input></wsdl:operation>
   </wsdl:binding>
   <wsdl:service name="S">
     <wsdl:port name="P1" binding="tns:Bd"/>
     <wsdl:port name="P2" binding="tns:Bd"/>
   </wsdl:service>`,
  'xmlns:h="urn:h"',
);

test('serviceRoots: body, header, headerfault and fault elements, and non-built-in types, each once, sorted', () => {
  const { services } = parseOne(TEXT);
  assert.deepEqual(serviceRoots(services), {
    elements: ['{urn:h}Ctx', '{urn:h}CtxFault', '{urn:t}Fault', '{urn:t}Req', '{urn:t}Res'],
    types: ['{urn:t}Code', '{urn:t}Missing'],
  });
});

test('checkServiceReferences: an undeclared element or type is an error at its part', () => {
  const { services } = parseOne(TEXT);
  const schema: SchemaModel = {
    namespaces: ['urn:t'],
    types: [simpleType('{urn:t}Code')],
    elements: [element('{urn:t}Req'), element('{urn:t}Res'), element('{urn:t}Fault')],
    attributes: [],
  };
  const diagnostics: Diagnostic[] = [];
  checkServiceReferences(services, schema, diagnostics);
  // Each problem once even though two ports share the binding (identical diagnostics collapse when sorted).
  const unique = [...new Map(diagnostics.map((d) => [JSON.stringify(d), d])).values()];
  const found = unique.map((d) => ({ code: d.code, line: d.line, column: d.column, message: d.message }));
  const pos = (marker: string): { line: number; column: number } => positionOf(TEXT, marker);
  const expected = [
    {
      code: 'wsdl-undeclared-type',
      ...pos('<wsdl:part name="c"'),
      message: "part 'c' of message {urn:t}Rpc refers to type {urn:t}Missing, which no loaded schema declares",
    },
    {
      code: 'wsdl-undeclared-type',
      ...pos('<wsdl:part name="d"'),
      message: "part 'd' of message {urn:t}Rpc refers to type {http://www.w3.org/2001/XMLSchema}strng, which is not an XML Schema built-in type",
    },
    {
      code: 'wsdl-undeclared-element',
      ...pos('<wsdl:part name="h1"'),
      message:
        "header part 'h1' of message {urn:t}In refers to element {urn:h}Ctx, which no loaded schema declares (no schema for namespace 'urn:h' was loaded)",
    },
    {
      code: 'wsdl-undeclared-element',
      ...pos('<wsdl:part name="hf"'),
      message:
        "header fault part 'hf' of message {urn:t}In refers to element {urn:h}CtxFault, which no loaded schema declares (no schema for namespace 'urn:h' was loaded)",
    },
  ];
  const byMessage = (a: { message: string }, b: { message: string }): number => (a.message < b.message ? -1 : 1);
  assert.deepEqual(found.sort(byMessage), expected.sort(byMessage));
  assert.equal(unique.length, 4);
  assert.ok(unique.every((d) => d.severity === 'error' && d.file === 'test.wsdl'));
});

test('checkServiceReferences: nothing to report when the schema declares everything', () => {
  const { services } = parseOne(TEXT);
  const schema: SchemaModel = {
    namespaces: ['urn:h', 'urn:t'],
    types: [simpleType('{urn:t}Code'), simpleType('{urn:t}Missing')],
    elements: ['{urn:h}Ctx', '{urn:h}CtxFault', '{urn:t}Req', '{urn:t}Res', '{urn:t}Fault'].map(element),
    attributes: [],
  };
  const diagnostics: Diagnostic[] = [];
  checkServiceReferences(services, schema, diagnostics);
  // xs:strng is still not a built-in.
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['wsdl-undeclared-type', 'wsdl-undeclared-type'],
  );
});

test('the model is plain data: JSON round trip is the identity', () => {
  const { services } = parseOne(TEXT);
  assert.deepEqual(JSON.parse(JSON.stringify(services)), services);
});
