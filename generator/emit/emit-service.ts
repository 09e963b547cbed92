/**
 * Emits the generated folder of one service description: `types.ts`, `descriptors.ts`,
 * `client.ts` and `index.ts`, each starting with the generated-file header. Pure: the same model,
 * version, hash and templates give byte-identical files. Nothing is written here.
 */
import type { CodeBlockWriter, StatementStructures, WriterFunction } from 'ts-morph';
import type { Model } from '../model/model.js';
import { clientText } from './client-file.js';
import { descriptorStatements } from './descriptors-file.js';
import { createEmitContext } from './emit-context.js';
import { fileHeader } from './header.js';
import type { GeneratedFile } from './output.js';
import type { TemplateSet } from './templates.js';
import { printStructure, StructureKind } from './ts-morph.js';
import { typesStatements } from './types-file.js';

/** What {@link emitService} needs besides the model. */
export interface EmitOptions {
  /** The generator version written in headers. */
  version: string;
  /** The inputs hash written in headers (see header.ts). */
  inputsHash: string;
  /** The entries as shown in headers (relative, forward slashes). */
  source: string;
  templates: TemplateSet;
}

/** The emitted files and what they hold. */
export interface EmitResult {
  files: GeneratedFile[];
  /** Schema types declared in types.ts. */
  typeCount: number;
  /** Global elements with a descriptor and an `ElementRef`. */
  elementCount: number;
  ports: number;
  operations: number;
}

/**
 * Prints statements: each run of structures with one ts-morph `printStructure` call on a
 * source-file structure (no source file, hence no re-parse of the printed text; one printer factory
 * and one writer per run, which per-statement calls would rebuild each time), ready-made statement
 * text as is (through the writer it would be scanned character by character for nothing). A blank
 * line between declarations, none between imports.
 */
function print(statements: readonly (StatementStructures | string)[]): string {
  let out = '';
  let run: (StatementStructures | WriterFunction)[] = [];
  let previousImport = false;
  const flush = (): void => {
    if (run.length === 0) return;
    out += printStructure({ kind: StructureKind.SourceFile, statements: run }, PRINT_OPTIONS).trimEnd();
    run = [];
  };
  for (const s of statements) {
    const isImport = typeof s !== 'string' && s.kind === StructureKind.ImportDeclaration;
    const first = out === '' && run.length === 0;
    const separator = isImport && previousImport ? '\n' : '\n\n';
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
    previousImport = isImport;
  }
  flush();
  return out;
}

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' } as const;

/** Writes a blank line between two statements. */
function blankLine(writer: CodeBlockWriter): void {
  writer.blankLineIfLastNot();
}

/** Ends text with exactly one newline. */
function finish(text: string): string {
  return text.trimEnd() + '\n';
}

/** Emits the four files of one service description. */
export function emitService(model: Model, options: EmitOptions): EmitResult {
  const ctx = createEmitContext(model);
  const header = fileHeader(options.version, options.inputsHash, options.source) + '\n';
  const types = typesStatements(ctx);
  const descriptors = descriptorStatements(ctx);
  const client = clientText(ctx, descriptors.operationKeys, options.templates);
  const files: GeneratedFile[] = [
    { path: 'types.ts', content: header + finish(print(types.statements)) },
    { path: 'descriptors.ts', content: header + finish(print(descriptors.statements)) },
    { path: 'client.ts', content: header + finish(client) },
    {
      path: 'index.ts',
      content: header + "export * from './types.js';\nexport * from './descriptors.js';\nexport * from './client.js';\n",
    },
  ];
  return {
    files,
    typeCount: types.typeCount,
    elementCount: ctx.index.elements.length,
    ports: ctx.ports.length,
    operations: ctx.ports.reduce((n, p) => n + p.port.operations.length, 0),
  };
}
