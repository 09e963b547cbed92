/**
 * HTTP status against a real local mutual-TLS server, with the generated DMP registry client: a
 * normal (non-fault) envelope is a success only with a 2xx status, otherwise a TransportError
 * (`kind: 'http'`, the status); a fault envelope is a SoapFault whatever the status, carrying it as
 * `httpStatus`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { SoapFault, TransportError } from '@volet/runtime';
import { DocumentRegistryClient } from '../../generated/xds-registry/index.js';
import { findDocumentsQuery, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { soap12, startSoapServer, type Reply, type SoapTestServer } from '../e2e-runtime/support/soap-server.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';

const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';
const QUERY = findDocumentsQuery(xdsPatientId('280050000100142', '1.2.250.1.213.1.4.10'));
const answer = `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Body><query:AdhocQueryResponse xmlns:query="urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0" status="urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success"/></soap:Body></soap:Envelope>`;
const fault = `<soap:Envelope xmlns:soap="${SOAP12}"><soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">refused</soap:Text></soap:Reason></soap:Fault></soap:Body></soap:Envelope>`;

let pki: TestPki;
let server: SoapTestServer;
let reply: () => Reply = () => soap12(answer);
let client: DocumentRegistryClient;

before(async () => {
  pki = await sharedTestPki();
  server = await startSoapServer(pki, () => reply());
  client = new DocumentRegistryClient({
    endpoint: `${server.url}/registry`,
    tls: { credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase }, trust: { caFile: pki.caBundleFile } },
  });
});

after(async () => {
  client?.soap.close();
  await server?.close();
});

test('a normal envelope with 200 is a success', async () => {
  reply = () => soap12(answer);
  const result = await client.registryStoredQuery(QUERY);
  assert.equal(result.status, 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success');
});

test('a normal envelope with a non-2xx status is a TransportError carrying the status, never a success', async () => {
  for (const status of [500, 503, 404, 302]) {
    reply = () => soap12(answer, status);
    await assert.rejects(client.registryStoredQuery(QUERY), (error: unknown) => {
      assert.ok(error instanceof TransportError, `${status}: ${String(error)}`);
      assert.equal(error.kind, 'http');
      assert.equal(error.status, status);
      assert.match(error.message, new RegExp(`HTTP ${status}`));
      return true;
    });
  }
});

test('a fault envelope stays a SoapFault with its HTTP status, whatever the status', async () => {
  for (const status of [500, 400, 200]) {
    reply = () => soap12(fault, status);
    await assert.rejects(client.registryStoredQuery(QUERY), (error: unknown) => {
      assert.ok(error instanceof SoapFault, `${status}: ${String(error)}`);
      assert.equal(error.httpStatus, status);
      assert.equal(error.faultCode.local, 'Sender');
      return true;
    });
  }
});
