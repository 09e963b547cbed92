/**
 * Generates clients at test time with the generator's API and loads them: the output goes to a
 * scratch folder inside the repository's `.volet-tmp/` (so that `@volet/runtime` resolves through
 * the workspace's node_modules, as in a vendor's project), each `.ts` file is transpiled to `.js`
 * next to it (so that the compiled test suite, which runs without tsx, can import it too), and the
 * folder is removed when the process exits. Nothing generated from the corpus stays in the repository.
 */
import { mkdirSync, mkdtempSync, readdirSync, statSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generate, writeRun } from '../../../generator/generate/generate.js';
import { repoRoot } from '../../support/paths.js';

/** One service description to generate. */
export interface ClientSpec {
  /** Folder name (and key in the result). */
  readonly name: string;
  /** Entry WSDL files. */
  readonly wsdl: readonly string[];
}

/** The generated folders. */
export interface GeneratedClients {
  /** The scratch folder holding one sub-folder per spec. */
  readonly dir: string;
  /** The folder of one generated service. */
  folder(name: string): string;
  /** Imports a generated service's `index.js` (types, descriptors, client classes). */
  load(name: string): Promise<Record<string, unknown>>;
}

/** A scratch folder inside the repository's `.volet-tmp/`, removed at exit. */
export function repoScratch(prefix: string): string {
  const root = join(repoRoot, '.volet-tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, prefix));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Transpiles every `.ts` file of a folder and its subfolders to an ES module `.js` beside it (type-only imports vanish). */
export function transpileFolder(folder: string): void {
  for (const name of readdirSync(folder)) {
    if (statSync(join(folder, name)).isDirectory()) {
      transpileFolder(join(folder, name));
      continue;
    }
    if (!name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
    const out = ts.transpileModule(readFileSync(join(folder, name), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: name,
    });
    writeFileSync(join(folder, name.replace(/\.ts$/, '.js')), out.outputText);
  }
}

/** Generates the specs (no in-process type check: the generator's own tests do that) and transpiles them. */
export function generateClients(specs: readonly ClientSpec[], prefix = 'e2e-'): GeneratedClients {
  const dir = repoScratch(prefix);
  const services = specs.map((s) => ({ name: s.name, wsdl: [...s.wsdl], out: join(dir, s.name) }));
  const result = generate({ services, baseDir: repoRoot, catalog: [], typecheck: false, version: 'test' });
  for (const s of result.services) {
    if (s.files === null) {
      const errors = s.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      throw new Error(`generation of ${s.service.name} failed: ${errors.slice(0, 3).join('; ')}`);
    }
  }
  writeRun(result);
  if (result.schemas !== null) transpileFolder(result.schemas.out);
  for (const s of result.services) {
    transpileFolder(s.service.out);
  }
  return {
    dir,
    folder: (name) => join(dir, name),
    load: async (name) => (await import(pathToFileURL(join(dir, name, 'index.js')).href)) as Record<string, unknown>,
  };
}
