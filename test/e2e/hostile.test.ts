/**
 * Hostile and malformed requests against the simulators, sent raw over mutual TLS: every one must
 * end in a SOAP 1.2 fault with an error status (never a crash, a hang, a closed connection or an
 * internal error), and the simulators must keep answering valid requests afterwards. Ends with a
 * small deterministic fuzz of a captured valid request (byte flips and truncations).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { SoapFault, type TransportResponse } from '@volet/runtime';
import { HttpsTransport } from '@volet/runtime/http';
import { splitSoapPayload, envelopeText } from '@volet/runtime/mtom';
import { decodeEnvelope, soapContentType } from '@volet/runtime/soap';
import { DEFAULT_POPULATION, fullIns, type SimulatedIdentity } from '../../simulator/insi/population.js';
import { tlsFor } from '../../simulator/samples/sample-clients.js';
import { findDocumentsQuery, xdsPatientId } from '../../simulator/samples/xds-requests.js';
import { startHttpsSoapServer } from '../../simulator/server/https-soap-server.js';
import { sharedTestPki } from '../support/pki.js';
import { useSimulators } from './support/simulators.js';

const ctx = useSimulators();
const alice = DEFAULT_POPULATION[0] as SimulatedIdentity;
const SOAP12 = soapContentType('1.2');

let transport: HttpsTransport | undefined;
function dmpTransport(): HttpsTransport {
  const { manifest } = ctx();
  transport ??= new HttpsTransport(tlsFor(manifest, manifest.entities.orgAuth));
  return transport;
}

async function send(url: string, body: string | Uint8Array, contentType: string | undefined, method = 'POST'): Promise<TransportResponse> {
  const t = dmpTransport();
  // The transport only POSTs: other methods go through node:https directly.
  if (method !== 'POST') {
    const { manifest } = ctx();
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        { method, key: readFileSync(manifest.entities.orgAuth.key), cert: readFileSync(manifest.entities.orgAuth.cert), ca: readFileSync(manifest.caBundle) },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
            resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
  }
  return t.send({ url, headers: contentType === undefined ? {} : { 'content-type': contentType }, body });
}

/** The response must be an error status carrying a SOAP 1.2 fault; returns it. */
function expectFault(response: TransportResponse, label: string): SoapFault {
  assert.ok(response.status >= 400, `${label}: status ${response.status}`);
  const payload = splitSoapPayload(response.headers['content-type'], response.body);
  try {
    decodeEnvelope(envelopeText(payload));
  } catch (error) {
    if (error instanceof SoapFault) {
      assert.equal(error.version, '1.2', label);
      return error;
    }
    throw error;
  }
  assert.fail(`${label}: the answer is not a fault`);
}

const envelope = (body: string, header = ''): string =>
  `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>${header}</soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;
const WSA = (action: string): string =>
  `<wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:uuid:00000000-0000-4000-8000-000000000001</wsa:MessageID><wsa:To xmlns:wsa="http://www.w3.org/2005/08/addressing"/>` +
  `<wsa:ReplyTo xmlns:wsa="http://www.w3.org/2005/08/addressing"><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo><wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">${action}</wsa:Action>`;

/** A valid ITI-18 request as the generated client sends it (envelope and Content-Type). */
async function capturedQuery(): Promise<{ envelope: string; contentType: string }> {
  const { clients } = ctx();
  let captured: { envelope: string; contentType: string } | undefined;
  await clients.registry.registryStoredQuery(findDocumentsQuery(xdsPatientId(fullIns(alice), alice.ins.oid)), {
    profile: clients.dmpProfile(fullIns(alice)),
    revealValues: true,
    trace: (e) => {
      if (e.phase === 'request') captured = { envelope: e.body, contentType: e.headers['content-type'] ?? '' };
    },
  });
  assert.ok(captured !== undefined);
  return captured;
}

