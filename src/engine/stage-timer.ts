/**
 * @fileoverview Per-stage timing for the benchmark: each `mark(stage)` adds the time since the previous mark to that
 * stage. The clock is injected (the CLI passes performance.now), so the engine stays free of I/O and globals.
 */

export class StageTimer {
  private last: number;
  readonly stages: Record<string, number> = {};

  constructor(private readonly now: () => number) {
    this.last = now();
  }

  /** Charges the time since the previous mark to `stage`. */
  mark(stage: string): void {
    const t = this.now();
    this.stages[stage] = (this.stages[stage] ?? 0) + (t - this.last);
    this.last = t;
  }
}
