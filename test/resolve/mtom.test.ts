/**
 * `Operation.mtom` / `mtomResponse`: whether a message's body parts reach binary content marked with
 * `xmime:expectedContentTypes`, through the whole pipeline (load → parse → resolve → MTOM pass).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model, Operation } from '../../generator/model/model.js';
import { buildModel } from '../../generator/pipeline.js';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';
import { writeFiles } from '../xsd/support.js';

const XMIME = 'http://www.w3.org/2005/05/xmlmime';

/** Every operation of a model by name, with its two flags. */
function flags(model: Model): Record<string, [boolean, boolean]> {
  const out: Record<string, [boolean, boolean]> = {};
  for (const s of model.services) for (const p of s.ports) for (const op of p.operations) out[op.name] = [op.mtom, op.mtomResponse];
  return out;
}

function errorsOf(model: Model): string[] {
  return model.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}: ${d.message}`);
}

const SCHEMA = `
  <xs:element name="Direct"><xs:complexType><xs:sequence>
    <xs:element name="data" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream"/>
  </xs:sequence></xs:complexType></xs:element>

  <xs:complexType name="Bin"><xs:simpleContent>
    <xs:extension base="xs:base64Binary" xmime:expectedContentTypes="application/pdf"/>
  </xs:simpleContent></xs:complexType>
  <xs:complexType name="Inner"><xs:sequence><xs:element name="bytes" type="tns:Bin"/></xs:sequence></xs:complexType>
  <xs:element name="Nested"><xs:complexType><xs:sequence><xs:element name="inner" type="tns:Inner" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>

  <xs:element name="Plain"><xs:complexType><xs:sequence><xs:element name="data" type="xs:base64Binary"/></xs:sequence></xs:complexType></xs:element>

  <xs:complexType name="Base"><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="Carrier"><xs:complexContent><xs:extension base="tns:Base"><xs:sequence>
    <xs:element name="data" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream"/>
  </xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="Sibling"><xs:complexContent><xs:extension base="tns:Base"/></xs:complexContent></xs:complexType>
  <xs:complexType name="Extended"><xs:complexContent><xs:extension base="tns:Carrier"/></xs:complexContent></xs:complexType>
  <xs:element name="Polymorphic" type="tns:Base"/>
  <xs:element name="SiblingOnly" type="tns:Sibling"/>
  <xs:element name="Inherited" type="tns:Extended"/>

  <xs:element name="Head" abstract="true"/>
  <xs:element name="BinMember" substitutionGroup="tns:Head" type="xs:base64Binary" xmime:expectedContentTypes="image/png"/>
  <xs:element name="Substituted"><xs:complexType><xs:sequence><xs:element ref="tns:Head"/></xs:sequence></xs:complexType></xs:element>

  <xs:element name="Prohibited"><xs:complexType><xs:sequence>
    <xs:element name="data" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream" minOccurs="0" maxOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>

  <xs:complexType name="Tree"><xs:sequence><xs:element name="child" type="tns:Tree" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
  <xs:element name="Recursive" type="tns:Tree"/>

  <xs:element name="Marked" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream"/>`;

/** One document/literal operation `<input>To<output>`, optionally with a header part of the input. */
interface OpSpec {
  name: string;
  input: string;
  output: string | null;
  header?: string;
}

const OPS: OpSpec[] = [
  { name: 'Direct', input: 'Direct', output: 'Plain' },
  { name: 'Nested', input: 'Nested', output: 'Plain' },
  { name: 'Plain', input: 'Plain', output: 'Plain' },
  { name: 'Polymorphic', input: 'Polymorphic', output: 'Plain' },
  { name: 'SiblingOnly', input: 'SiblingOnly', output: 'Plain' },
  { name: 'Inherited', input: 'Inherited', output: 'Plain' },
  { name: 'Substituted', input: 'Substituted', output: 'Plain' },
  { name: 'Prohibited', input: 'Prohibited', output: 'Plain' },
  { name: 'Recursive', input: 'Recursive', output: 'Plain' },
  { name: 'GlobalMarked', input: 'Marked', output: 'Plain' },
  { name: 'Download', input: 'Plain', output: 'Nested' },
  { name: 'HeaderOnly', input: 'Plain', output: 'Plain', header: 'Marked' },
  { name: 'OneWay', input: 'Direct', output: null },
];

