import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DocumentCache, loadDescription } from '../../generator/load/load.js';
import { complexType, elementByName, elementTerms, errors, particleOf, runFiles, runEntries, schema, writeFiles } from '../xsd/support.js';

const WSDL_NS = 'xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema"';

test('xs:include of a same-namespace schema in a subfolder', () => {
  const { model, diagnostics, loaded } = runFiles({
    'main.xsd': schema(`<xs:include schemaLocation="sub/part.xsd"/><xs:element name="E" type="t:Part"/>`),
    'sub/part.xsd': schema(`<xs:complexType name="Part"><xs:sequence><xs:element name="p" type="xs:string"/></xs:sequence></xs:complexType>`),
  });
  assert.deepEqual(diagnostics, []);
  assert.equal(elementByName(model, '{urn:t}E').type, '{urn:t}Part');
  assert.equal(loaded.schemas.length, 2);
  assert.ok(loaded.schemas.every((s) => !s.chameleon));
});

test('chameleon include: a no-namespace schema takes the includer namespace, its references too', () => {
  const { model, diagnostics, loaded } = runFiles(
    {
      'a.xsd': schema(
        `<xs:include schemaLocation="common.xsd"/><xs:element name="A" type="t:Common"/>`,
        'targetNamespace="urn:a" xmlns:t="urn:a" elementFormDefault="qualified"',
      ),
      'b.xsd': schema(
        `<xs:include schemaLocation="common.xsd"/><xs:element name="B" type="t:Common"/>`,
        'targetNamespace="urn:b" xmlns:t="urn:b" elementFormDefault="qualified"',
      ),
      'common.xsd': `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:complexType name="Common"><xs:sequence><xs:element name="code" type="Code"/></xs:sequence></xs:complexType>
  <xs:simpleType name="Code"><xs:restriction base="xs:string"/></xs:simpleType>
</xs:schema>`,
    },
    {},
    { entries: ['a.xsd', 'b.xsd'] },
  );
  assert.deepEqual(diagnostics, []);
  for (const ns of ['urn:a', 'urn:b']) {
    const common = complexType(model, `{${ns}}Common`);
    assert.deepEqual(
      elementTerms(particleOf(common)).map((e) => [e.name, e.type]),
      [[`{${ns}}code`, `{${ns}}Code`]],
    );
  }
  assert.deepEqual(model.namespaces, ['urn:a', 'urn:b']);
  // One file, two schemas (one per namespace), read once.
  assert.deepEqual(
    loaded.schemas.filter((s) => s.chameleon).map((s) => s.targetNamespace),
    ['urn:a', 'urn:b'],
  );
  assert.equal(loaded.documents.filter((d) => d.path.endsWith('common.xsd')).length, 1);
});

test('an include of a schema with another target namespace is an error at the include', () => {
  const { diagnostics } = runFiles({
    'main.xsd': schema(`\n  <xs:include schemaLocation="other.xsd"/>`),
    'other.xsd': schema('', 'targetNamespace="urn:other"'),
  });
  assert.deepEqual(
    errors(diagnostics).map((d) => [d.code, d.line, d.column]),
    [['include-namespace-mismatch', 4, 3]],
  );
});

test('several imports of one namespace with different locations are all followed', () => {
  const { model, diagnostics } = runFiles({
    'main.xsd': schema(
      `
  <xs:import namespace="urn:v3" schemaLocation="v3/one.xsd"/>
  <xs:import namespace="urn:v3" schemaLocation="v3/two.xsd"/>
  <xs:import namespace="urn:v3" schemaLocation="v3/one.xsd"/>
  <xs:element name="E"><xs:complexType><xs:sequence><xs:element ref="v:One"/><xs:element ref="v:Two"/></xs:sequence></xs:complexType></xs:element>`,
      'targetNamespace="urn:t" xmlns:t="urn:t" xmlns:v="urn:v3"',
    ),
    'v3/one.xsd': schema('<xs:include schemaLocation="core.xsd"/><xs:element name="One" type="v:Core"/>', 'targetNamespace="urn:v3" xmlns:v="urn:v3"'),
    'v3/two.xsd': schema('<xs:include schemaLocation="core.xsd"/><xs:element name="Two" type="v:Core"/>', 'targetNamespace="urn:v3" xmlns:v="urn:v3"'),
    'v3/core.xsd': schema('<xs:complexType name="Core"/>', 'targetNamespace="urn:v3" xmlns:v="urn:v3"'),
  });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    model.elements.map((e) => e.name),
    ['{urn:t}E', '{urn:v3}One', '{urn:v3}Two'],
  );
});

