/**
 * The `volet` command line. Each sub-command lives in its own file under `commands/` and is
 * registered here. {@link run} is the whole CLI as a function, so tests run it in process;
 * {@link main} runs it on `process.argv` (called by `bin/volet.js` and by `main.ts`). This module
 * is also the entry of the CLI bundle (`scripts/bundle-cli.mjs`), hence no top-level await here.
 *
 * Exit codes: 0 success (warnings allowed), 1 the input has errors, 2 usage error, 70 internal error.
 * No stack trace ever reaches the user.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import type { CliContext, RegisterCommand } from './command.js';
import { enableCompileCache } from './compile-cache.js';
import { registerCheck } from './commands/check.js';
import { registerGenerate } from './commands/generate.js';
import { registerInspect } from './commands/inspect.js';
import { registerDecode } from './commands/decode.js';
import { registerEncode } from './commands/encode.js';
import { registerCall } from './commands/call.js';
import { registerInit } from './commands/init.js';
import { registerSimulate } from './commands/simulate.js';
import { registerJsonSchema } from './commands/jsonschema.js';
import { ExitCode, InputError, UsageError, processIo, type CliIo } from './io.js';
import { helpCommand, usageMessage } from './usage-message.js';
import { voletVersion } from './version.js';

/** The sub-commands, in the order `volet --help` lists them. */
const COMMANDS: readonly RegisterCommand[] = [
  registerInit,
  registerGenerate,
  registerCheck,
  registerInspect,
  registerDecode,
  registerEncode,
  registerCall,
  registerJsonSchema,
  registerSimulate,
];

/** Runs the CLI on `argv` (the arguments after the program name) and resolves to the exit code. Never throws. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const context: CliContext = { io, exitCode: ExitCode.ok };
  try {
    let cli = yargs([...argv])
      .scriptName('volet')
      .usage('$0 <command> [options]\n\nTyped TypeScript clients for French e-health SOAP services (CI-SIS/DMP, CI-TLSi/INSi).')
      .exitProcess(false)
      .strict()
      .demandCommand(1, 'a command is required')
      .recommendCommands()
      .fail((message: string | null | undefined, error: Error | undefined) => {
        // yargs calls this for its own validation failures (message set, or a YError): usage errors.
        if (error !== undefined && error !== null && error.name !== 'YError') throw error;
        throw new UsageError(usageMessage(message ?? error?.message ?? 'invalid arguments', argv));
      })
      .help()
      .alias('h', 'help')
      .version(voletVersion())
      .wrap(null);
    for (const register of COMMANDS) cli = register(cli, context);
    let output = '';
    await cli.parseAsync([...argv], {}, (_error: Error | undefined, _args: unknown, text: string | undefined) => {
      output = text ?? '';
    });
    // --help and --version: yargs hands their text to the callback instead of printing it.
    if (output !== '') io.stdout(output.endsWith('\n') ? output : output + '\n');
    return context.exitCode;
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr(`volet: ${e.message}\n`);
      return ExitCode.inputErrors;
    }
    if (e instanceof UsageError) {
      io.stderr(`volet: ${e.message}\nRun '${helpCommand(e.message, argv)}' for usage.\n`);
      return ExitCode.usage;
    }
    io.stderr(`volet: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return ExitCode.internal;
  }
}

/** Runs the CLI on the process's arguments and sets the process exit code. */
export async function main(): Promise<void> {
  // Only for the real command, not for in-process runs: the cache hook lives as long as the process.
  enableCompileCache();
  // A reader that stops early (`volet decode … | head`) closes the pipe: stop quietly, as Unix
  // tools do, instead of an unhandled stream error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(ExitCode.ok);
  });
  process.exitCode = await run(hideBin(process.argv));
}
