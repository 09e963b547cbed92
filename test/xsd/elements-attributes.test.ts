import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementByName, elementTerms, errors, particleOf, runFiles, runSchema, schema, xs } from './support.js';

test('elementFormDefault/attributeFormDefault and form give the wire names', () => {
  const body = `
  <xs:complexType name="T">
    <xs:sequence>
      <xs:element name="q" type="xs:string"/>
      <xs:element name="u" type="xs:string" form="unqualified"/>
      <xs:element name="f" type="xs:string" form="qualified"/>
    </xs:sequence>
    <xs:attribute name="a" type="xs:string"/>
    <xs:attribute name="b" type="xs:string" form="qualified"/>
    <xs:attribute name="c" type="xs:string" form="unqualified"/>
  </xs:complexType>`;
  const qualified = runSchema(schema(body, 'targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified" attributeFormDefault="qualified"'));
  const t1 = complexType(qualified.model, '{urn:t}T');
  assert.deepEqual(
    elementTerms(particleOf(t1)).map((e) => e.name),
    ['{urn:t}q', '{}u', '{urn:t}f'],
  );
  assert.deepEqual(
    t1.attributes.map((a) => a.name),
    ['{urn:t}a', '{urn:t}b', '{}c'],
  );
  const unqualified = runSchema(schema(body, 'targetNamespace="urn:t" xmlns:t="urn:t"'));
  const t2 = complexType(unqualified.model, '{urn:t}T');
  assert.deepEqual(
    elementTerms(particleOf(t2)).map((e) => e.name),
    ['{}q', '{}u', '{urn:t}f'],
  );
  assert.deepEqual(
    t2.attributes.map((a) => a.name),
    ['{}a', '{urn:t}b', '{}c'],
  );
});

test('element references carry the global declaration and its properties', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:element name="Note" type="xs:string" nillable="true" default="n/a">
    <xs:annotation><xs:documentation>A note.</xs:documentation></xs:annotation>
  </xs:element>
  <xs:element name="Fixed" type="xs:string" fixed="F"/>
  <xs:element name="Untyped"/>
  <xs:complexType name="T">
    <xs:sequence>
      <xs:element ref="t:Note" minOccurs="0"/>
      <xs:element ref="t:Fixed"/>
      <xs:element ref="t:Untyped"/>
      <xs:element name="local" nillable="true" default="x" type="xs:string"/>
    </xs:sequence>
  </xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const [note, fixed, untyped, local] = elementTerms(particleOf(complexType(model, '{urn:t}T')));
  assert.deepEqual(
    {
      name: note.name,
      ref: note.ref,
      type: note.type,
      nillable: note.nillable,
      default: note.default,
      abstract: note.abstract,
      documentation: note.documentation,
    },
    { name: '{urn:t}Note', ref: '{urn:t}Note', type: xs('string'), nillable: true, default: 'n/a', abstract: false, documentation: 'A note.' },
  );
  assert.equal(fixed.fixed, 'F');
  assert.equal(untyped.type, xs('anyType'));
  assert.equal(local.ref, null);
  assert.equal(local.nillable, true);
  assert.equal(local.default, 'x');
  assert.equal(local.abstract, undefined);
  const decl = elementByName(model, '{urn:t}Note');
  assert.equal(decl.nillable, true);
  assert.equal(decl.default, 'n/a');
  assert.equal(decl.documentation, 'A note.');
  assert.equal(elementByName(model, '{urn:t}Untyped').type, xs('anyType'));
});

test('global attributes, attribute references (xml:lang through the built-in catalog), use, default, fixed, ID/IDREF', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:import namespace="http://www.w3.org/XML/1998/namespace"/>
  <xs:attribute name="version" type="xs:string" default="1.0"/>
  <xs:attribute name="untyped"/>
  <xs:complexType name="T">
    <xs:attribute ref="t:version"/>
    <xs:attribute ref="t:version" use="required" fixed="2.0"/>
    <xs:attribute ref="xml:lang"/>
    <xs:attribute name="id" type="xs:ID" use="required"/>
    <xs:attribute name="refs" type="xs:IDREFS"/>
    <xs:attribute name="ref" type="xs:IDREF" default="a"/>
  </xs:complexType>`),
  );
  const dup = diagnostics.filter((d) => d.code === 'duplicate-attribute');
  assert.equal(dup.length, 1);
  assert.deepEqual(errors(diagnostics), []);
  const t = complexType(model, '{urn:t}T');
  assert.deepEqual(t.attributes, [
    { name: '{urn:t}version', ref: '{urn:t}version', type: xs('string'), use: 'optional', default: '1.0' },
    {
      name: '{http://www.w3.org/XML/1998/namespace}lang',
      ref: '{http://www.w3.org/XML/1998/namespace}lang',
      type: '{http://www.w3.org/XML/1998/namespace}@lang~',
      use: 'optional',
      documentation: "Natural language of the element's content (BCP 47 tag, or empty).",
    },
    { name: '{}id', ref: null, type: xs('ID'), use: 'required' },
    { name: '{}refs', ref: null, type: xs('IDREFS'), use: 'optional' },
    { name: '{}ref', ref: null, type: xs('IDREF'), use: 'optional', default: 'a' },
  ]);
  const version = model.attributes.find((a) => a.name === '{urn:t}version');
  assert.equal(version?.default, '1.0');
  assert.equal(model.attributes.find((a) => a.name === '{urn:t}untyped')?.type, xs('anySimpleType'));
  assert.ok(model.namespaces.includes('http://www.w3.org/XML/1998/namespace'));
});

test('an element with both default and fixed is an error', () => {
  const { diagnostics } = runSchema(schema('<xs:element name="E" type="xs:string" default="a" fixed="b"/>'));
  assert.deepEqual(
    errors(diagnostics).map((d) => d.code),
    ['invalid-element'],
  );
});

test('no-namespace schemas: names in no namespace, refs without prefix', () => {
  const { model, diagnostics } = runFiles({
    'main.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="root" type="R"/>
  <xs:complexType name="R"><xs:sequence><xs:element ref="item"/></xs:sequence></xs:complexType>
  <xs:element name="item" type="xs:string"/>
</xs:schema>`,
  });
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(elementByName(model, '{}root').type, '{}R');
  assert.deepEqual(model.namespaces, ['']);
  assert.deepEqual(
    elementTerms(particleOf(complexType(model, '{}R'))).map((e) => e.ref),
    ['{}item'],
  );
});
