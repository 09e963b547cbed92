import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../generator/cli/main.js';
import type { Model } from '../../generator/model/model.js';
import { repoRoot } from '../support/paths.js';
import { hasStackTrace, volet } from './run.js';

// Paths in diagnostics are shown relative to the current folder: run from the repository root.
process.chdir(repoRoot);
const fixture = (...p: string[]): string => join('test', 'fixtures', 'wsdl', ...p);

test('no arguments → exit 2 with the yargs message, no stack trace', async () => {
  const r = await volet();
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a command is required/);
  assert.match(r.stderr, /volet --help/);
  assert.equal(hasStackTrace(r.stderr), false);
  assert.equal(r.stdout, '');
});

test('unknown command → exit 2', async () => {
  const r = await volet('frobnicate');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^volet: unknown command frobnicate\nRun 'volet --help' for usage\.\n$/);
  assert.equal(hasStackTrace(r.stderr), false);
});

test('inspect without a file → exit 2', async () => {
  const r = await volet('inspect');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Not enough non-option arguments/);
});

test('unknown option → exit 2', async () => {
  const r = await volet('inspect', fixture('ping', 'ping.wsdl'), '--frob');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^volet: unknown option --frob\nRun 'volet inspect --help' for usage\.\n$/);
});

test('--help and --version → exit 0 on stdout', async () => {
  const help = await volet('--help');
  assert.equal(help.code, 0);
  assert.match(help.stdout, /volet inspect <wsdl\.\.\.>/);
  const inspectHelp = await volet('inspect', '--help');
  assert.equal(inspectHelp.code, 0);
  assert.match(inspectHelp.stdout, /--catalog/);
  const version = await volet('--version');
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+/);
});

test('inspect: the human tree of a clean WSDL, exit 0, nothing on stderr', async () => {
  const r = await volet('inspect', fixture('ping', 'ping.wsdl'));
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  const expectedLines = [
    'service PingService (urn:volet:test:ping)',
    '  port PingPort: SOAP 1.2, document',
    '    binding:   {urn:volet:test:ping}PingBinding',
    '    address:   https://localhost/ping',
    '    operation Ping: document, request-response',
    '      soapAction:      urn:volet:test:ping:Ping',
    '      request action:  urn:volet:test:ping:PingPortType:PingRequest (default)',
    '      response action: urn:volet:test:ping:PingPortType:PingResponse (default)',
    '        body parameters: element {urn:volet:test:ping}Ping',
    '        header context: element {urn:volet:test:ping}Context',
    '      fault PingFault: {urn:volet:test:ping}PingFault',
    '        action: urn:volet:test:ping:PingPortType:Ping:Fault:PingFault',
  ];
  const lines = r.stdout.split('\n');
  for (const line of expectedLines) assert.ok(lines.includes(line), `missing line: ${line}\n${r.stdout}`);
  assert.match(r.stdout, /^schema: \d+ of \d+ types reached, \d+ of 4 global elements reached, 1 namespace, 2 files read$/m);
});

test('inspect --json prints the model', async () => {
  const r = await volet('inspect', '--json', fixture('ping', 'ping.wsdl'));
  assert.equal(r.code, 0);
  const model = JSON.parse(r.stdout) as Model;
  assert.equal(model.modelVersion, 1);
  assert.deepEqual(model.entries, [fixture('ping', 'ping.wsdl')]);
  assert.equal(model.services[0]?.ports[0]?.operations[0]?.input?.headers[0]?.element, '{urn:volet:test:ping}Context');
  assert.deepEqual(model.diagnostics, []);
});

