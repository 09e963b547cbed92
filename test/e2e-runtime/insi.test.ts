/**
 * The generated INSi client (corpus WSDL, generated at test time) with the CI-TLSi profile against a
 * local mutual-TLS server: CPx mode (assertion PS signed by a CPS-like key, verified by xmlsec1 and
 * by the project's verifier), mTLS mode (INSI-AUTO certificate, no Security header), contexts given
 * in the JSON form of the generated types, the INSi fixtures as answers (CR 00 / 01) and the
 * siram_100 / desir_550 fault with its typed siram:Erreur detail.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  assertionPsSource,
  createPemSigner,
  insiResult,
  SoapFault,
  tlsiProfile,
  type ClientOptions,
  type SoapProfile,
  type SoapResponse,
} from '@volet/runtime';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { xmllintSkipReason, xmllintValidate } from '../support/xmllint.js';
import { generateClients, type GeneratedClients } from './support/generated-clients.js';
import { assertAssertionVerifies, corpusText, httpAction, xmlsecSkipReason } from './support/checks.js';
import {
  headerBlock,
  headerNames,
  mustUnderstand,
  securityAssertions,
  soap12,
  startSoapServer,
  WSA,
  WSSE,
  type Reply,
  type SoapTestServer,
} from './support/soap-server.js';

const SKIP = corpusSkipReason || xmlsecSkipReason;
const ACTION = 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite';
const CTXLPS = 'urn:siram:lps:ctxlps';
const CTXBAM = 'urn:siram:bam:ctxbam';
const XSD = (...p: string[]): string => corpus('insi-padoa', 'src', 'wsdl', 'xsd', ...p);

/** Contexts as `volet decode` prints them (JSON form of the generated types); Id and Temps are refreshed per call. */
const CONTEXTS = {
  ContexteLPS: {
    Version: '01_00',
    Nature: 'CTXLPS',
    Id: 'to-be-replaced',
    Temps: '2000-01-01T00:00:00.000Z',
    Emetteur: 'volet-tests',
    LPS: { IDAM: { $value: 'TESTIDAM0001', R: '4' }, Version: '1.0', Instance: '6f1c1c52-3e7a-4a8b-9a51-0c1f2d3e4f50', Nom: 'urn:lps:volet-tests:1.0' },
  },
  ContexteBAM: { Version: '01_02', Id: 'to-be-replaced', Temps: '2000-01-01T00:00:00.000Z', Emetteur: 'volet-tests', COUVERTURE: {} },
};

/** A traits search (test identity of our own). */
const SEARCH = { NomNaissance: 'DUPONT', Prenom: ['MARIE'], Sexe: 'F', DateNaissance: '1980-05-17' };

type InsiClient = {
  rechercherInsAvecTraitsIdentite(body: unknown, headers?: Record<string, unknown>, options?: Record<string, unknown>): Promise<unknown>;
  soap: { close(): void; callWithHeaders(op: string, body: unknown, headers?: Record<string, unknown>): Promise<SoapResponse<unknown>> };
};

let pki: TestPki;
let server: SoapTestServer;
let clients: GeneratedClients;
let reply: () => Reply;
let Client: new (options: ClientOptions) => InsiClient;

function options(profile: SoapProfile, pfx: string): ClientOptions {
  return {
    endpoint: `${server.url}/lps`,
    tls: { credentials: { pfxFile: pfx, passphrase: pki.passphrase }, trust: { caFile: pki.caBundleFile } },
    profile,
  };
}

