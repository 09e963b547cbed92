/**
 * The `volet` command line as a program: runs {@link main} when this module is the process's entry
 * (`node dist/generator/cli/main.js …`, or through tsx from source). The installed command,
 * `bin/volet.js`, loads the bundled CLI instead (see `scripts/bundle-cli.mjs`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './program.js';

export { main, run } from './program.js';

function isEntry(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) await main();
