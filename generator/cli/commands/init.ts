/**
 * `volet init <wsdl...> [--out-dir generated] [--config volet.config.json] [--force]`: writes a
 * `volet.config.json` with one service per entry file (`name=path` names one), after checking that
 * each description loads without errors. An existing configuration is kept unless `--force`.
 * Exit codes: 0 written, 1 a description has errors or the file exists, 2 usage error.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../config/config.js';
import { CONFIG_FILE } from '../../config/generate-inputs.js';
import { initConfigText, initEntries, type InitEntry } from '../../config/init-config.js';
import type { RegisterCommand } from '../command.js';
import { ExitCode, UsageError } from '../io.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import { shownPath } from './generate.js';

/** Registers `init`. */
export const registerInit: RegisterCommand = (cli, context) =>
  cli.command(
    'init <wsdl...>',
    'Write a volet.config.json for the given WSDL files (one service each; name=path names one)',
    (y) =>
      y
        .positional('wsdl', {
          describe: 'entry WSDL (or XSD) files, one service each; `name=path` to choose the name',
          type: 'string',
          array: true,
          demandOption: true,
        })
        .option('out-dir', {
          describe: 'folder under which each service is generated (<out-dir>/<name>)',
          type: 'string',
          default: 'generated',
          requiresArg: true,
        })
        .option('config', { describe: 'the file to write', type: 'string', default: CONFIG_FILE, requiresArg: true })
        .option('force', { describe: 'overwrite an existing configuration file', type: 'boolean', default: false }),
    async (args) => {
      const cwd = process.cwd();
      const file = resolve(cwd, args.config);
      let entries: InitEntry[];
      let text: string;
      try {
        entries = initEntries((args.wsdl ?? []).map(String), cwd);
        for (const e of entries) {
          if (!existsSync(e.wsdl) || !statSync(e.wsdl).isFile()) throw new UsageError(`file not found: ${shownPath(e.wsdl)}`);
        }
        text = initConfigText(file, entries, args['out-dir']);
      } catch (e) {
        if (e instanceof ConfigError) throw new UsageError(e.message);
        throw e;
      }
      if (existsSync(file) && !args.force) {
        context.io.stderr(`volet: ${shownPath(file)} already exists; nothing written (--force overwrites it)\n`);
        context.exitCode = ExitCode.inputErrors;
        return;
      }
      // Each description must load: a configuration that cannot generate is not worth writing.
      const { buildModel, hasErrors } = await import('../../pipeline.js');
      let failed = false;
      const summaries: string[] = [];
      for (const e of entries) {
        const model = buildModel([e.wsdl]);
        reportDiagnostics(model.diagnostics, context.io);
        if (hasErrors(model.diagnostics)) failed = true;
        const operations = model.services.reduce((n, s) => n + s.ports.reduce((m, p) => m + p.operations.length, 0), 0);
        summaries.push(`  ${e.name}: ${shownPath(e.wsdl)} (${operations} operation${operations === 1 ? '' : 's'})\n`);
      }
      if (failed) {
        context.io.stderr(`volet: nothing written: the input has errors\n`);
        context.exitCode = ExitCode.inputErrors;
        return;
      }
      writeFileSync(file, text);
      context.io.stdout(`wrote ${shownPath(file)}: ${entries.length} service${entries.length === 1 ? '' : 's'}\n${summaries.join('')}next: volet generate\n`);
      context.exitCode = ExitCode.ok;
    },
  );
