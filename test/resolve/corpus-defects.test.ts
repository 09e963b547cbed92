/**
 * Two corpus findings of bench/generate/corpus-sweep.ts, checked to be defects of the files rather
 * than of the front end, and pinned so that their diagnostics stay exact (file, line, code):
 * - CyberSource 1.26 (`_3` variant): `xsd:include location=…` — `location` is not an XSD attribute,
 *   so the include has no `schemaLocation`, and the message parts name elements nothing declares.
 * - NetSuite 2013_2 fixtures import `../../platform/*.xsd`, which node-soap's tree holds in version
 *   2011_1: the imported namespaces differ, so `…faults_2013_2…}StatusDetailCodeType` exists nowhere.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../generator/model/model.js';
import { buildModel } from '../../generator/pipeline.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

function brief(diagnostics: readonly Diagnostic[], severity: Diagnostic['severity']): [string, number, string][] {
  return diagnostics.filter((d) => d.severity === severity).map((d) => [d.file.split('/').pop() ?? '', d.line, d.code ?? '']);
}

test('CyberSource: xs:include written with `location` has no schemaLocation (error at the include)', { skip: corpusSkipReason }, () => {
  const model = buildModel([corpus('node-soap', 'test', 'wsdl', 'strict', 'CyberSourceTransaction_1.26_3.wsdl')]);
  assert.deepEqual(brief(model.diagnostics, 'error'), [
    ['CyberSourceTransaction_1.26_3.wsdl', 5, 'missing-schema-location'],
    ['CyberSourceTransaction_1.26_3.wsdl', 9, 'wsdl-undeclared-element'],
    ['CyberSourceTransaction_1.26_3.wsdl', 12, 'wsdl-undeclared-element'],
  ]);
  // The same schema imported properly (the `_2` variant) declares those elements.
  const fixed = buildModel([corpus('node-soap', 'test', 'wsdl', 'strict', 'CyberSourceTransaction_1.26_2.wsdl')]);
  assert.deepEqual(brief(fixed.diagnostics, 'error'), []);
  assert.ok(fixed.schema.elements.some((e) => e.name === '{urn:schemas-cybersource-com:transaction-data-1.26}requestMessage'));
});

test('NetSuite: 2013_2 schemas import 2011_1 ones; StatusDetailCodeType exists only in the 2011_1 namespace', { skip: corpusSkipReason }, () => {
  const model = buildModel([corpus('node-soap', 'test', 'request-response-samples', 'login__attributes_in_request_should_be_handled', 'soap.wsdl')]);
  assert.deepEqual(brief(model.diagnostics, 'warning'), [
    ['soap.platform.core.xsd', 3, 'import-namespace-mismatch'],
    ['soap.platform.core.xsd', 4, 'import-namespace-mismatch'],
    ['soap.platform.messages.xsd', 3, 'import-namespace-mismatch'],
    ['soap.platform.messages.xsd', 4, 'import-namespace-mismatch'],
  ]);
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(
    errors.map((d) => d.message),
    [
      'unresolved type reference {urn:types.faults_2013_2.platform.webservices.netsuite.com}StatusDetailCodeType',
      'unresolved type reference {urn:types.faults_2013_2.platform.webservices.netsuite.com}StatusDetailType',
    ],
  );
  assert.ok(model.schema.types.some((t) => t.id === '{urn:types.faults_2011_1.platform.webservices.netsuite.com}StatusDetailCodeType'));
});
