/**
 * Generated DMP clients (official WSDLs of the corpus, generated at test time) calling a local
 * mutual-TLS server with the CI-SIS profile: the server checks the HTTP framing, the WS-Addressing
 * headers and the VIHF (verified with xmlsec1 and with the project's verifier), and answers with
 * the official example responses — plain (TD3.1, TD0.3, TD1.3a), multipart with the document
 * (TD3.2), or faults. ITI-41 sends two documents as XOP parts that the server splits back intact.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  cisisProfile,
  createPemSigner,
  elementRef,
  registryErrors,
  registryResponseStatus,
  SoapFault,
  TransportError,
  VihfProvider,
  type ClientOptions,
  type SchemaDescriptor,
  type VihfInput,
} from '@volet/runtime';
import { encodeMtom, envelopeText, splitSoapPayload } from '@volet/runtime/mtom';
import { decodeEnvelope, encodeFaultEnvelope } from '@volet/runtime/soap';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { generateClients, type GeneratedClients } from './support/generated-clients.js';
import { assertAssertionVerifies, assertCisisHeaders, corpusText, httpAction, xmlsecSkipReason } from './support/checks.js';
import { bodyElements, securityAssertions, soap12, startSoapServer, type Reply, type SoapTestServer } from './support/soap-server.js';

const WSDL = (name: string): string => corpus('dmp-annexe-wsdl-schema', 'wsdl', name);
const EXAMPLE = (name: string): string => corpusText('dmp-exemples-messages', name);
const SKIP = corpusSkipReason || xmlsecSkipReason;

const ITI18 = 'urn:ihe:iti:2007:RegistryStoredQuery';
const ITI41 = 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b';
const ITI43 = 'urn:ihe:iti:2007:RetrieveDocumentSet';
const TD03 = 'urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization';
const GDP = 'urn:hl7-org:v3:PRPA_IN201307UV02';
const SOAP12 = 'http://www.w3.org/2003/05/soap-envelope';

/** The VIHF of the tests (docs/security.md example), INDIRECTE: signed with the organisation's cachet. */
const VIHF: VihfInput = {
  mode: 'INDIRECTE',
  nameId: '899900063480',
  subjectId: 'MAX LIBRE',
  structureId: '10B0127189',
  sector: 'SA07^1.2.250.1.71.4.2.4',
  roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7', codeSystemName: 'professions', displayName: 'Médecin' }],
  patientIns: '207058575627097',
  lpsName: 'volet-tests',
  lpsVersion: '1.0',
  homologationDmp: 'TEST-0001',
};

type ClientClass = new (options: ClientOptions) => Record<string, (...args: unknown[]) => Promise<unknown>> & { soap: { close(): void } };

let pki: TestPki;
let server: SoapTestServer;
let clients: GeneratedClients;
let reply: (path: string, request: import('./support/soap-server.js').ReceivedRequest) => Reply;
let provider: VihfProvider;
const td32Document = randomBytes(20_000);

/** Loads a generated module and returns its client class and schema. */
async function generated(name: string, className: string): Promise<{ Client: ClientClass; schema: SchemaDescriptor }> {
  const mod = await clients.load(name);
  return { Client: mod[className] as ClientClass, schema: mod.schema as SchemaDescriptor };
}

function options(path: string, extra: Partial<ClientOptions> = {}): ClientOptions {
  return {
    endpoint: `${server.url}${path}`,
    tls: { credentials: { pfxFile: pki.orgAuth.p12File, passphrase: pki.passphrase }, trust: { caFile: pki.caBundleFile } },
    profile: cisisProfile({ vihf: { provider, input: VIHF } }),
    // The official example responses carry a RelatesTo of another request: collected, not fatal.
    onWarning: (m) => warnings.push(m),
    ...extra,
  };
}
const warnings: string[] = [];

/** The typed value of the body of an official example request. */
function exampleBody(schema: SchemaDescriptor, element: string, xml: string | Uint8Array, attachments?: ReadonlyMap<string, Uint8Array>): unknown {
  const env = decodeEnvelope(xml, { mode: 'lenient', bodyDescriptors: [elementRef(schema, element)], ...(attachments ? { attachments } : {}) });
  return env.body[0].value;
}

before(async () => {
  if (SKIP) return;
  pki = await sharedTestPki();
  provider = new VihfProvider({ signer: createPemSigner({ key: pki.orgSign.keyPem, certificate: pki.orgSign.certPem }) });
  clients = generateClients([
    { name: 'registry', wsdl: [WSDL('XDS.b_DocumentRegistry.wsdl')] },
    { name: 'repository', wsdl: [WSDL('XDS.b_DocumentRepository.wsdl')] },
    { name: 'habilitations', wsdl: [WSDL('Habilitations.wsdl')] },
    { name: 'gdp', wsdl: [WSDL('GestionDossierPatientPartage.wsdl')] },
  ]);
  server = await startSoapServer(pki, (request) => reply(request.path, request));
});

