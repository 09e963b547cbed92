/**
 * ts-morph, loaded with `require` rather than `import`. ts-morph and its bundled TypeScript are
 * CommonJS; imported from ESM, Node first scans them (12 MB) for their named exports and loads them
 * through the ESM loader, which costs about 0.1 s at every start. Loaded with `require`, they also
 * go through the CommonJS loader, where the CLI's compile cache (cli/compile-cache.ts) applies.
 * Same module instance either way: both loaders share `require.cache`.
 */
import { createRequire } from 'node:module';

/** The whole ts-morph module. */
export const tsMorph: typeof import('ts-morph') = createRequire(import.meta.url)('ts-morph');

/** ts-morph's `printStructure`: a structure printed to text, without any source file or project. */
export const printStructure = tsMorph.printStructure;

/** ts-morph's `StructureKind` enum (value). */
export const StructureKind = tsMorph.StructureKind;
/** ts-morph's `StructureKind` enum (type). */
export type StructureKind = import('ts-morph').StructureKind;

/** ts-morph's `VariableDeclarationKind` enum (value). */
export const VariableDeclarationKind = tsMorph.VariableDeclarationKind;
/** ts-morph's `VariableDeclarationKind` enum (type). */
export type VariableDeclarationKind = import('ts-morph').VariableDeclarationKind;
