/**
 * What `volet init` writes: a `volet.config.json` with one service per entry file, named after the
 * file (or as given with `name=path`), generated into `<outDir>/<name>`. Paths are written relative
 * to the configuration file's folder, with `/` separators, so the file can be committed.
 */
import { basename, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, parseConfig } from './config.js';

/** One entry as given on the command line: `path`, or `name=path`. */
export interface InitEntry {
  /** The service name (letters, digits, `.`, `_`, `-`). */
  readonly name: string;
  /** The entry file, absolute. */
  readonly wsdl: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A service name made from a file name: lower case, other characters replaced by `-`. */
export function serviceNameOf(file: string): string {
  const stem = basename(file, extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '');
  return stem === '' ? 'service' : stem;
}

/**
 * The entries of `args` (`path` or `name=path`, relative to `cwd`), with unique names. Throws
 * {@link ConfigError} for a bad or repeated name.
 */
export function initEntries(args: readonly string[], cwd: string): InitEntry[] {
  const used = new Set<string>();
  return args.map((arg) => {
    const eq = arg.indexOf('=');
    const named = eq > 0 && !isAbsolute(arg) ? { name: arg.slice(0, eq), path: arg.slice(eq + 1) } : null;
    if (named !== null && !NAME.test(named.name)) throw new ConfigError(`"${named.name}": a service name is letters, digits, '.', '_' or '-'`);
    let name = named?.name ?? serviceNameOf(arg);
    if (used.has(name)) {
      if (named !== null) throw new ConfigError(`the service name "${name}" is given twice`);
      let n = 2;
      while (used.has(`${name}-${n}`)) n++;
      name = `${name}-${n}`;
    }
    used.add(name);
    return { name, wsdl: resolve(cwd, named?.path ?? arg) };
  });
}

/** `path` relative to `dir`, `/`-separated (`./`-free). */
function portable(path: string, dir: string): string {
  const rel = relative(dir, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * The text of the configuration file `file` (absolute) for `entries`, output folders under
 * `outDir` (relative to the file's folder). It is checked as `volet generate` will read it.
 */
export function initConfigText(file: string, entries: readonly InitEntry[], outDir: string): string {
  const dir = resolve(file, '..');
  const outRoot = portable(resolve(dir, outDir), dir);
  const config = {
    services: entries.map((e) => ({ name: e.name, wsdl: portable(e.wsdl, dir), out: outRoot === '.' ? e.name : `${outRoot}/${e.name}` })),
    catalog: [],
  };
  parseConfig(JSON.parse(JSON.stringify(config)), file);
  return JSON.stringify(config, null, 2) + '\n';
}
