/**
 * Issue must-hold 3: `volet inspect --json` (run in process) on the INSi WSDL prints the model with
 * the keys the issue names, and exits 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { hasStackTrace, volet } from '../cli/run.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value[key]`, asserting that it is an array. */
function list(value: unknown, key: string): unknown[] {
  assert.ok(isRecord(value), `object expected holding ${key}`);
  const v = value[key];
  assert.ok(Array.isArray(v), `${key} is a list`);
  return v;
}

function keys(value: unknown): string[] {
  assert.ok(isRecord(value));
  return Object.keys(value);
}

const QNAME = /^\{[^}]*\}[^{}]+$/;

test('inspect --json on the INSi WSDL: services, ports, operations, bodies, headers, faults, diagnostics', { skip: corpusSkipReason }, async () => {
  const r = await volet('inspect', '--json', corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl'));
  assert.equal(hasStackTrace(r.stderr), false);
  assert.equal(r.code, 0, r.stderr);
  const model: unknown = JSON.parse(r.stdout);

  assert.ok(Array.isArray(list(model, 'diagnostics')));
  const services = list(model, 'services');
  assert.equal(services.length, 1);
  const [service] = services;
  assert.ok(isRecord(service));
  assert.equal(service.name, 'ICIR-v1');

  const ports = list(service, 'ports');
  assert.equal(ports.length, 1);
  const [port] = ports;
  assert.ok(isRecord(port));
  for (const key of ['name', 'binding', 'soapVersion', 'address']) assert.ok(keys(port).includes(key), `port.${key}`);
  assert.equal(port.name, 'ICIRService');
  assert.equal(port.binding, '{http://www.cnamts.fr/webservice}ICIRServiceBinding');
  assert.equal(port.soapVersion, '1.2');
  assert.equal(port.address, 'https://qualiflps-services-ps-tlsm.ameli.fr:443/lps');

  const operations = list(port, 'operations');
  assert.deepEqual(
    operations.map((o) => (isRecord(o) ? o.name : null)),
    ['rechercherInsAvecCarteVitale', 'rechercherInsAvecTraitsIdentite'],
  );
  for (const op of operations) {
    assert.ok(isRecord(op));
    for (const key of ['name', 'style', 'soapAction', 'inputAction', 'outputAction', 'input', 'output', 'faults']) {
      assert.ok(keys(op).includes(key), `operation.${key}`);
    }
    const name = String(op.name);
    assert.equal(op.style, 'document');
    assert.equal(op.soapAction, `urn:ServiceIdentiteCertifiee:1.0.0:${name}`);
    assert.equal(op.inputAction, `urn:ServiceIdentiteCertifiee:1.0.0:${name}`);
    assert.equal(op.outputAction, `urn:ServiceIdentiteCertifiee:1.0.0:${name}Response`);

    const inputBody = list(op.input, 'body');
    assert.equal(inputBody.length, 1);
    assert.deepEqual(keys(inputBody[0]).sort(), ['element', 'part']);
    const outputBody = list(op.output, 'body');
    assert.deepEqual(outputBody, [{ part: `${name}Response`, element: '{http://www.cnamts.fr/INSiResultat}RESULTAT' }]);

    const headers = list(op.input, 'headers');
    assert.deepEqual(
      headers.map((h) => (isRecord(h) ? [h.part, h.element] : null)),
      [
        ['NO1_Security', '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security'],
        ['NO1_ContexteLPS', '{urn:siram:lps:ctxlps}ContexteLPS'],
        ['NO1_MessageID', '{http://www.w3.org/2005/08/addressing}MessageID'],
        ['NO1_ContexteBAM', '{urn:siram:bam:ctxbam}ContexteBAM'],
      ],
    );
    for (const h of headers) assert.match(String(isRecord(h) ? h.element : ''), QNAME);

    const faults = list(op, 'faults');
    assert.equal(faults.length, 1);
    assert.ok(isRecord(faults[0]));
    assert.equal(faults[0].name, 'Erreur');
    assert.equal(faults[0].element, '{urn:siram}Erreur');
  }
});

test('inspect (human view) on the INSi WSDL: the tree and the schema summary', { skip: corpusSkipReason }, async () => {
  const r = await volet('inspect', corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl'));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^service ICIR-v1 \(http:\/\/www\.cnamts\.fr\/webservice\)$/m);
  assert.match(r.stdout, /^ {2}port ICIRService: SOAP 1\.2, document$/m);
  assert.match(r.stdout, /^ {8}header NO1_ContexteLPS: element \{urn:siram:lps:ctxlps\}ContexteLPS$/m);
  assert.match(r.stdout, /^ {6}fault Erreur: \{urn:siram\}Erreur$/m);
  assert.match(r.stdout, /^schema: [1-9]\d* of \d+ types reached, [1-9]\d* of \d+ global elements reached/m);
});
