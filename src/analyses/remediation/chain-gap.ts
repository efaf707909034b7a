/**
 * @fileoverview Closing one gap in a first-match unit (iptables or nftables): for every base chain on the hook
 * of the requirement's direction that blocks some of the missing ports, an ACCEPT inserted right before the
 * first rule that decides the flow against it (chain-position.ts), or appended when only the policy blocks.
 * nft can only append without the rule handles of the live ruleset, so an insert in the middle is left to the
 * admin with the exact rule text. The result is checked on the edited model.
 */
import { TRANSPORT_NUMBER } from '../../model/protocol.js';
import type { Family } from '../../model/address-set.js';
import type { RuleSet } from '../../model/rule.js';
import type { EvalContext } from '../../engine/evaluate.js';
import { HOOK_CHAINS } from '../../engine/first-match.js';
import type { PolicyUnit } from '../../engine/units.js';
import type { RequirementResult } from '../../findings/result.js';
import type { Requirement } from '../../requirements/types.js';
import { iptablesAccept, nftAcceptExpr, nftAppend, type AcceptSpec } from './chain-commands.js';
import { blockedIn, lastWorkingPosition, positionCount, ruleAt, type ChainFlow } from './chain-position.js';
import { allowRule, evaluateIn, insertInChain, requiredRemote } from './simulate.js';
import type { UnitPlan } from './windows-gap.js';
import * as words from './wording.js';

/** Plans the fix of one requirement in a first-match unit. */
export function planChainGap(unit: PolicyUnit, req: Requirement, ctx: EvalContext, platform: 'iptables' | 'nftables', own?: RequirementResult): UnitPlan {
  const plan = { commands: [] as UnitPlan['commands'], steps: [] as string[] };
  let rs: RuleSet = unit.ruleSet;
  const first = own ?? evaluateIn(rs, unit.file, req, ctx, unit);
  if (first.status === 'allowed') return plan;
  const family: Family = rs.families.includes('ipv6') && !rs.families.includes('ipv4') ? 'ipv6' : 'ipv4';
  const remote = requiredRemote(req, unit);
  const flow: ChainFlow = { direction: req.direction, protocol: TRANSPORT_NUMBER[req.protocol], remote, universe: unit.universe };
  const chains = new Map((rs.chains ?? []).map((c) => [c.key, c]));
  for (const key of rs.hooks?.[req.direction] ?? HOOK_CHAINS[req.direction]) {
    const chain = chains.get(key);
    if (chain === undefined) continue;
    const blocked = blockedIn(rs, key, flow, first.missing, ctx.settings, unit.index);
    if (blocked.isEmpty()) continue;
    const accept = allowRule({ id: `k2audit-fix:${req.id}:${key}`, name: `k2audit: ${req.component}`, file: unit.file, req, ports: blocked, remote });
    const k = lastWorkingPosition(rs, chain, accept, flow, blocked, ctx.settings, unit.index);
    if (k === undefined) return { ...plan, manual: words.unresolved(first) };
    const n = positionCount(rs, chain);
    const spec: AcceptSpec = { direction: req.direction, protocol: req.protocol, ports: blocked, remote };
    const flowText = words.flowText(blocked, req.protocol);
    if (platform === 'nftables' && k <= n) {
      return { ...plan, manual: words.nftPlacement(key, k, flowText, ruleAt(rs, chain, k), nftAcceptExpr(spec, family)) };
    }
    plan.steps.push(words.insertChain(key, k, n, flowText, ruleAt(rs, chain, k)));
    plan.commands.push(...(platform === 'nftables' ? [nftAppend({ chain, family }, spec)] : iptablesAccept({ chain, family }, k, n, spec)));
    rs = insertInChain(rs, key, k, accept);
  }
  const check = evaluateIn(rs, unit.file, req, ctx, unit);
  return check.status === 'allowed' ? plan : { ...plan, manual: words.unresolved(check) };
}
