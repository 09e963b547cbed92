/**
 * The V8 tier-up budget of the `volet` command's process: how much bytecode a function executes
 * before V8 considers optimising it (V8's default is 67,584 on Node 20). A command is short: with the
 * default, a cold `volet generate` has TurboFan compile hundreds of functions on background threads,
 * about a third of the process's CPU time on a two-core machine, for no measurable gain on the main
 * thread. Three times the default removes most of that compile work and leaves the main thread's time
 * unchanged (measured on the 7 DMP WSDLs: BENCHMARKS.md, Generation); long runs (`decode`,
 * `simulate`, the type check) still optimise their hot code, a little later.
 *
 * It must be set before any module is compiled with the compile cache (generator/cli/compile-cache.ts):
 * V8 accepts cached code only when it was produced under the same flags, so `bin/volet.js` calls
 * {@link setCliJitBudget} first thing. It is a heuristic of the JIT only: it changes when code is
 * optimised, never what it does.
 */
import { setFlagsFromString } from 'node:v8';

/** The tier-up budget of the CLI process (about three times V8's default). */
export const CLI_INTERRUPT_BUDGET = 200_000;

/** Sets the CLI's tier-up budget for the rest of the process (the real command only, not in-process runs). */
export function setCliJitBudget(): void {
  setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
}
