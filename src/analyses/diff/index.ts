/**
 * @fileoverview `k2audit diff`: compares two audited exports of one host (any supported formats on either side)
 * at the rule level, the flow level and the requirement level. Pure: model in, DiffResult out.
 */
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../../engine/rule-match.js';
import { buildUnits, type PolicyUnit } from '../../engine/units.js';
import { atLeast } from '../../findings/severity.js';
import type { Rule } from '../../model/rule.js';
import { diffExposures, exposureFindings } from './exposure-changes.js';
import { normalizedListing, unifiedListingDiff } from './listing.js';
import { diffPolicies } from './policy-changes.js';
import { diffRequirements } from './requirement-changes.js';
import { diffRules } from './rule-changes.js';
import { diffFlows } from './semantic.js';
import type { DiffOptions, DiffResult, DiffSideInput, DiffSideSummary } from './types.js';

export type * from './types.js';

/**
 * Diffs two sides. Each side holds the loaded exports and the AuditResult that `audit()` produced from them with
 * the same firewall profile and settings (so their policy units can be built; otherwise this throws).
 */
export function diffAudits(before: DiffSideInput, after: DiffSideInput, opts: DiffOptions): DiffResult {
  const settings: MatchSettings = { ...DEFAULT_MATCH_SETTINGS, ...opts.settings };
  const ctx = { fwProfile: opts.fwProfile, settings };
  const bu = unitsOf(before, settings);
  const au = unitsOf(after, settings);
  const rules = diffRules(bu, au);
  const be = exposureFindings(before.result, bu, ctx);
  const ae = exposureFindings(after.result, au, ctx);
  const exposures = diffExposures(
    { before: { findings: be.findings, rules: rulesById(bu) }, after: { findings: ae.findings, rules: rulesById(au) }, continues: rules.continues },
    be.skipped ?? ae.skipped,
  );
  const requirements = diffRequirements(before.result.requirements, after.result.requirements);
  const regressions = requirements.transitions.filter((t) => t.change === 'regressed');
  const newExposures = exposures.new.filter((f) => f.waiver === undefined);
  const failing = {
    regressions: regressions.filter((t) => t.after !== 'waived' && atLeast(t.severity ?? 'high', opts.failOn)).length,
    exposures: newExposures.filter((f) => atLeast(f.severity, opts.failOn)).length,
  };
  return {
    tool: after.result.tool,
    requirementSet: after.result.requirementSet,
    firewallProfile: opts.fwProfile,
    generatedAt: after.result.generatedAt,
    failOn: opts.failOn,
    ...(after.result.ticket === undefined ? {} : { ticket: after.result.ticket }),
    before: summaryOf(before, bu),
    after: summaryOf(after, au),
    rules: rules.changes,
    policies: diffPolicies(bu, au),
    semantic: diffFlows(bu, au, ctx, { before: rules.goneBefore }),
    requirements,
    exposures,
    unifiedDiff: unifiedListingDiff(label(before), normalizedListing(bu), label(after), normalizedListing(au)),
    regressions,
    newExposures,
    failing,
    verdict: failing.regressions + failing.exposures > 0 ? 'fail' : 'pass',
  };
}

/** The exit code of `k2audit diff`: 1 when a regression or new exposure reaches --fail-on, else 0. */
export function diffExitCode(result: DiffResult): 0 | 1 {
  return result.verdict === 'fail' ? 1 : 0;
}

function unitsOf(side: DiffSideInput, settings: MatchSettings): PolicyUnit[] {
  const built = buildUnits(
    side.inputs.map((i) => ({ file: i.summary.path, ruleSet: i.ruleSet })),
    settings,
  );
  if (!built.ok) throw new Error(`diff: ${built.error}`);
  return built.units;
}

function rulesById(units: readonly PolicyUnit[]): Map<string, Rule> {
  return new Map(units.flatMap((u) => u.ruleSet.rules.map((r) => [r.id, r] as const)));
}

function label(side: DiffSideInput): string {
  return side.inputs.map((i) => i.summary.path).join(', ');
}

function summaryOf(side: DiffSideInput, units: readonly PolicyUnit[]): DiffSideSummary {
  return {
    inputs: side.result.inputs,
    semantics: [...new Set(units.map((u) => u.ruleSet.semantics))],
    ruleCount: units.reduce((n, u) => n + u.ruleSet.rules.length, 0),
  };
}
