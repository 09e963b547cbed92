/**
 * Generates clients from WSDL files at test time with the generator's API into a temporary folder,
 * and loads them: each `.ts` is transpiled to an ES module `.js` beside it (so the compiled test
 * suite, which runs without tsx, can import them too), and the folder gets a `node_modules` link
 * to the repository's, so `@volet/runtime` resolves as in a vendor's project. The folder is
 * removed at exit: nothing generated from the corpus stays anywhere.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate, writeRun } from '../../../generator/generate/generate.js';
import { repoRoot } from '../../support/paths.js';
import { transpileFolder } from '../../e2e-runtime/support/generated-clients.js';

/** One generated service folder, loaded. */
export type GeneratedModule = Readonly<Record<string, unknown>>;

/**
 * Generates each `{ name: wsdl }` entry into its own folder and imports its `index.js`.
 * @param wsdls - folder name → entry WSDL file
 */
export async function generateAndLoad(wsdls: Readonly<Record<string, string>>): Promise<Record<string, GeneratedModule>> {
  const dir = mkdtempSync(join(tmpdir(), 'volet-e2e-generated-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const services = Object.entries(wsdls).map(([name, wsdl]) => ({ name, wsdl: [wsdl], out: join(dir, name) }));
  const result = generate({ services, baseDir: repoRoot, catalog: [], typecheck: false, version: 'test' });
  const out: Record<string, GeneratedModule> = {};
  writeRun(result);
  if (result.schemas !== null) transpileFolder(result.schemas.out);
  for (const s of result.services) {
    if (s.files === null)
      throw new Error(
        `generation of ${s.service.name} failed: ${s.diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.message)
          .slice(0, 3)
          .join('; ')}`,
      );
    transpileFolder(s.service.out);
    out[s.service.name] = (await import(pathToFileURL(join(s.service.out, 'index.js')).href)) as GeneratedModule;
  }
  return out;
}
