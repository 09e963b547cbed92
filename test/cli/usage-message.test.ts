/** The rewording of yargs' validation messages (`generator/cli/usage-message.ts`), case by case. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helpCommand, usageMessage } from '../../generator/cli/usage-message.js';

test('unknown options are named as typed, camel-case duplicates dropped', () => {
  assert.equal(usageMessage('Unknown argument: tempaltes', ['generate', '--tempaltes', 'x']), 'unknown option --tempaltes');
  assert.equal(usageMessage('Unknown arguments: foo-bar, fooBar', ['generate', '--foo-bar']), 'unknown option --foo-bar');
  assert.equal(usageMessage('Unknown arguments: zap, q', ['inspect', 'a.wsdl', '--zap=1', '-q']), 'unknown options --zap, -q');
});

test('commands and stray words', () => {
  assert.equal(usageMessage('Unknown argument: frobnicate', ['frobnicate']), 'unknown command frobnicate');
  assert.equal(usageMessage('Did you mean generate?', ['generat']), 'unknown command generat; did you mean generate?');
  assert.equal(usageMessage('Unknown arguments: extra, zap', ['decode', 'extra', '--zap']), 'unknown option --zap; unexpected argument extra');
});

test('other messages are kept; help points at the command once it is known', () => {
  assert.equal(usageMessage('Not enough arguments following: out', ['generate', '--out']), 'Not enough arguments following: out');
  assert.equal(helpCommand('unknown option --zap', ['inspect', '--zap']), 'volet inspect --help');
  assert.equal(helpCommand('unknown command frob', ['frob']), 'volet --help');
  assert.equal(helpCommand('a command is required', ['--frob']), 'volet --help');
  assert.equal(helpCommand('a command is required', []), 'volet --help');
});