function fixtureWsdl(ops: readonly OpSpec[] = OPS): string {
  const messages = ops
    .map((o) => {
      const header = o.header === undefined ? '' : `<wsdl:part name="h" element="tns:${o.header}"/>`;
      const out = o.output === null ? '' : `<wsdl:message name="${o.name}Out"><wsdl:part name="body" element="tns:${o.output}"/></wsdl:message>`;
      return `<wsdl:message name="${o.name}In"><wsdl:part name="body" element="tns:${o.input}"/>${header}</wsdl:message>${out}`;
    })
    .join('\n  ');
  const portOps = ops
    .map(
      (o) =>
        `<wsdl:operation name="${o.name}"><wsdl:input message="tns:${o.name}In"/>${o.output === null ? '' : `<wsdl:output message="tns:${o.name}Out"/>`}</wsdl:operation>`,
    )
    .join('\n    ');
  const bindingOps = ops
    .map((o) => {
      const header = o.header === undefined ? '' : `<soap12:header message="tns:${o.name}In" part="h" use="literal"/>`;
      const body = o.header === undefined ? '<soap12:body use="literal"/>' : '<soap12:body use="literal" parts="body"/>';
      const out = o.output === null ? '' : '<wsdl:output><soap12:body use="literal"/></wsdl:output>';
      return `<wsdl:operation name="${o.name}"><soap12:operation soapAction="urn:m:${o.name}"/><wsdl:input>${body}${header}</wsdl:input>${out}</wsdl:operation>`;
    })
    .join('\n    ');
  // An rpc operation whose part is given by type reaches the cue through that type.
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions targetNamespace="urn:m" xmlns:tns="urn:m" xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xmime="${XMIME}">
  <wsdl:types>
    <xs:schema targetNamespace="urn:m" elementFormDefault="qualified">${SCHEMA}
    </xs:schema>
  </wsdl:types>
  ${messages}
  <wsdl:message name="RpcIn"><wsdl:part name="inner" type="tns:Inner"/></wsdl:message>
  <wsdl:message name="RpcOut"><wsdl:part name="ok" type="xs:boolean"/></wsdl:message>
  <wsdl:portType name="PT">
    ${portOps}
    <wsdl:operation name="Rpc"><wsdl:input message="tns:RpcIn"/><wsdl:output message="tns:RpcOut"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="B" type="tns:PT">
    <soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    ${bindingOps}
    <wsdl:operation name="Rpc"><soap12:operation soapAction="urn:m:Rpc" style="rpc"/>
      <wsdl:input><soap12:body use="literal" namespace="urn:m:rpc"/></wsdl:input>
      <wsdl:output><soap12:body use="literal" namespace="urn:m:rpc"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"><soap12:address location="https://localhost/m"/></wsdl:port></wsdl:service>
</wsdl:definitions>
`;
}

test('fixture: what reaches the cue, through types, derivation, substitution, rpc parts; what does not', () => {
  const dir = writeFiles({ 'm.wsdl': fixtureWsdl() });
  const model = buildModel([join(dir, 'm.wsdl')]);
  assert.deepEqual(errorsOf(model), []);
  assert.deepEqual(flags(model), {
    Direct: [true, false], // a marked local element
    Nested: [true, false], // an optional element, two types down, whose simple-content type carries the cue
    Plain: [false, false], // base64Binary without the cue
    Polymorphic: [true, false], // the declared type's derived type (xsi:type) carries it
    SiblingOnly: [false, false], // a type derived from the same base does not
    Inherited: [true, false], // content inherited by extension
    Substituted: [true, false], // a substitution group member
    Prohibited: [false, false], // maxOccurs="0": never present
    Recursive: [false, false], // a recursive type: the walk ends
    GlobalMarked: [true, false], // the body part's element itself
    Download: [false, true], // only the response carries documents
    HeaderOnly: [false, false], // header parts are not followed
    OneWay: [true, false],
    Rpc: [true, false], // a part given by type
  });
});

test('fixture: the same flags whatever the order of the operations (later walks reuse what a walk that found nothing explored)', () => {
  const expected = flags(buildModel([join(writeFiles({ 'm.wsdl': fixtureWsdl() }), 'm.wsdl')]));
  // Reversed, SiblingOnly explores the content of Base before Polymorphic declares Base: Polymorphic
  // must still follow Base's derived types (Carrier carries the cue).
  for (const ops of [[...OPS].reverse(), [...OPS.slice(4), ...OPS.slice(0, 4)]]) {
    const model = buildModel([join(writeFiles({ 'm.wsdl': fixtureWsdl(ops) }), 'm.wsdl')]);
    assert.deepEqual(errorsOf(model), []);
    assert.deepEqual(flags(model), expected);
  }
});

test('volet wsdl/: ITI-41 sends MTOM, ITI-43 receives it; the registry and INSi use none', () => {
  const repository = buildModel([join(repoRoot, 'wsdl', 'xds', 'document-repository.wsdl')]);
  assert.deepEqual(errorsOf(repository), []);
  assert.deepEqual(flags(repository), {
    ProvideAndRegisterDocumentSet: [true, false],
    RetrieveDocumentSet: [false, true],
  });
  for (const entry of [
    ['xds', 'document-registry.wsdl'],
    ['insi', 'insi.wsdl'],
  ]) {
    const model = buildModel([join(repoRoot, 'wsdl', ...entry)]);
    const ops: Operation[] = model.services.flatMap((s) => s.ports.flatMap((p) => p.operations));
    assert.ok(ops.length > 0);
    assert.ok(
      ops.every((o) => !o.mtom && !o.mtomResponse),
      entry.join('/'),
    );
  }
});

const DMP_WSDL = ['dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRepository.wsdl'];

function reasons(model: Model): Record<string, Operation['mtomReason']> {
  const out: Record<string, Operation['mtomReason']> = {};
  for (const s of model.services) for (const p of s.ports) for (const op of p.operations) out[op.name] = op.mtomReason;
  return out;
}

test('corpus: the DMP repository WSDL as shipped has no xmime cue: MTOM from the IHE actions (ITI-41 request, ITI-43 response)', {
  skip: corpusSkipReason,
}, () => {
  const model = buildModel([corpus(...DMP_WSDL)]);
  assert.deepEqual(errorsOf(model), []);
  assert.deepEqual(flags(model), {
    DocumentRepository_RetrieveDocumentSet: [false, true],
    'DocumentRepository_ProvideAndRegisterDocumentSet-b': [true, false],
  });
  assert.deepEqual(reasons(model), {
    DocumentRepository_RetrieveDocumentSet: { input: 'none', output: 'ihe-action' },
    'DocumentRepository_ProvideAndRegisterDocumentSet-b': { input: 'ihe-action', output: 'none' },
  });
});

test('corpus: a per-operation mtom setting overrides the IHE default; an unknown operation is an error naming the nearest', { skip: corpusSkipReason }, () => {
  const off = buildModel([corpus(...DMP_WSDL)], {
    mtom: {
      operations: { 'DocumentRepository_ProvideAndRegisterDocumentSet-b': false, DocumentRepository_RetrieveDocumentSet: true },
      file: 'volet.config.json',
      path: 'services[0].mtom',
    },
  });
  assert.deepEqual(errorsOf(off), []);
  assert.deepEqual(flags(off), {
    DocumentRepository_RetrieveDocumentSet: [true, true],
    'DocumentRepository_ProvideAndRegisterDocumentSet-b': [false, false],
  });
  assert.equal(reasons(off)['DocumentRepository_ProvideAndRegisterDocumentSet-b'].input, 'config');
  const typo = buildModel([corpus(...DMP_WSDL)], {
    mtom: { operations: { DocumentRepository_RetreiveDocumentSet: true }, file: 'volet.config.json', path: 'services[0].mtom' },
  });
  assert.deepEqual(errorsOf(typo), [
    'volet.config.json:0: services[0].mtom: no operation "DocumentRepository_RetreiveDocumentSet" in this description (did you mean DocumentRepository_RetrieveDocumentSet?)',
  ]);
});

test('corpus: the same WSDL over the DMP MTOM schema variant: ITI-41 request and ITI-43 response, from the xmime cue', { skip: corpusSkipReason }, () => {
  // The corpus WSDL itself, with its relative schema locations made absolute and the IHE schema
  // swapped for its MTOM variant; written to a temporary folder at test time, never to the repository.
  const schemaDir = corpus('dmp-annexe-wsdl-schema', 'schema');
  const text = readFileSync(corpus(...DMP_WSDL), 'utf8');
  const swapped = text
    .replaceAll('../schema/IHE/XDS.b_DocumentRepository.xsd', join(schemaDir, 'IHE', 'XDS.b_DocumentRepository-MTOM_CXF.xsd'))
    .replaceAll('../schema/', `${schemaDir}/`);
  assert.notEqual(swapped, text);
  const dir = writeFiles({ 'repository-mtom.wsdl': swapped });
  const model = buildModel([join(dir, 'repository-mtom.wsdl')]);
  assert.deepEqual(errorsOf(model), []);
  assert.ok(model.sources.some((s) => s.endsWith('XDS.b_DocumentRepository-MTOM_CXF.xsd')));
  assert.deepEqual(flags(model), {
    DocumentRepository_RetrieveDocumentSet: [false, true],
    'DocumentRepository_ProvideAndRegisterDocumentSet-b': [true, false],
  });
});
