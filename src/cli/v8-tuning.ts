/**
 * @fileoverview V8 tuning for one command-line run. The flags only change how code is compiled and when garbage is
 * collected, never what the code does. Measured in BENCHMARKS.md.
 *
 * - TurboFan inlining off: most of an audit's code runs only a few hundred milliseconds before the process ends, so
 *   what TurboFan spends compiling is a large share of the run: with inlining (the biggest part of an optimizing
 *   compile) the compiler thread takes most of the second core and the main thread waits longer for optimized code.
 *   Without it a 20,000-rule Windows audit takes 10–15 % less wall time. From about 50,000 rules the hot loops run
 *   long enough for inlining to pay, so it is switched back on once the inputs are loaded and counted, and for a
 *   fleet (its worker threads audit host after host for the whole run).
 * - Heap growth capped at 1.5× per major collection, for inputs of 50,000 rules or more: V8 otherwise lets the heap
 *   grow up to 4× when collecting is cheap next to the program's own work, and a 100,000-rule audit with about 300 MB
 *   of live data peaked at about 1 GB. With the cap it peaks at 450–570 MB, within the run-to-run noise of its time
 *   (a 2× cap left the dense 100,000-rule input at 600–660 MB). Smaller audits stay far below that anyway, and the
 *   cap's extra full collections cost them 35–45 ms (20,000 Windows rules).
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Rules from which an audit runs long enough for TurboFan's inlining to pay for its compile time, and grows a heap
 * worth capping.
 */
export const LARGE_FROM_RULES = 50_000;

/** Called first thing by the executable. */
export function tuneForShortRun(): void {
  setFlagsFromString('--no-turbo-inlining');
}

/** Called by fleet mode before its workers start: they run the same code for many hosts. */
export function tuneForFleet(): void {
  setFlagsFromString('--turbo-inlining');
}

/** Called once the inputs are loaded: a large rule set gets inlining back for the analyses, and the heap cap. */
export function tuneForRuleCount(rules: number): void {
  if (rules < LARGE_FROM_RULES) return;
  setFlagsFromString('--turbo-inlining');
  setFlagsFromString('--heap-growing-percent=50');
}
