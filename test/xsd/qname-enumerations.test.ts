/**
 * Enumeration values of QName-based simple types are resolved to Clark notation with the namespace
 * declarations in scope at each facet; other types keep their values as written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { errors, runEntries, runSchema, schema, simpleType, typeById } from './support.js';

test('prefixed, default-namespace, no-namespace and locally declared prefixes; derived QName types; docs re-keyed', () => {
  const { model, diagnostics } = runSchema(
    schema(
      `
  <xs:simpleType name="Code">
    <xs:restriction base="xs:QName">
      <xs:enumeration value="t:Sender">
        <xs:annotation><xs:documentation>The sender is at fault.</xs:documentation></xs:annotation>
      </xs:enumeration>
      <xs:enumeration value=" o:Receiver "/>
      <xs:enumeration value="p:Local" xmlns:p="urn:p"/>
      <xs:enumeration value="t:Sender"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Defaulted" xmlns="urn:d">
    <xs:restriction base="xs:QName"><xs:enumeration value="one"/><xs:enumeration value="d2:two" xmlns:d2="urn:d"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="NoNamespace">
    <xs:restriction base="xs:QName"><xs:enumeration value="erreur"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Narrower">
    <xs:restriction base="t:Code"><xs:enumeration value="t:Sender"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Notation">
    <xs:restriction base="xs:NOTATION"><xs:enumeration value="t:gif"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="Text">
    <xs:restriction base="xs:string"><xs:enumeration value="t:Sender"/><xs:enumeration value="plain"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Valued">
    <xs:simpleContent>
      <xs:restriction base="t:Base"><xs:enumeration value="t:Sender"/></xs:restriction>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Base">
    <xs:simpleContent><xs:extension base="xs:QName"><xs:attribute name="a" type="xs:string"/></xs:extension></xs:simpleContent>
  </xs:complexType>`,
      'targetNamespace="urn:t" xmlns:t="urn:t" xmlns:o="urn:o" elementFormDefault="qualified"',
    ),
  );
  assert.deepEqual(errors(diagnostics), []);
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'invalid-qname-value'),
    [],
  );
  const code = simpleType(model, '{urn:t}Code');
  // The repeated value collapses: both spellings name one QName.
  assert.deepEqual(code.facets.enumeration, ['{urn:t}Sender', '{urn:o}Receiver', '{urn:p}Local']);
  assert.deepEqual(code.facets.enumerationDocs, { '{urn:t}Sender': 'The sender is at fault.' });
  assert.deepEqual(simpleType(model, '{urn:t}Defaulted').facets.enumeration, ['{urn:d}one', '{urn:d}two']);
  assert.deepEqual(simpleType(model, '{urn:t}NoNamespace').facets.enumeration, ['{}erreur']);
  assert.deepEqual(simpleType(model, '{urn:t}Narrower').facets.enumeration, ['{urn:t}Sender']);
  assert.deepEqual(simpleType(model, '{urn:t}Notation').facets.enumeration, ['{urn:t}gif']);
  assert.deepEqual(simpleType(model, '{urn:t}Text').facets.enumeration, ['t:Sender', 'plain']);
  const valued = typeById(model, '{urn:t}Valued');
  assert.ok(valued.kind === 'complex' && valued.content.kind === 'simple');
  assert.deepEqual(simpleType(model, valued.content.type).facets.enumeration, ['{urn:t}Sender']);
});

test('a value that is not a QName where it is written: warning with its place, kept as written', () => {
  const text = schema(`
  <xs:simpleType name="Code">
    <xs:restriction base="xs:QName">
      <xs:enumeration value="t:ok"/>
      <xs:enumeration value="nope:bad"/>
      <xs:enumeration value="1st"/>
    </xs:restriction>
  </xs:simpleType>`);
  const { model, diagnostics } = runSchema(text);
  assert.deepEqual(errors(diagnostics), []);
  const warnings = diagnostics.filter((d) => d.code === 'invalid-qname-value');
  const lineOf = (marker: string): number => text.slice(0, text.indexOf(marker)).split('\n').length;
  assert.deepEqual(
    warnings.map((d) => [d.line, d.message]),
    [
      [lineOf('nope:bad'), "enumeration value of QName type {urn:t}Code: undeclared namespace prefix 'nope' in 'nope:bad'; kept as written"],
      [lineOf('"1st"'), "enumeration value of QName type {urn:t}Code: '1st' is not a QName; kept as written"],
    ],
  );
  assert.ok(warnings.every((d) => d.severity === 'warning' && d.file.endsWith('main.xsd')));
  assert.deepEqual(simpleType(model, '{urn:t}Code').facets.enumeration, ['{urn:t}ok', 'nope:bad', '1st']);
});

const SCHEMAS = ['wss4j-ws-schemas', 'ws-security-stax', 'src', 'main', 'resources', 'schemas'];

test('corpus: fault code enumerations of WS-Addressing, SOAP 1.2 and WS-Security resolve to Clark notation', { skip: corpusSkipReason }, () => {
  const cases: [string[], string, string, number][] = [
    [
      ['wss4j-ws-schemas', 'ws-security-policy-stax', 'src', 'main', 'resources', 'schemas', 'ws-addr200508.xsd'],
      '{http://www.w3.org/2005/08/addressing}FaultCodesType',
      '{http://www.w3.org/2005/08/addressing}InvalidAddressingHeader',
      11,
    ],
    [[...SCHEMAS, 'soap-1.2.xsd'], '{http://www.w3.org/2003/05/soap-envelope}faultcodeEnum', '{http://www.w3.org/2003/05/soap-envelope}DataEncodingUnknown', 5],
    [
      [...SCHEMAS, 'oasis-200401-wss-wssecurity-utility-1.0.xsd'],
      '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}tTimestampFault',
      '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd}MessageExpired',
      1,
    ],
  ];
  for (const [path, id, first, count] of cases) {
    const { model, diagnostics } = runEntries([corpus(...path)]);
    assert.deepEqual(
      diagnostics.filter((d) => d.code === 'invalid-qname-value'),
      [],
      id,
    );
    const values = simpleType(model, id).facets.enumeration ?? [];
    assert.equal(values[0], first, id);
    assert.equal(values.length, count, id);
    const namespace = /^\{([^}]*)\}/.exec(id)?.[1] ?? '';
    assert.ok(
      values.every((v) => v.startsWith(`{${namespace}}`)),
      `${id}: ${values.join(' ')}`,
    );
  }
});

test('corpus: the INSi fault severity (xs:QName, unprefixed values, no default namespace) → no-namespace QNames', { skip: corpusSkipReason }, () => {
  const { model } = runEntries([corpus('insi-padoa', 'src', 'wsdl', 'xsd', 'schema_faultSOAP_V01_01.xsd')]);
  assert.deepEqual(simpleType(model, '{urn:siram}severiteeEnum').facets.enumeration, ['{}information', '{}avertissement', '{}erreur', '{}fatale']);
});

test('corpus: ebRS 3.0 RegistryResponse status is a URI (rim:referenceURI), not a QName enumeration', { skip: corpusSkipReason }, () => {
  const { model } = runEntries([corpus('dmp-annexe-wsdl-schema', 'schema', 'ebRS', 'rs.xsd')]);
  const uri = simpleType(model, '{urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0}referenceURI');
  assert.equal(uri.primitive, 'anyURI');
  assert.equal(uri.facets.enumeration, undefined);
});