before(async () => {
  if (SKIP) return;
  pki = await sharedTestPki();
  clients = generateClients([{ name: 'insi', wsdl: [corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl')] }]);
  Client = (await clients.load('insi')).ICIRClient as typeof Client;
  server = await startSoapServer(pki, () => reply());
});

after(async () => {
  await server?.close();
});

test('CPx mode: contexts, WS-Addressing, assertion PS verified independently; CR 00 decoded', { skip: SKIP }, async () => {
  const signer = createPemSigner({ key: pki.cps.keyPem, certificate: pki.cps.certPem });
  const profile = tlsiProfile({
    contexts: CONTEXTS,
    security: {
      mode: 'cpx',
      assertions: assertionPsSource({ nameId: '899700000001', identifiantFacturation: '123456789', secteurActivite: 'SA05' }, { signer }),
    },
  });
  reply = () => soap12(corpusText('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml'));
  const client = new Client(options(profile, pki.cps.p12File));
  try {
    const result = await client.rechercherInsAvecTraitsIdentite(SEARCH);
    const request = server.last();
    assert.equal(request.headers['content-type'], `application/soap+xml; charset=utf-8; action="${ACTION}"`);
    assert.equal(httpAction(request), ACTION);
    assert.deepEqual(headerNames(request.doc), [
      `{${CTXBAM}}ContexteBAM`,
      `{${CTXLPS}}ContexteLPS`,
      `{${WSA}}Action`,
      `{${WSA}}MessageID`,
      `{${WSSE}}Security`,
    ]);
    const action = headerBlock(request.doc, WSA, 'Action');
    const messageId = headerBlock(request.doc, WSA, 'MessageID');
    assert.ok(action !== undefined && messageId !== undefined);
    assert.equal(action.textContent, ACTION);
    assert.match(messageId.textContent ?? '', /^uuid:[0-9a-f-]{36}$/);
    assert.equal(mustUnderstand(action), undefined, 'TLSi: no mustUnderstand');
    // Contexts: fresh Id/Temps, the rest as given; valid against the Cnam XSDs.
    const lps = headerBlock(request.doc, CTXLPS, 'ContexteLPS');
    assert.ok(lps !== undefined);
    assert.notEqual(lps.getElementsByTagNameNS(CTXLPS, 'Id')[0]?.textContent, 'to-be-replaced');
    assert.equal(lps.getElementsByTagNameNS(CTXLPS, 'IDAM')[0]?.getAttribute('R'), '4');
    assert.equal(lps.getElementsByTagNameNS(CTXLPS, 'Nom')[0]?.textContent, 'urn:lps:volet-tests:1.0');
    if (!xmllintSkipReason) {
      for (const [re, xsd] of [
        [/<(\w+:)?ContexteLPS\b[\s\S]*?<\/\1ContexteLPS>/, XSD('CTX', 'ROOT_ctxlps_CTXLPS_V01_00.xsd')],
        [/<(\w+:)?ContexteBAM\b[\s\S]*?<\/\1ContexteBAM>/, XSD('CTX', 'ROOT_ctxbam_CTXBAM_V01_02.xsd')],
      ] as const) {
        const block = re.exec(request.envelope)?.[0] ?? '';
        const lint = xmllintValidate(block, xsd);
        assert.ok(lint.ok, lint.output);
      }
    }
    const assertions = securityAssertions(request.envelope);
    assert.equal(assertions.length, 1);
    assertAssertionVerifies(assertions[0], pki.cps.certFile, pki.intermediateCa.certPem);
    assert.match(assertions[0], /NameQualifier="CPS"/);

    const outcome = insiResult(result);
    assert.equal(outcome?.code, '00');
    assert.equal(outcome?.outcome, 'found');
    const individu = outcome?.individu as { INSACTIF: { IdIndividu: { NumIdentifiant: string; Cle: string }; OID: string }; TIQ: { Sexe: string } };
    assert.equal(individu.INSACTIF.OID, '1.2.250.1.213.1.4.9');
    assert.equal(individu.INSACTIF.IdIndividu.Cle, '35');
    assert.equal(individu.TIQ.Sexe, 'M');

    // Each message has its own context ids.
    const firstId = lps.getElementsByTagNameNS(CTXLPS, 'Id')[0]?.textContent;
    await client.rechercherInsAvecTraitsIdentite(SEARCH);
    assert.notEqual(headerBlock(server.last().doc, CTXLPS, 'ContexteLPS')?.getElementsByTagNameNS(CTXLPS, 'Id')[0]?.textContent, firstId);
  } finally {
    client.soap.close();
  }
});

test('mTLS mode (INSI-AUTO): no wsse:Security; CR 01 is a business outcome, not a fault', { skip: SKIP }, async () => {
  reply = () => soap12(corpusText('insi-padoa', 'src', 'ins', 'fixtures', 'REP_CR01.xml'));
  const client = new Client(options(tlsiProfile({ contexts: CONTEXTS, security: { mode: 'mtls' } }), pki.insiAuto.p12File));
  try {
    const result = await client.rechercherInsAvecTraitsIdentite(SEARCH);
    const request = server.last();
    assert.equal(request.clientCn, 'INSI-AUTO');
    assert.equal(headerBlock(request.doc, WSSE, 'Security'), undefined);
    assert.doesNotMatch(request.envelope, /Security/);
    assert.deepEqual(insiResult(result), { code: '01', label: 'Aucune identite trouvee', outcome: 'not-found', individu: undefined });
  } finally {
    client.soap.close();
  }
});

test('a declared header part given by the caller replaces the profile block (no duplicate MessageID)', { skip: SKIP }, async () => {
  reply = () => soap12(corpusText('insi-padoa', 'src', 'ins', 'fixtures', 'REP_CR01.xml'));
  const client = new Client(options(tlsiProfile({ contexts: CONTEXTS, security: { mode: 'mtls' } }), pki.insiAuto.p12File));
  try {
    const mine = 'uuid:00000000-0000-4000-8000-000000000001';
    await client.rechercherInsAvecTraitsIdentite(SEARCH, { NO1_MessageID: { $value: mine } });
    const names = headerNames(server.last().doc);
    assert.equal(names.filter((n) => n === `{${WSA}}MessageID`).length, 1);
    assert.equal(headerBlock(server.last().doc, WSA, 'MessageID')?.textContent, mine);
  } finally {
    client.soap.close();
  }
});

test('fault siram_100 / desir_550 (HTTP 500): SoapFault with codes and the typed siram:Erreur detail', { skip: SKIP }, async () => {
  reply = () => soap12(corpusText('insi-padoa', 'extracted', 'fault-siram_100-desir_550.xml'), 500);
  const client = new Client(options(tlsiProfile({ contexts: CONTEXTS, security: { mode: 'mtls' } }), pki.insiAuto.p12File));
  try {
    await assert.rejects(client.rechercherInsAvecTraitsIdentite(SEARCH), (err: unknown) => {
      assert.ok(err instanceof SoapFault);
      assert.equal(err.version, '1.2');
      assert.equal(err.faultCode.local, 'Sender');
      assert.deepEqual(
        err.subcodes.map((s) => s.local),
        ['siram_100'],
      );
      assert.match(err.reason('fr'), /progiciel/);
      assert.equal(err.detail.length, 1);
      assert.equal(err.detail[0].key, 'ErreurElement');
      const erreur = err.detail[0].value as { code: string; severite: { local: string }; messageID: string; $value: string };
      assert.equal(erreur.code, 'desir_550');
      assert.equal(erreur.severite.local, 'erreur');
      assert.equal(erreur.messageID, 'uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f');
      assert.equal(erreur.$value, "Numéro d'autorisation du logiciel inconnu.");
      return true;
    });
  } finally {
    client.soap.close();
  }
});
