import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelGroupTerm } from '../../generator/model/model.js';
import { complexType, elementTerms, errors, particleOf, runSchema, schema, simpleType, xs } from './support.js';

test('xs:group references are flattened with their occurrence bounds and keep the group name', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:group name="Name">
    <xs:annotation><xs:documentation>Given and family names.</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="given" type="xs:string"/>
      <xs:group ref="t:Family"/>
    </xs:sequence>
  </xs:group>
  <xs:group name="Family"><xs:choice><xs:element name="family" type="xs:string"/><xs:element name="birth" type="xs:string"/></xs:choice></xs:group>
  <xs:complexType name="Person">
    <xs:sequence>
      <xs:group ref="t:Name" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="age" type="xs:int"/>
    </xs:sequence>
  </xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const person = complexType(model, '{urn:t}Person');
  const seq = particleOf(person).term as ModelGroupTerm;
  const groupParticle = seq.particles[0];
  assert.equal(groupParticle.minOccurs, 0);
  assert.equal(groupParticle.maxOccurs, 'unbounded');
  const name = groupParticle.term as ModelGroupTerm;
  assert.equal(name.kind, 'sequence');
  assert.equal(name.group, '{urn:t}Name');
  const family = name.particles[1].term as ModelGroupTerm;
  assert.equal(family.kind, 'choice');
  assert.equal(family.group, '{urn:t}Family');
  assert.deepEqual(
    elementTerms(particleOf(person)).map((e) => e.name),
    ['{urn:t}given', '{urn:t}family', '{urn:t}birth', '{urn:t}age'],
  );
  // The same group used twice gives two independent copies in the model.
  assert.equal((seq.particles[1].term as { name: string }).name, '{urn:t}age');
});

test('attribute groups are flattened in place (nested), wildcards intersected', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:attributeGroup name="Common">
    <xs:attribute name="id" type="xs:ID"/>
    <xs:attributeGroup ref="t:Lang"/>
    <xs:anyAttribute namespace="##other urn:a" processContents="lax"/>
  </xs:attributeGroup>
  <xs:attributeGroup name="Lang">
    <xs:attribute name="lang" type="xs:language"/>
    <xs:anyAttribute namespace="urn:a urn:b"/>
  </xs:attributeGroup>
  <xs:complexType name="T">
    <xs:attribute name="first" type="xs:string"/>
    <xs:attributeGroup ref="t:Common"/>
    <xs:attribute name="last" type="xs:string"/>
  </xs:complexType>
  <xs:complexType name="W">
    <xs:attributeGroup ref="t:Common"/>
    <xs:anyAttribute namespace="##any" processContents="skip"/>
  </xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const t = complexType(model, '{urn:t}T');
  assert.deepEqual(
    t.attributes.map((a) => a.name),
    ['{}first', '{}id', '{}lang', '{}last'],
  );
  // ##other (not urn:t, not absent) ∩ {urn:a, urn:b} ∩ the group's own ##other urn:a list.
  assert.deepEqual(t.anyAttribute, { namespace: { kind: 'enumeration', namespaces: ['urn:a'] }, processContents: 'lax' });
  const w = complexType(model, '{urn:t}W');
  assert.deepEqual(w.anyAttribute?.processContents, 'skip');
  assert.deepEqual(w.anyAttribute?.namespace, { kind: 'enumeration', namespaces: ['urn:a'] });
});

test('circular group references are errors, not hangs', () => {
  const { diagnostics, model } = runSchema(
    schema(`
  <xs:group name="A"><xs:sequence><xs:element name="a" type="xs:string"/><xs:group ref="t:B"/></xs:sequence></xs:group>
  <xs:group name="B"><xs:sequence><xs:group ref="t:A" minOccurs="0"/></xs:sequence></xs:group>
  <xs:attributeGroup name="X"><xs:attributeGroup ref="t:X"/></xs:attributeGroup>
  <xs:complexType name="T"><xs:sequence><xs:group ref="t:A"/></xs:sequence><xs:attributeGroup ref="t:X"/></xs:complexType>`),
  );
  assert.ok(errors(diagnostics).filter((d) => d.code === 'circular-group').length >= 2);
  assert.equal(complexType(model, '{urn:t}T').kind, 'complex');
});

test('unresolved group and attribute group references are errors at the reference', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:complexType name="T">
    <xs:sequence><xs:group ref="t:Missing"/></xs:sequence>
    <xs:attributeGroup ref="t:Gone"/>
  </xs:complexType>`),
  );
  const errs = errors(diagnostics).map((d) => [d.code, d.line]);
  assert.deepEqual(errs, [
    ['unresolved-group', 5],
    ['unresolved-attribute-group', 6],
  ]);
});

test('a local element declared in a group is the same declaration wherever the group is used', () => {
  const { model } = runSchema(
    schema(`
  <xs:group name="G"><xs:sequence><xs:element name="x"><xs:simpleType><xs:restriction base="xs:string"/></xs:simpleType></xs:element></xs:sequence></xs:group>
  <xs:complexType name="A"><xs:group ref="t:G"/></xs:complexType>
  <xs:complexType name="B"><xs:sequence><xs:group ref="t:G"/></xs:sequence></xs:complexType>`),
  );
  const a = elementTerms(particleOf(complexType(model, '{urn:t}A')));
  const b = elementTerms(particleOf(complexType(model, '{urn:t}B')));
  assert.equal(a[0].type, '{urn:t}G(group)/x~');
  assert.equal(b[0].type, '{urn:t}G(group)/x~');
  assert.equal(model.types.filter((t) => t.id === '{urn:t}G(group)/x~').length, 1);
  assert.equal(simpleType(model, '{urn:t}G(group)/x~').base, xs('string'));
});
