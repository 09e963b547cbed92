/**
 * Where the CLI writes. Commands never touch `process.stdout` directly, so that tests can run
 * them in process and capture what they print.
 */
import { once } from 'node:events';

/** Output streams of one CLI run. */
export interface CliIo {
  /** Writes to standard output (the text is written as is; add the newline). */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /**
   * Resolves once standard output has taken what was written (a pipe is written asynchronously:
   * without waiting, a large output would pile up in memory). Absent: nothing to wait for.
   */
  stdoutDrained?(): Promise<void>;
}

/** The process's own streams. */
export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  // once() rejects if the stream fails meanwhile (a closed pipe), so a wait never hangs.
  stdoutDrained: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
};

/** Exit codes of `volet` (see docs/cli.md). */
export const ExitCode = {
  /** Success (warnings allowed). */
  ok: 0,
  /** The input has errors; diagnostics were printed. */
  inputErrors: 1,
  /** Usage error: unknown command or option, missing argument, unreadable option file. */
  usage: 2,
  /** A bug in volet (EX_SOFTWARE); never expected. */
  internal: 70,
} as const;

/** An error in how volet was called; reported without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A mistake in an input file (exit 1), reported as `volet: <message>` without a stack trace. */
export class InputError extends Error {
  override readonly name = 'InputError';
}