after(async () => {
  await server?.close();
});

test('ITI-18 registry stored query (TD3.1): headers, VIHF verified independently, typed AdhocQueryResponse', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('registry', 'DocumentRegistryClient');
  reply = () => soap12(EXAMPLE('TD3.1_Recherche_de_document_reponse.xml'));
  const client = new Client(options('/registry'));
  try {
    const query = exampleBody(schema, 'AdhocQueryRequestElement', EXAMPLE('TD3.1_Recherche_de_document_requete.xml'));
    const before = warnings.length;
    const response = (await client.registryStoredQuery(query)) as {
      status: string;
      totalResultCount: string;
      RegistryObjectList: { Identifiable: { $el: string; value: { id: string } }[] };
    };
    const request = server.last();
    assert.equal(request.headers['content-type'], `application/soap+xml; charset=utf-8; action="${ITI18}"`);
    assert.equal(httpAction(request), ITI18);
    assert.equal(request.clientCn, 'VOLET ORG_AUTH_CLI TEST');
    assertCisisHeaders(request, ITI18);
    const [assertion] = securityAssertions(request.envelope);
    assertAssertionVerifies(assertion, pki.orgSign.certFile, pki.intermediateCa.certPem);
    assert.match(assertion, /Authentification_mode[\s\S]*INDIRECTE/);
    assert.equal(bodyElements(request.doc)[0].localName, 'AdhocQueryRequest');

    assert.equal(registryResponseStatus(response), 'Success');
    assert.deepEqual(registryErrors(response), []);
    assert.equal(response.totalResultCount, '21');
    assert.equal(response.RegistryObjectList.Identifiable.length, 21);
    assert.equal(response.RegistryObjectList.Identifiable[0].$el, 'ExtrinsicObjectElement');
    assert.equal(warnings.length, before + 1, 'the example RelatesTo does not match: one warning, not an error');
    assert.match(warnings[warnings.length - 1], /RelatesTo/);
  } finally {
    client.soap.close();
  }
});

test('INDIRECTE tokens are reused across calls, INDIRECTE_RENFORCEE tokens are fresh per call', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('registry', 'DocumentRegistryClient');
  reply = () => soap12(EXAMPLE('TD3.1_Recherche_de_document_reponse.xml'));
  const query = exampleBody(schema, 'AdhocQueryRequestElement', EXAMPLE('TD3.1_Recherche_de_document_requete.xml'));
  const ids = async (input: VihfInput): Promise<string[]> => {
    const client = new Client(options('/registry', { profile: cisisProfile({ vihf: { provider, input } }) }));
    const out: string[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        await client.registryStoredQuery(query);
        const [assertion] = securityAssertions(server.last().envelope);
        out.push(assertAssertionVerifies(assertion, pki.orgSign.certFile, pki.intermediateCa.certPem));
      }
    } finally {
      client.soap.close();
    }
    return out;
  };
  const indirecte = await ids({ ...VIHF, patientIns: '207058575627098' });
  assert.equal(indirecte[0], indirecte[1]);
  const air = await ids({ ...VIHF, mode: 'INDIRECTE_RENFORCEE' });
  assert.notEqual(air[0], air[1]);
  assert.match(securityAssertions(server.last().envelope)[0], /NotOnOrAfter/);
});

test('ITI-43 (TD3.2): multipart response, the cid URL-decoded, document bytes in the typed field', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('repository', 'DocumentRepositoryClient');
  const envelope = EXAMPLE('TD3.2_Consultation_dun_document_reponse.xml');
  reply = () => {
    // The example's href is cid:…-2@urn%3Aihe%3Aiti%3Axds-b%3A2007; the part's Content-ID is the decoded form.
    const msg = encodeMtom(
      envelope,
      [{ contentId: 'b857abb7-a2c3-4db8-bd69-d5ff76826e72-2@urn:ihe:iti:xds-b:2007', data: td32Document, contentType: 'text/xml' }],
      {
        action: `${ITI43}Response`,
        rootContentId: 'root.message@cxf.apache.org',
      },
    );
    return { contentType: msg.contentType, body: msg.chunks };
  };
  const client = new Client(options('/repository'));
  try {
    const request = exampleBody(schema, 'RetrieveDocumentSetRequestElement', EXAMPLE('TD3.2_Consultation_dun_document_requete.xml'));
    const response = (await client.retrieveDocumentSet(request)) as {
      RegistryResponse: { status: string };
      DocumentResponse: { DocumentUniqueId: string; mimeType: string; Document: Uint8Array }[];
    };
    assertCisisHeaders(server.last(), ITI43);
    assert.equal(server.last().multipart, false, 'no binary in the request: plain SOAP');
    assert.equal(registryResponseStatus(response), 'Success');
    const doc = response.DocumentResponse[0];
    assert.equal(doc.DocumentUniqueId, '1.2.250.1.999.1.1.7898.1.995657292');
    assert.equal(doc.mimeType, 'text/xml');
    assert.ok(doc.Document instanceof Uint8Array);
    assert.deepEqual(Buffer.from(doc.Document), td32Document);
  } finally {
    client.soap.close();
  }
});

