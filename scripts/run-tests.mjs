#!/usr/bin/env node
// Runs every compiled test file (dist/test/**/*.test.js, dist/runtime-test is not used) with node:test.
// Node 20 has no --test globs, so the files are listed here. Extra arguments filter by substring.
// `--unit` (npm run test:unit) runs the fast tier: every test that needs no external tool (xmllint,
// xmlsec1, SoftHSM2, Python, openssl), no server or child process, and no sweep of the corpus.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = ['dist/test'];
const args = process.argv.slice(2);
const unit = args.includes('--unit');
const filters = args.filter((a) => a !== '--unit');

// The tests left out of the unit tier, by path under test/ (a folder ends with '/'). A new test is
// a unit test unless it is listed here: list it when it spawns a tool, a server or a CLI, or sweeps
// the corpus.
const INTEGRATION = [
  'cli/',
  'cli-codec/',
  'corpus/',
  'e2e/',
  'e2e-runtime/',
  'node-soap/',
  'packaging/',
  'w3c/',
  'addressing/addressing.test', // xmllint
  'client/outcomes-trace.test', // the simulators
  'client/client.test',
  'client/http-status.test', // HTTPS servers
  'codec/ebrim-corpus.test',
  'codec/insi-corpus.test',
  'codec/encode-bytes-corpus.test', // xmllint
  'generate/cli.test',
  'generate/corpus', // corpus.test, corpus-sweep.test, corpus-ts-versions.test
  'http/limits.test',
  'http/mutual-tls.test',
  'http/test-pki.test',
  'http/keep-alive.test',
  'http/proxy.test',
  'http/trust-scope.test',
  'load/catalog.test',
  'load/corpus-files.test',
  'load/corpus-imports.test', // sweeps both shared corpora
  'load/light-tree-readers.test',
  'mtom/corpus.test',
  'mtom/encode.test',
  'mtom/https-roundtrip.test',
  'profiles/profiles.test',
  'resolve/corpus-',
  'resolve/determinism.test',
  'resolve/mtom.test',
  'runtime-xml/differential.test',
  'runtime-xml/hostile.test',
  'runtime-xml/wellformed.test',
  'security/', // xmlsec1, SoftHSM2, openssl
  'soap/envelope.test', // xmllint
  'wsdl-own/dmp-examples.test',
  'wsdl-own/insi-examples.test',
  'wsdl-own/security-tokens.test',
  'wsdl-own/wsdl-files.test',
  'xsd/expected-content-types.test',
  'xsd/qname-enumerations.test',
  'generate/shared-modules.test', // the 7 official DMP WSDLs in one run
  'emit/erasable.test', // a whole in-process type check, and node on type-stripping Nodes
  'emit/retyped.test', // an in-process type check and the CLI
  'soak',
  'xsw',
];
const isIntegration = (file) => {
  const rel = relative('dist/test', file).split('\\').join('/');
  return INTEGRATION.some((p) => rel.startsWith(p) || (!p.includes('/') && rel.includes(p)));
};
const files = [];
function walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries.sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
}
roots.forEach(walk);
const tier = unit ? files.filter((f) => !isIntegration(f)) : files;
const selected = filters.length ? tier.filter((f) => filters.some((s) => f.includes(s))) : tier;
if (selected.length === 0) {
  console.error('no test files found under ' + roots.join(', '));
  process.exit(1);
}
console.log(`running ${selected.length} test files: ${selected.map((f) => relative('dist/test', f)).join(' ')}`);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...selected], { stdio: 'inherit' });
process.exit(r.status ?? 1);
