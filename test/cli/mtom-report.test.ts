/**
 * MTOM from the official DMP repository WSDL (no xmime cue): `volet inspect` and `volet generate`
 * say which operations use MTOM and why, the generated descriptors mark ITI-41 `mtom: true` from
 * its IHE action, and a per-operation `mtom` setting in volet.config.json overrides it.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, corpusSkipReason } from '../support/paths.js';
import { volet } from './run.js';

const REPOSITORY = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRepository.wsdl');
const ITI41 = 'DocumentRepository_ProvideAndRegisterDocumentSet-b';
const tmp = mkdtempSync(join(tmpdir(), 'volet-mtom-report-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** The descriptor block of one operation in a generated descriptors.ts. */
function operationBlock(descriptors: string, name: string): string {
  const start = descriptors.indexOf(`'${name}': {`) >= 0 ? descriptors.indexOf(`'${name}': {`) : descriptors.indexOf(`${name}: {`);
  assert.ok(start >= 0, `operation ${name} in descriptors.ts`);
  return descriptors.slice(start, descriptors.indexOf('\n    },', start));
}

test('inspect: ITI-41 request and ITI-43 response are MTOM by their IHE actions', { skip: corpusSkipReason }, async () => {
  const r = await volet('inspect', REPOSITORY);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`operation ${ITI41}: [^\\n]*\\n(?:.*\\n)*?\\s+mtom: +request \\(IHE ITI-41 action\\)`));
  assert.match(r.stdout, /operation DocumentRepository_RetrieveDocumentSet: [^\n]*\n(?:.*\n)*?\s+mtom: +response \(IHE ITI-43 action\)/);
});

test('generate: says which operations use MTOM and why; the descriptors mark ITI-41; volet.config.json overrides', { skip: corpusSkipReason }, async () => {
  const out = join(tmp, 'default');
  const r = await volet('generate', REPOSITORY, '--out', out, '--no-typecheck');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^  mtom: ${ITI41}: request \\(IHE ITI-41 action\\)$`, 'm'));
  assert.match(operationBlock(readFileSync(join(out, 'descriptors.ts'), 'utf8'), ITI41), /mtom: true/);

  const config = join(tmp, 'volet.config.json');
  writeFileSync(config, JSON.stringify({ services: [{ name: 'repo', wsdl: REPOSITORY, out: join(tmp, 'off'), mtom: { [ITI41]: false } }] }));
  const off = await volet('generate', '--config', config, '--no-typecheck');
  assert.equal(off.code, 0, off.stderr);
  assert.match(off.stdout, new RegExp(`^  mtom: ${ITI41}: request off \\(volet.config.json\\)$`, 'm'));
  assert.doesNotMatch(operationBlock(readFileSync(join(tmp, 'off', 'descriptors.ts'), 'utf8'), ITI41), /mtom/);

  writeFileSync(
    config,
    JSON.stringify({ services: [{ name: 'repo', wsdl: REPOSITORY, out: join(tmp, 'typo'), mtom: { DocumentRepository_ProvideAndRegister: true } }] }),
  );
  const typo = await volet('generate', '--config', config, '--no-typecheck');
  assert.equal(typo.code, 1);
  assert.match(
    typo.stderr,
    new RegExp(
      `volet\\.config\\.json: error: services\\[0\\]\\.mtom: no operation "DocumentRepository_ProvideAndRegister" in this description \\(did you mean ${ITI41}\\?\\)`,
    ),
  );
});
