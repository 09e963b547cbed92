/**
 * `volet call` against local mutual-TLS servers: a captured INSi request (as `volet decode` prints
 * it) replayed with the tlsi profile and fresh headers, `--dump` holding the exact bytes exchanged,
 * passphrases from the environment and never printed, the DMP registry with the cisis profile and
 * a VIHF signed with `--sign-pfx` (verified by xmlsec1), a fault printed as JSON with exit code 1,
 * and usage errors.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { hasStackTrace, volet } from '../cli/run.js';
import { assertAssertionVerifies, assertCisisHeaders, corpusText, xmlsecSkipReason } from '../e2e-runtime/support/checks.js';
import {
  headerBlock,
  headerNames,
  securityAssertions,
  soap12,
  startSoapServer,
  WSA,
  type Reply,
  type SoapTestServer,
} from '../e2e-runtime/support/soap-server.js';

const SKIP = corpusSkipReason || xmlsecSkipReason;
const INSI_WSDL = corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl');
const REGISTRY_WSDL = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl');
const CAPTURED = corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-before-security.xml');
const CAPTURED_MESSAGE_ID = 'uuid:b3549edd-4ae9-472a-b26f-fd2fb4ef397f';

let pki: TestPki;
let server: SoapTestServer;
let reply: () => Reply;
const tmp = mkdtempSync(join(tmpdir(), 'volet-call-'));
const sent: Buffer[] = [];

before(async () => {
  if (SKIP) return;
  pki = await sharedTestPki();
  server = await startSoapServer(pki, () => {
    const r = reply();
    sent.push(Buffer.from(r.body as string));
    return r;
  });
});

after(async () => {
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The first arguments of `volet call` for an INSi traits search against the test server. */
function insiSearch(input: string): string[] {
  return ['call', INSI_WSDL, '--operation', 'rechercherInsAvecTraitsIdentite', '--endpoint', `${server.url}/lps`, '--input', input];
}

/** Runs `volet` with VOLET_PASSPHRASE / VOLET_SIGN_PASSPHRASE set for the call only. */
async function withSecrets<T>(run: () => Promise<T>): Promise<T> {
  process.env.VOLET_PASSPHRASE = pki.passphrase;
  process.env.VOLET_SIGN_PASSPHRASE = pki.passphrase;
  try {
    return await run();
  } finally {
    delete process.env.VOLET_PASSPHRASE;
    delete process.env.VOLET_SIGN_PASSPHRASE;
  }
}

const CONTEXTS = {
  ContexteLPS: {
    Version: '01_00',
    Nature: 'CTXLPS',
    Id: 'x',
    Temps: '2000-01-01T00:00:00Z',
    LPS: { IDAM: { $value: 'TESTIDAM0001', R: '4' }, Version: '1.0', Instance: '6f1c1c52-3e7a-4a8b-9a51-0c1f2d3e4f50', Nom: 'urn:lps:MonLogiciel:1.0' },
  },
  ContexteBAM: { Version: '01_02', Id: 'x', Temps: '2000-01-01T00:00:00Z', COUVERTURE: {} },
};

