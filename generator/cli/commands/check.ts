/**
 * `volet check [<wsdl...> --out <dir>] [--config <file>] [--catalog <file>]`:
 * exits 1 when a committed generated folder differs from what `volet generate` would write (for
 * vendors' CI), with one line per differing file: missing, stale, or the first differing line.
 * Exit 0 when every folder is identical. Nothing is written and nothing is type-checked.
 */
import type { RegisterCommand } from '../command.js';
import { ExitCode } from '../io.js';
import { configFromArgv, emitter, generateOptions, reportModelDiagnostics, runGeneration, serviceLabel, shownPath } from './generate.js';

/** Registers `check`. */
export const registerCheck: RegisterCommand = (cli, context) =>
  cli.command(
    'check [wsdl...]',
    'Exit 1 when the committed generated code differs from what `volet generate` would write',
    (y) => generateOptions(y),
    async (args) => {
      const config = await configFromArgv(args);
      const result = await runGeneration(config, false);
      const { compareGenerated } = await emitter();
      if (reportModelDiagnostics(result, context)) {
        context.io.stderr('volet: cannot check: the input has errors\n');
        context.exitCode = ExitCode.inputErrors;
        return;
      }
      let differing = 0;
      const folders = [
        ...(result.schemas === null ? [] : [{ label: 'schemas', out: result.schemas.out, files: result.schemas.files }]),
        ...result.services.map((s) => ({ label: s.service.name, out: s.service.out, files: s.files ?? [] })),
      ];
      for (const f of folders) {
        const diffs = compareGenerated(f.out, f.files, result);
        const folder = shownPath(f.out);
        if (diffs.length === 0) {
          context.io.stdout(`${serviceLabel({ name: f.label, out: f.out })}: up to date\n`);
          continue;
        }
        differing++;
        context.io.stdout(`${serviceLabel({ name: f.label, out: f.out })}: ${diffs.length} file${diffs.length === 1 ? '' : 's'} out of date\n`);
        for (const d of diffs) {
          const file = `${folder}/${d.path}`;
          if (d.kind === 'missing') context.io.stdout(`  ${file}: missing\n`);
          else if (d.kind === 'stale') context.io.stdout(`  ${file}: stale (generate would remove it)\n`);
          else {
            context.io.stdout(`  ${file}:${d.line ?? 1}: differs\n`);
            context.io.stdout(`    expected: ${d.expected ?? '(end of file)'}\n`);
            context.io.stdout(`    actual:   ${d.actual ?? '(end of file)'}\n`);
          }
        }
      }
      if (differing > 0) {
        context.io.stdout('run `volet generate` to update the generated code\n');
        context.exitCode = ExitCode.inputErrors;
      } else {
        context.exitCode = ExitCode.ok;
      }
    },
  );
