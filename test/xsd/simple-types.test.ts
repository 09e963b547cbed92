import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_TYPES } from '../../generator/parse/xsd/builtins.js';
import { errors, runSchema, schema, simpleType, xs } from './support.js';

test('a restriction keeps every facet of its step, numbers as numbers and bounds as strings', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:simpleType name="Code">
    <xs:restriction base="xs:string">
      <xs:length value="5"/>
      <xs:minLength value="1"/>
      <xs:maxLength value="10"/>
      <xs:pattern value="[A-Z]+"/>
      <xs:pattern value="[0-9]+"/>
      <xs:enumeration value="AB"/>
      <xs:enumeration value="CD"/>
      <xs:whiteSpace value="collapse"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Amount">
    <xs:restriction base="xs:decimal">
      <xs:minInclusive value="-1.5"/>
      <xs:maxInclusive value="99999999999999999999.99"/>
      <xs:minExclusive value="-2"/>
      <xs:maxExclusive value="100000000000000000000"/>
      <xs:totalDigits value="22"/>
      <xs:fractionDigits value="2"/>
    </xs:restriction>
  </xs:simpleType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const code = simpleType(model, '{urn:t}Code');
  assert.deepEqual(code.facets, {
    length: 5,
    minLength: 1,
    maxLength: 10,
    pattern: ['[A-Z]+', '[0-9]+'],
    enumeration: ['AB', 'CD'],
    whiteSpace: 'collapse',
  });
  assert.equal(code.variety, 'atomic');
  assert.equal(code.base, xs('string'));
  assert.equal(code.primitive, 'string');
  assert.equal(code.builtin, 'string');
  const amount = simpleType(model, '{urn:t}Amount');
  assert.deepEqual(amount.facets, {
    minInclusive: '-1.5',
    maxInclusive: '99999999999999999999.99',
    minExclusive: '-2',
    maxExclusive: '100000000000000000000',
    totalDigits: 22,
    fractionDigits: 2,
  });
  assert.equal(amount.primitive, 'decimal');
});

test('primitive and builtin follow a chain of restrictions down to the built-ins', () => {
  const { model } = runSchema(
    schema(`
  <xs:simpleType name="Small"><xs:restriction base="xs:int"><xs:maxInclusive value="9"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Smaller"><xs:restriction base="t:Small"><xs:maxInclusive value="5"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Day"><xs:restriction base="xs:date"/></xs:simpleType>`),
  );
  const smaller = simpleType(model, '{urn:t}Smaller');
  assert.equal(smaller.base, '{urn:t}Small');
  assert.equal(smaller.builtin, 'int');
  assert.equal(smaller.primitive, 'decimal');
  assert.deepEqual(smaller.facets, { maxInclusive: '5' });
  assert.equal(simpleType(model, '{urn:t}Day').primitive, 'date');
});

test('every XSD 1.0 built-in type can be used and knows its primitive', () => {
  const names = [...BUILTIN_TYPES.keys()].filter((n) => n !== 'anyType' && n !== 'anyAtomicType');
  assert.ok(names.length >= 45, `only ${names.length} built-ins`);
  const body = names.map((n) => `<xs:simpleType name="my_${n}"><xs:restriction base="xs:${n}"/></xs:simpleType>`).join('\n');
  const { model, diagnostics } = runSchema(schema(body));
  assert.deepEqual(errors(diagnostics), []);
  const expected: Record<string, [string | null, string]> = {
    string: ['string', 'atomic'],
    normalizedString: ['string', 'atomic'],
    token: ['string', 'atomic'],
    language: ['string', 'atomic'],
    Name: ['string', 'atomic'],
    NCName: ['string', 'atomic'],
    ID: ['string', 'atomic'],
    IDREF: ['string', 'atomic'],
    ENTITY: ['string', 'atomic'],
    NMTOKEN: ['string', 'atomic'],
    NMTOKENS: [null, 'list'],
    IDREFS: [null, 'list'],
    ENTITIES: [null, 'list'],
    boolean: ['boolean', 'atomic'],
    decimal: ['decimal', 'atomic'],
    integer: ['decimal', 'atomic'],
    nonPositiveInteger: ['decimal', 'atomic'],
    negativeInteger: ['decimal', 'atomic'],
    long: ['decimal', 'atomic'],
    int: ['decimal', 'atomic'],
    short: ['decimal', 'atomic'],
    byte: ['decimal', 'atomic'],
    nonNegativeInteger: ['decimal', 'atomic'],
    unsignedLong: ['decimal', 'atomic'],
    unsignedInt: ['decimal', 'atomic'],
    unsignedShort: ['decimal', 'atomic'],
    unsignedByte: ['decimal', 'atomic'],
    positiveInteger: ['decimal', 'atomic'],
    float: ['float', 'atomic'],
    double: ['double', 'atomic'],
    duration: ['duration', 'atomic'],
    dateTime: ['dateTime', 'atomic'],
    time: ['time', 'atomic'],
    date: ['date', 'atomic'],
    gYearMonth: ['gYearMonth', 'atomic'],
    gYear: ['gYear', 'atomic'],
    gMonthDay: ['gMonthDay', 'atomic'],
    gDay: ['gDay', 'atomic'],
    gMonth: ['gMonth', 'atomic'],
    hexBinary: ['hexBinary', 'atomic'],
    base64Binary: ['base64Binary', 'atomic'],
    anyURI: ['anyURI', 'atomic'],
    QName: ['QName', 'atomic'],
    NOTATION: ['NOTATION', 'atomic'],
    anySimpleType: [null, 'atomic'],
  };
  assert.deepEqual(new Set(names), new Set(Object.keys(expected)));
  for (const [name, [primitive, variety]] of Object.entries(expected)) {
    const t = simpleType(model, `{urn:t}my_${name}`);
    assert.equal(t.primitive, primitive, name);
    assert.equal(t.variety, variety, name);
    assert.equal(t.builtin, name, name);
  }
  assert.equal(simpleType(model, '{urn:t}my_NMTOKENS').itemType, xs('NMTOKEN'));
});

