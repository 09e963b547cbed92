import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WildcardTerm } from '../../generator/model/model.js';
import { complexType, errors, particleOf, runSchema, schema } from './support.js';
import type { ModelGroupTerm } from '../../generator/model/model.js';

test('xs:any namespace constraints and processContents', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:complexType name="T">
    <xs:sequence>
      <xs:any/>
      <xs:any namespace="##any" processContents="lax"/>
      <xs:any namespace="##other" processContents="skip" minOccurs="0" maxOccurs="unbounded"/>
      <xs:any namespace="##local"/>
      <xs:any namespace="##targetNamespace urn:x ##local"/>
    </xs:sequence>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const t = complexType(model, '{urn:t}T');
  const terms = (particleOf(t).term as ModelGroupTerm).particles.map((p) => p.term as WildcardTerm);
  assert.deepEqual(terms, [
    { kind: 'any', namespace: { kind: 'any' }, processContents: 'strict' },
    { kind: 'any', namespace: { kind: 'any' }, processContents: 'lax' },
    { kind: 'any', namespace: { kind: 'not', namespaces: ['', 'urn:t'] }, processContents: 'skip' },
    { kind: 'any', namespace: { kind: 'enumeration', namespaces: [''] }, processContents: 'strict' },
    { kind: 'any', namespace: { kind: 'enumeration', namespaces: ['', 'urn:t', 'urn:x'] }, processContents: 'strict' },
  ]);
  const unbounded = (particleOf(t).term as ModelGroupTerm).particles[2];
  assert.deepEqual([unbounded.minOccurs, unbounded.maxOccurs], [0, 'unbounded']);
  assert.deepEqual(t.anyAttribute, { namespace: { kind: 'not', namespaces: ['', 'urn:t'] }, processContents: 'lax' });
});

test('##other in a no-namespace schema excludes only absent names', () => {
  const { model } = runSchema(`<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="T"><xs:sequence><xs:any namespace="##other"/></xs:sequence></xs:complexType>
</xs:schema>`);
  const t = complexType(model, '{}T');
  assert.deepEqual((particleOf(t).term as ModelGroupTerm).particles[0].term, {
    kind: 'any',
    namespace: { kind: 'not', namespaces: [''] },
    processContents: 'strict',
  });
});
