/**
 * @fileoverview Runs the gap evaluation on built rule sets.
 */
import { evaluateRequirement } from '../../src/analyses/gaps.js';
import { DEFAULT_MATCH_SETTINGS, type MatchSettings } from '../../src/engine/rule-match.js';
import { buildUnits } from '../../src/engine/units.js';
import { formatPorts } from '../../src/model/port-set.js';
import { formatRef } from '../../src/model/source-ref.js';
import type { FirewallProfile, RuleSet } from '../../src/model/rule.js';
import type { RequirementResult } from '../../src/findings/result.js';
import type { Requirement } from '../../src/requirements/types.js';

export function evaluate(sets: RuleSet[], r: Requirement, fwProfile: FirewallProfile = 'domain', extra: Partial<MatchSettings> = {}): RequirementResult {
  const settings = { ...DEFAULT_MATCH_SETTINGS, ...extra };
  const built = buildUnits(sets.map((ruleSet, i) => ({ file: `f${i}`, ruleSet })), settings);
  if (!built.ok) throw new Error(built.error);
  return evaluateRequirement(r, built.units, { fwProfile, settings });
}

/** A compact view of a result for exact assertions. */
export function summary(r: RequirementResult) {
  return {
    status: r.status,
    missing: formatPorts(r.missing),
    allowedBy: r.allowedBy.map((c) => (c.kind === 'rule' ? formatRef(c.ref) : c.kind)),
    blockedBy: r.blockedBy.map((c) => (c.kind === 'rule' ? formatRef(c.ref) : c.kind)),
    conditionalBy: r.conditionalBy.map((c) => formatRef(c.ref)),
  };
}
