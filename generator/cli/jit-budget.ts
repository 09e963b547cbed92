/**
 * The V8 tier-up budget of a short `volet` command's process: how much bytecode a function executes
 * before V8 considers optimising it (V8's default is 67,584 on Node 20). `generate`, `check` and the
 * other commands that build a description's model are short: with the default, a cold `volet
 * generate` has TurboFan compile hundreds of functions on background threads, about a third of the
 * process's CPU time on a two-core machine, for no measurable gain on the main thread. Three times
 * the default removes most of that compile work and leaves the main thread's time unchanged
 * (measured on the 7 DMP WSDLs: BENCHMARKS.md, Generation). The long runs keep V8's default:
 * `decode` of a large response lost a few percent with it.
 *
 * It must be set before any module is compiled with the compile cache (generator/cli/compile-cache.ts):
 * V8 accepts cached code only when it was produced under the same flags, so `bin/volet.js` calls
 * {@link setCliJitBudget} first thing and keeps the entries made under it in a folder of their own
 * (the {@link CompileCacheOptions.variant}), apart from those of the other commands. It is a
 * heuristic of the JIT only: it changes when code is optimised, never what it does.
 */
import { setFlagsFromString } from 'node:v8';

/** The tier-up budget of the short commands (about three times V8's default). */
export const CLI_INTERRUPT_BUDGET = 200_000;

/**
 * True when this V8 knows `--interrupt-budget`: V8 11 (Node 20) does; later ones tier up by
 * invocation counts (Maglev) and, given a flag they do not know, print an error on standard error
 * that no option silences. The setting was measured on Node 20 only, so newer Nodes keep V8's own.
 */
export function budgetFlagKnown(v8Version: string = process.versions.v8): boolean {
  return Number.parseInt(v8Version, 10) <= 11;
}

/** The commands that build a model and end (not `decode`, `encode`, `call`, `simulate`). */
export const SHORT_COMMANDS: ReadonlySet<string> = new Set(['generate', 'check', 'inspect', 'init', 'jsonschema']);

/**
 * Sets the tier-up budget for the rest of the process when the command (the first argument) is one
 * of {@link SHORT_COMMANDS}, and returns the name of that setting for the compile cache; `null`
 * (nothing set) for any other command line.
 */
export function setCliJitBudget(args: readonly string[]): string | null {
  if (!SHORT_COMMANDS.has(args[0] ?? '') || !budgetFlagKnown()) return null;
  setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
  return `jit-${CLI_INTERRUPT_BUDGET}`;
}
