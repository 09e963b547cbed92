/**
 * Runs the volet CLI in process and captures what it prints.
 */
import { run } from '../../generator/cli/main.js';

/** The outcome of one in-process CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `volet <args>` in process. */
export async function volet(...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** True when the text looks like it holds a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+[(:]\d+/m.test(text);
}