test('malformed HTTP and SOAP framing: each ends in a SOAP fault with an error status', async () => {
  const { sims } = ctx();
  const url = sims.dmp.registryUrl;
  const action = 'urn:ihe:iti:2007:RegistryStoredQuery';
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>&lol3;</soap:Body></soap:Envelope>`;
  const cases: Array<[string, () => Promise<TransportResponse>, number?]> = [
    ['GET', () => send(url, '', undefined, 'GET'), 405],
    ['no content type', () => send(url, envelope(''), undefined), 415],
    ['text/plain', () => send(url, 'hello', 'text/plain'), 415],
    ['not XML', () => send(url, 'this is not XML', SOAP12)],
    ['empty body', () => send(url, '', SOAP12)],
    ['truncated envelope', () => send(url, envelope('<a>').slice(0, 60), SOAP12)],
    ['DTD with entities', () => send(url, bomb, SOAP12)],
    [
      'SOAP 1.1 as text/xml',
      () => send(url, '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>', 'text/xml; charset=utf-8'),
    ],
    [
      'SOAP 1.1 envelope as soap+xml',
      () => send(url, `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Header>${WSA(action)}</s:Header><s:Body/></s:Envelope>`, SOAP12),
    ],
    ['not an envelope', () => send(url, `<x:Other xmlns:x="urn:x"><y/></x:Other>`, SOAP12)],
    ['undeclared prefix', () => send(url, envelope('<q:AdhocQueryRequest/>', WSA(action)), SOAP12)],
    ['deep nesting', () => send(url, envelope('<a>'.repeat(5000) + '</a>'.repeat(5000), WSA(action)), SOAP12)],
    [
      'fault in the request',
      () =>
        send(
          url,
          envelope(
            '<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason></soap:Fault>',
            WSA(action),
          ),
          SOAP12,
        ),
    ],
    [
      'body of another operation',
      () => send(url, envelope('<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0"/>', WSA(action)), SOAP12),
    ],
    ['unknown mustUnderstand header', () => send(url, envelope('', WSA(action) + '<x:Secret xmlns:x="urn:x" soap:mustUnderstand="true"/>'), SOAP12)],
    ['multipart without boundary', () => send(url, 'garbage', 'multipart/related; type="application/xop+xml"')],
    ['multipart with garbage', () => send(url, '--b\r\nno headers end', 'multipart/related; boundary=b; type="application/xop+xml"')],
    [
      'xop:Include to a missing part',
      () =>
        send(
          sims.dmp.repositoryUrl,
          `--b\r\nContent-Type: application/xop+xml; type="application/soap+xml"\r\nContent-ID: <root>\r\n\r\n${envelope('<ihe:RetrieveDocumentSetRequest xmlns:ihe="urn:ihe:iti:xds-b:2007"><ihe:DocumentRequest><ihe:RepositoryUniqueId>1</ihe:RepositoryUniqueId><ihe:DocumentUniqueId><xop:Include xmlns:xop="http://www.w3.org/2004/08/xop/include" href="cid:nothing"/></ihe:DocumentUniqueId></ihe:DocumentRequest></ihe:RetrieveDocumentSetRequest>', WSA('urn:ihe:iti:2007:RetrieveDocumentSet'))}\r\n--b--\r\n`,
          'multipart/related; boundary=b; type="application/xop+xml"; start="<root>"',
        ),
    ],
    ['unknown path', () => send(sims.dmp.origin + '/si-dmp-server/v2/services/nothing', envelope('', WSA(action)), SOAP12), 404],
    ['INSi: not XML', () => send(sims.insi.mtlsUrl, '\u0000\u0001\u0002', SOAP12)],
  ];
  for (const [label, run, status] of cases) {
    const response = await run();
    const f = expectFault(response, label);
    if (status !== undefined) assert.equal(response.status, status, label);
    assert.notEqual(f.faultCode.local, 'Receiver', `${label}: ${f.reason()}`);
  }
  // Still serving.
  await capturedQuery();
  assert.deepEqual(ctx().serverErrors, []);
});

test('a request body over the limit gets a 413 fault without being read to the end', async () => {
  const pki = await sharedTestPki();
  let called = 0;
  const server = await startHttpsSoapServer({
    tls: { key: pki.server.keyPem, cert: pki.server.chainPem, ca: pki.caBundlePem },
    maxRequestBytes: 1024,
    handler: async () => {
      called += 1;
      return { status: 200, contentType: SOAP12, body: envelope('') };
    },
  });
  try {
    const response = await dmpTransport().send({ url: server.origin + '/x', headers: { 'content-type': SOAP12 }, body: envelope('x'.repeat(64 * 1024)) });
    assert.equal(response.status, 413);
    expectFault(response, 'too large');
    assert.equal(called, 0);
  } finally {
    await server.close();
  }
});

test('fuzz: byte flips and truncations of a valid request are answered, never crash the simulator', async () => {
  const { sims } = ctx();
  const valid = await capturedQuery();
  const ok = await send(sims.dmp.registryUrl, valid.envelope, valid.contentType);
  assert.equal(ok.status, 200);
  const bytes = Buffer.from(valid.envelope, 'utf8');
  let seed = 20240601;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const statuses = new Map<number, number>();
  for (let i = 0; i < 120; i++) {
    const mutated = Buffer.from(bytes);
    if (i % 3 === 0) {
      const cut = random(mutated.length);
      const response = await send(sims.dmp.registryUrl, mutated.subarray(0, cut), valid.contentType);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status !== 200) expectFault(response, `truncated at ${cut}`);
      continue;
    }
    for (let k = 0; k < 1 + random(4); k++) mutated[random(mutated.length)] = random(256);
    const response = await send(sims.dmp.registryUrl, mutated, valid.contentType);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (response.status !== 200) expectFault(response, `mutation ${i}`);
  }
  assert.ok((statuses.get(500) ?? 0) > 0, 'some mutations are refused');
  assert.deepEqual(ctx().serverErrors, [], 'no request reached an internal error');
  transport?.close();
});
