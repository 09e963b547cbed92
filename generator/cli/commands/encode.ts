/**
 * `volet encode <wsdl> <file.json> [--catalog <file.json>]`: the reverse of `volet decode`. Reads
 * the JSON form (an envelope, a fault envelope or a bare element; see docs/cli.md) and writes the
 * XML to standard output. Binary values are written inline as base64 (no MTOM).
 */
import type { RegisterCommand } from '../command.js';
import { ExitCode } from '../io.js';
import { loadDescriptors, readJson, reportRuntimeError } from './decode.js';

/** Registers `encode`. */
export const registerEncode: RegisterCommand = (cli, context) =>
  cli.command(
    'encode <wsdl> <file>',
    'Encode a message from the JSON form of `volet decode` back into XML',
    (y) =>
      y
        .positional('wsdl', { describe: 'the service description (WSDL, or an XSD)', type: 'string', demandOption: true })
        .positional('file', { describe: 'the message as JSON (what `volet decode` prints)', type: 'string', demandOption: true })
        .option('catalog', { describe: 'JSON catalog mapping namespaces or remote locations to local files', type: 'string', requiresArg: true })
        .option('lenient', {
          describe:
            'write back what lenient decoding read from a message that breaks its schema (missing required content, extra occurrences), with a warning per violation',
          type: 'boolean',
          default: false,
        }),
    async (args) => {
      const file = String(args.file);
      const json = readJson(file, 'JSON message file');
      const descriptors = await loadDescriptors(String(args.wsdl), args.catalog, context);
      if (descriptors === null) return;
      const { encodeMessageJson } = await import('../message-json.js');
      try {
        const warnings: string[] = [];
        const xml = encodeMessageJson(descriptors.schema, json, {
          excludeElements: descriptors.rpcPartElements,
          ...(args.lenient === true ? { lenient: (violation: string) => void warnings.push(violation) } : {}),
        });
        for (const w of warnings) context.io.stderr(`volet: warning: ${file}: ${w}\n`);
        context.io.stdout(xml + '\n');
        context.exitCode = ExitCode.ok;
      } catch (err) {
        await reportRuntimeError(err, file, context);
      }
    },
  );
