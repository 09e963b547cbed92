/**
 * Emits the generated folder of one service description: `types.ts`, `descriptors.ts`,
 * `client.ts` and `index.ts`, each starting with the generated-file header. Pure: the same model,
 * version, hash and templates give byte-identical files. Nothing is written here.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, type StatementStructures, type WriterFunction } from 'ts-morph';
import type { Model } from '../model/model.js';
import { clientText } from './client-file.js';
import { descriptorStatements } from './descriptors-file.js';
import { createEmitContext } from './emit-context.js';
import { fileHeader } from './header.js';
import type { GeneratedFile } from './output.js';
import type { TemplateSet } from './templates.js';
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

let printer: Project | null = null;

/** One in-memory ts-morph project, reused: creating one costs more than printing a file. */
function project(): Project {
  printer ??= new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: { newLineKind: NewLineKind.LineFeed, indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  return printer;
}

/** A statement that only writes a blank line (ts-morph skips blank lines between some declarations). */
const blankLine: WriterFunction = (writer) => {
  writer.blankLineIfLastNot();
};

function isImport(s: StatementStructures | string): boolean {
  return typeof s !== 'string' && s.kind === StructureKind.ImportDeclaration;
}

/** Prints statements with ts-morph's structures API: one `createSourceFile` per file, a blank line between declarations. */
function print(name: string, statements: (StatementStructures | string)[]): string {
  const p = project();
  const spaced: (StatementStructures | string | WriterFunction)[] = [];
  statements.forEach((s, i) => {
    if (i > 0 && !(isImport(s) && isImport(statements[i - 1]))) spaced.push(blankLine);
    spaced.push(s);
  });
  const file = p.createSourceFile(`/volet/${name}`, { statements: spaced }, { overwrite: true });
  const text = file.getFullText();
  p.removeSourceFile(file);
  return text;
}

/** Ends text with exactly one newline. */
function finish(text: string): string {
  return text.replace(/\s+$/, '') + '\n';
}

/** Emits the four files of one service description. */
export function emitService(model: Model, options: EmitOptions): EmitResult {
  const ctx = createEmitContext(model);
  const header = fileHeader(options.version, options.inputsHash, options.source) + '\n';
  const types = typesStatements(ctx);
  const descriptors = descriptorStatements(ctx);
  const client = clientText(ctx, descriptors.operationKeys, options.templates);
  const files: GeneratedFile[] = [
    { path: 'types.ts', content: header + finish(print('types.ts', types.statements)) },
    { path: 'descriptors.ts', content: header + finish(print('descriptors.ts', descriptors.statements)) },
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
