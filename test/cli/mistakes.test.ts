/**
 * A user's mistakes, each with its exit code and message (docs/cli.md): strict JSON inputs
 * (`encode`, `call --input`, `--contexts`, `--vihf`, `--assertion-ps`, `volet.config.json`) exit 1
 * naming the JSON path and the nearest expected names; bad option values and unreadable files
 * are usage errors (exit 2) naming the flag; never exit 70, never a stack trace. No server is
 * needed: every mistake is found before anything is sent (the endpoint is a closed port).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { hasStackTrace, volet, type CliResult } from './run.js';

const SKIP = corpusSkipReason;
const INSI_WSDL = corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl');
const REGISTRY_WSDL = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl');
const CAPTURED = corpus('insi-padoa', 'extracted', 'request-rechercherInsAvecTraitsIdentite-before-security.xml');
const RESULT_WITH_HISTORY = corpus('insi-padoa', 'src', 'ins', 'fixtures', 'TEST_2.04_cas2.xml');
const OP = 'rechercherInsAvecTraitsIdentite';
/** Nothing listens there: a mistake must be reported before any connection. */
const ENDPOINT = 'https://127.0.0.1:9/lps';

const tmp = mkdtempSync(join(tmpdir(), 'volet-mistakes-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

let request: { envelope: { headers: { element: string; value?: Record<string, unknown> }[]; body: { value: Record<string, unknown> }[] } };
let pki: TestPki;

before(async () => {
  if (SKIP) return;
  const decoded = await volet('decode', INSI_WSDL, CAPTURED);
  assert.equal(decoded.code, 0, decoded.stderr);
  request = JSON.parse(decoded.stdout) as typeof request;
  pki = await sharedTestPki();
});

/** Writes `value` as JSON into the temporary folder; returns the path. */
function file(name: string, value: unknown): string {
  const path = join(tmp, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

/** The captured INSi request with its body value changed. */
function requestWithBody(change: (body: Record<string, unknown>) => void): typeof request {
  const copy = structuredClone(request);
  change(copy.envelope.body[0].value);
  return copy;
}

function assertMistake(r: CliResult, code: 1 | 2, message: RegExp): void {
  assert.equal(r.code, code, `exit code (stderr: ${r.stderr})`);
  assert.match(r.stderr, message);
  assert.ok(!hasStackTrace(r.stderr), r.stderr);
  assert.doesNotMatch(r.stderr, /internal error/);
}

describe('strict JSON inputs: exit 1, the JSON path and the nearest names', { skip: SKIP }, () => {
  test('encode: a misspelt property is an error, not dropped', async () => {
    const bad = file(
      'misspelt.json',
      requestWithBody((b) => {
        b.NomDeNaissance = b.NomNaissance;
        delete b.NomNaissance;
      }),
    );
    assertMistake(
      await volet('encode', INSI_WSDL, bad),
      1,
      /unknown property "NomDeNaissance" \(did you mean NomNaissance\?\) \(at envelope\.body\[0\]\.value\.NomDeNaissance\)/,
    );
  });

  test('encode: the INSi sex is M or F, the birth date YYYY-MM-DD (lunar dates allowed)', async () => {
    const sex = file(
      'sex.json',
      requestWithBody((b) => void (b.Sexe = 'X')),
    );
    assertMistake(await volet('encode', INSI_WSDL, sex), 1, /not one of the enumerated values .*\(at envelope\.body\[0\]\.value\.Sexe\)/);
    const date = file(
      'date.json',
      requestWithBody((b) => void (b.DateNaissance = '17/05/1980')),
    );
    assertMistake(await volet('encode', INSI_WSDL, date), 1, /does not match the pattern .*\(at envelope\.body\[0\]\.value\.DateNaissance\)/);
    const lunar = file(
      'lunar.json',
      requestWithBody((b) => void (b.DateNaissance = '1980-00-00')),
    );
    const ok = await volet('encode', INSI_WSDL, lunar);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /<insirecsans:DateNaissance>1980-00-00</);
  });

  test('encode: a value outside its built-in lexical space (xs:dateTime, xs:date) names its path', async () => {
    const copy = structuredClone(request);
    const bam = copy.envelope.headers.find((h) => h.element === '{urn:siram:bam:ctxbam}ContexteBAM');
    assert.ok(bam?.value);
    bam.value.Temps = 'yesterday';
    assertMistake(await volet('encode', INSI_WSDL, file('temps.json', copy)), 1, /not a valid xs:dateTime \(at envelope\.headers\[0\]\.value\.Temps\)/);
    const decoded = await volet('decode', INSI_WSDL, RESULT_WITH_HISTORY);
    assert.equal(decoded.code, 0, decoded.stderr);
    const text = decoded.stdout.replace('"DateDeb": "2019-03-01"', '"DateDeb": "01/03/2019"');
    assert.notEqual(text, decoded.stdout);
    assertMistake(
      await volet('encode', INSI_WSDL, file('datedeb.json', text)),
      1,
      /not a valid xs:date \(at envelope\.body\[0\]\.value\.INDIVIDU\.INSHISTO\[0\]\.DateDeb\)/,
    );
  });

  test('encode: an unknown key of a block names the nearest ones', async () => {
    const copy = structuredClone(request) as unknown as { envelope: { body: Record<string, unknown>[] } };
    copy.envelope.body[0].valeur = copy.envelope.body[0].value;
    assertMistake(
      await volet('encode', INSI_WSDL, file('block.json', copy)),
      1,
      /unknown property "valeur" \(did you mean value\?\) \(at envelope\.body\[0\]\.valeur\)/,
    );
  });

  test('call --input: the same check, the input file named, nothing sent', async () => {
    const bad = file(
      'call-misspelt.json',
      requestWithBody((b) => void (b.Prenoms = b.Prenom)),
    );
    const r = await volet('call', INSI_WSDL, '--operation', OP, '--endpoint', ENDPOINT, '--input', bad);
    assertMistake(r, 1, /call-misspelt\.json: unknown property "Prenoms" \(did you mean Prenom\?\) \(at envelope\.body\[0\]\.value\.Prenoms\)/);
  });

  test('call --contexts: unknown keys and values checked against the ContexteLPS/ContexteBAM schemas', async () => {
    const input = file('ok.json', request);
    const run = (contexts: unknown): Promise<CliResult> =>
      volet('call', INSI_WSDL, '--operation', OP, '--endpoint', ENDPOINT, '--input', input, '--profile', 'tlsi', '--contexts', file('contexts.json', contexts));
    assertMistake(await run({ ContexteLps: {} }), 1, /contexts\.json: ContexteLps: unknown key \(did you mean ContexteLPS\?\)/);
    const lps = { Version: '01_00', Nature: 'CTXLPS', LPS: { IDAM: { $value: 'TESTIDAM0001', R: '4' }, Version: '1.0', Instance: 'x', Nomm: 'MonLogiciel' } };
    assertMistake(await run({ ContexteLPS: lps }), 1, /contexts\.json: unknown property "Nomm" \(did you mean Nom\?\) \(at ContexteLPS\.LPS\.Nomm\)/);
    const bam = { Version: '01_02', COUVERTURE: { BENEFICIAIRE: { DateNai: '17/05/1980' } } };
    assertMistake(await run({ ContexteBAM: bam }), 1, /contexts\.json: .*does not match the pattern.*\(at ContexteBAM\.COUVERTURE\.BENEFICIAIRE\.DateNai\)/);
  });

  test('call --vihf: a misspelt key names the nearest one and the file', async () => {
    const vihf = file('vihf.json', {
      mode: 'DIRECTE',
      nameId: '899900063480',
      structureId: '10B0127189',
      sector: 'SA07^1.2.250.1.71.4.2.4',
      roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7' }],
      patientINS: '207058575627097',
      lpsName: 'MonLogiciel',
      lpsVersion: '1.0',
      homologationDmp: 'TEST-0001',
    });
    const input = file('td31.json', {
      element: '{urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0}AdhocQueryRequest',
      value: { ResponseOption: { returnType: 'LeafClass' }, AdhocQuery: { id: 'urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d' } },
    });
    const r = await volet(
      'call',
      REGISTRY_WSDL,
      '--operation',
      'DocumentRegistry_RegistryStoredQuery',
      '--endpoint',
      ENDPOINT,
      '--input',
      input,
      '--profile',
      'cisis',
      '--vihf',
      vihf,
    );
    assertMistake(r, 1, /vihf\.json: invalid VIHF input:\n {2}patientINS: unknown key \(did you mean patientIns\?\)/);
  });

  test('call --assertion-ps: a misspelt key names the nearest one and the file', async () => {
    const ps = file('ps.json', { nameId: '00B6087510', identifiantFacturation: '123456789', secteurActivite: 'SA05', codeSpecialiteAmo: '01' });
    const r = await volet(
      'call',
      INSI_WSDL,
      '--operation',
      OP,
      '--endpoint',
      ENDPOINT,
      '--input',
      file('ok.json', request),
      '--profile',
      'tlsi',
      '--pfx',
      pki.insiAuto.p12File,
      '--passphrase',
      pki.passphrase,
      '--assertion-ps',
      ps,
      '--sign-pfx',
      pki.cps.p12File,
      '--sign-passphrase',
      pki.passphrase,
    );
    assertMistake(r, 1, /ps\.json: invalid assertion PS input:\n {2}codeSpecialiteAmo: unknown key \(did you mean codeSpecialiteAMO\?\)/);
  });

  test('volet.config.json: an unknown key inside services[] (outDir) is an error naming the nearest key (exit 2)', async () => {
    const config = file('volet.config.json', { services: [{ name: 'insi', wsdl: INSI_WSDL, outDir: join(tmp, 'out') }] });
    assertMistake(await volet('generate', '--config', config, '--no-typecheck'), 2, /services\[0\]\.outDir: unknown key \(did you mean out\?\)/);
    const catalog = file('volet.config.json', { services: [{ name: 'insi', wsdl: INSI_WSDL }], catalog: [{ file: 'x.xsd', namespaces: 'urn:x' }] });
    assertMistake(await volet('generate', '--config', catalog, '--no-typecheck'), 2, /catalog\[0\]\.namespaces: unknown key \(did you mean namespace\?\)/);
  });
});

describe('option values and files: usage errors (exit 2) naming the flag', { skip: SKIP }, () => {
  const call = (...options: string[]): Promise<CliResult> => volet('call', INSI_WSDL, '--operation', OP, '--input', file('ok.json', request), ...options);

  test('--endpoint must be an https: URL', async () => {
    assertMistake(await call('--endpoint', 'http://127.0.0.1:9/lps'), 2, /--endpoint: volet sends only to https: URLs \(got http:\)/);
    assertMistake(await call('--endpoint', 'notaurl'), 2, /--endpoint: not a URL/);
  });

  test('--timeout must be a positive number of milliseconds', async () => {
    assertMistake(await call('--endpoint', ENDPOINT, '--timeout', 'abc'), 2, /--timeout: expected a positive number of milliseconds/);
    assertMistake(await call('--endpoint', ENDPOINT, '--timeout', '-1'), 2, /--timeout: expected a positive number of milliseconds/);
  });

  test('unreadable --pfx, --ca, --input; a --ca file without a certificate', async () => {
    const missing = join(tmp, 'missing.p12');
    assertMistake(await call('--endpoint', ENDPOINT, '--pfx', missing), 2, /--pfx: cannot read '.*missing\.p12': file not found/);
    assertMistake(await call('--endpoint', ENDPOINT, '--ca', join(tmp, 'missing.pem')), 2, /--ca: cannot read '.*missing\.pem': file not found/);
    assertMistake(await volet('call', INSI_WSDL, '--operation', OP, '--endpoint', ENDPOINT, '--input', join(tmp, 'nope.json')), 2, /--input: cannot read/);
    const notCa = file('not-a-ca.pem', '{"hello": "world"}');
    assertMistake(await call('--endpoint', ENDPOINT, '--ca', notCa), 2, /--ca: '.*not-a-ca\.pem' holds no certificate/);
  });

  test('a wrong passphrase names the file; none at all says so', async () => {
    const secret = 'not-the-passphrase-123';
    const wrong = await call('--endpoint', ENDPOINT, '--pfx', pki.insiAuto.p12File, '--passphrase', secret);
    assertMistake(wrong, 2, new RegExp(`--pfx '${pki.insiAuto.p12File.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': wrong passphrase`));
    assert.ok(!wrong.stderr.includes(secret));
    delete process.env.VOLET_PASSPHRASE;
    assertMistake(await call('--endpoint', ENDPOINT, '--pfx', pki.insiAuto.p12File), 2, /--pfx '.*': the file is protected and no passphrase was given/);
    const sign = await call(
      '--endpoint',
      ENDPOINT,
      '--profile',
      'tlsi',
      '--pfx',
      pki.insiAuto.p12File,
      '--passphrase',
      pki.passphrase,
      '--assertion-ps',
      file('ps-ok.json', { nameId: '00B6087510', identifiantFacturation: '123456789', secteurActivite: 'SA05' }),
      '--sign-pfx',
      pki.cps.p12File,
      '--sign-passphrase',
      secret,
    );
    assertMistake(sign, 2, /--sign-pfx '.*': wrong passphrase \(--sign-passphrase or VOLET_SIGN_PASSPHRASE\)/);
  });

  test('a signed VIHF mode without --sign-pfx names the flag', async () => {
    const vihf = file('vihf-indirecte.json', {
      mode: 'INDIRECTE',
      nameId: '899900063480',
      subjectId: 'MAX LIBRE',
      structureId: '10B0127189',
      sector: 'SA07^1.2.250.1.71.4.2.4',
      roles: [{ code: '10', codeSystem: '1.2.250.1.71.1.2.7' }],
      lpsName: 'MonLogiciel',
      lpsVersion: '1.0',
      homologationDmp: 'TEST-0001',
    });
    const input = file('td31-body.json', {
      element: '{urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0}AdhocQueryRequest',
      value: { ResponseOption: { returnType: 'LeafClass' }, AdhocQuery: { id: 'urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d' } },
    });
    const r = await volet(
      'call',
      REGISTRY_WSDL,
      '--operation',
      'DocumentRegistry_RegistryStoredQuery',
      '--endpoint',
      ENDPOINT,
      '--input',
      input,
      '--profile',
      'cisis',
      '--vihf',
      vihf,
    );
    assertMistake(r, 2, /--vihf: a VIHF of mode INDIRECTE is signed: give --sign-pfx/);
  });

  test('inspect/generate of a missing file: exit 2, no invented position', async () => {
    const r = await volet('inspect', join(tmp, 'nope.wsdl'));
    assertMistake(r, 2, /cannot read entry file '.*nope\.wsdl': file not found/);
    assert.doesNotMatch(r.stderr, /nope\.wsdl:1:1/);
    assertMistake(await volet('generate', join(tmp, 'nope.wsdl'), '--out', join(tmp, 'gen')), 2, /cannot read entry file/);
  });

  test('generate --out gen prints the folder once', async () => {
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      const r = await volet('generate', INSI_WSDL, '--out', 'gen', '--no-typecheck');
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^gen: 3 written, 0 unchanged;/m);
      assert.doesNotMatch(r.stdout, /gen: gen:/);
    } finally {
      process.chdir(cwd);
    }
  });
});