test('a malformed WSDL → exit 1 with file:line:col on stderr', async () => {
  const r = await volet('inspect', fixture('malformed.wsdl'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^test\/fixtures\/wsdl\/malformed\.wsdl:\d+:\d+: error: malformed XML/m);
  assert.match(r.stderr, /^1 error, 0 warnings$/m);
  assert.equal(hasStackTrace(r.stderr), false);
});

test('a WSDL naming a missing message → exit 1 with the exact location', async () => {
  const r = await volet('inspect', fixture('missing-message.wsdl'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^test\/fixtures\/wsdl\/missing-message\.wsdl:8:27: error: message \{urn:volet:test:ping\}NoSuchMessage is not defined$/m);
});

test('a missing entry file → exit 2 (usage error), no invented position', async () => {
  const r = await volet('inspect', fixture('does-not-exist.wsdl'));
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read entry file '.*does-not-exist\.wsdl': file not found/);
  assert.doesNotMatch(r.stderr, /does-not-exist\.wsdl:\d+:\d+/);
});

test('--catalog maps a remote schema location to a local file', async () => {
  const without = await volet('inspect', fixture('catalog', 'remote.wsdl'));
  assert.equal(without.code, 1);
  assert.match(without.stderr, /remote location 'https:\/\/example\.invalid\/schemas\/remote-types\.xsd' not fetched/);
  const withCatalog = await volet('inspect', fixture('catalog', 'remote.wsdl'), '--catalog', fixture('catalog', 'catalog.json'));
  assert.equal(withCatalog.stderr, '');
  assert.equal(withCatalog.code, 0);
  assert.match(withCatalog.stdout, /body p: element \{urn:volet:test:remote-types\}Hello/);
});

test('an unusable --catalog file → exit 2', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'volet-cli-'));
  try {
    const missing = await volet('inspect', fixture('ping', 'ping.wsdl'), '--catalog', join(dir, 'nope.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read catalog file/);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    const bad = await volet('inspect', fixture('ping', 'ping.wsdl'), '--catalog', join(dir, 'bad.json'));
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /is not valid JSON/);
    writeFileSync(join(dir, 'shape.json'), JSON.stringify([{ file: 'x.xsd' }]));
    const shape = await volet('inspect', fixture('ping', 'ping.wsdl'), '--catalog', join(dir, 'shape.json'));
    assert.equal(shape.code, 2);
    assert.match(shape.stderr, /give "namespace", "location" or both/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an unexpected exception becomes "volet: internal error", exit 70, without a stack trace', async () => {
  let stderr = '';
  const code = await run(['inspect', fixture('ping', 'ping.wsdl')], {
    stdout: () => {
      throw new Error('stdout closed');
    },
    stderr: (t) => void (stderr += t),
  });
  assert.equal(code, 70);
  assert.equal(stderr, 'volet: internal error: stdout closed\n');
});

test('main.ts runs as a program: exit codes reach the process', () => {
  const cli = (...args: string[]): ReturnType<typeof spawnSync> =>
    spawnSync(process.execPath, ['--import', 'tsx', '--conditions=volet-source', join('generator', 'cli', 'main.ts'), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
  const ok = cli('inspect', fixture('ping', 'ping.wsdl'));
  assert.equal(ok.status, 0, String(ok.stderr));
  assert.match(String(ok.stdout), /service PingService/);
  const usage = cli();
  assert.equal(usage.status, 2);
  assert.equal(hasStackTrace(String(usage.stderr)), false);
  const bad = cli('inspect', fixture('malformed.wsdl'));
  assert.equal(bad.status, 1);
});

test('usage mistakes are worded as typed: options with their dashes, misspelt commands with a suggestion', async () => {
  const misspelt = await volet('generat');
  assert.equal(misspelt.code, 2);
  assert.equal(misspelt.stderr, "volet: unknown command generat; did you mean generate?\nRun 'volet --help' for usage.\n");
  const options = await volet('inspect', fixture('ping', 'ping.wsdl'), '--frob-nicate', '-q', '--zap=1');
  assert.equal(options.code, 2);
  assert.equal(options.stderr, "volet: unknown options --frob-nicate, -q, --zap\nRun 'volet inspect --help' for usage.\n");
});
