/**
 * `npm run demo` itself, in a child process: from TypeScript with tsx when this test runs from
 * source, the compiled `dist/scripts/demo.js` when the suite runs compiled (as `npm test` does).
 * It must exit 0 and print one line per step, with masked INS values only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POPULATION } from '../../simulator/insi/population.js';
import { repoRoot } from '../support/paths.js';

const fromSource = fileURLToPath(import.meta.url).endsWith('.ts');
const args = fromSource
  ? ['--import', 'tsx', '--conditions=volet-source', join(repoRoot, 'scripts', 'demo.ts')]
  : [join(repoRoot, 'dist', 'scripts', 'demo.js')];

function run(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: repoRoot, timeout: 120_000, env: { ...process.env, NODE_OPTIONS: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

test(`npm run demo (${fromSource ? 'tsx' : 'compiled'}): exits 0 with one line per expected step`, async () => {
  const { code, stdout, stderr } = await run();
  assert.equal(code, 0, `exit code ${String(code)}\n${stdout}\n${stderr}`);
  const lines = stdout.trim().split('\n');
  const steps = lines.filter((l) => /^\s*\d+\s+(ok|FAIL)\s/.test(l));
  assert.equal(steps.length, 11, stdout);
  assert.ok(
    steps.every((l) => /\s+ok\s/.test(l) && /\(\d+ ms\)$/.test(l)),
    stdout,
  );
  const expected = [
    /generate\s+generated xds-registry, xds-repository, insi from wsdl\/ \(6 operations\): identical to the committed generated\//,
    /simulators\s+DMP https:\/\/127\.0\.0\.1:\d+, INSi https:\/\/127\.0\.0\.1:\d+, PKI .*pki\.json/,
    /INSi\s+traits DEMOVOLET ALICE → CR 00 OK, INS 2\*{14}, 1 former INS/,
    /INSi\s+traits DEMOVOLET JEANNE → CR 01 Aucune identite trouvee/,
    /INSi\s+traits DEMOJUMEAU CAMILLE → CR 02 Plusieurs identites trouvees/,
    /DMP ITI-18\s+FindDocuments \(Approved\) → Success, 0 documents/,
    /DMP ITI-41\s+CDA of \d+ bytes as an MTOM\/XOP part, VIHF INDIRECTE signed/,
    /DMP ITI-18\s+FindDocuments → Success, 1 document/,
    /DMP ITI-43\s+retrieve → \d+ bytes from a multipart\/related answer, identical to the upload/,
    /DMP ITI-57\s+status Approved → Deleted → Success; FindDocuments now finds 0 documents/,
    /DMP refused\s+unsigned VIHF in INDIRECTE mode → SoapFault Sender \/ DMPInvalidSignature/,
  ];
  expected.forEach((pattern, i) => assert.match(steps[i] ?? '', pattern));
  assert.match(lines[lines.length - 1] ?? '', /^all 11 steps behaved as expected; simulators stopped/);
  for (const person of DEFAULT_POPULATION) {
    for (const ins of [person.ins, ...person.history]) assert.ok(!stdout.includes(ins.number), 'no INS number in the transcript');
  }
});
