/**
 * @fileoverview Closing one gap in a Windows unit. Order of the fix:
 * 1. BlockInboundAlways on the audited profile ignores every allow rule → change the profile default first.
 * 2. Block rules beat allow rules → every block rule that would cut the required flow (found by trying a
 *    temporary allow rule) is narrowed to leave out the required ports of every open gap of the same direction
 *    and protocol (so all items narrowing one rule print the same command), or disabled when nothing is left.
 * 3. Ports still missing get one allow rule, scoped to the requirement's remote addresses on the audited
 *    profile. A partial gap caused by a remote-address scope therefore gets a new rule for the whole required
 *    scope rather than a widened existing rule: existing rules keep their intent, the narrower one becomes
 *    redundant, and the new rule matches the requirement exactly.
 * Each step is checked on the edited model; if the flow is still not allowed the plan says so.
 */
import type { PortSet } from '../../model/port-set.js';
import { TRANSPORT_NUMBER } from '../../model/protocol.js';
import type { Direction, Rule, RuleSet } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { RemediationCommand } from '../../findings/remediation.js';
import type { RequirementResult } from '../../findings/result.js';
import type { Requirement } from '../../requirements/types.js';
import { allowRule, evaluateIn, replaceRules, requiredRemote, sameNameCount, withProfile, withRule, withServicePorts } from './simulate.js';
import { addRuleCommands, disableCommands, profileCommands, setPortsCommands } from './windows-commands.js';
import * as words from './wording.js';

/** Commands and summary steps for one unit; `manual` when commands cannot close the gap. */
export interface UnitPlan {
  readonly commands: RemediationCommand[];
  readonly steps: string[];
  readonly manual?: string;
}

/** Required ports of every open gap, by direction and protocol name. */
export type OpenGapPorts = (direction: Direction, protocol: 'tcp' | 'udp') => PortSet;

/** Plans the fix of one requirement in a Windows unit. */
/** `own`: the requirement's result on the unit as it is (evaluated again when omitted). */
export function planWindowsGap(unit: PolicyUnit, req: Requirement, ctx: EvalContext, openGaps: OpenGapPorts, own?: RequirementResult): UnitPlan {
  const plan = { commands: [] as RemediationCommand[], steps: [] as string[] };
  let rs = unit.ruleSet;
  const fw = ctx.fwProfile;
  const profile = rs.profiles?.[fw];
  if (req.direction === 'in' && profile?.inbound === 'block-always') {
    rs = withProfile(rs, fw, { ...profile, inbound: 'block' });
    plan.commands.push(...profileCommands(fw, profile.outbound ?? 'allow'));
    plan.steps.push(words.blockAlways(fw));
  }
  const first = own !== undefined && rs === unit.ruleSet ? own : evaluateIn(rs, unit.file, req, ctx, unit);
  if (first.status === 'allowed') return plan;
  const narrowed = narrowBlockers(rs, unit, req, first.missing, ctx, openGaps, plan);
  if (typeof narrowed === 'string') return { ...plan, manual: narrowed };
  const untouched = narrowed.rs === rs;
  const after = untouched ? first : (narrowed.after ?? evaluateIn(narrowed.rs, unit.file, req, ctx, unit));
  rs = narrowed.rs;
  if (after.status === 'allowed') return plan;
  const remote = requiredRemote(req, unit);
  const name = `k2audit: ${req.component} (${words.flowText(after.missing, req.protocol.toUpperCase())}-${req.direction === 'in' ? 'In' : 'Out'})`;
  rs = withRule(rs, allowRule({ id: `k2audit-fix:${req.id}`, name, file: unit.file, req, ports: after.missing, remote, profiles: [fw] }));
  plan.commands.push(...addRuleCommands({ name, direction: req.direction, protocol: req.protocol, ports: after.missing, profiles: [fw], remote: remote.isAny() ? undefined : remote }));
  plan.steps.push(words.addAllow(req.direction, after.missing, req.protocol, remote, fw));
  // When the ports still missing are the probe's, the rule just added is the probe narrowBlockers last tried on this
  // very rule set (same ports, scope and profile; only its name differs), so that trial is this check.
  const check = narrowed.trial !== undefined && after.missing.equals(first.missing) ? narrowed.trial : evaluateIn(rs, unit.file, req, ctx, unit);
  return check.status === 'allowed' ? plan : { ...plan, manual: words.unresolved(check) };
}

