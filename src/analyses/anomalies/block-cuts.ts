/**
 * @fileoverview Block rules that cut into required flows (both platforms): every block rule the gap analysis cites
 * among the rules blocking a requirement (RequirementResult.blockedBy, kind `rule`) gives one finding per
 * (rule, requirement). Default policies are not rules and are left to the gap findings.
 */
import type { Rule } from '../../model/rule.js';
import { portCover, servicePorts, type MatchSettings } from '../../engine/rule-match.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { Finding } from '../../findings/finding.js';
import type { RequirementResult } from '../../findings/result.js';
import { ruleGapFinding } from './findings.js';

/** One BLOCK_CUTS_REQUIREMENT finding per cited block rule and requirement. */
export function blockCutFindings(units: readonly PolicyUnit[], results: readonly RequirementResult[], settings: MatchSettings): Finding[] {
  const rules = new Map<string, Rule>();
  for (const u of units) for (const r of u.ruleSet.rules) rules.set(r.id, r);
  const out: Finding[] = [];
  for (const res of results) {
    const req = res.requirement;
    const seen = new Set<string>();
    for (const c of res.blockedBy) {
      const rule = c.kind === 'rule' && c.ruleId !== undefined ? rules.get(c.ruleId) : undefined;
      if (rule === undefined || rule.action !== 'block' || seen.has(rule.id)) continue;
      seen.add(rule.id);
      const cut = res.missing.intersect(portCover(servicePorts(rule), settings));
      out.push(ruleGapFinding('BLOCK_CUTS_REQUIREMENT', rule, req, cut.isEmpty() ? res.missing : cut));
    }
  }
  return out;
}