test('cycles terminate and each file is read once; a shared cache reads nothing again', () => {
  const dir = writeFiles({
    'a.xsd': schema(
      `<xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:include schemaLocation="a2.xsd"/><xs:include schemaLocation="./a2.xsd"/>`,
      'targetNamespace="urn:a" xmlns:a="urn:a"',
    ),
    'a2.xsd': schema('<xs:include schemaLocation="a.xsd"/><xs:include schemaLocation="sub/../a2.xsd"/>', 'targetNamespace="urn:a"'),
    'b.xsd': schema(`<xs:import namespace="urn:a" schemaLocation="a.xsd"/><xs:import namespace="urn:a" schemaLocation="a2.xsd"/>`, 'targetNamespace="urn:b"'),
  });
  const cache = new DocumentCache();
  const first = loadDescription([join(dir, 'a.xsd')], { cache });
  assert.deepEqual(first.diagnostics, []);
  assert.equal(first.documents.length, 3);
  assert.equal(first.schemas.length, 3);
  for (const f of ['a.xsd', 'a2.xsd', 'b.xsd']) assert.equal(cache.readCount(join(dir, f)), 1, f);
  const second = loadDescription([join(dir, 'b.xsd')], { cache });
  assert.equal(second.documents.length, 3);
  assert.equal(cache.totalReads, 3);
  // Same result whatever the entry order.
  assert.deepEqual(
    second.schemas.map((s) => s.key),
    first.schemas.map((s) => s.key),
  );
});

test('missing include and import targets are warnings at the directive; unresolved references then are errors', () => {
  const { diagnostics } = runFiles({
    'main.xsd': schema(`
  <xs:include schemaLocation="gone.xsd"/>
  <xs:import namespace="urn:x" schemaLocation="missing/x.xsd"/>
  <xs:element name="E" type="t:FromGone"/>`),
  });
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.code, d.line, d.column]),
    [
      ['warning', 'file-not-found', 4, 3],
      ['warning', 'file-not-found', 5, 3],
      ['error', 'unresolved-type', 6, 3],
    ],
  );
  assert.match(diagnostics[0].message, /cannot read included schema 'gone.xsd|cannot read included schema '.*gone.xsd': file not found/);
});

test('an import without schemaLocation: fine when another loaded schema provides the namespace, else a warning', () => {
  const ok = runFiles(
    {
      'main.xsd': schema(`<xs:import namespace="urn:o"/><xs:element name="E" type="o:T"/>`, 'targetNamespace="urn:t" xmlns:o="urn:o"'),
      'o.xsd': schema('<xs:complexType name="T"/>', 'targetNamespace="urn:o"'),
    },
    {},
    { entries: ['main.xsd', 'o.xsd'] },
  );
  assert.deepEqual(ok.diagnostics, []);
  const missing = runFiles({ 'main.xsd': schema(`\n<xs:import namespace="urn:nowhere"/>`) });
  assert.deepEqual(
    missing.diagnostics.map((d) => [d.severity, d.code, d.line]),
    [['warning', 'unresolved-import', 4]],
  );
});