test('ITI-43 fault inside a multipart answer (HTTP 500) becomes a SoapFault', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('repository', 'DocumentRepositoryClient');
  reply = () => {
    const fault = encodeFaultEnvelope({
      version: '1.2',
      code: 'Sender',
      subcodes: [{ namespace: SOAP12, local: 'DMPInvalidCertificate' }],
      reasons: [{ text: 'Not a valid signature certificate', lang: 'en' }],
    });
    const msg = encodeMtom(fault, [], { action: 'http://www.w3.org/2005/08/addressing/soap/fault' });
    return { status: 500, contentType: msg.contentType, body: msg.chunks };
  };
  const client = new Client(options('/repository'));
  try {
    const request = exampleBody(schema, 'RetrieveDocumentSetRequestElement', EXAMPLE('TD3.2_Consultation_dun_document_requete.xml'));
    await assert.rejects(client.retrieveDocumentSet(request), (err: unknown) => {
      assert.ok(err instanceof SoapFault);
      assert.equal(err.faultCode.local, 'Sender');
      assert.deepEqual(
        err.subcodes.map((s) => s.local),
        ['DMPInvalidCertificate'],
      );
      assert.equal(err.reason(), 'Not a valid signature certificate');
      return true;
    });
  } finally {
    client.soap.close();
  }
});

test('ITI-41 (TD2.1) with two documents: MTOM request split back into identical bytes, RegistryResponse Success', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('repository', 'DocumentRepositoryClient');
  // The official TD2.1 request is a raw MIME body (SoapUI); its two parts become the typed documents.
  const mime = readFileSync(corpus('dmp-exemples-messages', 'TD2.1_Alimentation_requete.xml'));
  const payload = splitSoapPayload(undefined, mime);
  const submission = exampleBody(schema, 'ProvideAndRegisterDocumentSetRequestElement', envelopeText(payload), payload.attachments) as {
    Document: { id: string; $value: Uint8Array }[];
  };
  assert.equal(submission.Document.length, 2);
  reply = () => soap12(EXAMPLE('TD2.1_Alimentation_reponse.xml'));
  // Whether the descriptor marks ITI-41 as MTOM depends on the generator; the client option makes it explicit.
  const client = new Client(options('/repository', { mtom: true }));
  try {
    const response = await client.provideAndRegisterDocumentSetB(submission);
    const request = server.last();
    assert.equal(request.multipart, true);
    const ct = request.headers['content-type'] ?? '';
    assert.match(ct, /^multipart\/related; /);
    assert.match(ct, /type="application\/xop\+xml"/);
    assert.match(ct, /start="<[^>]+>"/);
    assert.match(ct, /start-info="application\/soap\+xml"/);
    assert.equal(httpAction(request), ITI41);
    assertCisisHeaders(request, ITI41);
    assertAssertionVerifies(securityAssertions(request.envelope)[0], pki.orgSign.certFile, pki.intermediateCa.certPem);
    // Two xop:Include in the envelope, no base64 text, each part identical to the document sent.
    const includes = [...request.envelope.matchAll(/<xop:Include [^>]*href="cid:([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    assert.equal(includes.length, 2);
    assert.equal(request.attachments.size, 2);
    for (let i = 0; i < 2; i++) {
      const received = request.attachments.get(includes[i]);
      assert.ok(received !== undefined);
      assert.deepEqual(Buffer.from(received), Buffer.from(submission.Document[i].$value));
    }
    assert.equal(registryResponseStatus(response), 'Success');
  } finally {
    client.soap.close();
  }
});

test('MTOM can be turned off per call: the same documents go inline as base64', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('repository', 'DocumentRepositoryClient');
  const mime = readFileSync(corpus('dmp-exemples-messages', 'TD2.1_Alimentation_requete.xml'));
  const payload = splitSoapPayload(undefined, mime);
  const submission = exampleBody(schema, 'ProvideAndRegisterDocumentSetRequestElement', envelopeText(payload), payload.attachments);
  reply = () => soap12(EXAMPLE('TD2.1_Alimentation_reponse.xml'));
  const client = new Client(options('/repository', { mtom: true }));
  try {
    await client.provideAndRegisterDocumentSetB(submission, { mtom: false });
    const request = server.last();
    assert.equal(request.multipart, false);
    assert.doesNotMatch(request.envelope, /xop:Include/);
    assert.equal(request.headers['content-type'], `application/soap+xml; charset=utf-8; action="${ITI41}"`);
  } finally {
    client.soap.close();
  }
});

