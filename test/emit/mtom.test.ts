/**
 * `mtom: true` in operation descriptors: written for operations whose request reaches content marked
 * with `xmime:expectedContentTypes` (the model's `Operation.mtom`), and only for them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { buildModel } from '../../generator/pipeline.js';
import { repoRoot } from '../support/paths.js';
import { describeDiagnostics, emit, emitted, modelOf, Scratch, typecheckAll, wsdlAround } from './support/emit-fixture.js';

const scratch = new Scratch('volet-mtom-');
after(() => scratch.remove());

/** The text of one operation's descriptor in descriptors.ts. */
function operationBlock(descriptors: string, key: string): string {
  const start = descriptors.indexOf(`\n    ${key}: {`);
  assert.ok(start >= 0, `no operation ${key}`);
  const end = descriptors.indexOf('\n    },', start);
  return descriptors.slice(start, end);
}

const MARKED = `
      <xs:element name="Root"><xs:complexType><xs:sequence>
        <xs:element name="data" type="xs:base64Binary" xmime:expectedContentTypes="application/octet-stream"
            xmlns:xmime="http://www.w3.org/2005/05/xmlmime"/>
      </xs:sequence></xs:complexType></xs:element>
      <xs:element name="Ack" type="xs:string"/>`;

describe('mtom in operation descriptors', () => {
  test('a marked request: mtom: true, and the file compiles; an unmarked one: no mtom key', () => {
    const marked = emitted('marked', modelOf(scratch, 'marked', { 'test.wsdl': wsdlAround(MARKED, 'Root', 'Ack') }, 'test.wsdl'));
    const response = emitted('response', modelOf(scratch, 'response', { 'test.wsdl': wsdlAround(MARKED, 'Ack', 'Root') }, 'test.wsdl'));
    typecheckAll(scratch.dir, [marked, response]);
    assert.equal(marked.diagnostics.length + response.diagnostics.length, 0, describeDiagnostics([...marked.diagnostics, ...response.diagnostics]));
    assert.match(operationBlock(marked.files['descriptors.ts'] ?? '', 'Op'), /\n {6}mtom: true,$/);
    // Binary content in the response only: the runtime reads responses by their Content-Type.
    assert.equal(response.model.services[0]?.ports[0]?.operations[0]?.mtomResponse, true);
    assert.doesNotMatch(response.files['descriptors.ts'] ?? '', /mtom/);
  });

  test("volet's XDS repository: ITI-41 is marked, ITI-43 is not", () => {
    const model = buildModel([join(repoRoot, 'wsdl', 'xds', 'document-repository.wsdl')]);
    const descriptors = emit(model).files.find((f) => f.path === 'descriptors.ts')?.content ?? '';
    assert.match(operationBlock(descriptors, 'ProvideAndRegisterDocumentSet'), /mtom: true,/);
    assert.doesNotMatch(operationBlock(descriptors, 'RetrieveDocumentSet'), /mtom/);
  });
});
