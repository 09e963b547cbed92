/**
 * `xmime:expectedContentTypes`, the schema cue for XOP/MTOM: read on element declarations, element
 * references and simple-content derivations, under any prefix bound to the xmime namespace.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLightTree } from '../../generator/load/xml-tree-reader.js';
import { parseLightTreeWithSaxes } from '../../generator/load/xml-tree.js';
import { expectedContentTypesOf } from '../../generator/parse/xsd/expected-content-types.js';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { complexType, elementByName, elementTerms, errors, particleOf, runEntries, runSchema, schema } from './support.js';

const XMIME = 'http://www.w3.org/2005/05/xmlmime';

test('on global and local elements, element references and simple-content extensions, any prefix', () => {
  const { model, diagnostics } = runSchema(
    schema(
      `
  <xs:element name="Global" type="xs:base64Binary" xmime:expectedContentTypes="application/pdf"/>
  <xs:element name="Plain" type="xs:base64Binary"/>
  <xs:complexType name="Doc">
    <xs:simpleContent>
      <xs:extension base="xs:base64Binary" xm:expectedContentTypes=" image/png ">
        <xs:attribute name="id" type="xs:string"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="NotMarked">
    <xs:simpleContent>
      <xs:extension base="xs:base64Binary" other:expectedContentTypes="text/plain" expectedContentTypes="text/plain"/>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="Holder">
    <xs:sequence>
      <xs:element name="local" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream"/>
      <xs:element ref="t:Global"/>
      <xs:element ref="t:Plain" xm:expectedContentTypes="text/xml"/>
      <xs:element name="empty" type="xs:base64Binary" xmime:expectedContentTypes=""/>
      <xs:element name="redeclared" type="xs:base64Binary" xmlns:xmime="urn:not-xmime" xmime:expectedContentTypes="text/plain"/>
    </xs:sequence>
  </xs:complexType>`,
      `targetNamespace="urn:t" xmlns:t="urn:t" elementFormDefault="qualified" xmlns:xmime="${XMIME}" xmlns:xm="${XMIME}" xmlns:other="urn:other"`,
    ),
  );
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(elementByName(model, '{urn:t}Global').expectedContentTypes, 'application/pdf');
  assert.equal(elementByName(model, '{urn:t}Plain').expectedContentTypes, undefined);
  assert.equal(complexType(model, '{urn:t}Doc').expectedContentTypes, 'image/png');
  assert.equal(complexType(model, '{urn:t}NotMarked').expectedContentTypes, undefined);
  const terms = elementTerms(particleOf(complexType(model, '{urn:t}Holder')));
  assert.deepEqual(
    terms.map((t) => [t.name, t.expectedContentTypes]),
    [
      ['{urn:t}local', 'application/octet-stream'],
      ['{urn:t}Global', 'application/pdf'], // a reference takes the global element's
      ['{urn:t}Plain', 'text/xml'], // …unless it writes its own
      ['{urn:t}empty', undefined],
      ['{urn:t}redeclared', undefined], // the prefix is what counts, not its spelling
    ],
  );
  // Absent means absent in the JSON model too, not `undefined` noise.
  assert.equal(Object.hasOwn(elementByName(model, '{urn:t}Plain'), 'expectedContentTypes'), false);
});

test('the attribute is found by namespace in trees from both readers (the runtime reader and saxes)', () => {
  const text = `<e xmlns:m="${XMIME}" xmlns:x="urn:other"><f m:expectedContentTypes=" image/png "/><g x:expectedContentTypes="text/plain"/></e>`;
  for (const root of [parseLightTree(text), parseLightTreeWithSaxes(text)]) {
    const [f, g] = [root.firstChild, root.firstChild?.nextSibling] as const;
    assert.ok(f && g && f.nodeType === 1 && g.nodeType === 1);
    assert.equal(expectedContentTypesOf(f as typeof root), 'image/png');
    assert.equal(expectedContentTypesOf(g as typeof root), undefined);
  }
});

test('corpus: the xmime prefix declared on wsdl:definitions, outside the inline schema (TechSpokes MTOM fixture)', { skip: corpusSkipReason }, () => {
  const wsdl = corpus('techspokes-typescript-wsdl-client', 'test', 'conformance', 'fixtures', 'soap', 'attachments', 'attachment-mtom-xop.wsdl');
  const { model, diagnostics } = runEntries([wsdl]);
  assert.deepEqual(errors(diagnostics), []);
  const request = complexType(model, '{urn:conformance:mtom-xop-attachment}AttachmentRequest~');
  assert.deepEqual(
    elementTerms(particleOf(request)).map((t) => [t.name, t.expectedContentTypes]),
    [['{urn:conformance:mtom-xop-attachment}document', 'application/pdf']],
  );
});

test('corpus: the DMP MTOM schema variant marks both Document declarations; the plain one neither', { skip: corpusSkipReason }, () => {
  const IHE = 'urn:ihe:iti:xds-b:2007';
  const mtom = runEntries([corpus('dmp-annexe-wsdl-schema', 'schema', 'IHE', 'XDS.b_DocumentRepository-MTOM_CXF.xsd')]);
  assert.deepEqual(errors(mtom.diagnostics), []);
  // ITI-41: on the xs:extension of the Document's anonymous simple-content type.
  const provided = complexType(mtom.model, `{${IHE}}ProvideAndRegisterDocumentSetRequestType/Document~`);
  assert.equal(provided.expectedContentTypes, 'application/octet-stream');
  // ITI-43: on the local element declaration.
  const response = complexType(mtom.model, `{${IHE}}RetrieveDocumentSetResponseType/DocumentResponse~`);
  const document = elementTerms(particleOf(response)).find((t) => t.name === `{${IHE}}Document`);
  assert.equal(document?.expectedContentTypes, 'application/octet-stream');

  const plain = runEntries([corpus('dmp-annexe-wsdl-schema', 'schema', 'IHE', 'XDS.b_DocumentRepository.xsd')]);
  assert.equal(complexType(plain.model, `{${IHE}}ProvideAndRegisterDocumentSetRequestType/Document~`).expectedContentTypes, undefined);
  const plainResponse = complexType(plain.model, `{${IHE}}RetrieveDocumentSetResponseType/DocumentResponse~`);
  assert.ok(elementTerms(particleOf(plainResponse)).every((t) => t.expectedContentTypes === undefined));
});
