import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementByName, elementTerms, particleOf, runSchema, schema, simpleType } from './support.js';

test('documentation is trimmed, whitespace-normalised per paragraph, several xs:documentation joined', () => {
  const { model } = runSchema(
    schema(`
  <xs:element name="E" type="xs:string">
    <xs:annotation>
      <xs:appinfo>not documentation</xs:appinfo>
      <xs:documentation xml:lang="fr">
          Premier   paragraphe
          sur deux lignes.

          Second paragraphe.
      </xs:documentation>
      <xs:documentation>Another   <b xmlns="http://www.w3.org/1999/xhtml">bold</b> one.</xs:documentation>
      <xs:documentation>   </xs:documentation>
    </xs:annotation>
  </xs:element>
  <xs:complexType name="T">
    <xs:annotation><xs:documentation><![CDATA[ Uses <CDATA> ]]></xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:element name="local" type="xs:string"><xs:annotation><xs:documentation>Local.</xs:documentation></xs:annotation></xs:element>
    </xs:sequence>
  </xs:complexType>
  <xs:simpleType name="S">
    <xs:annotation><xs:documentation>Codes.</xs:documentation></xs:annotation>
    <xs:restriction base="xs:string">
      <xs:enumeration value="A"><xs:annotation><xs:documentation> The   letter A. </xs:documentation></xs:annotation></xs:enumeration>
      <xs:enumeration value="B"/>
      <xs:enumeration value="__proto__"><xs:annotation><xs:documentation>Tricky.</xs:documentation></xs:annotation></xs:enumeration>
    </xs:restriction>
  </xs:simpleType>`),
  );
  assert.equal(elementByName(model, '{urn:t}E').documentation, 'Premier paragraphe sur deux lignes.\n\nSecond paragraphe.\n\nAnother bold one.');
  const t = complexType(model, '{urn:t}T');
  assert.equal(t.documentation, 'Uses <CDATA>');
  assert.equal(elementTerms(particleOf(t))[0].documentation, 'Local.');
  const s = simpleType(model, '{urn:t}S');
  assert.equal(s.documentation, 'Codes.');
  assert.deepEqual(Object.entries(s.facets.enumerationDocs ?? {}), [
    ['A', 'The letter A.'],
    ['__proto__', 'Tricky.'],
  ]);
  // biome-ignore lint/suspicious/noProto: the test is that a __proto__ enumeration value stays a plain key
  assert.equal(JSON.parse(JSON.stringify(s.facets)).enumerationDocs.__proto__, 'Tricky.');
});
