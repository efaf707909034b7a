/**
 * @fileoverview V8 tuning for one command-line run. Most of an audit's code runs only a few hundred milliseconds
 * before the process ends, so what TurboFan spends compiling is a large share of the run: with its inlining (the
 * biggest part of an optimizing compile) the compiler thread takes most of the second core and the main thread
 * waits longer for optimized code. Without inlining a 20,000-rule Windows audit takes 10–15 % less wall time
 * (BENCHMARKS.md). From about 50,000 rules the hot loops run long enough for inlining to pay, so it is switched
 * back on once the inputs are loaded and counted. The flags only change how code is compiled, never what it does.
 */
import { setFlagsFromString } from 'node:v8';

/** Rules from which an audit runs long enough for TurboFan's inlining to pay for its compile time. */
export const INLINING_PAYS_FROM_RULES = 50_000;

/** Called first thing by the executable. */
export function tuneForShortRun(): void {
  setFlagsFromString('--no-turbo-inlining');
}

/** Called once the inputs are loaded: a large rule set gets inlining back for the analyses. */
export function tuneForRuleCount(rules: number): void {
  if (rules >= INLINING_PAYS_FROM_RULES) setFlagsFromString('--turbo-inlining');
}
