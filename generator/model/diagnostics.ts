/**
 * Diagnostics: creation, ordering and the `file:line:col: severity: message` form printed by the CLI.
 */
import type { Diagnostic, SourceLocation } from './model.js';

/** Creates a diagnostic at a source location. */
export function diagnostic(severity: Diagnostic['severity'], at: SourceLocation, message: string, code?: string): Diagnostic {
  return code === undefined
    ? { severity, file: at.file, line: at.line, column: at.column, message }
    : { severity, file: at.file, line: at.line, column: at.column, message, code };
}

/** Sorts diagnostics by file, line, column, then message, removing exact duplicates. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.severity}\u0000${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out.sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/**
 * Formats a diagnostic the way compilers do: `file:line:col: error: message`, or `file: error:
 * message` when there is no position (line 0: a file that cannot be read, a configuration setting).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.column}` : d.file;
  return `${where}: ${d.severity}: ${d.message}`;
}
