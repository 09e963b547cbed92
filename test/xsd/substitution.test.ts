import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementByName, elementTerms, errors, particleOf, runSchema, schema } from './support.js';

const SHAPES = `
  <xs:complexType name="ShapeType" abstract="true"><xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence></xs:complexType>
  <xs:complexType name="CircleType"><xs:complexContent><xs:extension base="t:ShapeType"><xs:sequence><xs:element name="r" type="xs:double"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
  <xs:complexType name="RoundType"><xs:complexContent><xs:extension base="t:CircleType"/></xs:complexContent></xs:complexType>
  <xs:element name="Shape" type="t:ShapeType" abstract="true"/>
  <xs:element name="Circle" type="t:CircleType" substitutionGroup="t:Shape"/>
  <xs:element name="AbstractRound" type="t:RoundType" substitutionGroup="t:Circle" abstract="true"/>
  <xs:element name="Round" substitutionGroup="t:AbstractRound"/>
  <xs:complexType name="Drawing"><xs:sequence><xs:element ref="t:Shape" maxOccurs="unbounded"/><xs:element ref="t:Circle" minOccurs="0"/></xs:sequence></xs:complexType>
  <xs:element name="Drawing" type="t:Drawing"/>`;

test('substitution groups: members transitive and sorted, substitutes non-abstract only, member type from the head', () => {
  const { model, diagnostics } = runSchema(schema(SHAPES));
  assert.deepEqual(errors(diagnostics), []);
  const shape = elementByName(model, '{urn:t}Shape');
  assert.equal(shape.abstract, true);
  assert.deepEqual(shape.substitutionMembers, ['{urn:t}AbstractRound', '{urn:t}Circle', '{urn:t}Round']);
  assert.deepEqual(elementByName(model, '{urn:t}Circle').substitutionMembers, ['{urn:t}AbstractRound', '{urn:t}Round']);
  assert.equal(elementByName(model, '{urn:t}Circle').substitutionGroup, '{urn:t}Shape');
  assert.deepEqual(elementByName(model, '{urn:t}Round').substitutionMembers, []);
  // An element without a type takes its head's type.
  assert.equal(elementByName(model, '{urn:t}Round').type, '{urn:t}RoundType');
  const [shapeRef, circleRef] = elementTerms(particleOf(complexType(model, '{urn:t}Drawing')));
  assert.equal(shapeRef.abstract, true);
  assert.deepEqual(shapeRef.substitutes, ['{urn:t}Circle', '{urn:t}Round']);
  assert.equal(circleRef.abstract, false);
  assert.deepEqual(circleRef.substitutes, ['{urn:t}Round']);
});

test('block="substitution" on the head, and block on derivation methods, exclude substitutes (members stay listed)', () => {
  const { model } = runSchema(
    schema(`
  <xs:complexType name="Base"/>
  <xs:complexType name="Ext"><xs:complexContent><xs:extension base="t:Base"/></xs:complexContent></xs:complexType>
  <xs:complexType name="Res"><xs:complexContent><xs:restriction base="t:Base"/></xs:complexContent></xs:complexType>
  <xs:element name="NoSub" type="t:Base" block="substitution"/>
  <xs:element name="A" type="t:Ext" substitutionGroup="t:NoSub"/>
  <xs:element name="NoExt" type="t:Base" block="extension"/>
  <xs:element name="B" type="t:Ext" substitutionGroup="t:NoExt"/>
  <xs:element name="C" type="t:Res" substitutionGroup="t:NoExt"/>
  <xs:complexType name="T"><xs:sequence><xs:element ref="t:NoSub"/><xs:element ref="t:NoExt"/></xs:sequence></xs:complexType>`),
  );
  assert.deepEqual(elementByName(model, '{urn:t}NoSub').substitutionMembers, ['{urn:t}A']);
  const [noSub, noExt] = elementTerms(particleOf(complexType(model, '{urn:t}T')));
  assert.equal(noSub.substitutes, undefined);
  assert.deepEqual(noExt.substitutes, ['{urn:t}C']);
});

test('element block/final and blockDefault', () => {
  const { model } = runSchema(
    schema(
      `<xs:element name="A" type="xs:string" block="#all" final="#all"/>
  <xs:element name="B" type="xs:string"/>`,
      'targetNamespace="urn:t" xmlns:t="urn:t" blockDefault="substitution"',
    ),
  );
  assert.deepEqual(elementByName(model, '{urn:t}A').block, ['extension', 'restriction', 'substitution']);
  assert.deepEqual(elementByName(model, '{urn:t}A').final, ['extension', 'restriction']);
  assert.deepEqual(elementByName(model, '{urn:t}B').block, ['substitution']);
  assert.deepEqual(elementByName(model, '{urn:t}B').final, []);
});

test('an unresolved substitution group head and a member of an unrelated type are reported', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:element name="Head" type="xs:int"/>
  <xs:element name="Odd" type="xs:date" substitutionGroup="t:Head"/>
  <xs:element name="Lost" type="xs:int" substitutionGroup="t:Nowhere"/>`),
  );
  assert.deepEqual(
    errors(diagnostics).map((d) => [d.code, d.line]),
    [['unresolved-element', 6]],
  );
  assert.ok(diagnostics.some((d) => d.code === 'invalid-substitution' && d.severity === 'warning'));
});

test('a substitution group cycle is an error, not a hang', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:element name="A" type="xs:int" substitutionGroup="t:B"/>
  <xs:element name="B" type="xs:int" substitutionGroup="t:A"/>`),
  );
  assert.ok(errors(diagnostics).some((d) => d.code === 'circular-substitution'));
});