test('a captured INSi request replays as is: tlsi profile, fresh headers, --dump holds the exact bytes', { skip: SKIP }, async () => {
  const decoded = await volet('decode', INSI_WSDL, CAPTURED);
  assert.equal(decoded.code, 0, decoded.stderr);
  const input = join(tmp, 'captured.json');
  writeFileSync(input, decoded.stdout);
  const contexts = join(tmp, 'contexts.json');
  writeFileSync(contexts, JSON.stringify(CONTEXTS));
  const dump = join(tmp, 'dump');
  reply = () => soap12(corpusText('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.05.xml'));
  const r = await withSecrets(() =>
    volet(
      ...insiSearch(input),
      '--pfx',
      pki.insiAuto.p12File,
      '--ca',
      pki.caBundleFile,
      '--profile',
      'tlsi',
      '--contexts',
      contexts,
      '--dump',
      dump,
      '--trace',
    ),
  );
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { envelope: { version: string; body: { element: string; value: { CR: { CodeCR: string } } }[] } };
  assert.equal(out.envelope.body[0].element, '{http://www.cnamts.fr/INSiResultat}RESULTAT');
  assert.equal(out.envelope.body[0].value.CR.CodeCR, '00');

  const request = server.last();
  assert.equal(request.clientCn, 'INSI-AUTO');
  // The profile's fresh blocks replace the captured ones; nothing is sent twice; mTLS: no Security.
  const names = headerNames(request.doc);
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual([...names].sort(), [
    '{http://www.w3.org/2005/08/addressing}Action',
    '{http://www.w3.org/2005/08/addressing}MessageID',
    '{urn:siram:bam:ctxbam}ContexteBAM',
    '{urn:siram:lps:ctxlps}ContexteLPS',
  ]);
  assert.notEqual(headerBlock(request.doc, WSA, 'MessageID')?.textContent, CAPTURED_MESSAGE_ID);
  assert.match(request.envelope, /TESTIDAM0001/);
  assert.match(request.envelope, /<\w+:NomNaissance>ADRTROIS</, 'the captured body is sent');

  // --dump: the exact bytes on the wire, both ways.
  assert.deepEqual(readFileSync(join(dump, 'request.body')), request.body);
  assert.match(
    readFileSync(join(dump, 'request.headers'), 'utf8'),
    /^POST https:\/\/localhost:\d+\/lps\ncontent-type: application\/soap\+xml; charset=utf-8; action="urn:ServiceIdentiteCertifiee:1\.0\.0:rechercherInsAvecTraitsIdentite"\n/,
  );
  assert.deepEqual(readFileSync(join(dump, 'response.body')), sent[sent.length - 1]);
  assert.match(readFileSync(join(dump, 'response.headers'), 'utf8'), /^HTTP 200\n/);
  // The dump holds patient data and bearer tokens: owner-only files, whatever the umask.
  if (process.platform !== 'win32') {
    for (const name of ['request.headers', 'request.body', 'response.headers', 'response.body'])
      assert.equal(statSync(join(dump, name)).mode & 0o777, 0o600, name);
  }

  // --trace masks patient data; secrets never appear.
  assert.match(r.stderr, /--- request rechercherInsAvecTraitsIdentite/);
  assert.doesNotMatch(r.stderr, /ADRTROIS|1997-02-26|1090763220888/);
  assert.match(r.stderr, /<\w+:NomNaissance>\*\*\*</);
  assert.match(r.stderr, /<CodeCR>00<\/CodeCR>/, 'safe values stay readable');
  for (const text of [r.stdout, r.stderr]) assert.ok(!text.includes(pki.passphrase));

  // --reveal-values: the explicit opt-in shows them (a second dump into the same folder stays 0600).
  const revealed = await withSecrets(() =>
    volet(
      ...insiSearch(input),
      '--pfx',
      pki.insiAuto.p12File,
      '--ca',
      pki.caBundleFile,
      '--profile',
      'tlsi',
      '--contexts',
      contexts,
      '--dump',
      dump,
      '--trace',
      '--reveal-values',
    ),
  );
  assert.equal(revealed.code, 0, revealed.stderr);
  assert.match(revealed.stderr, /ADRTROIS/);
  if (process.platform !== 'win32') assert.equal(statSync(join(dump, 'request.body')).mode & 0o777, 0o600);
});

test('a fault is printed as JSON and exits 1', { skip: SKIP }, async () => {
  const input = join(tmp, 'search.json');
  writeFileSync(
    input,
    JSON.stringify({
      element: '{http://www.cnamts.fr/INSiRecSans}RECSANSVITALE',
      value: { NomNaissance: 'DUPONT', Prenom: ['MARIE'], Sexe: 'F', DateNaissance: '1980-05-17' },
    }),
  );
  reply = () => soap12(corpusText('insi-padoa', 'extracted', 'fault-siram_100-desir_550.xml'), 500);
  const r = await withSecrets(() => volet(...insiSearch(input), '--pfx', pki.insiAuto.p12File, '--ca', pki.caBundleFile));
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { envelope: { fault: { code: string; subcodes: string[]; detail: { element: string; value: { code: string } }[] } } };
  assert.equal(out.envelope.fault.code, '{http://www.w3.org/2003/05/soap-envelope}Sender');
  assert.deepEqual(out.envelope.fault.subcodes, ['{http://www.w3.org/2003/05/soap-envelope}siram_100']);
  assert.equal(out.envelope.fault.detail[0].element, '{urn:siram}Erreur');
  assert.equal(out.envelope.fault.detail[0].value.code, 'desir_550');
  assert.match(r.stderr, /SOAP fault Sender \/ siram_100/);
  assert.ok(!hasStackTrace(r.stderr));
});

