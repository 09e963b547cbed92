/**
 * Type-checks generated files in process before they are written, with ts-morph's bundled
 * compiler: the files live in memory at their output paths, `@volet/runtime` resolves to the
 * installed runtime's declarations, and the options are strict (plus the strictness flags users
 * commonly add), `module`/`moduleResolution` `nodenext`, `verbatimModuleSyntax`, and no ambient
 * Node types — generated code must not need them.
 *
 * ts-morph (and the TypeScript it bundles, 13 MB of CommonJS) is required only when a type check
 * runs: `volet generate --no-typecheck`, `volet check` and the other commands never load it. It is
 * loaded with `require` rather than `import`: imported from ESM, Node would first scan it for named
 * exports and load it through the ESM loader (about 0.1 s), and only the CommonJS loader goes through
 * the CLI's compile cache (cli/compile-cache.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { ts } from 'ts-morph';
import type { GeneratedFile } from '../generate/output.js';
import type { TypecheckDiagnostic } from './typecheck-diagnostic.js';

/** ts-morph, required on first use (see the module comment). */
function tsMorph(): typeof import('ts-morph') {
  return createRequire(import.meta.url)('ts-morph');
}

/** One folder of generated files, at its output path. */
export interface FolderToCheck {
  dir: string;
  files: readonly GeneratedFile[];
}

/** The compiler options generated code must satisfy. */
export function typecheckOptions(): ts.CompilerOptions {
  const compiler = tsMorph().ts;
  return {
    target: compiler.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: compiler.ModuleKind.NodeNext,
    moduleResolution: compiler.ModuleResolutionKind.NodeNext,
    strict: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noImplicitOverride: true,
    noImplicitReturns: true,
    noUncheckedIndexedAccess: true,
    noPropertyAccessFromIndexSignature: true,
    verbatimModuleSyntax: true,
    // Only type syntax that erases to JavaScript: the output runs under Node's type stripping.
    erasableSyntaxOnly: true,
    // Generated with `importExtension: "ts"`, relative imports end in `.ts`.
    allowImportingTsExtensions: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  };
}

/**
 * The declarations `@volet/runtime` resolves to: the `.d.ts` next to the runtime's resolved entry
 * (`dist/index.d.ts`), or its TypeScript source when this process runs from source
 * (`--conditions=volet-source`).
 */
export function runtimeTypesEntry(): string {
  // require.resolve rather than import.meta.resolve: the CLI bundle is CommonJS (scripts/bundle-cli.mjs).
  const resolved = createRequire(import.meta.url).resolve('@volet/runtime');
  if (resolved.endsWith('.ts')) return resolved;
  const dts = resolved.replace(/\.js$/, '.d.ts');
  if (!existsSync(dts)) throw new Error(`@volet/runtime declarations not found at ${dts} (build the runtime first)`);
  return dts;
}

function display(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel !== '' && !rel.startsWith('..') ? rel : path;
  return shown.split(sep).join('/');
}

/** Type-checks the folders together; returns the diagnostics found in generated files (empty: they compile). */
export function typecheckGenerated(folders: readonly FolderToCheck[]): TypecheckDiagnostic[] {
  const { Project, ts: compiler } = tsMorph();
  const project = new Project({
    compilerOptions: { ...typecheckOptions(), paths: { '@volet/runtime': [runtimeTypesEntry()] } },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  const generated = [];
  for (const folder of folders) {
    for (const file of folder.files) {
      generated.push(project.createSourceFile(join(folder.dir, file.path), file.content, { overwrite: true }));
    }
  }
  const program = project.getProgram();
  const out: TypecheckDiagnostic[] = [];
  // Option problems would make every file fail for a reason outside it: report them first.
  for (const d of program.compilerObject.getOptionsDiagnostics()) {
    out.push({ file: '', line: 1, column: 1, message: compiler.flattenDiagnosticMessageText(d.messageText, '\n'), code: d.code });
  }
  for (const sf of generated) {
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    for (const d of diagnostics) {
      const start = d.getStart() ?? 0;
      const { line, column } = sf.getLineAndColumnAtPos(start);
      const text = d.getMessageText();
      out.push({
        file: display(sf.getFilePath()),
        line,
        column,
        message: typeof text === 'string' ? text : compiler.flattenDiagnosticMessageText(text.compilerObject, '\n'),
        code: d.getCode(),
      });
    }
  }
  return out;
}
