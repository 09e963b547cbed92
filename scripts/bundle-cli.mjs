/**
 * Bundles the compiled CLI (`dist/generator/cli/program.js` and everything it imports, the runtime
 * included) into one CommonJS file, `dist/volet.cjs`, which `bin/volet.js` loads. Why: loading the
 * ~220 separate modules of the CLI and its dependencies costs about 0.1 s at every start, and a
 * CommonJS file goes through volet's compile cache (generator/cli/compile-cache.ts), which also
 * keeps the bytecode of the functions a run compiled. ts-morph (13 MB with its TypeScript) stays
 * outside the bundle: it is required on use, and cached on its own.
 *
 * Run after `tsc -b` (`npm run build` does both, and `npm pack` runs the build). The file is replaced
 * only when its content changes, by a rename, so that CLI processes started meanwhile (tests that
 * pack the package while others run the CLI) never read a half-written bundle.
 */
import { build } from 'esbuild';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'dist', 'volet.cjs');

/**
 * `string-width` (three copies, under yargs, cliui and wrap-ansi) builds an `Intl.Segmenter` and
 * Unicode property regular expressions (`\p{RGI_Emoji}`…) when its module is evaluated: 15-30 ms at
 * every start, and yargs measures the help text of the command it runs even when it prints none.
 * Each import of it gets a stand-in that answers for printable ASCII (one column per character, as
 * every version of string-width does: the latest has the same shortcut) and loads the real module,
 * bundled as is, for any other text.
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.namespace === 'lazy-string-width') return undefined;
      const real = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, namespace: 'lazy-string-width' });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      contents: [
        'let real;',
        'export default function stringWidth(string, options) {',
        "  if (typeof string === 'string' && /^[\\u0020-\\u007E]*$/.test(string)) return string.length;",
        `  real ??= require(${JSON.stringify(args.path)}).default;`,
        '  return real(string, options);',
        '}',
        '',
      ].join('\n'),
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * yargs guesses a version (which volet then replaces with its own) by looking for a package.json
 * upward from its "main folder": the folder above the `node_modules` holding yargs, which a bundle
 * has not, so it started from the current folder — reading every folder up to the root when the
 * command runs outside a project (a temporary folder: 5-20 ms). In the bundle its main folder is
 * volet's own package folder (`dist/..`), where the first look finds volet's package.json.
 */
const SHIM_MAIN = "const mainFilename = __dirname.substring(0, __dirname.lastIndexOf('node_modules'));";
const yargsMainFolder = {
  name: 'yargs-main-folder',
  setup(b) {
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(SHIM_MAIN)) return { warnings: [{ text: 'yargs platform shim changed: its main folder is left as is' }] };
      // In the bundle, import.meta.url is the bundle's own URL (dist/volet.cjs).
      return { contents: text.replace(SHIM_MAIN, 'const mainFilename = dirname(dirname(__dirname));'), loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: [join(root, 'dist', 'generator', 'cli', 'program.js')],
  outfile,
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Loaded with require() on use: ts-morph is large and has its own cache entry; pkcs11js is an optional native module.
  external: ['ts-morph', 'pkcs11js'],
  // The sources are ES modules: their import.meta.url becomes the bundle's own URL, from which
  // they look upward for package.json, as they do from dist/.
  define: { 'import.meta.url': '__voletImportMetaUrl' },
  banner: { js: "const __voletImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyStringWidth, yargsMainFolder],
  logLevel: 'warning',
});

const text = result.outputFiles[0].contents;
let current;
try {
  current = readFileSync(outfile);
} catch {
  current = undefined;
}
if (current === undefined || !current.equals(text)) {
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, outfile);
}
