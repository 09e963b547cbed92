/**
 * Prints diagnostics the way compilers do, one per line on standard error, with a count.
 */
import type { Diagnostic } from '../model/model.js';
import { formatDiagnostic } from '../model/diagnostics.js';
import type { CliIo } from './io.js';

/** Writes every diagnostic (`file:line:col: severity: message`) and a summary line to stderr. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  if (diagnostics.length === 0) return;
  for (const d of diagnostics) io.stderr(formatDiagnostic(d) + '\n');
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stderr(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
}
