/**
 * `volet call` with streamed MTOM against a local mutual-TLS repository: a request document named
 * by `{ "$file": path }` goes out as an XOP part read from the file, and `--attachments-dir`
 * writes the response's parts into files (named from their Content-ID, inside the folder) that
 * the printed JSON refers to.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedTestPki, type TestPki } from '../support/pki.js';
import { hasStackTrace, volet } from '../cli/run.js';
import { seededSha256, startStreamingXdsServer, type StreamingXdsServer } from './helpers/streaming-xds-server.js';

const WSDL = 'wsdl/xds/document-repository.wsdl';
let pki: TestPki;
let server: StreamingXdsServer;
const tmp = mkdtempSync(join(tmpdir(), 'volet-call-att-'));

before(async () => {
  pki = await sharedTestPki();
  server = await startStreamingXdsServer({ keyPem: pki.server.keyPem, certPem: pki.server.chainPem, caPem: pki.caBundlePem }, 8 * 1024 * 1024);
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

function tls(): string[] {
  return ['--pfx', pki.orgAuth.p12File, '--passphrase', pki.passphrase, '--ca', pki.caBundleFile];
}

test('a request document given as { "$file": path } is sent from the file as an XOP part', async () => {
  const file = join(tmp, 'document.bin');
  const bytes = randomBytes(3 * 1024 * 1024 + 5);
  writeFileSync(file, bytes);
  const input = join(tmp, 'iti41.json');
  writeFileSync(
    input,
    JSON.stringify({
      element: '{urn:ihe:iti:xds-b:2007}ProvideAndRegisterDocumentSetRequest',
      value: { SubmitObjectsRequest: { RegistryObjectList: {} }, Document: [{ id: 'Document01', $value: { $file: file, contentType: 'application/pdf' } }] },
    }),
  );
  const dump = join(tmp, 'dump');
  const r = await volet(
    'call',
    WSDL,
    '--operation',
    'ProvideAndRegisterDocumentSet',
    '--endpoint',
    `${server.url}/repository`,
    '--input',
    input,
    '--dump',
    dump,
    ...tls(),
  );
  assert.equal(r.code, 0, r.stderr);
  // --dump still holds the exact body: the file's bytes inside the multipart request.
  assert.ok(readFileSync(join(dump, 'request.body')).includes(bytes), 'the dumped request holds the document');
  const part = server.uploads.at(-1)?.parts[0];
  assert.equal(part?.bytes, bytes.length);
  assert.equal(part?.sha256, createHash('sha256').update(bytes).digest('hex'));
  assert.match(r.stdout, /ResponseStatusType:Success/);
});

test('--attachments-dir writes the response parts into files the JSON refers to', async () => {
  const size = 5 * 1024 * 1024 + 1;
  const input = join(tmp, 'iti43.json');
  writeFileSync(
    input,
    JSON.stringify({
      element: '{urn:ihe:iti:xds-b:2007}RetrieveDocumentSetRequest',
      value: { DocumentRequest: [{ RepositoryUniqueId: '1.2.3', DocumentUniqueId: `doc-${size}` }] },
    }),
  );
  const dir = join(tmp, 'received');
  const r = await volet(
    'call',
    WSDL,
    '--operation',
    'RetrieveDocumentSet',
    '--endpoint',
    `${server.url}/repository`,
    '--input',
    input,
    '--attachments-dir',
    dir,
    ...tls(),
  );
  assert.equal(r.code, 0, r.stderr);
  const files = readdirSync(dir);
  assert.deepEqual(files, ['doc-1@urn_ihe_iti_xds-b_2007']);
  const path = join(dir, files[0] as string);
  assert.equal(createHash('sha256').update(readFileSync(path)).digest('hex'), await seededSha256('doc', size));
  const json = JSON.parse(r.stdout) as unknown;
  const text = JSON.stringify(json);
  assert.ok(
    text.includes(JSON.stringify({ $file: path, contentId: 'doc-1@urn:ihe:iti:xds-b:2007', contentType: 'application/octet-stream', size }).slice(1, -1)),
    text.slice(0, 2000),
  );
});

test('{ "$file": … } naming a missing file is a one-line input error', async () => {
  const input = join(tmp, 'missing.json');
  writeFileSync(
    input,
    JSON.stringify({
      element: '{urn:ihe:iti:xds-b:2007}ProvideAndRegisterDocumentSetRequest',
      value: { SubmitObjectsRequest: { RegistryObjectList: {} }, Document: [{ id: 'D', $value: { $file: join(tmp, 'nope.pdf') } }] },
    }),
  );
  const r = await volet('call', WSDL, '--operation', 'ProvideAndRegisterDocumentSet', '--endpoint', `${server.url}/repository`, '--input', input, ...tls());
  assert.equal(r.code, 1, r.stderr);
  assert.ok(!hasStackTrace(r.stderr), r.stderr);
  assert.match(r.stderr, /nope\.pdf/);
});
