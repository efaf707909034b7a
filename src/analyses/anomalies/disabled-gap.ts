/**
 * @fileoverview Disabled rules that would close a gap: for each requirement that is not allowed (blocked, partial,
 * conditional), disabled allow/bypass rules (Windows: of the audited profile) are enabled one at a time and the
 * requirement is evaluated again with the gap analysis; a rule is reported when the requirement then becomes
 * `allowed` (every missing port, for the whole required remote scope, certainly).
 *
 * Kept cheap on large exports: candidates come from the rule index (rules touching the missing ports) and must pass
 * necessary conditions first (certain match, every missing port in the rule's ports, the protocol, an address in the
 * required scope); only the missing ports are evaluated again (enabling an allow rule never takes an allowed port
 * away); at most MAX_CANDIDATES rules per requirement, in rule order.
 */
import type { Rule } from '../../model/rule.js';
import { TRANSPORT_NUMBER } from '../../model/protocol.js';
import { noteRuleEdit } from '../../engine/rule-index.js';
import type { EvalContext } from '../../engine/evaluate.js';
import { matchBounds, servicePorts } from '../../engine/rule-match.js';
import { singleUnit, type PolicyUnit } from '../../engine/units.js';
import { windowsDefault } from '../../engine/windows.js';
import type { Finding } from '../../findings/finding.js';
import type { RequirementResult } from '../../findings/result.js';
import { evaluateRequirement } from '../gaps.js';
import { ruleGapFinding } from './findings.js';

/** Re-evaluations per requirement at most. */
export const MAX_CANDIDATES = 16;

/** One DISABLED_RULE_WOULD_CLOSE_GAP finding per (rule, requirement). */
export function disabledGapFindings(units: readonly PolicyUnit[], results: readonly RequirementResult[], ctx: EvalContext): Finding[] {
  const out: Finding[] = [];
  for (const res of results) {
    if (res.status !== 'blocked' && res.status !== 'partial' && res.status !== 'conditional') continue;
    const req = res.requirement;
    const missingOnly = { ...req, ports: res.missing };
    for (const { unit, position } of candidates(units, res, ctx).slice(0, MAX_CANDIDATES)) {
      const rule = unit.index.rule(position);
      // Skipped after the cut to MAX_CANDIDATES, so the rules considered stay the same.
      if (rule.action === 'allow' && unit.ruleSet.semantics === 'windows' && !allowCanClose(unit, res, ctx)) continue;
      const patched = units.map((u) => (u === unit ? withRuleEnabled(u, position, ctx) : u));
      if (evaluateRequirement(missingOnly, patched, ctx).status !== 'allowed') continue;
      out.push(ruleGapFinding('DISABLED_RULE_WOULD_CLOSE_GAP', rule, req, res.missing));
    }
  }
  return out;
}

/** Disabled rules that could close the gap, in unit then rule order. */
function candidates(units: readonly PolicyUnit[], res: RequirementResult, ctx: EvalContext): { unit: PolicyUnit; position: number }[] {
  const req = res.requirement;
  const first = res.missing.first();
  const out: { unit: PolicyUnit; position: number }[] = [];
  if (first === undefined) return out;
  for (const unit of units) {
    if (!unit.ruleSet.directions.includes(req.direction) || !req.remote.overlaps(unit.universe)) continue;
    for (const p of unit.index.candidates(req.direction, first, first)) {
      if (couldClose(unit.index.rule(p), unit, res, ctx)) out.push({ unit, position: p });
    }
  }
  return out;
}

/** Necessary conditions for the rule alone to open every missing port for some required address, for certain. */
function couldClose(rule: Rule, unit: PolicyUnit, res: RequirementResult, ctx: EvalContext): boolean {
  if (rule.enabled || (rule.action !== 'allow' && rule.action !== 'bypass')) return false;
  if (rule.neverNew === true || rule.loopbackOnly === true) return false;
  const req = res.requirement;
  if (unit.ruleSet.semantics === 'windows' && !rule.profiles.includes(ctx.fwProfile)) return false;
  const protocol = TRANSPORT_NUMBER[req.protocol];
  const svc = servicePorts(rule);
  if (!rule.protocols.has(protocol) || svc.keywords.length > 0 || !svc.set.contains(res.missing)) return false;
  const probe = { direction: req.direction, protocol, port: res.missing.first() as number, universe: unit.universe };
  const m = matchBounds(rule, probe, ctx.settings);
  return m !== undefined && m.reasons.length === 0 && m.low.overlaps(req.remote);
}

/**
 * Whether enabling a Windows allow rule can make the requirement allowed at all. Not when the direction's default
 * allows (allow rules then change no decision: blocks still win), nor when a block rule already cuts the required
 * scope (blocks beat allow rules, so that part stays blocked). `res` is this unit's own result: a host's Windows
 * exports always form one unit, and never share a host with iptables units.
 */
export function allowCanClose(unit: PolicyUnit, res: RequirementResult, ctx: EvalContext): boolean {
  const profile = unit.ruleSet.profiles?.[ctx.fwProfile];
  if (profile?.enabled !== false && windowsDefault(profile, res.requirement.direction) === 'allow') return false;
  return !res.blockedBy.some((c) => c.kind === 'rule');
}

/** The unit with one rule enabled; its port index is reused (the rule's ports did not change). */
function withRuleEnabled(unit: PolicyUnit, position: number, ctx: EvalContext): PolicyUnit {
  const rules = [...unit.ruleSet.rules];
  rules[position] = { ...(rules[position] as Rule), enabled: true };
  noteRuleEdit(unit.ruleSet.rules, rules, [position]);
  return singleUnit({ ...unit.ruleSet, rules }, unit.file, ctx.settings, unit);
}
