import { test } from 'node:test';
import assert from 'node:assert/strict';
import { complexType, elementTerms, errors, particleOf, runSchema, schema, xs } from './support.js';

test('unresolved references are errors at the referring file:line:col, with neutral stand-ins', () => {
  const text = schema(`
  <xs:element name="E" type="t:NoType"/>
  <xs:complexType name="T">
    <xs:sequence>
      <xs:element ref="t:NoElement"/>
      <xs:element name="x" type="xs:notABuiltin"/>
    </xs:sequence>
    <xs:attribute ref="t:noAttribute"/>
    <xs:attribute name="y" type="t:NoSimple"/>
  </xs:complexType>
  <xs:complexType name="D"><xs:complexContent><xs:extension base="t:NoBase"/></xs:complexContent></xs:complexType>
  <xs:element name="F" type="nope:Thing"/>`);
  const { model, diagnostics } = runSchema(text);
  const lines = text.split('\n');
  const at = (needle: string): [number, number] => {
    const i = lines.findIndex((l) => l.includes(needle));
    return [i + 1, lines[i].lastIndexOf('<', lines[i].indexOf(needle)) + 1];
  };
  const got = errors(diagnostics)
    .map((d) => [d.code, d.line, d.column, d.file])
    .sort((a, b) => (a[1] as number) - (b[1] as number));
  assert.deepEqual(
    got,
    [
      ['unresolved-type', ...at('t:NoType'), diagnostics[0].file],
      ['unresolved-element', ...at('t:NoElement'), diagnostics[0].file],
      ['unresolved-type', ...at('xs:notABuiltin'), diagnostics[0].file],
      ['unresolved-attribute', ...at('t:noAttribute'), diagnostics[0].file],
      ['unresolved-type', ...at('t:NoSimple'), diagnostics[0].file],
      ['unresolved-type', ...at('t:NoBase'), diagnostics[0].file],
      ['unbound-prefix', ...at('nope:Thing'), diagnostics[0].file],
    ].sort((a, b) => (a[1] as number) - (b[1] as number)),
  );
  assert.ok(diagnostics[0].file.endsWith('main.xsd'));
  const messages = errors(diagnostics).map((d) => d.message);
  assert.ok(messages.includes('unresolved type reference {urn:t}NoType'), messages.join('\n'));
  assert.ok(messages.includes(`${xs('notABuiltin')} is not an XML Schema built-in type`));
  // Stand-ins keep the model usable.
  const [ref, x] = elementTerms(particleOf(complexType(model, '{urn:t}T')));
  assert.equal(ref.type, xs('anyType'));
  assert.equal(x.type, xs('anyType'));
  assert.equal(complexType(model, '{urn:t}T').attributes[1].type, xs('anySimpleType'));
});
