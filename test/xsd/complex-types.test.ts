import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelGroupTerm } from '../../generator/model/model.js';
import { complexType, errors, particleOf, runSchema, schema, simpleType, xs } from './support.js';

test('nested sequence/choice/all with occurrence bounds, in document order', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:complexType name="T">
    <xs:sequence minOccurs="0" maxOccurs="3">
      <xs:element name="a" type="xs:string"/>
      <xs:choice maxOccurs="unbounded">
        <xs:element name="b" type="xs:int" minOccurs="0"/>
        <xs:sequence>
          <xs:element name="c" type="xs:int" maxOccurs="2"/>
        </xs:sequence>
      </xs:choice>
    </xs:sequence>
  </xs:complexType>
  <xs:complexType name="U">
    <xs:all>
      <xs:element name="x" type="xs:string"/>
      <xs:element name="y" type="xs:string" minOccurs="0"/>
    </xs:all>
  </xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const t = complexType(model, '{urn:t}T');
  assert.equal(t.content.kind, 'element');
  const top = particleOf(t);
  assert.equal(top.minOccurs, 0);
  assert.equal(top.maxOccurs, 3);
  const seq = top.term as ModelGroupTerm;
  assert.equal(seq.kind, 'sequence');
  assert.deepEqual(
    seq.particles.map((p) => [p.term.kind, p.minOccurs, p.maxOccurs]),
    [
      ['element', 1, 1],
      ['choice', 1, 'unbounded'],
    ],
  );
  const choice = seq.particles[1].term as ModelGroupTerm;
  assert.deepEqual(
    choice.particles.map((p) => [p.term.kind, p.minOccurs, p.maxOccurs]),
    [
      ['element', 0, 1],
      ['sequence', 1, 1],
    ],
  );
  const inner = choice.particles[1].term as ModelGroupTerm;
  const c = inner.particles[0];
  assert.equal(c.maxOccurs, 2);
  assert.ok(c.term.kind === 'element');
  const { source, ...rest } = c.term;
  assert.deepEqual(rest, { kind: 'element', name: '{urn:t}c', ref: null, type: xs('int'), nillable: false });
  assert.equal(source.line, 10);
  const u = complexType(model, '{urn:t}U');
  assert.equal((particleOf(u).term as ModelGroupTerm).kind, 'all');
});

test('empty and mixed content, mixed on complexContent', () => {
  const { model } = runSchema(
    schema(`
  <xs:complexType name="Empty"><xs:attribute name="a" type="xs:string"/></xs:complexType>
  <xs:complexType name="EmptySeq"><xs:sequence/></xs:complexType>
  <xs:complexType name="MixedEmpty" mixed="true"/>
  <xs:complexType name="Mixed" mixed="true"><xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="MixedExt">
    <xs:complexContent mixed="true"><xs:extension base="t:Empty"><xs:sequence><xs:element name="i" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent>
  </xs:complexType>`),
  );
  assert.deepEqual(complexType(model, '{urn:t}Empty').content, { kind: 'empty' });
  assert.deepEqual(complexType(model, '{urn:t}EmptySeq').content, { kind: 'empty' });
  assert.deepEqual(complexType(model, '{urn:t}MixedEmpty').content, { kind: 'mixed', particle: null });
  assert.equal(complexType(model, '{urn:t}Mixed').content.kind, 'mixed');
  assert.equal(complexType(model, '{urn:t}Mixed').mixed, true);
  const ext = complexType(model, '{urn:t}MixedExt');
  assert.equal(ext.mixed, true);
  assert.equal(ext.content.kind, 'mixed');
});

test('complexContent extension keeps only the added particle and attributes; restriction restates', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:complexType name="Base">
    <xs:sequence><xs:element name="a" type="xs:string" minOccurs="0"/></xs:sequence>
    <xs:attribute name="id" type="xs:ID"/>
  </xs:complexType>
  <xs:complexType name="Ext">
    <xs:complexContent>
      <xs:extension base="t:Base">
        <xs:sequence><xs:element name="b" type="xs:string"/></xs:sequence>
        <xs:attribute name="ref" type="xs:IDREF" use="required"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="Restr">
    <xs:complexContent>
      <xs:restriction base="t:Base">
        <xs:sequence><xs:element name="a" type="xs:string"/></xs:sequence>
        <xs:attribute name="id" use="prohibited"/>
      </xs:restriction>
    </xs:complexContent>
  </xs:complexType>
  <xs:complexType name="NoAdd"><xs:complexContent><xs:extension base="t:Base"/></xs:complexContent></xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const ext = complexType(model, '{urn:t}Ext');
  assert.equal(ext.derivation, 'extension');
  assert.equal(ext.base, '{urn:t}Base');
  assert.deepEqual(
    particleOf(ext).term.kind === 'sequence' ? (particleOf(ext).term as ModelGroupTerm).particles.map((p) => p.term.kind === 'element' && p.term.name) : [],
    ['{urn:t}b'],
  );
  assert.deepEqual(ext.attributes, [{ name: '{}ref', ref: null, type: xs('IDREF'), use: 'required' }]);
  const restr = complexType(model, '{urn:t}Restr');
  assert.equal(restr.derivation, 'restriction');
  assert.deepEqual(restr.attributes, [{ name: '{}id', ref: null, type: xs('anySimpleType'), use: 'prohibited' }]);
  assert.deepEqual(complexType(model, '{urn:t}NoAdd').content, { kind: 'empty' });
  const base = complexType(model, '{urn:t}Base');
  assert.deepEqual(base.derivedTypes, ['{urn:t}Ext', '{urn:t}NoAdd', '{urn:t}Restr']);
  assert.equal(base.derivation, null);
  assert.equal(base.base, null);
  assert.deepEqual(base.attributes, [{ name: '{}id', ref: null, type: xs('ID'), use: 'optional' }]);
});