test('DMP registry with --profile cisis: VIHF built from vihf.json, signed with --sign-pfx, verified by xmlsec1', { skip: SKIP }, async () => {
  const decoded = await volet('decode', REGISTRY_WSDL, corpus('dmp-exemples-messages', 'TD3.1_Recherche_de_document_requete.xml'));
  assert.equal(decoded.code, 0, decoded.stderr);
  // The body element alone is a valid input too.
  const body = (JSON.parse(decoded.stdout) as { envelope: { body: unknown[] } }).envelope.body[0];
  const input = join(tmp, 'td31.json');
  writeFileSync(input, JSON.stringify(body));
  const vihf = join(tmp, 'vihf.json');
  writeFileSync(
    vihf,
    JSON.stringify({
      mode: 'INDIRECTE',
      nameId: '899900063480',
      subjectId: 'MAX LIBRE',
      structureId: '10B0127189',
      sector: 'SA07^1.2.250.1.71.4.2.4',
      roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7' }],
      patientIns: '207058575627097',
      lpsName: 'MonLogiciel',
      lpsVersion: '1.0',
      homologationDmp: 'TEST-0001',
    }),
  );
  reply = () => soap12(corpusText('dmp-exemples-messages', 'TD3.1_Recherche_de_document_reponse.xml'));
  const r = await withSecrets(() =>
    volet(
      'call',
      REGISTRY_WSDL,
      '--operation',
      'DocumentRegistry_RegistryStoredQuery',
      '--endpoint',
      `${server.url}/registry`,
      '--input',
      input,
      '--key',
      pki.orgAuth.keyFile,
      '--cert',
      pki.orgAuth.certFile,
      '--ca',
      pki.caBundleFile,
      '--profile',
      'cisis',
      '--vihf',
      vihf,
      '--sign-pfx',
      pki.orgSign.p12File,
    ),
  );
  assert.equal(r.code, 0, r.stderr);
  const request = server.last();
  assertCisisHeaders(request, 'urn:ihe:iti:2007:RegistryStoredQuery');
  assertAssertionVerifies(securityAssertions(request.envelope)[0], pki.orgSign.certFile, pki.intermediateCa.certPem);
  const out = JSON.parse(r.stdout) as { envelope: { headers: { element: string; xml?: string }[]; body: { value: { totalResultCount: string } }[] } };
  assert.equal(out.envelope.body[0].value.totalResultCount, '21');
  assert.ok(out.envelope.headers.some((h) => h.element === '{http://www.w3.org/2005/08/addressing}RelatesTo'));
});

test('usage errors: unknown operation (exit 2, the operations listed), profile options without --profile, bad TLS passphrase (exit 2, the file named)', {
  skip: SKIP,
}, async () => {
  const input = join(tmp, 'search.json');
  const r1 = await volet('call', INSI_WSDL, '--operation', 'nope', '--endpoint', `${server.url}/lps`, '--input', input);
  assert.equal(r1.code, 2);
  assert.match(r1.stderr, /no operation "nope" \(operations: rechercherInsAvecCarteVitale, rechercherInsAvecTraitsIdentite\)/);
  const r2 = await volet(...insiSearch(input), '--contexts', input);
  assert.equal(r2.code, 2);
  assert.match(r2.stderr, /--contexts needs --profile/);
  const secret = 'not-the-passphrase-123';
  const r3 = await volet(...insiSearch(input), '--pfx', pki.insiAuto.p12File, '--passphrase', secret);
  assert.equal(r3.code, 2);
  assert.match(r3.stderr, /--pfx '.*': wrong passphrase/);
  // A server whose certificate does not chain to --ca: the message names the flag, not the runtime option.
  const r4 = await withSecrets(() => volet(...insiSearch(input), '--pfx', pki.insiAuto.p12File, '--ca', pki.unknownCa.certFile));
  assert.equal(r4.code, 1);
  assert.match(r4.stderr, /the server certificate is not trusted: .*add the issuing CA to --ca/);
  assert.doesNotMatch(r4.stderr, /trust\.caFile/);
  for (const r of [r1, r2, r3, r4]) {
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    assert.ok(!r.stderr.includes(secret) && !r.stdout.includes(secret));
  }
});

