/**
 * The one printer of generated statements: runs of ts-morph structures printed with one
 * `printStructure` call each (no source file, hence no re-parse of the printed text), ready-made
 * statement text as is. A blank line between declarations, none between imports.
 */
import type { CodeBlockWriter, StatementStructures, WriterFunction } from 'ts-morph';
import { printStructure, StructureKind } from './ts-morph.js';

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

/** Writes a blank line between two statements. */
function blankLine(writer: CodeBlockWriter): void {
  writer.blankLineIfLastNot();
}

/** True for an import, given as a structure or as text. */
function isImport(s: StatementStructures | string): boolean {
  return typeof s === 'string' ? /^import\s/.test(s) : s.kind === StructureKind.ImportDeclaration;
}

/** Prints statements (see the module comment). */
export function printStatements(statements: readonly (StatementStructures | string)[]): string {
  let out = '';
  let run: (StatementStructures | WriterFunction)[] = [];
  let previousImport = false;
  const flush = (): void => {
    if (run.length === 0) return;
    out += printStructure({ kind: StructureKind.SourceFile, statements: run }, PRINT_OPTIONS).trimEnd();
    run = [];
  };
  for (const s of statements) {
    const imp = isImport(s);
    const first = out === '' && run.length === 0;
    const separator = imp && previousImport ? '\n' : '\n\n';
    if (typeof s === 'string') {
      flush();
      out += (first ? '' : separator) + s.trimEnd();
    } else {
      if (run.length > 0) {
        if (separator !== '\n') run.push(blankLine);
      } else if (!first) {
        out += separator;
      }
      run.push(s);
    }
    previousImport = imp;
  }
  flush();
  return out;
}