test('WSDL: several inline schemas, a no-namespace one that only imports, one that only includes, wsdl:import of a WSDL and of an XSD', () => {
  const { model, diagnostics, loaded } = runFiles({
    'svc.wsdl': `<?xml version="1.0"?>
<wsdl:definitions ${WSDL_NS} targetNamespace="urn:svc" xmlns:t="urn:t">
  <wsdl:import namespace="urn:more" location="more.wsdl"/>
  <wsdl:import namespace="urn:x" location="xsd/x.xsd"/>
  <wsdl:types>
    <xs:schema>
      <xs:import namespace="urn:t" schemaLocation="xsd/t.xsd"/>
    </xs:schema>
    <xs:schema targetNamespace="urn:t" xmlns:t="urn:t">
      <xs:include schemaLocation="xsd/t2.xsd"/>
    </xs:schema>
    <xs:schema targetNamespace="urn:inline" xmlns:x="urn:x" elementFormDefault="qualified">
      <xs:import namespace="urn:x"/>
      <xs:element name="Inline" type="x:X"/>
    </xs:schema>
  </wsdl:types>
</wsdl:definitions>`,
    'more.wsdl': `<wsdl:definitions ${WSDL_NS} targetNamespace="urn:more"><wsdl:types><xs:schema targetNamespace="urn:more"><xs:element name="More" type="xs:string"/></xs:schema></wsdl:types></wsdl:definitions>`,
    'xsd/t.xsd': schema('<xs:element name="T1" type="xs:string"/>'),
    'xsd/t2.xsd': schema('<xs:element name="T2" type="xs:string"/>'),
    'xsd/x.xsd': schema('<xs:complexType name="X"/>', 'targetNamespace="urn:x"'),
  });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    loaded.wsdlDocuments.map((d) => d.path.split('/').pop()),
    ['svc.wsdl', 'more.wsdl'],
  );
  assert.deepEqual(
    model.elements.map((e) => e.name),
    ['{urn:inline}Inline', '{urn:more}More', '{urn:t}T1', '{urn:t}T2'],
  );
  assert.deepEqual(model.namespaces, ['urn:inline', 'urn:more', 'urn:t', 'urn:x']);
  // The WSDL parser reads the same light tree, with positions.
  const root = loaded.wsdlDocuments[0].root;
  assert.equal(root.localName, 'definitions');
  assert.equal(root.lineNumber, 2);
});

test('the entries may be given in any order: same model JSON', () => {
  const files = {
    'a.xsd': schema(
      '<xs:import namespace="urn:b" schemaLocation="b.xsd"/><xs:element name="A" type="b:T"/><xs:complexType name="Dup"/>',
      'targetNamespace="urn:t" xmlns:b="urn:b"',
    ),
    'b.xsd': schema('<xs:complexType name="T"/><xs:element name="Dup" type="xs:int"/>', 'targetNamespace="urn:b"'),
    'c.xsd': schema(
      '<xs:element name="C"><xs:complexType><xs:sequence><xs:element name="x"><xs:complexType/></xs:element></xs:sequence></xs:complexType></xs:element>',
      'targetNamespace="urn:c"',
    ),
  };
  const dir = writeFiles(files);
  const abc = runEntries(
    ['a.xsd', 'b.xsd', 'c.xsd'].map((f) => join(dir, f)),
    { elements: ['{urn:t}A'] },
  );
  const cba = runEntries(
    ['c.xsd', 'b.xsd', 'a.xsd'].map((f) => join(dir, f)),
    { elements: ['{urn:t}A'] },
  );
  assert.equal(JSON.stringify(cba.model), JSON.stringify(abc.model));
});

test('WSDL documents: the entries first, in the order given, then the imported ones', () => {
  const dir = writeFiles({
    'a.wsdl': `<wsdl:definitions ${WSDL_NS} targetNamespace="urn:a"><wsdl:import namespace="urn:c" location="c.wsdl"/></wsdl:definitions>`,
    'b.wsdl': `<wsdl:definitions ${WSDL_NS} targetNamespace="urn:b"><wsdl:import namespace="urn:a" location="a.wsdl"/></wsdl:definitions>`,
    'c.wsdl': `<wsdl:definitions ${WSDL_NS} targetNamespace="urn:c"/>`,
  });
  const loaded = loadDescription([join(dir, 'a.wsdl'), join(dir, 'b.wsdl')], {});
  assert.deepEqual(loaded.diagnostics, []);
  assert.deepEqual(
    loaded.wsdlDocuments.map((d) => d.path.split('/').pop()),
    ['a.wsdl', 'b.wsdl', 'c.wsdl'],
  );
});