test('--mtom: the decoded TD2.1 MTOM capture (documents as base64 in JSON) goes out as XOP parts again', { skip: SKIP }, async () => {
  const wsdl = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRepository.wsdl');
  const capture = corpus('dmp-exemples-messages', 'TD2.1_Alimentation_requete.xml');
  const decoded = await volet('decode', wsdl, capture);
  assert.equal(decoded.code, 0, decoded.stderr);
  const input = join(tmp, 'td21.json');
  writeFileSync(input, decoded.stdout);
  const documents = (JSON.parse(decoded.stdout) as { envelope: { body: { value: { Document: { $value: string }[] } }[] } }).envelope.body[0].value.Document;
  reply = () => soap12(corpusText('dmp-exemples-messages', 'TD2.1_Alimentation_reponse.xml'));
  const r = await withSecrets(() =>
    volet(
      'call',
      wsdl,
      '--operation',
      'DocumentRepository_ProvideAndRegisterDocumentSet-b',
      '--endpoint',
      `${server.url}/repository`,
      '--input',
      input,
      '--pfx',
      pki.orgAuth.p12File,
      '--ca',
      pki.caBundleFile,
      '--mtom',
    ),
  );
  assert.equal(r.code, 0, r.stderr);
  const request = server.last();
  assert.equal(request.multipart, true);
  // The capture is SOAP 1.1-namespaced, but the call follows the binding: SOAP 1.2.
  assert.match(request.headers['content-type'] ?? '', /start-info="application\/soap\+xml"; action="urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b"/);
  assert.deepEqual(
    [...request.attachments.values()].map((a) => Buffer.from(a).toString('base64')),
    documents.map((d) => d.$value),
  );
  const out = JSON.parse(r.stdout) as { envelope: { body: { value: { status: string } }[] } };
  assert.equal(out.envelope.body[0].value.status, 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success');
});

test('--profile tlsi CPx: --assertion-ps built and signed with --sign-pfx, verified by xmlsec1', { skip: SKIP }, async () => {
  const input = join(tmp, 'search-cpx.json');
  writeFileSync(
    input,
    JSON.stringify({ element: '{http://www.cnamts.fr/INSiRecSans}RECSANSVITALE', value: { NomNaissance: 'DUPONT', Sexe: 'F', DateNaissance: '1980-05-17' } }),
  );
  const ps = join(tmp, 'ps.json');
  writeFileSync(ps, JSON.stringify({ nameId: '899700000001', identifiantFacturation: '123456789', secteurActivite: 'SA05' }));
  const contexts = join(tmp, 'contexts-cpx.json');
  writeFileSync(contexts, JSON.stringify(CONTEXTS));
  reply = () => soap12(corpusText('insi-padoa', 'src', 'ins', 'fixtures', 'REP_CR01.xml'));
  const r = await withSecrets(() =>
    volet(
      ...insiSearch(input),
      '--pfx',
      pki.cps.p12File,
      '--ca',
      pki.caBundleFile,
      '--profile',
      'tlsi',
      '--contexts',
      contexts,
      '--assertion-ps',
      ps,
      '--sign-pfx',
      pki.cps.p12File,
    ),
  );
  assert.equal(r.code, 0, r.stderr);
  const assertions = securityAssertions(server.last().envelope);
  assert.equal(assertions.length, 1);
  assertAssertionVerifies(assertions[0], pki.cps.certFile, pki.intermediateCa.certPem);
  const misuse = await volet(...insiSearch(input), '--profile', 'tlsi', '--sign-pfx', pki.cps.p12File);
  assert.equal(misuse.code, 2);
  assert.match(misuse.stderr, /--sign-pfx with --profile tlsi/);
});
