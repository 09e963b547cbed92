/**
 * `volet decode` prints a large message's JSON chunk by chunk and waits for standard output to take
 * each chunk before making the next (a pipe is written asynchronously: without waiting, the whole
 * text piled up in memory — 78 MB of JSON for a 54 MB ITI-18 response, 497 MB peak RSS through a
 * pipe against 281 MB to a file). A reader that stops early (`| head`) ends the command quietly.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { buildAdhocQueryResponse } from '../../bench/codec/build-input.js';
import { run } from '../../generator/cli/main.js';
import { corpus, corpusSkipReason, repoRoot } from '../support/paths.js';

const wsdl = corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl');
const skip = corpusSkipReason;
const dir = mkdtempSync(join(tmpdir(), 'volet-decode-output-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** An ITI-18 response of `count` ExtrinsicObjects (about 10.7 KB each), written to a file. */
function response(count: number): string {
  const file = join(dir, `iti18-${count}.xml`);
  if (!existsSync(file)) writeFileSync(file, buildAdhocQueryResponse(count));
  return file;
}

test('each chunk is written, then standard output is awaited before the next chunk is made', { skip }, async () => {
  let stdout = '';
  let stderr = '';
  let chunks = 0;
  const writtenAtEachWait: number[] = [];
  const code = await run(['decode', wsdl, response(300)], {
    stdout: (t) => {
      stdout += t;
      chunks++;
    },
    stderr: (t) => void (stderr += t),
    stdoutDrained: async () => {
      writtenAtEachWait.push(chunks);
      // The next chunk must not be made while the output is still busy.
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(chunks, writtenAtEachWait.length, 'no chunk written while waiting');
    },
  });
  assert.equal(code, 0, stderr);
  assert.ok(chunks > 10, `${chunks} chunks`);
  assert.deepEqual(
    writtenAtEachWait,
    Array.from({ length: chunks }, (_, i) => i + 1),
  );
  const json = JSON.parse(stdout) as { envelope: { body: { element: string; value: { RegistryObjectList: { Identifiable: unknown[] } } }[] } };
  assert.equal(json.envelope.body[0]?.value.RegistryObjectList.Identifiable.length, 300);
});

const bin = join(repoRoot, 'bin', 'volet.js');
const built = existsSync(join(repoRoot, 'dist', 'volet.cjs')) ? false : 'the CLI bundle is not built (npm run build)';

test('a reader that closes the pipe early ends volet decode quietly, exit 0', { skip: skip || built }, async () => {
  const child = spawn(process.execPath, [bin, 'decode', wsdl, response(2000)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => {
    stderr += t;
  });
  let first = '';
  child.stdout.setEncoding('utf8').once('data', (t: string) => {
    first = t;
    child.stdout.destroy(); // as `| head -c …` does once it has enough
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.match(first, /^\{\n {2}"/);
  assert.equal(stderr, '');
  assert.equal(code, 0);
});
