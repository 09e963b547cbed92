/**
 * Attacks on the loader's inputs: an include of a device that never ends (/dev/zero, /dev/urandom),
 * of a FIFO nobody writes to, of a file over the size limit, and a chain of includes longer than the
 * document limit. Each must end promptly in a diagnostic, never a hang, an exception or exit 70.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadDescription } from '../../generator/load/load.js';
import { hasStackTrace, volet } from '../cli/run.js';
import { schema, writeFiles } from '../xsd/support.js';

const devices = ['/dev/zero', '/dev/urandom'].filter((d) => existsSync(d));

function includeOf(location: string): string {
  return schema(`<xs:include schemaLocation="${location}"/><xs:element name="a" type="xs:string"/>`);
}

for (const device of devices) {
  test(`an include of ${device} is an unreadable-file diagnostic, not an endless read`, async () => {
    const dir = writeFiles({ 'main.xsd': includeOf(device) });
    const result = loadDescription([join(dir, 'main.xsd')], {});
    const d = result.diagnostics.find((x) => x.code === 'unreadable-file');
    assert.ok(d, JSON.stringify(result.diagnostics));
    assert.match(d.message, /not a regular file/);
    // The same as an entry file, through the CLI: exit 1 with a one-line message.
    const cli = await volet('inspect', device);
    assert.equal(cli.code, 1);
    assert.match(cli.stderr, /not a regular file/);
    assert.equal(hasStackTrace(cli.stderr), false);
  });
}

test('an include of a FIFO without a writer does not block', { skip: process.platform === 'win32' ? 'no FIFOs' : false }, () => {
  const dir = writeFiles({ 'main.xsd': includeOf('pipe.xsd') });
  const made = spawnSync('mkfifo', [join(dir, 'pipe.xsd')]);
  if (made.status !== 0) return;
  const result = loadDescription([join(dir, 'main.xsd')], {});
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['unreadable-file'],
  );
  assert.match(result.diagnostics[0].message, /pipe\.xsd.*not a regular file/);
});

test('a file over the size limit is not read', () => {
  const big = schema(`<xs:element name="b" type="xs:string"/>${' '.repeat(4096)}`);
  const dir = writeFiles({ 'main.xsd': includeOf('big.xsd'), 'big.xsd': big });
  const result = loadDescription([join(dir, 'main.xsd')], { maxFileBytes: 2048 });
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['unreadable-file'],
  );
  assert.match(result.diagnostics[0].message, /big\.xsd.*larger than the 2048-byte limit/);
  // Under the default limit the same file loads.
  assert.deepEqual(loadDescription([join(dir, 'main.xsd')], {}).diagnostics, []);
});

test('a description loading more documents than the limit stops with one diagnostic', () => {
  // s0 includes s1 includes s2 … s49: a chain the loader would follow to the end.
  const files: Record<string, string> = {};
  for (let i = 0; i < 50; i++) {
    files[`s${i}.xsd`] = schema(`${i < 49 ? `<xs:include schemaLocation="s${i + 1}.xsd"/>` : ''}<xs:element name="e${i}" type="xs:string"/>`);
  }
  const dir = writeFiles(files);
  const limited = loadDescription([join(dir, 's0.xsd')], { maxDocuments: 10 });
  assert.equal(limited.documents.length, 10);
  assert.deepEqual(
    limited.diagnostics.map((d) => [d.severity, d.code]),
    [['error', 'too-many-documents']],
  );
  assert.match(limited.diagnostics[0].message, /more than 10 documents/);
  const full = loadDescription([join(dir, 's0.xsd')], {});
  assert.equal(full.documents.length, 50);
  assert.deepEqual(full.diagnostics, []);
});

test('a file that is a symbolic link to a device is refused too', { skip: process.platform === 'win32' ? 'no /dev' : false }, () => {
  if (devices.length === 0) return;
  const dir = writeFiles({ 'main.xsd': includeOf('link.xsd') });
  spawnSync('ln', ['-s', devices[0], join(dir, 'link.xsd')]);
  const result = loadDescription([join(dir, 'main.xsd')], {});
  assert.deepEqual(
    result.diagnostics.map((d) => d.code),
    ['unreadable-file'],
  );
});

test('a message or JSON input that is a device is refused too (volet decode / encode)', { skip: devices.length === 0 ? 'no /dev/zero' : false }, async () => {
  const dir = writeFiles({ 'a.xsd': schema('<xs:element name="a" type="xs:string"/>') });
  for (const args of [
    ['decode', join(dir, 'a.xsd'), devices[0]],
    ['encode', join(dir, 'a.xsd'), devices[0]],
  ]) {
    const r = await volet(...args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /not a regular file/);
    assert.equal(hasStackTrace(r.stderr), false);
  }
});
