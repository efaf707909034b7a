/**
 * @fileoverview Shared by the reporters: requirements per status, findings per severity, the sign-off rows.
 */
import type { ReportOptions } from './types.js';
import type { AuditResult, RequirementStatus } from '../src/findings/result.js';
import { atLeast, SEVERITIES, type Severity } from '../src/findings/severity.js';

/** Every requirement status in report order. */
export const STATUSES: readonly RequirementStatus[] = ['allowed', 'partial', 'blocked', 'conditional', 'unknown', 'waived'];

/** Requirements per status; every status is present (0 when none). */
export function requirementCounts(result: AuditResult): Record<RequirementStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
  for (const r of result.requirements) counts[r.status] += 1;
  return counts;
}

/** Findings per severity, critical first; every severity is present (0 when none). */
export function severityCounts(result: AuditResult): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of result.findings) counts[f.severity] += 1;
  return counts;
}

/** Number of findings at or above the result's `--fail-on` threshold. */
export function failingCount(result: AuditResult): number {
  return result.findings.filter((f) => atLeast(f.severity, result.failOn)).length;
}

/** What a sign-off header shows: the audit's (and the diff's) identifying fields. */
export type SignOffSource = Pick<AuditResult, 'verdict' | 'tool' | 'requirementSet' | 'firewallProfile' | 'failOn' | 'generatedAt' | 'ticket' | 'waivers'>;

/** The sign-off header's field/value rows, shared by every report format (each renders them its own way). */
export function signOffRows(result: SignOffSource, options: ReportOptions): [string, string][] {
  const set = result.requirementSet;
  const rows: [string, string][] = [
    ['Verdict', result.verdict === 'pass' ? 'PASS' : 'FAIL'],
    ['Tool', `${result.tool.name} ${result.tool.version}`],
    ['Requirement set version', set.version],
    ['Profile', set.profile ?? 'none (custom requirements only)'],
    ['Features', set.features.length === 0 ? 'none' : set.features.join(', ')],
    ['Firewall profile', result.firewallProfile],
    ['Fail-on threshold', result.failOn],
  ];
  const ticket = options.ticket ?? result.ticket;
  if (ticket !== undefined) rows.push(['Ticket', ticket]);
  const w = result.waivers;
  if (w !== undefined) rows.push(['Waivers', `${w.files.join(', ')}: ${w.applied} findings waived, ${w.expired} expired, ${w.unused} unused`]);
  rows.push(['Generated at', result.generatedAt]);
  return rows;
}
