/**
 * `volet generate [<wsdl...> --out <dir>] [--config <file>] [--catalog <file>] [--no-typecheck]`:
 * writes the generated folder of each service description — from `volet.config.json` in the
 * current folder (or `--config`), or from entry files given on the command line. The output is
 * type-checked in process first; nothing is written when a description has errors or the output
 * does not compile (exit 1). One line per service tells what was written.
 */
import { relative, sep } from 'node:path';
import type { Argv } from 'yargs';
import type { VoletConfig } from '../../config/config.js';
import type { GenerateResult, WriteOutcome } from '../../generate/generate.js';
import { OutputError } from '../../generate/output.js';
import { readCatalogOption } from '../catalog-option.js';
import type { CliContext, RegisterCommand } from '../command.js';
import { ExitCode, UsageError } from '../io.js';
import { mtomText } from '../format-inspect.js';
import { assertReadable } from '../option-files.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import { voletVersion } from '../version.js';

/** The options `generate` and `check` share. */
export function generateOptions<T>(y: Argv<T>) {
  return y
    .positional('wsdl', { describe: 'entry WSDL or XSD files of one service description (then --out is required)', type: 'string', array: true })
    .option('out', { describe: 'output folder, with entry files', type: 'string', requiresArg: true })
    .option('config', { describe: `configuration file (default: volet.config.json in the current folder)`, type: 'string', requiresArg: true })
    .option('catalog', { describe: 'JSON catalog mapping namespaces or remote locations to local files', type: 'string', requiresArg: true });
}

/** The parsed shared options. */
export interface GenerateArgv {
  wsdl?: (string | number)[] | undefined;
  out?: string | undefined;
  config?: string | undefined;
  catalog?: string | undefined;
  typecheck?: boolean | undefined;
}

/**
 * The configuration to run with; usage problems become {@link UsageError}s (exit 2). The config
 * modules load on use: they bring in the runtime (for "did you mean"), which `--help` need not pay for.
 */
export async function configFromArgv(args: GenerateArgv): Promise<VoletConfig> {
  const { ConfigError } = await import('../../config/config.js');
  const { resolveGenerateInputs } = await import('../../config/generate-inputs.js');
  try {
    const config = resolveGenerateInputs({
      wsdl: (args.wsdl ?? []).map(String),
      out: args.out,
      config: args.config,
      catalog: args.catalog === undefined ? undefined : readCatalogOption(args.catalog),
      typecheck: args.typecheck,
    });
    for (const service of config.services) for (const entry of service.wsdl) assertReadable(shownPath(entry), 'entry file');
    return config;
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** The emitter, loaded on first use: it brings in ts-morph (and TypeScript), which other commands do not need. */
export async function emitter(): Promise<typeof import('../../generate/generate.js')> {
  return import('../../generate/generate.js');
}

/** Runs the generation for a configuration. */
export async function runGeneration(config: VoletConfig, typecheck: boolean): Promise<GenerateResult> {
  const { generate, defaultSchemasFolder } = await emitter();
  return generate({
    services: config.services,
    baseDir: config.baseDir,
    catalog: config.catalog,
    typecheck,
    version: voletVersion(),
    schemas: config.schemas ?? defaultSchemasFolder(config),
    ...(config.importExtension === undefined ? {} : { importExtension: config.importExtension }),
    ...(config.modules === undefined ? {} : { modules: config.modules }),
  });
}

/** Prints the model diagnostics of every service; true when one has errors. */
export function reportModelDiagnostics(result: GenerateResult, context: CliContext): boolean {
  const all = [...result.services.flatMap((s) => s.diagnostics), ...(result.schemas?.diagnostics ?? [])];
  reportDiagnostics(all, context.io);
  return result.services.some((s) => s.files === null);
}

/** A folder as shown to the user: relative to the current folder when inside it, `/` separators. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel !== '' && !rel.startsWith('..') ? rel : path;
  return shown.split(sep).join('/');
}

/** `name: folder`, or the folder alone when the service is named after it (`--out gen`). */
export function serviceLabel(service: { readonly name: string; readonly out: string }): string {
  const folder = shownPath(service.out);
  return service.name === folder ? folder : `${service.name}: ${folder}`;
}

const ms = (n: number): string => `${Math.round(n)} ms`;

/** Registers `generate`. */
export const registerGenerate: RegisterCommand = (cli, context) =>
  cli.command(
    'generate [wsdl...]',
    'Generate typed TypeScript (types, descriptors, clients) from volet.config.json or from WSDL files',
    (y) =>
      generateOptions(y).option('typecheck', {
        describe: 'type-check the generated code before writing it (--no-typecheck skips)',
        type: 'boolean',
        default: true,
      }),
    async (args) => {
      const config = await configFromArgv(args);
      const result = await runGeneration(config, config.typecheck);
      const { writeGenerated } = await emitter();
      if (reportModelDiagnostics(result, context)) {
        context.io.stderr('volet: nothing written: the input has errors\n');
        context.exitCode = ExitCode.inputErrors;
        return;
      }
      if (result.typecheckDiagnostics.length > 0) {
        for (const d of result.typecheckDiagnostics) context.io.stderr(`${d.file}:${d.line}:${d.column}: error TS${d.code}: ${d.message}\n`);
        context.io.stderr(`volet: nothing written: the generated code does not compile (${result.typecheckDiagnostics.length} errors; please report it)\n`);
        context.exitCode = ExitCode.inputErrors;
        return;
      }
      const folders = [
        ...(result.schemas === null
          ? []
          : [
              {
                label: 'schemas',
                out: result.schemas.out,
                files: result.schemas.files,
                what: `${result.schemas.typeCount} types, each namespace once`,
                model: undefined,
              },
            ]),
        ...result.services.map((s) => ({
          label: s.service.name,
          out: s.service.out,
          files: s.files ?? [],
          what: `${s.typeCount} types, ${s.elementCount} elements, ${s.operations} operations`,
          model: s.model,
        })),
      ];
      for (const f of folders) {
        let w: WriteOutcome;
        try {
          w = writeGenerated(f.out, f.files, result);
        } catch (e) {
          if (!(e instanceof OutputError)) throw e;
          context.io.stderr(`volet: ${e.message}\n`);
          context.exitCode = ExitCode.inputErrors;
          return;
        }
        const changes = [`${w.written.length} written`, `${w.unchanged} unchanged`];
        if (w.removed.length > 0) changes.push(`${w.removed.length} removed`);
        context.io.stdout(`${serviceLabel({ name: f.label, out: f.out })}: ${changes.join(', ')}; ${f.what}\n`);
        for (const op of f.model?.services.flatMap((svc) => svc.ports.flatMap((p) => p.operations)) ?? []) {
          const mtom = mtomText(op);
          if (mtom !== null) context.io.stdout(`  mtom: ${op.name}: ${mtom}\n`);
        }
      }
      const t = result.timings;
      context.io.stdout(
        `generated in ${ms(t.model + t.emit)} (model ${ms(t.model)}, emit ${ms(t.emit)}); ` +
          (result.typechecked ? `type check ${ms(t.typecheck)}\n` : 'type check skipped\n'),
      );
      context.exitCode = ExitCode.ok;
    },
  );
