#!/usr/bin/env node
// The installed `volet` command: runs the compiled CLI (build with `npm run build`).
let cli;
try {
  cli = await import('../dist/generator/cli/main.js');
} catch (e) {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('dist/generator/cli/main.js')) {
    process.stderr.write("volet: the CLI is not built yet: run 'npm run build' (or use 'npm run volet -- <command>')\n");
    process.exit(70);
  }
  throw e;
}
await cli.main();