test('simpleContent: extension of a simple type, of a simple-content type, restriction with facets or inline type', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:simpleType name="Code"><xs:restriction base="xs:token"><xs:maxLength value="8"/></xs:restriction></xs:simpleType>
  <xs:complexType name="Coded">
    <xs:simpleContent><xs:extension base="t:Code"><xs:attribute name="system" type="xs:anyURI"/></xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Coded2">
    <xs:simpleContent><xs:extension base="t:Coded"><xs:attribute name="version" type="xs:string"/></xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Short">
    <xs:simpleContent><xs:restriction base="t:Coded"><xs:maxLength value="3"/></xs:restriction></xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Inline">
    <xs:simpleContent>
      <xs:restriction base="t:Coded">
        <xs:simpleType><xs:restriction base="t:Code"><xs:pattern value="[A-Z]*"/></xs:restriction></xs:simpleType>
        <xs:enumeration value="AB"/>
      </xs:restriction>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Same">
    <xs:simpleContent><xs:restriction base="t:Coded"><xs:attribute name="system" use="required"/></xs:restriction></xs:simpleContent>
  </xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  assert.deepEqual(complexType(model, '{urn:t}Coded').content, { kind: 'simple', type: '{urn:t}Code' });
  assert.equal(complexType(model, '{urn:t}Coded').derivation, 'extension');
  assert.deepEqual(complexType(model, '{urn:t}Coded2').content, { kind: 'simple', type: '{urn:t}Code' });
  assert.deepEqual(complexType(model, '{urn:t}Short').content, { kind: 'simple', type: '{urn:t}Short/~content' });
  const short = simpleType(model, '{urn:t}Short/~content');
  assert.equal(short.base, '{urn:t}Code');
  assert.deepEqual(short.facets, { maxLength: 3 });
  assert.equal(short.primitive, 'string');
  const inline = simpleType(model, '{urn:t}Inline/~content');
  assert.equal(inline.base, '{urn:t}Inline/~content/~base');
  assert.deepEqual(inline.facets, { enumeration: ['AB'] });
  assert.equal(simpleType(model, '{urn:t}Inline/~content/~base').base, '{urn:t}Code');
  assert.deepEqual(complexType(model, '{urn:t}Same').content, { kind: 'simple', type: '{urn:t}Code' });
  assert.deepEqual(complexType(model, '{urn:t}Coded').derivedTypes, ['{urn:t}Coded2', '{urn:t}Inline', '{urn:t}Same', '{urn:t}Short']);
});

test('abstract, block and final on complex types, with blockDefault/finalDefault', () => {
  const { model } = runSchema(
    schema(
      `<xs:complexType name="A" abstract="true" block="extension" final="#all"/>
  <xs:complexType name="B"/>
  <xs:complexType name="C" block="" final="restriction"/>`,
      'targetNamespace="urn:t" xmlns:t="urn:t" blockDefault="#all" finalDefault="extension"',
    ),
  );
  const a = complexType(model, '{urn:t}A');
  assert.equal(a.abstract, true);
  assert.deepEqual(a.block, ['extension']);
  assert.deepEqual(a.final, ['extension', 'restriction']);
  const b = complexType(model, '{urn:t}B');
  assert.equal(b.abstract, false);
  assert.deepEqual(b.block, ['extension', 'restriction']);
  assert.deepEqual(b.final, ['extension']);
  const c = complexType(model, '{urn:t}C');
  assert.deepEqual(c.block, []);
  assert.deepEqual(c.final, ['restriction']);
});

test('a complex type derivation cycle and a simpleContent base without simple content are errors', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:complexType name="A"><xs:complexContent><xs:extension base="t:B"/></xs:complexContent></xs:complexType>
  <xs:complexType name="B"><xs:complexContent><xs:extension base="t:A"/></xs:complexContent></xs:complexType>
  <xs:complexType name="E"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="S"><xs:simpleContent><xs:extension base="t:E"/></xs:simpleContent></xs:complexType>`),
  );
  const codes = errors(diagnostics).map((d) => d.code);
  assert.ok(codes.includes('circular-derivation'), codes.join());
  assert.ok(codes.includes('simple-content-base'), codes.join());
});
