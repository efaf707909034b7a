/**
 * @fileoverview The public audit API: loaded inputs + requirement set + options → AuditResult.
 * Pure: no file system, no clock (the caller passes the time).
 */
import type { FirewallProfile, RuleSet } from '../model/rule.js';
import { firewallOffFindings } from '../analyses/firewall-off.js';
import { anomalyFindings } from '../analyses/anomalies/index.js';
import { gapFindings } from '../analyses/gap-findings.js';
import { overPermissiveFindings } from '../analyses/over-permissive.js';
import { remediate } from '../analyses/remediation/index.js';
import { returnTrafficFindings } from '../analyses/return-traffic.js';
import { evaluateRequirement } from '../analyses/gaps.js';
import type { Finding } from '../findings/finding.js';
import type { AuditResult, InputSummary } from '../findings/result.js';
import { SEVERITIES, type Severity } from '../findings/severity.js';
import { failingFindings } from '../findings/verdict.js';
import { applyWaivers } from '../analyses/waivers.js';
import type { Waiver } from '../waivers/types.js';
import type { RequirementSet } from '../requirements/types.js';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from './rule-match.js';
import type { StageTimer } from './stage-timer.js';
import { buildUnits } from './units.js';

/** One parsed input file. */
export interface LoadedInput {
  readonly summary: InputSummary;
  readonly ruleSet: RuleSet;
}

export interface AuditOptions {
  readonly firewallProfile: FirewallProfile;
  /** Severity at which the verdict fails; `none` still computes the verdict at `high` but never fails the exit code. */
  readonly failOn: Severity | 'none';
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly settings?: Partial<MatchSettings>;
  /** Waivers from --waivers files (and the file names, for the sign-off header). */
  readonly waivers?: { readonly list: readonly Waiver[]; readonly files: readonly string[] };
  readonly ticket?: string;
  /** Correlated / generalization pairs listed at most per kind (totals stay exact); default 200. */
  readonly maxPairs?: number;
  /** Benchmark hook: marks `engine` and `analyses`. */
  readonly timer?: StageTimer;
}

export type AuditOutcome = { ok: true; result: AuditResult } | { ok: false; error: string };

/** Audits the exports of one host against a requirement set. */
export function audit(inputs: readonly LoadedInput[], requirements: RequirementSet, opts: AuditOptions): AuditOutcome {
  const settings: MatchSettings = { ...DEFAULT_MATCH_SETTINGS, ...opts.settings };
  const built = buildUnits(
    inputs.map((i) => ({ file: i.summary.path, ruleSet: i.ruleSet })),
    settings,
  );
  if (!built.ok) return built;
  const ctx = { fwProfile: opts.firewallProfile, settings };
  const evaluated = requirements.requirements.map((r) => evaluateRequirement(r, built.units, ctx));
  opts.timer?.mark('engine');
  const raw = [
    ...firewallOffFindings(built.units, opts.firewallProfile),
    ...returnTrafficFindings(built.units),
    ...overPermissiveFindings(built.units, requirements, ctx),
    ...anomalyFindings(built.units, evaluated, { ...ctx, maxPairs: opts.maxPairs ?? 200 }),
    ...gapFindings(evaluated),
  ];
  const remediation = remediate(built.units, evaluated, raw, ctx);
  const waived = opts.waivers === undefined ? undefined : applyWaivers(evaluated, raw, opts.waivers.list, opts.waivers.files, opts.generatedAt);
  const results = waived?.requirements ?? evaluated;
  const findings = sortFindings(waived?.findings ?? raw);
  opts.timer?.mark('analyses');
  const threshold = opts.failOn === 'none' ? 'high' : opts.failOn;
  return {
    ok: true,
    result: {
      tool: { name: 'k2audit', version: opts.toolVersion },
      requirementSet: { profile: requirements.profile, version: requirements.version, features: requirements.features },
      firewallProfile: opts.firewallProfile,
      inputs: inputs.map((i) => i.summary),
      verdict: failingFindings(findings, threshold).length > 0 ? 'fail' : 'pass',
      failOn: opts.failOn,
      requirements: results,
      findings,
      remediation,
      ...(waived === undefined ? {} : { waivers: waived.summary }),
      ...(opts.ticket === undefined ? {} : { ticket: opts.ticket }),
      generatedAt: opts.generatedAt,
    },
  };
}

/** Severity (worst first), then id: one bucket per severity, each sorted by id (stable, as one sort by both would be). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const buckets = SEVERITIES.map((): Finding[] => []);
  for (const f of findings) (buckets[SEVERITIES.indexOf(f.severity)] as Finding[]).push(f);
  return buckets.flatMap((b) => b.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)));
}
