/**
 * Generated code uses only erasable TypeScript syntax with verbatim module syntax, so it runs
 * under Node's type stripping with no build step: the in-process check enforces both options, and
 * on a Node that strips types, a client generated with `importExtension: "ts"` runs as is.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import { generate, writeRun } from '../../generator/generate/generate.js';
import { typecheckGenerated, typecheckOptions } from '../../generator/emit/typecheck.js';
import { repoScratch } from '../e2e-runtime/support/generated-clients.js';
import { repoRoot } from '../support/paths.js';

const run = promisify(execFile);

/** `process.features.typescript` is set by the Node versions that strip types (22.18+ and 23.6+ without a flag). */
const strips = (process.features as { typescript?: string | false }).typescript;

describe('erasable syntax', () => {
  test('the in-process check enforces erasableSyntaxOnly and verbatimModuleSyntax', () => {
    assert.equal(typecheckOptions().erasableSyntaxOnly, true);
    assert.equal(typecheckOptions().verbatimModuleSyntax, true);
    const diagnostics = typecheckGenerated([
      { dir: join(repoScratch('erasable-'), 'out'), files: [{ path: 'enum.ts', content: 'export enum Colour {\n  Red,\n}\n' }] },
    ]);
    assert.ok(
      diagnostics.some((d) => d.code === 1294),
      JSON.stringify(diagnostics),
    );
  });

  test('a client generated with importExtension "ts" runs under Node type stripping', {
    skip: strips ? false : `Node ${process.version} does not strip types`,
  }, async () => {
    const dir = repoScratch('strip-');
    const result = generate({
      services: [{ name: 'ping', wsdl: [join(repoRoot, 'test', 'fixtures', 'wsdl', 'ping', 'ping.wsdl')], out: join(dir, 'ping') }],
      baseDir: repoRoot,
      catalog: [],

      typecheck: true,
      version: 'test',
      importExtension: 'ts',
    });
    assert.deepEqual(result.typecheckDiagnostics, []);
    writeRun(result);
    writeFileSync(
      join(dir, 'main.ts'),
      "import { encode } from '@volet/runtime';\nimport { PingClient, PingElement, type Ping } from './ping/index.ts';\n" +
        "const value: Ping = { text: 'hello' };\nconsole.log(typeof PingClient, encode(PingElement, value));\n",
    );
    const { stdout } = await run(process.execPath, [join(dir, 'main.ts')], { cwd: dir });
    assert.match(stdout, /^function <\w+:Ping xmlns:\w+="urn:volet:test:ping"><\w+:text>hello<\/\w+:text><\/\w+:Ping>/);
  });
});
