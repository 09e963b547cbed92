import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadDescription } from '../../generator/load/load.js';
import { runFiles, schema, writeFiles } from '../xsd/support.js';

function loadOne(name: string, content: string | Uint8Array) {
  const dir = writeFiles({ [name]: content });
  return { dir, result: loadDescription([join(dir, name)], {}) };
}

test('a missing entry file is an error naming the file, without a position (line 0)', () => {
  const result = loadDescription(['/nonexistent/volet/nothing.wsdl'], {});
  assert.deepEqual(
    result.diagnostics.map((d) => [d.severity, d.code, d.file, d.line, d.column]),
    [['error', 'file-not-found', '/nonexistent/volet/nothing.wsdl', 0, 0]],
  );
  assert.deepEqual(result.documents, []);
});

test('a directory given as a file is an unreadable-file error', () => {
  const dir = writeFiles({ 'sub/x.xsd': schema('') });
  const result = loadDescription([join(dir, 'sub')], {});
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['unreadable-file'],
  );
  assert.match(result.diagnostics[0].message, /is a directory/);
});

test('malformed XML gives an error at the file, line and column of the problem', () => {
  const { result } = loadOne(
    'bad.xsd',
    '<?xml version="1.0"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="a">\n</xs:schema>\n',
  );
  assert.equal(result.diagnostics.length, 1);
  const d = result.diagnostics[0];
  assert.equal(d.severity, 'error');
  assert.equal(d.code, 'malformed-xml');
  assert.ok(d.file.endsWith('bad.xsd'));
  // The element left open is where the problem is (xmldom points at its start tag).
  assert.equal(d.line, 3);
  assert.ok(d.column >= 1);
  assert.match(d.message, /malformed XML: .*xs:element/);
});

test('non-XML content, an empty file and an unbound prefix are errors, never exceptions', () => {
  for (const [name, text, pattern] of [
    ['text.wsdl', 'This is not XML at all.\n', /not an XML document/],
    ['empty.xsd', '', /not an XML document/],
    ['mime.wsdl', '------=_Part_9\nContent-Type: text/xml\n\n<a/>', /root element is \{\}a/],
    ['prefix.xsd', '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n<q:element/></xs:schema>', /malformed XML/],
  ] as const) {
    const { result } = loadOne(name, text);
    const errs = result.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errs.length, 1, name);
    assert.match(errs[0].message, pattern, name);
    assert.ok(
      result.diagnostics.every((d) => d.line >= 1 && d.column >= 1 && d.file.endsWith(name)),
      name,
    );
    assert.deepEqual(result.schemas, [], name);
  }
});

test('a well-formed document that is neither WSDL 1.1 nor XSD is an error at its root', () => {
  const { result } = loadOne('note.xml', '<?xml version="1.0"?>\n\n  <note xmlns="urn:n"/>');
  assert.deepEqual(
    result.diagnostics.map((d) => [d.code, d.line, d.column]),
    [['unknown-document', 3, 3]],
  );
  assert.match(result.diagnostics[0].message, /\{urn:n\}note/);
});

test('a malformed included file is reported in that file; the includer still loads', () => {
  const { diagnostics, loaded } = runFiles({
    'main.xsd': schema('<xs:include schemaLocation="broken.xsd"/><xs:element name="E" type="xs:string"/>'),
    'broken.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">\n<xs:element name="x"></xs:elem>',
  });
  assert.equal(diagnostics.length, 1);
  assert.ok(diagnostics[0].file.endsWith('broken.xsd'));
  assert.equal(diagnostics[0].line, 2);
  assert.equal(loaded.schemas.length, 1);
});

test('entities declared in an internal DTD subset: saxes reads the document, an undefined entity is a warning (kept as written), the schema is parsed', () => {
  const text = `<?xml version="1.0"?>
<!DOCTYPE xs:schema [ <!ENTITY ns "urn:t"> ]>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
  <xs:element name="E" type="xs:string"><xs:annotation><xs:documentation>In &ns;.</xs:documentation></xs:annotation></xs:element>
</xs:schema>`;
  const { diagnostics, model } = runFiles({ 'dtd.xsd': text });
  assert.deepEqual(
    diagnostics.map((d) => [d.severity, d.line, d.message]),
    [['warning', 4, 'XML error: entity not found:&ns;']],
  );
  assert.deepEqual(
    model.elements.map((e) => [e.name, e.source.line, e.source.column]),
    [['{urn:t}E', 4, 3]],
  );
});

test('each well-formedness mistake is one error where it is written, the other tag named in the message', () => {
  const cases: [string, string, [number, number, string]][] = [
    [
      'prefix.xsd',
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n  <xs:element name="a" q:x="1"/></xs:schema>',
      [2, 24, "malformed XML: namespace prefix 'q' is not declared"],
    ],
    [
      'mismatch.wsdl',
      '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/">\n  <wsdl:message name="M">\n  </wsdl:mesage>\n</wsdl:definitions>',
      [2, 3, 'malformed XML: end tag </wsdl:mesage> (line 3, column 3) does not match the start tag <wsdl:message>'],
    ],
    [
      'unclosed.xsd',
      '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">\n <xs:element name="a">\n',
      [2, 2, 'malformed XML: start tag <xs:element> is never closed'],
    ],
  ];
  for (const [name, text, expected] of cases) {
    const { result } = loadOne(name, text);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.line, d.column, d.message]),
      [expected],
      name,
    );
  }
});

test('text outside the root element is a warning at the text; the document is read', () => {
  const { result } = loadOne('mime.xsd', '--=_Part_9\n\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>\n  trailer');
  assert.deepEqual(
    result.diagnostics.map((d) => [d.severity, d.line, d.column, d.message]),
    [['warning', 1, 1, 'XML error: text outside the root element']],
  );
  assert.equal(result.schemas.length, 1);
});
