/**
 * What every `volet` sub-command shares: how it registers with yargs and how it reports back.
 */
import type { Argv } from 'yargs';
import type { CliIo } from './io.js';

/** The state of one CLI run, handed to every command. */
export interface CliContext {
  io: CliIo;
  /** The exit code the command sets (0 unless it says otherwise). */
  exitCode: number;
}

/** Adds one sub-command (its builder and handler) to the yargs instance. One file per command. */
export type RegisterCommand = (cli: Argv, context: CliContext) => Argv;
