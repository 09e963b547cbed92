/**
 * `npm run simulator [-- --dmp-port N --insi-port N --pki-dir DIR --host ADDR]`: runs the DMP and
 * INSi simulators until interrupted, printing their URLs and where the test PKI is, for vendors
 * who develop against them. Exit codes: 0 after Ctrl-C, 1 when they cannot start, 2 usage error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { portOption, simulatorBanner } from './banner.js';
import { startSimulators } from './start-simulators.js';

const USAGE = `usage: npm run simulator -- [--dmp-port <port>] [--insi-port <port>] [--pki-dir <folder>] [--host <address>]
  --dmp-port   DMP port (default: a free port)
  --insi-port  INSi port (default: a free port)
  --pki-dir    where to write the test PKI and pki.json (default: a temporary folder, removed on exit)
  --host       listening address (default 127.0.0.1)
`;

async function main(): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      options: {
        'dmp-port': { type: 'string' },
        'insi-port': { type: 'string' },
        'pki-dir': { type: 'string' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
    if (values.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    const dmpPort = portOption(values['dmp-port'], 'dmp-port');
    const insiPort = portOption(values['insi-port'], 'insi-port');
    options = {
      ...(dmpPort === undefined ? {} : { dmpPort }),
      ...(insiPort === undefined ? {} : { insiPort }),
      ...(values['pki-dir'] === undefined ? {} : { pkiDir: resolve(values['pki-dir']) }),
      ...(values.host === undefined ? {} : { host: values.host }),
    };
  } catch (error) {
    process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  let running;
  try {
    running = await startSimulators({
      ...options,
      onError: (error) => process.stderr.write(`simulator: internal error: ${error instanceof Error ? error.name : 'unknown'}\n`),
    });
  } catch (error) {
    process.stderr.write(`simulator: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(simulatorBanner(running));
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await running.close();
  return 0;
}

process.exitCode = await main();
