/**
 * @fileoverview Remediation: one item per requirement (in result order) and one per RULE_OVER_PERMISSIVE finding
 * (in finding order), with commands in the dialect of the unit's platform. Reads only the model: units, results,
 * findings. Requirement items: allowed → `none` ("no change needed"); unknown → `manual` with the reason;
 * blocked / partial → `add` (Windows: windows-gap.ts, first-match: chain-gap.ts); conditional → `manual` saying
 * what to verify, with the unconditional change that removes the doubt. Finding items: `replace` (replace.ts),
 * or `manual` for defaults that accept everything inbound.
 */
import { NO_PORTS, type PortSet } from '../../model/port-set.js';
import type { Direction, FirewallProfile } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { MatchSettings } from '../../engine/rule-match.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { Finding } from '../../findings/finding.js';
import type { RemediationItem } from '../../findings/remediation.js';
import type { RequirementResult } from '../../findings/result.js';
import type { Requirement } from '../../requirements/types.js';
import { evaluateRequirement } from '../gaps.js';
import { RequiredPorts } from '../over-permissive/required.js';
import { planChainGap } from './chain-gap.js';
import { defaultItem } from './default-open.js';
import { platformOf } from './platform.js';
import { planReplace } from './replace.js';
import { planWindowsGap, type OpenGapPorts, type UnitPlan } from './windows-gap.js';
import * as words from './wording.js';

export { fixScript, scriptDialect, SCRIPT_EXTENSIONS, type ScriptDialect } from './fix-script.js';

export interface RemediationOptions {
  readonly fwProfile: FirewallProfile;
  readonly settings: MatchSettings;
}

/** Remediation items for an audit's requirement results and findings. */
export function remediate(units: readonly PolicyUnit[], results: readonly RequirementResult[], findings: readonly Finding[], opts: RemediationOptions): RemediationItem[] {
  const ctx: EvalContext = { fwProfile: opts.fwProfile, settings: opts.settings };
  const openGaps = openGapPorts(results);
  const required = new RequiredPorts(results.map((r) => r.requirement));
  const items = results.map((r) => requirementItem(r, units, ctx, openGaps));
  for (const f of findings) {
    if (f.code !== 'RULE_OVER_PERMISSIVE') continue;
    items.push(findingItem(f.id, f.args.ruleId, units, required, ctx));
  }
  return items;
}

function requirementItem(r: RequirementResult, units: readonly PolicyUnit[], ctx: EvalContext, openGaps: OpenGapPorts): RemediationItem {
  const base = { id: `fix:${r.requirement.id}`, requirementId: r.requirement.id };
  switch (r.status) {
    case 'allowed':
      return { ...base, action: 'none', summary: words.NO_CHANGE, commands: [] };
    case 'waived':
      return { ...base, action: 'none', summary: words.WAIVED, commands: [] };
    case 'unknown':
      return { ...base, action: 'manual', summary: words.unknown(r.reason ?? 'the export does not decide this flow'), commands: [] };
    default: {
      const scoped = unitsFor(r.requirement, units);
      // With one unit in scope the audit's own result is that unit's result (same filter as gaps.ts).
      const plans = scoped.map((u) => planUnit(u, r.requirement, ctx, openGaps, scoped.length === 1 ? r : undefined));
      const commands = plans.flatMap((p) => p.commands);
      const steps = plans.flatMap((p) => p.steps);
      const manual = plans.map((p) => p.manual).filter((m): m is string => m !== undefined);
      const lead = r.status === 'conditional' ? [words.conditional(r)] : r.status === 'partial' && r.allowedFrom !== undefined && !r.allowedFrom.isEmpty() ? [words.partialScope(r.allowedFrom)] : [];
      const summary = [...lead, ...steps, ...manual].join('; ');
      const action = r.status === 'conditional' || manual.length > 0 || commands.length === 0 ? 'manual' : 'add';
      return { ...base, action, summary: summary === '' ? words.unknown('no unit of this host decides the flow') : summary, commands };
    }
  }
}

/** The units a requirement is evaluated in (same filter as gaps.ts). */
function unitsFor(req: Requirement, units: readonly PolicyUnit[]): PolicyUnit[] {
  return units.filter((u) => u.ruleSet.directions.includes(req.direction) && req.remote.overlaps(u.universe));
}

/** Plans one unit's fix; `known`: the requirement's result in this unit when already evaluated. */
function planUnit(unit: PolicyUnit, req: Requirement, ctx: EvalContext, openGaps: OpenGapPorts, known?: RequirementResult): UnitPlan {
  const own = known ?? evaluateRequirement(req, [unit], ctx);
  if (own.status === 'allowed') return { commands: [], steps: [] };
  if (own.status === 'unknown') return { commands: [], steps: [], manual: words.unknown(own.reason ?? '') };
  const platform = platformOf(unit.ruleSet);
  return platform === 'windows' ? planWindowsGap(unit, req, ctx, openGaps, own) : planChainGap(unit, req, ctx, platform, own);
}

function findingItem(findingId: string, ruleId: string, units: readonly PolicyUnit[], required: RequiredPorts, ctx: EvalContext): RemediationItem {
  // Written out, not spread: a large estate has one item per over-permissive rule (tens of thousands).
  const id = `fix:${findingId}`;
  for (const unit of units) {
    const d = defaultItem(unit, ruleId, required, ctx);
    if (d !== undefined) return { id, findingId, action: d.action, summary: d.summary, commands: d.commands };
    const p = unit.index.position.get(ruleId);
    if (p === undefined) continue;
    const r = planReplace(unit, unit.index.rule(p), required, ctx);
    return { id, findingId, action: r.action, summary: r.summary, commands: r.commands };
  }
  return { id, findingId, action: 'manual', summary: words.ruleMissing(ruleId), commands: [] };
}

/** Union of the missing ports of every open gap, by direction and protocol. */
function openGapPorts(results: readonly RequirementResult[]): OpenGapPorts {
  const by = new Map<string, PortSet>();
  for (const r of results) {
    if (r.status === 'allowed' || r.status === 'unknown' || r.status === 'waived') continue;
    const key = `${r.requirement.direction}/${r.requirement.protocol}`;
    by.set(key, (by.get(key) ?? NO_PORTS).union(r.missing));
  }
  return (direction: Direction, protocol) => by.get(`${direction}/${protocol}`) ?? NO_PORTS;
}
