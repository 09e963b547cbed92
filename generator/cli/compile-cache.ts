/**
 * A V8 code cache for the large CommonJS modules the CLI loads (ts-morph and its bundled
 * TypeScript: 13 MB of JavaScript). Compiling them costs about 0.25 s at every start; with the
 * bytecode V8 produced the first time, the next starts skip that work.
 *
 * On Node ≥ 22.1 this is Node's own `module.enableCompileCache()`. On Node 20, which lacks it,
 * `Module.prototype._compile` is wrapped (as the `v8-compile-cache` package does) for modules of
 * at least {@link CompileCacheOptions.minSize} bytes: they are compiled with `vm.Script` and
 * `cachedData`, and the cache files are written when the process exits.
 *
 * The cache only ever changes how fast a module loads, never what it does: an entry is used only
 * when its source length and CRC-32 match the module's source and its own CRC-32 matches its
 * bytes; V8 then checks its version and flags itself. Anything else (absent, stale, corrupt,
 * unreadable, rejected by V8) is ignored and rewritten. The cache folder is per V8 version and
 * architecture. `VOLET_COMPILE_CACHE=off` (or `NODE_DISABLE_COMPILE_CACHE`) disables it,
 * `VOLET_COMPILE_CACHE=<folder>` moves it. It stays off under a policy manifest, and modules with
 * a source map are left to Node while source maps are enabled.
 */
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import * as zlib from 'node:zlib';

/** Options of {@link enableCompileCache}. */
export interface CompileCacheOptions {
  /** The cache folder (default: {@link defaultCompileCacheDirectory}). */
  directory?: string;
  /** Modules smaller than this (UTF-16 code units) are left to Node as is (default 64 KiB): for them the cache costs more than it saves. */
  minSize?: number;
  /**
   * The name of V8 flags this process set before loading anything (the JIT budget of the short
   * commands, generator/cli/jit-budget.ts): V8 rejects code cached under other flags, so entries
   * made under these go to a subfolder of that name, apart from the other commands' entries.
   */
  variant?: string;
}

/** What {@link enableCompileCache} did. */
export type CompileCacheStatus =
  | { readonly mode: 'node'; readonly directory: string }
  | { readonly mode: 'volet'; readonly directory: string }
  | { readonly mode: 'off'; readonly reason: string };

/** Counts of this process's cache lookups (volet's own cache only). */
export interface CompileCacheStats {
  /** Modules compiled from a cache entry V8 accepted. */
  hits: number;
  /** Modules without a usable entry (absent, stale or corrupt): compiled from source, entry written at exit. */
  misses: number;
  /** Entries V8 rejected (other V8 version or flags): compiled from source, entry rewritten at exit. */
  rejected: number;
  /** Entries written at exit so far. */
  written: number;
}

/** The parts of the CommonJS loader the hook uses (not all of them in @types/node). */
interface CjsModule {
  exports: unknown;
  require(id: string): unknown;
}
interface CjsLoader {
  prototype: { _compile: (this: CjsModule, content: string, filename: string, format?: string) => unknown };
  wrap(script: string): string;
  _resolveFilename(request: string, parent: CjsModule, isMain: boolean, options?: { paths?: string[] }): string;
  _resolveLookupPaths(request: string, parent: CjsModule): string[] | null;
  _extensions: unknown;
  _cache: unknown;
}

/** Marks the installed hook (its value: the cache folder), shared by every copy of this module. */
const HOOK = Symbol.for('volet.compile-cache');

const MAGIC = 0x314c_4f56; // "VOL1", little-endian
const HEADER = 20; // magic, source length, source CRC-32, data length, data CRC-32 (u32 each)

const stats: CompileCacheStats = { hits: 0, misses: 0, rejected: 0, written: 0 };
let status: CompileCacheStatus | null = null;

/** This process's lookups so far. */
export function compileCacheStats(): CompileCacheStats {
  return { ...stats };
}

