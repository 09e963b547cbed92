import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { runEntries, runFiles, schema, writeFiles } from '../xsd/support.js';

test('same input, same JSON: whatever the entry order, and run after run', () => {
  const files = {
    'one.xsd': schema(
      '<xs:import namespace="urn:two" schemaLocation="two.xsd"/><xs:element name="Shared" type="two:Shared"/><xs:complexType name="Shared"><xs:sequence><xs:element name="x"><xs:complexType/></xs:element></xs:sequence></xs:complexType>',
      'targetNamespace="urn:one" xmlns:two="urn:two"',
    ),
    'two.xsd': schema(
      '<xs:complexType name="Shared"/><xs:element name="Shared" type="xs:int"/><xs:element name="Other" type="xs:int"/>',
      'targetNamespace="urn:two"',
    ),
    'three.xsd': schema('<xs:include schemaLocation="chameleon.xsd"/>', 'targetNamespace="urn:three"'),
    'chameleon.xsd': '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:complexType name="Shared"/></xs:schema>',
  };
  const dir = writeFiles(files);
  const entries = ['one.xsd', 'two.xsd', 'three.xsd'].map((f) => join(dir, f));
  const roots = { elements: ['{urn:one}Shared'] };
  const first = JSON.stringify(runEntries(entries, roots).model);
  assert.equal(JSON.stringify(runEntries([...entries].reverse(), roots).model), first);
  assert.equal(JSON.stringify(runEntries([entries[1], entries[2], entries[0]], roots).model), first);
  assert.equal(
    JSON.stringify(runFiles(files, roots, { entries: ['three.xsd', 'one.xsd', 'two.xsd'] }).model).replaceAll(/volet-xsd-[^/]+/g, ''),
    first.replaceAll(/volet-xsd-[^/]+/g, ''),
  );
});

test('the DMP GDP model is byte-identical between two runs and with the entries reversed', { skip: corpusSkipReason }, () => {
  const gdp = corpus('dmp-annexe-wsdl-schema/wsdl/GestionDossierPatientPartage.wsdl');
  const registry = corpus('dmp-annexe-wsdl-schema/wsdl/XDS.b_DocumentRegistry.wsdl');
  const a = JSON.stringify(runEntries([gdp, registry]).model);
  const b = JSON.stringify(runEntries([registry, gdp]).model);
  assert.equal(a, b);
});
