/**
 * @fileoverview Which findings fail a run: unwaived ones at or above the threshold.
 */
import type { Finding } from './finding.js';
import { atLeast, type Severity } from './severity.js';

/** Unwaived findings at or above `threshold` (`none` never fails). */
export function failingFindings(findings: readonly Finding[], threshold: Severity | 'none'): Finding[] {
  return findings.filter((f) => f.waiver === undefined && atLeast(f.severity, threshold));
}