/**
 * The default cache folder: `node_modules/.cache/volet/` next to the installed dependencies (the
 * `node_modules` holding ts-morph), so that reinstalling them drops the cache too; the subfolder
 * names the V8 version and architecture. null when ts-morph cannot be found.
 */
export function defaultCompileCacheDirectory(): string | null {
  try {
    const tsMorph = createRequire(import.meta.url).resolve('ts-morph/package.json');
    const nodeModules = dirname(dirname(tsMorph));
    return join(nodeModules, '.cache', 'volet', `v8-${process.versions.v8}-${process.arch}`);
  } catch {
    return null;
  }
}

/**
 * Enables the compile cache for the rest of the process (once; later calls return the first
 * outcome). Never throws: when the cache cannot be used, the CLI simply runs without it.
 */
export function enableCompileCache(options: CompileCacheOptions = {}): CompileCacheStatus {
  if (status !== null) return status;
  status = enable(options);
  return status;
}

function enable(options: CompileCacheOptions): CompileCacheStatus {
  const setting = process.env['VOLET_COMPILE_CACHE'];
  if (process.env['NODE_DISABLE_COMPILE_CACHE'] !== undefined) return { mode: 'off', reason: 'NODE_DISABLE_COMPILE_CACHE is set' };
  if (setting === 'off' || setting === '0') return { mode: 'off', reason: `VOLET_COMPILE_CACHE=${setting}` };
  // A policy manifest checks module integrity inside Node's own compile step: never bypass it.
  if ([...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].some((a) => a.includes('--experimental-policy'))) {
    return { mode: 'off', reason: 'a policy manifest is in use' };
  }
  const base = options.directory ?? (setting !== undefined && setting !== '' ? setting : defaultCompileCacheDirectory());
  if (base === null) return { mode: 'off', reason: 'no cache folder (ts-morph not found)' };
  const directory = options.variant === undefined ? base : join(base, options.variant);

  const native: unknown = Reflect.get(Module, 'enableCompileCache');
  if (typeof native === 'function') {
    try {
      const result: unknown = native.call(Module, directory);
      const dir = typeof result === 'object' && result !== null ? Reflect.get(result, 'directory') : undefined;
      if (typeof dir === 'string') return { mode: 'node', directory: dir };
    } catch {
      // fall through to volet's own cache
    }
  }

  const loader = cjsLoader();
  if (loader === null) return { mode: 'off', reason: 'the CommonJS loader has an unexpected shape' };
  // Another copy of this module (the CLI bundle holds one, bin/volet.js loads the separate one
  // first) may have installed the hook already: one hook per process.
  const installed: unknown = Reflect.get(loader.prototype._compile, HOOK);
  if (typeof installed === 'string') return { mode: 'volet', directory: installed };
  if (typeof Reflect.get(zlib, 'crc32') !== 'function') return { mode: 'off', reason: 'zlib.crc32 is unavailable' };
  try {
    mkdirSync(directory, { recursive: true });
  } catch {
    return { mode: 'off', reason: `cannot create ${directory}` };
  }
  installHook(loader, directory, options.minSize ?? 64 * 1024);
  return { mode: 'volet', directory };
}

function cjsLoader(): CjsLoader | null {
  const m: unknown = Module;
  if (typeof m !== 'function') return null;
  const proto: unknown = Reflect.get(m, 'prototype');
  const ok =
    typeof proto === 'object' &&
    proto !== null &&
    typeof Reflect.get(proto, '_compile') === 'function' &&
    typeof Reflect.get(m, 'wrap') === 'function' &&
    typeof Reflect.get(m, '_resolveFilename') === 'function' &&
    typeof Reflect.get(m, '_resolveLookupPaths') === 'function';
  return ok ? (m as unknown as CjsLoader) : null;
}

function crc32(data: string | Uint8Array): number {
  return (zlib as unknown as { crc32(data: string | Uint8Array): number }).crc32(data);
}

