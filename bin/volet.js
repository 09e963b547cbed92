#!/usr/bin/env node
// The installed `volet` command. It runs the bundled CLI (dist/volet.cjs, made by `npm run build`),
// with the compile cache enabled first so that the bundle itself loads from cached bytecode; when
// only the TypeScript output exists, the CLI's separate modules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/volet.cjs', import.meta.url));
let cli;
try {
  // The JIT setting first: cached code is used only under the flags it was produced with, so the
  // commands that change it keep their entries apart.
  const { setCliJitBudget } = await import('../dist/generator/cli/jit-budget.js');
  const variant = setCliJitBudget(process.argv.slice(2));
  const { enableCompileCache } = await import('../dist/generator/cli/compile-cache.js');
  enableCompileCache(variant === null ? {} : { variant });
  cli = existsSync(bundle) ? createRequire(import.meta.url)(bundle) : await import('../dist/generator/cli/main.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/generator/cli/')) {
    process.stderr.write("volet: the CLI is not built yet: run 'npm run build' (or use 'npm run volet -- <command>')\n");
    process.exit(70);
  }
  throw e;
}
await cli.main();
