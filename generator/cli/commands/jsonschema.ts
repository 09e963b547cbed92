/**
 * `volet jsonschema <wsdl...> [--out <dir>] [--catalog <file.json>]`: JSON Schema (2020-12) of the
 * JSON form of each operation's request and response, and of the files volet reads
 * (`volet.config.json`, VIHF input, assertion PS input, contexts), so that editors complete and
 * check them through `$schema`. With `--out`, one file per schema; without, one JSON object
 * `{ "<file name>": <schema>, … }` on standard output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { ExitCode } from '../io.js';
import { loadDescriptors } from './decode.js';

/** Registers `jsonschema`. */
export const registerJsonSchema: RegisterCommand = (cli, context) =>
  cli.command(
    'jsonschema <wsdl>',
    'Write JSON Schemas of the JSON form of each operation and of the files volet reads (config, VIHF, contexts, assertion PS)',
    (y) =>
      y
        .positional('wsdl', { describe: 'the service description (WSDL, or an XSD)', type: 'string', demandOption: true })
        .option('out', { describe: 'folder to write the schemas into (default: one JSON object on standard output)', type: 'string', requiresArg: true })
        .option('catalog', { describe: 'JSON catalog mapping namespaces or remote locations to local files', type: 'string', requiresArg: true }),
    async (args) => {
      const descriptors = await loadDescriptors(String(args.wsdl), args.catalog, context);
      if (descriptors === null) return;
      const { jsonSchemaFiles } = await import('../../jsonschema/schema-files.js');
      const files = jsonSchemaFiles(descriptors);
      if (args.out === undefined) {
        context.io.stdout(JSON.stringify(Object.fromEntries(files), null, 2) + '\n');
      } else {
        mkdirSync(args.out, { recursive: true });
        for (const [name, schema] of files) writeFileSync(join(args.out, name), JSON.stringify(schema, null, 2) + '\n');
        context.io.stdout(`${args.out}: ${files.size} schemas written (${[...files.keys()].join(', ')})\n`);
      }
      context.exitCode = ExitCode.ok;
    },
  );
