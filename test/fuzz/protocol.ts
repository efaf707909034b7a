/**
 * @fileoverview Messages between the fuzz test and its worker threads.
 */

/** What a worker is asked to run. */
export interface WorkerJob {
  readonly root: string;
  readonly seed: number;
  readonly parseRuns: number;
  readonly cliRuns: number;
  /** Cases of the encoding-invariance property (two audits each). */
  readonly invariantRuns: number;
  /** Share of parse-level cases (percent) whose successful parse also goes through the audit engine. */
  readonly enginePercent: number;
  /** A single input slower than this fails the run. */
  readonly timeBoundMs: number;
  /** Shrink a failing case to a minimal one (slower; off in CI). */
  readonly shrink: boolean;
}

/** Counters a worker reports. */
export interface FuzzStats {
  parseCases: number;
  cliCases: number;
  invariantCases: number;
  /** Parse-level outcome → count. */
  readonly outcomes: Record<string, number>;
  /** Detected format → count. */
  readonly formats: Record<string, number>;
  /** Seed folder under fixtures/ → count. */
  readonly folders: Record<string, number>;
  /** `command exit-code` → count. */
  readonly exitCodes: Record<string, number>;
  slowest: { ms: number; what: string };
}

export type WorkerMessage =
  | { readonly type: 'begin'; readonly what: string }
  | { readonly type: 'done'; readonly stats: FuzzStats; readonly seeds: number }
  | { readonly type: 'fail'; readonly message: string; readonly stats: FuzzStats };
