import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_SCHEMAS } from '../../generator/catalog/builtin-catalog.js';
import { sortDiagnostics } from '../../generator/model/diagnostics.js';
import { complexType, elementByName, errors, runFiles, schema, writeFiles } from '../xsd/support.js';
import { volet } from '../cli/run.js';

const WSA = 'http://www.w3.org/2005/08/addressing';

test('a remote ws-addr location maps to the built-in WS-Addressing schema', () => {
  const { model, diagnostics, loaded } = runFiles(
    {
      'main.xsd': schema(
        `
  <xs:import namespace="${WSA}" schemaLocation="http://www.w3.org/2006/03/addressing/ws-addr.xsd"/>
  <xs:element name="E"><xs:complexType><xs:sequence><xs:element ref="wsa:MessageID"/><xs:element ref="wsa:ReplyTo"/></xs:sequence></xs:complexType></xs:element>`,
        `targetNamespace="urn:t" xmlns:t="urn:t" xmlns:wsa="${WSA}"`,
      ),
    },
    { elements: ['{urn:t}E'] },
  );
  assert.deepEqual(diagnostics, []);
  assert.ok(loaded.documents.some((d) => d.displayPath === 'volet-catalog:ws-addressing.xsd'));
  assert.equal(elementByName(model, `{${WSA}}MessageID`).type, `{${WSA}}AttributedURIType`);
  const epr = complexType(model, `{${WSA}}EndpointReferenceType`);
  assert.equal(epr.reached, true);
  for (const name of ['MessageID', 'To', 'Action', 'ReplyTo', 'From', 'FaultTo', 'RelatesTo', 'ReferenceParameters', 'Metadata']) {
    assert.ok(
      model.elements.some((e) => e.name === `{${WSA}}${name}`),
      name,
    );
  }
});

test('imports without location resolve through the built-in catalog by namespace, transitively', () => {
  const { model, diagnostics, loaded } = runFiles({
    'main.xsd': schema(`
  <xs:import namespace="urn:oasis:names:tc:SAML:2.0:assertion"/>
  <xs:import namespace="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"/>
  <xs:import namespace="http://www.w3.org/2004/08/xop/include"/>
  <xs:import namespace="http://www.w3.org/2005/05/xmlmime"/>
  <xs:import namespace="http://www.w3.org/2003/05/soap-envelope"/>
  <xs:import namespace="http://schemas.xmlsoap.org/soap/envelope/"/>
  <xs:import namespace="http://www.w3.org/2001/XMLSchema-instance"/>`),
  });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    loaded.documents
      .filter((d) => d.path.startsWith('volet-catalog:'))
      .map((d) => d.displayPath)
      .sort(),
    [
      'volet-catalog:saml-2.0-assertion.xsd',
      'volet-catalog:soap11-envelope.xsd',
      'volet-catalog:soap12-envelope.xsd',
      'volet-catalog:wss-secext-1.0.xsd',
      'volet-catalog:wss-utility-1.0.xsd',
      'volet-catalog:xmime.xsd',
      'volet-catalog:xml.xsd',
      'volet-catalog:xmldsig-core.xsd',
      'volet-catalog:xmlenc-core.xsd',
      'volet-catalog:xop-include.xsd',
      'volet-catalog:xsi.xsd',
    ],
  );
  const saml = 'urn:oasis:names:tc:SAML:2.0:assertion';
  const assertion = complexType(model, `{${saml}}AssertionType`);
  assert.deepEqual(
    assertion.attributes.map((a) => a.name),
    ['{}Version', '{}ID', '{}IssueInstant'],
  );
  assert.equal(elementByName(model, `{${saml}}AttributeValue`).type, '{http://www.w3.org/2001/XMLSchema}anyType');
  assert.equal(elementByName(model, `{${saml}}Issuer`).type, `{${saml}}NameIDType`);
  assert.ok(model.elements.some((e) => e.name === '{http://www.w3.org/2000/09/xmldsig#}Signature'));
  const security = complexType(model, '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}SecurityHeaderType');
  assert.ok(security.content.kind === 'element' && security.content.particle?.term.kind === 'sequence');
  assert.deepEqual(security.anyAttribute?.processContents, 'lax');
});

