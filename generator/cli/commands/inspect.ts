/**
 * `volet inspect <wsdl...> [--json] [--catalog <file.json>]`: what volet understands of a service
 * description — services, ports, operations, actions, headers, faults, types reached — and its
 * diagnostics. Exit code 1 when the description has errors.
 */
import type { CatalogEntry } from '../../load/types.js';
import { readCatalogOption } from '../catalog-option.js';
import type { RegisterCommand } from '../command.js';
import { formatInspect } from '../format-inspect.js';
import { ExitCode } from '../io.js';
import { assertReadable } from '../option-files.js';
import { reportDiagnostics } from '../report-diagnostics.js';

/** Registers `inspect`. */
export const registerInspect: RegisterCommand = (cli, context) =>
  cli.command(
    'inspect <wsdl...>',
    'Show the services, operations, actions, headers, faults and types of a WSDL (or XSDs), with diagnostics',
    (y) =>
      y
        .positional('wsdl', { describe: 'entry WSDL or XSD files (one service description)', type: 'string', array: true, demandOption: true })
        .option('json', { describe: 'print the model as JSON (docs/model.md)', type: 'boolean', default: false })
        .option('catalog', { describe: 'JSON catalog mapping namespaces or remote locations to local files', type: 'string', requiresArg: true }),
    async (args) => {
      const catalog: CatalogEntry[] | undefined = args.catalog === undefined ? undefined : readCatalogOption(args.catalog);
      const entries = (args.wsdl ?? []).map(String);
      for (const entry of entries) assertReadable(entry, 'entry file');
      // The front end loads on use, so that `volet --help` and the other commands start fast.
      const { buildModel, hasErrors } = await import('../../pipeline.js');
      const model = buildModel(entries, catalog === undefined ? {} : { catalog });
      context.io.stdout(args.json ? JSON.stringify(model, null, 2) + '\n' : formatInspect(model));
      reportDiagnostics(model.diagnostics, context.io);
      context.exitCode = hasErrors(model.diagnostics) ? ExitCode.inputErrors : ExitCode.ok;
    },
  );
