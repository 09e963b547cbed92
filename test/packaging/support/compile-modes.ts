/**
 * The three ways a vendor's project compiles the generated code and its own: an ES module project
 * under `module: nodenext`, a project for a bundler (`moduleResolution: bundler`), and a CommonJS
 * project (`"type": "commonjs"`, `module: nodenext`, emitting `require()`). Each with the strict
 * options volet's output must survive: `strict`, `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`.
 */

/** One compilation setting. */
export interface CompileMode {
  readonly name: 'nodenext' | 'bundler' | 'commonjs';
  /** `type` of the project's package.json. */
  readonly packageType: 'module' | 'commonjs';
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** The output can be run with node (bundler output is for a bundler). */
  readonly runnable: boolean;
}

const STRICT = {
  target: 'es2022',
  lib: ['es2023'],
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  types: ['node'],
  outDir: 'dist',
} as const;

/** The three modes; `nodenext` also checks the packages' declaration files (no skipLibCheck). */
export const COMPILE_MODES: readonly CompileMode[] = [
  {
    name: 'nodenext',
    packageType: 'module',
    compilerOptions: { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: false },
    runnable: true,
  },
  {
    name: 'bundler',
    packageType: 'module',
    compilerOptions: { ...STRICT, module: 'esnext', moduleResolution: 'bundler', skipLibCheck: true, noEmit: true },
    runnable: false,
  },
  {
    name: 'commonjs',
    packageType: 'commonjs',
    compilerOptions: { ...STRICT, module: 'nodenext', moduleResolution: 'nodenext', skipLibCheck: true },
    runnable: true,
  },
];