test('user catalog entries win: by location first, then by namespace', () => {
  const dir = writeFiles({
    'local-wsa.xsd': schema('<xs:element name="Mine" type="xs:string"/>', `targetNamespace="${WSA}"`),
    'local-x.xsd': schema('<xs:element name="X" type="xs:string"/>', 'targetNamespace="urn:x"'),
  });
  const { model, diagnostics } = runFiles(
    {
      'main.xsd': schema(`
  <xs:import namespace="${WSA}" schemaLocation="http://example.org/anything/ws-addr.xsd"/>
  <xs:import namespace="urn:x" schemaLocation="https://example.org/x.xsd"/>`),
    },
    {},
    {
      catalog: [
        { location: 'http://example.org/anything/ws-addr.xsd', file: join(dir, 'local-wsa.xsd') },
        { namespace: 'urn:x', file: join(dir, 'local-x.xsd') },
      ],
    },
  );
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    model.elements.map((e) => e.name),
    [`{${WSA}}Mine`, '{urn:x}X'],
  );
});

test('a remote location with no catalog entry: error at file:line:col when the namespace stays unresolved, never a fetch', () => {
  const { diagnostics, loaded } = runFiles({
    'main.xsd': schema(`
  <xs:import namespace="urn:remote" schemaLocation="https://example.invalid/remote.xsd"/>
  <xs:include schemaLocation="http://example.invalid/inc.xsd"/>`),
  });
  assert.deepEqual(
    sortDiagnostics(diagnostics).map((d) => [d.severity, d.code, d.line, d.column]),
    [
      ['error', 'remote-location', 4, 3],
      ['warning', 'remote-location', 5, 3],
    ],
  );
  const remote = diagnostics.find((d) => d.severity === 'error');
  assert.ok(remote !== undefined && remote.file.endsWith('main.xsd'));
  assert.match(remote.message, /https:\/\/example\.invalid\/remote\.xsd.*not fetched.*urn:remote/);
  assert.equal(loaded.documents.length, 1);
});

test('a remote location whose namespace another loaded schema provides is not an error', () => {
  const { diagnostics } = runFiles(
    {
      'main.xsd': schema(`<xs:import namespace="urn:o" schemaLocation="http://example.invalid/o.xsd"/>`),
      'o.xsd': schema('<xs:element name="O" type="xs:string"/>', 'targetNamespace="urn:o"'),
    },
    {},
    { entries: ['main.xsd', 'o.xsd'] },
  );
  assert.deepEqual(errors(diagnostics), []);
});

test('every built-in catalog schema loads and resolves without any diagnostic', () => {
  for (const builtin of BUILTIN_SCHEMAS) {
    const { diagnostics, model } = runFiles({ 'main.xsd': schema(`<xs:import namespace="${builtin.namespace}"/>`) });
    assert.deepEqual(diagnostics, [], builtin.name);
    assert.ok(model.namespaces.includes(builtin.namespace), builtin.name);
  }
});

const xmllint = spawnSync('xmllint', ['--version']).status === 0;

test('the built-in catalog schemas are valid XML Schemas for xmllint', { skip: xmllint ? false : 'xmllint not installed' }, () => {
  // xmllint needs locations: write every schema, then a driver importing all of them by file.
  const dir = mkdtempSync(join(tmpdir(), 'volet-catalog-'));
  const byNamespace = new Map(BUILTIN_SCHEMAS.map((s) => [s.namespace, s.name]));
  for (const s of BUILTIN_SCHEMAS) {
    const text = s.text.replace(
      /<xs:import namespace="([^"]+)"\/>/g,
      (_m, ns: string) => `<xs:import namespace="${ns}" schemaLocation="${byNamespace.get(ns) ?? ''}"/>`,
    );
    writeFileSync(join(dir, s.name), text);
  }
  for (const s of BUILTIN_SCHEMAS) {
    // XSD 1.0 §3.2.6 forbids declaring attributes in the xsi namespace; volet's xsi.xsd exists so that
    // imports of that namespace and references to xsi attributes resolve, so xmllint must reject it.
    if (s.namespace === 'http://www.w3.org/2001/XMLSchema-instance') continue;
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(dir, s.name), join(dir, s.name)], { encoding: 'utf8' });
    // The schema compiles when xmllint gets as far as validating the instance (which is not a valid instance, and need not be).
    assert.doesNotMatch(r.stderr, /failed to compile|Schemas parser error/, `${s.name}: ${r.stderr}`);
  }
});

