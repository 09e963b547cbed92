#!/usr/bin/env node
// Runs a subset of the compiled tests (dist/test, built by `npm test` or `npm run build`) on other
// Node.js majors, taken from the npm registry's `node` package: for each major,
// `npm exec --package=node@<major> -- node scripts/run-tests.mjs <areas>`. Each run prints the
// Node version it got and its wall time; the exit code is the first failure's, or 0.
//
//   node scripts/run-tests-on-node.mjs                       # Node 22, 24, 26; the default areas
//   node scripts/run-tests-on-node.mjs 24 -- codec http      # one major, chosen areas
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The majors and the test areas (folders of test/) run when none are given. */
const DEFAULT_MAJORS = ['22', '24', '26'];
const DEFAULT_AREAS = ['packaging', 'codec', 'http', 'security'];

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const majors = (split < 0 ? argv : argv.slice(0, split)).filter((a) => a !== '');
const areas = split < 0 ? [] : argv.slice(split + 1);
const filters = (areas.length > 0 ? areas : DEFAULT_AREAS).map((a) => `dist/test/${a}/`);

let status = 0;
const summary = [];
for (const major of majors.length > 0 ? majors : DEFAULT_MAJORS) {
  if (!/^\d+$/.test(major)) {
    console.error(`run-tests-on-node: "${major}" is not a Node major version`);
    process.exit(2);
  }
  const started = Date.now();
  console.log(`\n=== Node ${major}: ${filters.join(' ')}`);
  // `node` on PATH inside npm exec is the package's, so children the tests start (npm, npx, node) use it too.
  const exec = (...args) => spawnSync(NPM, ['exec', '--yes', `--package=node@${major}`, '--', 'node', ...args], { cwd: root, stdio: 'inherit' });
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template literal for the child node to evaluate (-p)
  const version = exec('-p', '`running on node ${process.version}`');
  const run = version.status === 0 ? exec(join('scripts', 'run-tests.mjs'), ...filters) : version;
  const seconds = Math.round((Date.now() - started) / 1000);
  summary.push(`Node ${major}: ${run.status === 0 ? 'ok' : `failed (${run.status ?? run.signal})`} in ${seconds} s`);
  if (run.status !== 0 && status === 0) status = run.status ?? 1;
}
console.log(`\n${summary.join('\n')}`);
process.exit(status);