/** The rule set with the cutting block rules narrowed, and what is known of its evaluation with and without the probe. */
interface Narrowed {
  readonly rs: RuleSet;
  /** The evaluation of `rs` plus the probe allow rule, when the last round made one. */
  readonly trial?: RequirementResult;
  /** The evaluation of `rs` itself, when a round made one. */
  readonly after?: RequirementResult;
}

/** Narrows (or disables) every block rule that cuts the flow once an allow rule exists; a string = manual reason. */
function narrowBlockers(rs0: RuleSet, unit: PolicyUnit, req: Requirement, missing: PortSet, ctx: EvalContext, openGaps: OpenGapPorts, plan: UnitPlan): Narrowed | string {
  const probe = allowRule({ id: `k2audit-probe:${req.id}`, name: 'probe', file: unit.file, req, ports: missing, remote: requiredRemote(req, unit), profiles: [ctx.fwProfile] });
  let rs = rs0;
  let trial = withRule(rs, probe);
  const handled = new Set<string>();
  let after: RequirementResult | undefined;
  for (;;) {
    const result = evaluateIn(trial, unit.file, req, ctx, unit);
    const blockers = blockRules(trial, result, unit).filter((b) => !handled.has(b.id));
    if (blockers.length === 0) return after === undefined ? { rs, trial: result } : { rs, trial: result, after };
    const edited = new Map<string, Rule>();
    for (const b of blockers) {
      handled.add(b.id);
      const edit = narrowBlock(b, req, openGaps(req.direction, req.protocol), rs0);
      if (typeof edit === 'string') return edit;
      edited.set(b.id, edit.rule);
      plan.commands.push(...edit.commands);
      plan.steps.push(edit.step);
    }
    // One pass per round, however many block rules it edits.
    rs = replaceRules(rs, edited, unit.index.position);
    trial = replaceRules(trial, edited, unit.index.position);
    // Once the flow passes without the probe, no block rule cuts it any more (a cut would block it): done.
    after = evaluateIn(rs, unit.file, req, ctx, unit);
    if (after.status === 'allowed') return { rs, after };
  }
}

/**
 * Block rules cited as deciding (or possibly deciding) against the flow, in rule order. `rs` keeps the positions of
 * `unit`'s rules (edits replace in place or append), so each cited id is looked up, not searched for.
 */
function blockRules(rs: RuleSet, res: RequirementResult, unit: PolicyUnit): Rule[] {
  const at = new Set<number>();
  for (const c of [...res.blockedBy, ...res.conditionalBy]) {
    if (c.kind !== 'rule' || c.ruleId === undefined) continue;
    const p = unit.index.position.get(c.ruleId);
    if (p !== undefined && rs.rules[p]?.id === c.ruleId) at.add(p);
    else if (!c.ruleId.startsWith('k2audit-')) return scanBlockRules(rs, res);
  }
  return [...at].sort((a, b) => a - b).map((p) => rs.rules[p] as Rule).filter((r) => r.action === 'block');
}

/** blockRules by a scan of the whole set (a cited rule not at its indexed position). */
function scanBlockRules(rs: RuleSet, res: RequirementResult): Rule[] {
  const ids = new Set([...res.blockedBy, ...res.conditionalBy].filter((c) => c.kind === 'rule').map((c) => c.ruleId));
  return rs.rules.filter((r) => ids.has(r.id) && r.action === 'block');
}

interface BlockEdit {
  readonly rule: Rule;
  readonly commands: RemediationCommand[];
  readonly step: string;
}

function narrowBlock(b: Rule, req: Requirement, gapPorts: PortSet, rs: RuleSet): BlockEdit | string {
  const proto = TRANSPORT_NUMBER[req.protocol];
  const svc = b.direction === 'in' ? b.localPorts : b.remotePorts;
  const single = b.protocols.count === 1 && b.protocols.first() === proto && b.protocols.last() === proto;
  if (!single || svc.keywords.length > 0) return words.cannotNarrow(b);
  const cut = svc.set.intersect(gapPorts);
  const rest = svc.set.subtract(gapPorts);
  const notes = words.ruleNotes(b, sameNameCount(rs, b));
  if (rest.isEmpty()) {
    return { rule: { ...b, enabled: false }, commands: disableCommands(b), step: words.disableBlock(b, cut, req.protocol) + notes };
  }
  return { rule: withServicePorts(b, rest), commands: setPortsCommands(b, rest), step: words.narrowBlock(b, cut, rest, req.protocol) + notes };
}
