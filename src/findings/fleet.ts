/**
 * @fileoverview The fleet summary: one row per host, worst first, with each requirement's status.
 */
import type { RequirementStatus } from './result.js';
import type { Severity } from './severity.js';

export interface HostSummary {
  readonly host: string;
  readonly files: readonly string[];
  /** `error` when the host's exports could not be audited. */
  readonly verdict: 'pass' | 'fail' | 'error';
  readonly error?: string;
  /** Requirement id → status. */
  readonly statuses: Readonly<Record<string, RequirementStatus>>;
  readonly findings: Readonly<Record<Severity, number>>;
  /** Unwaived findings at or above --fail-on. */
  readonly failing: number;
  /** Report files written for the host. */
  readonly reports: readonly string[];
}

export interface FleetSummary {
  readonly tool: { readonly name: 'k2audit'; readonly version: string };
  readonly profile: string | null;
  readonly features: readonly string[];
  readonly firewallProfile: string;
  readonly failOn: string;
  readonly generatedAt: string;
  /** Requirements in report order (columns of the matrix). */
  readonly requirements: readonly { readonly id: string; readonly component: string }[];
  /** Worst first: errors, then most failing findings, then most blocked requirements, then name. */
  readonly hosts: readonly HostSummary[];
}

const STATUS_WEIGHT: Readonly<Record<RequirementStatus, number>> = { blocked: 5, unknown: 4, partial: 3, conditional: 2, waived: 1, allowed: 0 };

/** Sorts hosts worst first. */
export function sortHosts(hosts: readonly HostSummary[]): HostSummary[] {
  const weight = (h: HostSummary) => Object.values(h.statuses).reduce((n, s) => n + STATUS_WEIGHT[s], 0);
  return [...hosts].sort(
    (a, b) =>
      Number(b.verdict === 'error') - Number(a.verdict === 'error') ||
      b.failing - a.failing ||
      weight(b) - weight(a) ||
      (a.host < b.host ? -1 : a.host > b.host ? 1 : 0),
  );
}