test('xs:list by itemType or inline type, and a restriction of a list stays a list', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:simpleType name="Ints"><xs:list itemType="xs:int"/></xs:simpleType>
  <xs:simpleType name="Colours">
    <xs:list><xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="red"/></xs:restriction></xs:simpleType></xs:list>
  </xs:simpleType>
  <xs:simpleType name="ThreeInts"><xs:restriction base="t:Ints"><xs:length value="3"/></xs:restriction></xs:simpleType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const ints = simpleType(model, '{urn:t}Ints');
  assert.equal(ints.variety, 'list');
  assert.equal(ints.base, null);
  assert.equal(ints.itemType, xs('int'));
  assert.equal(ints.primitive, null);
  const colours = simpleType(model, '{urn:t}Colours');
  assert.equal(colours.itemType, '{urn:t}Colours/~item');
  const item = simpleType(model, '{urn:t}Colours/~item');
  assert.equal(item.name, null);
  assert.deepEqual(item.facets.enumeration, ['red']);
  const three = simpleType(model, '{urn:t}ThreeInts');
  assert.equal(three.variety, 'list');
  assert.equal(three.base, '{urn:t}Ints');
  assert.equal(three.itemType, xs('int'));
  assert.deepEqual(three.facets, { length: 3 });
});

test('xs:union with memberTypes and inline members, in order', () => {
  const { model, diagnostics } = runSchema(
    schema(`
  <xs:simpleType name="Size">
    <xs:union memberTypes="xs:int t:Word">
      <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="small"/></xs:restriction></xs:simpleType>
      <xs:simpleType><xs:restriction base="xs:date"/></xs:simpleType>
    </xs:union>
  </xs:simpleType>
  <xs:simpleType name="Word"><xs:restriction base="xs:token"/></xs:simpleType>
  <xs:simpleType name="SmallSize"><xs:restriction base="t:Size"><xs:enumeration value="1"/></xs:restriction></xs:simpleType>`),
  );
  assert.deepEqual(errors(diagnostics), []);
  const size = simpleType(model, '{urn:t}Size');
  assert.equal(size.variety, 'union');
  assert.equal(size.base, null);
  assert.deepEqual(size.memberTypes, [xs('int'), '{urn:t}Word', '{urn:t}Size/~member3', '{urn:t}Size/~member4']);
  assert.equal(simpleType(model, '{urn:t}Size/~member4').primitive, 'date');
  const small = simpleType(model, '{urn:t}SmallSize');
  assert.equal(small.variety, 'union');
  assert.deepEqual(small.memberTypes, size.memberTypes);
});

test('final on simple types, and finalDefault', () => {
  const { model } = runSchema(
    schema(
      `<xs:simpleType name="A" final="#all"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="B"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:simpleType name="C" final=""><xs:restriction base="xs:string"/></xs:simpleType>`,
      'targetNamespace="urn:t" xmlns:t="urn:t" finalDefault="list union"',
    ),
  );
  assert.deepEqual(simpleType(model, '{urn:t}A').final, ['restriction', 'list', 'union']);
  assert.deepEqual(simpleType(model, '{urn:t}B').final, ['list', 'union']);
  assert.deepEqual(simpleType(model, '{urn:t}C').final, []);
});

test('a simple type deriving from itself is an error, not a hang', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:simpleType name="A"><xs:restriction base="t:B"/></xs:simpleType>
  <xs:simpleType name="B"><xs:restriction base="t:A"/></xs:simpleType>`),
  );
  assert.ok(errors(diagnostics).some((d) => d.code === 'circular-derivation'));
});

test('invalid facet values and a simple type naming a complex base are errors', () => {
  const { diagnostics } = runSchema(
    schema(`
  <xs:complexType name="C"/>
  <xs:simpleType name="A"><xs:restriction base="t:C"/></xs:simpleType>
  <xs:simpleType name="B"><xs:restriction base="xs:string"><xs:maxLength value="-1"/></xs:restriction></xs:simpleType>`),
  );
  const codes = errors(diagnostics)
    .map((d) => d.code)
    .sort();
  assert.deepEqual(codes, ['invalid-facet', 'simple-type-expected']);
  const bad = errors(diagnostics).find((d) => d.code === 'simple-type-expected');
  assert.equal(bad?.line, 5);
});
