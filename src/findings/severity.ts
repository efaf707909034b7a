/**
 * @fileoverview Severity levels, their order, and the `--fail-on` threshold test.
 */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Rank: critical = 4 … info = 0. */
export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

/** Whether `s` is at or above `threshold`; threshold `none` never fails. */
export function atLeast(s: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && severityRank(s) >= severityRank(threshold);
}