/** The entry's file: one per module, named after a hash of its path. */
function entryFile(directory: string, filename: string): string {
  return join(directory, `${crc32(filename).toString(16).padStart(8, '0')}-${filename.length.toString(36)}.bin`);
}

/** The cached bytes for `source`, or undefined when the entry is absent, stale or corrupt. */
function readEntry(file: string, source: string, sourceCrc: number): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < HEADER || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  if (bytes.readUInt32LE(4) !== source.length || bytes.readUInt32LE(8) !== sourceCrc) return undefined;
  const length = bytes.readUInt32LE(12);
  if (bytes.length !== HEADER + length) return undefined;
  const data = bytes.subarray(HEADER);
  return crc32(data) === bytes.readUInt32LE(16) ? data : undefined;
}

/** Writes an entry atomically (temporary file, then rename); failures are ignored. */
function writeEntry(file: string, source: string, sourceCrc: number, data: Buffer): void {
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(source.length, 4);
  header.writeUInt32LE(sourceCrc, 8);
  header.writeUInt32LE(data.length, 12);
  header.writeUInt32LE(crc32(data), 16);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([header, data]));
    renameSync(temporary, file);
    stats.written++;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing to clean up
    }
  }
}

function installHook(loader: CjsLoader, directory: string, minSize: number): void {
  const original = loader.prototype._compile;
  const pending: { file: string; source: string; sourceCrc: number; script: Script }[] = [];
  // Dynamic import() inside a cached module behaves as in a module Node compiled itself.
  const importModuleDynamically = vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER;

  const compileWithCache = function compileWithCache(this: CjsModule, content: string, filename: string, format?: string): unknown {
    // Small modules, ES modules, sources V8 would not take as a function body, and modules with a
    // source map while source maps are on (Node registers them in its own compile step) go to Node as is.
    if (content.length < minSize || format === 'module' || content.startsWith('#!') || (process.sourceMapsEnabled && content.includes('sourceMappingURL='))) {
      return original.call(this, content, filename, format);
    }
    const sourceCrc = crc32(content);
    const file = entryFile(directory, filename);
    const cachedData = readEntry(file, content, sourceCrc);
    let script: Script;
    try {
      script = new Script(loader.wrap(content), { filename, cachedData, importModuleDynamically });
    } catch {
      // Not a CommonJS body (for example ES module syntax): let Node report or handle it.
      return original.call(this, content, filename, format);
    }
    if (cachedData === undefined) stats.misses++;
    else if (script.cachedDataRejected === true) stats.rejected++;
    else stats.hits++;
    if (cachedData === undefined || script.cachedDataRejected === true) {
      if (pending.length === 0) process.once('exit', () => flush());
      pending.push({ file, source: content, sourceCrc, script });
    }
    const compiled: unknown = script.runInThisContext({ displayErrors: true });
    if (typeof compiled !== 'function') return original.call(this, content, filename, format);
    const require = Object.assign((id: string): unknown => this.require(id), {
      resolve: Object.assign((request: string, options?: { paths?: string[] }) => loader._resolveFilename(request, this, false, options), {
        paths: (request: string) => loader._resolveLookupPaths(request, this),
      }),
      main: mainModule(),
      extensions: loader._extensions,
      cache: loader._cache,
    });
    return Reflect.apply(compiled, this.exports, [this.exports, require, this, filename, dirname(filename)]);
  };
  Reflect.set(compileWithCache, HOOK, directory);
  loader.prototype._compile = compileWithCache;

  // Written at exit, so that the bytecode of the functions this run compiled lazily is included.
  function flush(): void {
    for (const entry of pending.splice(0)) {
      try {
        writeEntry(entry.file, entry.source, entry.sourceCrc, entry.script.createCachedData());
      } catch {
        // an entry that cannot be produced is simply not cached
      }
    }
  }
}

/** `require.main` as Node sets it (undefined when the program is an ES module). */
function mainModule(): unknown {
  return Reflect.get(process, 'mainModule');
}
