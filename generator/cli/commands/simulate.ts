/**
 * `volet simulate [--dmp-port N] [--insi-port N] [--pki-dir DIR] [--host ADDR]`: runs the local DMP
 * and INSi simulators (mutual TLS, test PKI made at start) until Ctrl-C, as `npm run simulator`
 * does in a checkout, so that a vendor's own tests and CI can call them offline. Prints the URLs
 * and the PKI files. Exit codes: 0 after Ctrl-C or SIGTERM, 1 when they cannot start, 2 usage error.
 */
import { resolve } from 'node:path';
import type { RegisterCommand } from '../command.js';
import { ExitCode, UsageError } from '../io.js';

/** Registers `simulate`. */
export const registerSimulate: RegisterCommand = (cli, context) =>
  cli.command(
    'simulate',
    'Run the local DMP and INSi simulators (mutual TLS, test PKI, fictional data) until Ctrl-C',
    (y) =>
      y
        .option('dmp-port', { describe: 'DMP port (default: a free port)', type: 'string', requiresArg: true })
        .option('insi-port', { describe: 'INSi port (default: a free port)', type: 'string', requiresArg: true })
        .option('pki-dir', {
          describe: 'folder for the test PKI and pki.json, kept on exit (default: a temporary folder, removed on exit)',
          type: 'string',
          requiresArg: true,
        })
        .option('host', { describe: 'listening address', type: 'string', default: '127.0.0.1', requiresArg: true }),
    async (args) => {
      // The simulators load on use: they bring the test PKI maker and the generated descriptors.
      const { portOption, simulatorBanner } = await import('../../../simulator/banner.js');
      let dmpPort: number | undefined;
      let insiPort: number | undefined;
      try {
        dmpPort = portOption(args['dmp-port'], 'dmp-port');
        insiPort = portOption(args['insi-port'], 'insi-port');
      } catch (e) {
        throw new UsageError(e instanceof Error ? e.message : String(e));
      }
      const { startSimulators } = await import('../../../simulator/start-simulators.js');
      let running: Awaited<ReturnType<typeof startSimulators>>;
      try {
        running = await startSimulators({
          ...(dmpPort === undefined ? {} : { dmpPort }),
          ...(insiPort === undefined ? {} : { insiPort }),
          ...(args['pki-dir'] === undefined ? {} : { pkiDir: resolve(args['pki-dir']) }),
          host: args.host,
          onError: (error) => context.io.stderr(`volet: simulator internal error: ${error instanceof Error ? error.name : 'unknown'}\n`),
        });
      } catch (e) {
        context.io.stderr(`volet: the simulators cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
        context.exitCode = ExitCode.inputErrors;
        return;
      }
      // Listening for the signals before the banner: whoever waits for it may stop us right away.
      const stopped = new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      context.io.stdout(simulatorBanner(running));
      await stopped;
      await running.close();
      context.exitCode = ExitCode.ok;
    },
  );