test('a namespace a loaded schema provides is never also taken from the built-in catalog', () => {
  const { diagnostics, loaded } = runFiles(
    {
      'main.xsd': schema(`<xs:import namespace="${WSA}" schemaLocation="http://www.w3.org/2006/03/addressing/ws-addr.xsd"/>`),
      'my-wsa.xsd': schema('<xs:element name="MessageID" type="xs:anyURI"/>', `targetNamespace="${WSA}"`),
    },
    {},
    { entries: ['main.xsd', 'my-wsa.xsd'] },
  );
  assert.deepEqual(diagnostics, []);
  assert.equal(
    loaded.documents.some((d) => d.path.startsWith('volet-catalog:')),
    false,
  );
});

test('the schema for schemas: an import of the XML Schema namespace by its W3C location resolves offline, generates, and a schema inside a message round-trips', async () => {
  const xs = 'http://www.w3.org/2001/XMLSchema';
  const main = schema(
    `
  <xs:import namespace="${xs}" schemaLocation="http://www.w3.org/2001/XMLSchema.xsd"/>
  <xs:element name="DataSet">
    <xs:complexType><xs:sequence>
      <xs:element ref="xs:schema"/>
      <xs:any namespace="##other" processContents="lax" minOccurs="0"/>
    </xs:sequence></xs:complexType>
  </xs:element>`,
  );
  const { model, diagnostics, loaded } = runFiles({ 'main.xsd': main });
  assert.deepEqual(diagnostics, []);
  assert.ok(loaded.documents.some((d) => d.displayPath === 'volet-catalog:XMLSchema.xsd'));
  assert.equal(elementByName(model, `{${xs}}schema`).type, `{${xs}}anyType`);

  // generate (with its type check), then decode → encode a .NET-style DataSet through the CLI.
  const dir = writeFiles({
    'main.xsd': main,
    'ds.xml':
      '<DataSet xmlns="urn:t"><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" id="NewDataSet"><xs:element name="Row" type="xs:string"/></xs:schema><d:diffgram xmlns:d="urn:diff"><Row>1</Row></d:diffgram></DataSet>',
  });
  const generated = await volet('generate', join(dir, 'main.xsd'), '--out', join(dir, 'out'));
  assert.equal(generated.code, 0, generated.stderr);
  assert.match(readFileSync(join(dir, 'out', 'schemas', 't', 'types.ts'), 'utf8'), /schema: unknown;/);
  const decoded = await volet('decode', join(dir, 'main.xsd'), join(dir, 'ds.xml'));
  assert.equal(decoded.code, 0, decoded.stderr);
  const value = (JSON.parse(decoded.stdout) as { value: { schema: { $xml: string } } }).value;
  assert.match(value.schema.$xml, /^<xs:schema [^>]*id="NewDataSet"><xs:element name="Row" type="xs:string"\/><\/xs:schema>$/);
  writeFileSync(join(dir, 'ds.json'), decoded.stdout);
  const encoded = await volet('encode', join(dir, 'main.xsd'), join(dir, 'ds.json'));
  assert.equal(encoded.code, 0, encoded.stderr);
  assert.match(
    encoded.stdout,
    /<xs:schema xmlns:xs="http:\/\/www\.w3\.org\/2001\/XMLSchema" id="NewDataSet"><xs:element name="Row" type="xs:string"\/><\/xs:schema><d:diffgram/,
  );
});

test('a local copy of XMLSchema.xsd is never read: the namespace comes from the built-in catalog', () => {
  const { diagnostics, loaded } = runFiles({
    'main.xsd': schema(`<xs:import namespace="http://www.w3.org/2001/XMLSchema" schemaLocation="XMLSchema.xsd"/>
  <xs:element name="E"><xs:complexType><xs:sequence><xs:element ref="xs:annotation"/></xs:sequence></xs:complexType></xs:element>`),
    'XMLSchema.xsd': '<not-read/>',
  });
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    loaded.documents.map((d) => d.displayPath.replace(/^.*[\\/]/, '')),
    ['main.xsd', 'volet-catalog:XMLSchema.xsd'],
  );
});
