/**
 * The committed `generated/` folder is what `volet generate` writes for `wsdl/` (volet.config.json):
 * `volet check` passes on the repository itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from '../../generator/cli/main.js';
import { repoRoot } from '../support/paths.js';

test('volet check: generated/ matches wsdl/ and the generator', async () => {
  let stdout = '';
  let stderr = '';
  const cwd = process.cwd();
  process.chdir(repoRoot);
  try {
    const code = await run(['check'], { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    assert.equal(code, 0, `volet check failed — run \`npm run volet -- generate\`:\n${stdout}${stderr}`);
  } finally {
    process.chdir(cwd);
  }
  for (const service of ['xds-registry', 'xds-repository', 'insi']) assert.match(stdout, new RegExp(`${service}: .*up to date`));
});