test('Habilitations setAuthorization (TD0.3): default-pattern action, typed status', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('habilitations', 'HabilitationsClient');
  reply = () => soap12(EXAMPLE('TD0.3_Mise_a_jour_de_lautorisation_reponse.xml'));
  const client = new Client(options('/habilitations'));
  try {
    const body = exampleBody(schema, 'SetAuthorizationElement', EXAMPLE('TD0.3_Mise_a_jour_de_lautorisation_requete.xml'));
    const response = (await client.setAuthorization(body)) as { output: { status: string; context: string } };
    const request = server.last();
    assertCisisHeaders(request, TD03);
    // soapAction is "urn:hl7-org:v3:setAuthorization" in this WSDL: the HTTP action follows it, wsa:Action does not.
    assert.equal(httpAction(request), 'urn:hl7-org:v3:setAuthorization');
    assert.equal(response.output.status, 'DMPOk');
    assert.equal(response.output.context, 'Autorisation déjà présente aucune action effectuée');
  } finally {
    client.soap.close();
  }
});

test('GDP PatientGetDemographics (HL7 v3, TD0.2 request, TD1.3a answer): typed acknowledgement', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('gdp', 'GDPClient');
  reply = () => soap12(EXAMPLE('TD1.3a_Consultation_reponse.xml'));
  const client = new Client(options('/patients'));
  try {
    const body = exampleBody(schema, 'PRPA_IN201307UV02Element', EXAMPLE('TD0.2_Test_dexistence_requete.xml'));
    const response = (await client.patientGetDemographicsPRPAIN201307UV02(body)) as {
      acknowledgement: { typeCode: string }[];
      controlActProcess: { queryAck: { queryResponseCode: { code: string } } };
    };
    assertCisisHeaders(server.last(), GDP);
    assert.equal(response.acknowledgement[0].typeCode, 'AA');
    assert.equal(response.controlActProcess.queryAck.queryResponseCode.code, 'OK');
  } finally {
    client.soap.close();
  }
});

test('DMP security fault (Sender / DMPInvalidCertificate, HTTP 500) and non-SOAP answers', { skip: SKIP }, async () => {
  const { Client, schema } = await generated('registry', 'DocumentRegistryClient');
  const query = exampleBody(schema, 'AdhocQueryRequestElement', EXAMPLE('TD3.1_Recherche_de_document_requete.xml'));
  const client = new Client(options('/registry'));
  try {
    reply = () =>
      soap12(
        encodeFaultEnvelope({
          version: '1.2',
          code: 'Sender',
          subcodes: [{ namespace: SOAP12, local: 'DMPInvalidCertificate' }],
          reasons: [{ text: 'Not a valid signature certificate', lang: 'en' }],
        }),
        500,
      );
    await assert.rejects(client.registryStoredQuery(query), (err: unknown) => {
      assert.ok(err instanceof SoapFault);
      assert.equal(err.faultCode.namespace, SOAP12);
      assert.equal(err.mostSpecificCode.local, 'DMPInvalidCertificate');
      assert.doesNotMatch(err.message, /signature certificate/, 'reason texts stay out of the message');
      return true;
    });
    reply = () => ({ status: 502, contentType: 'text/html', body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>' });
    await assert.rejects(client.registryStoredQuery(query), (err: unknown) => {
      assert.ok(err instanceof TransportError);
      assert.equal(err.kind, 'http');
      assert.equal(err.status, 502);
      // The page's text is never quoted (it could echo the request); its type, size and structure are.
      assert.match(err.message, /HTTP 502 .*non-SOAP response \(text\/html, \d+ bytes\): <html><head><title>\*\*\*<\/title>/);
      assert.doesNotMatch(err.message, /Bad Gateway|nginx/);
      return true;
    });
    reply = () => ({ status: 200, contentType: 'text/xml', body: '<status>maintenance</status>' });
    await assert.rejects(
      client.registryStoredQuery(query),
      (err: unknown) => err instanceof TransportError && err.kind === 'http' && /not a SOAP envelope/.test(err.message),
    );
  } finally {
    client.soap.close();
  }
});
