/**
 * @fileoverview Return traffic on first-match firewalls: a hook chain that drops by default (policy DROP or an
 * unconditional final DROP/REJECT) with no reachable rule accepting ESTABLISHED packets drops the replies of every
 * connection in the other direction (OUTPUT: replies of inbound services; INPUT: replies to the host's own requests),
 * unless stateless rules happen to accept them.
 */
import type { Chain, Direction, Rule, RuleSet } from '../model/rule.js';
import { HOOK_CHAINS } from '../engine/first-match.js';
import type { PolicyUnit } from '../engine/units.js';
import type { Finding } from '../findings/finding.js';

/** One finding per hook chain that drops replies. */
export function returnTrafficFindings(units: readonly PolicyUnit[]): Finding[] {
  const out: Finding[] = [];
  for (const unit of units) {
    const rs = unit.ruleSet;
    if (rs.semantics !== 'first-match') continue;
    const chains = new Map((rs.chains ?? []).map((c) => [c.key, c]));
    const rules = new Map(rs.rules.map((r) => [r.id, r]));
    for (const direction of ['in', 'out'] as const) {
      for (const key of rs.hooks?.[direction] ?? HOOK_CHAINS[direction]) {
        const chain = chains.get(key);
        if (chain === undefined || !dropsByDefault(chain, rules, direction)) continue;
        if (acceptsEstablished(chain, { chains, rules, direction, seen: new Set() })) continue;
        out.push({
          id: `return-traffic:${familyTag(rs)}${key}`,
          code: 'RETURN_TRAFFIC_BLOCKED',
          severity: 'high',
          args: { chain: key, family: rs.families.join('+') },
          refs: chain.source === undefined ? [] : [chain.source],
          direction,
        });
      }
    }
  }
  return out;
}

function familyTag(rs: RuleSet): string {
  return rs.families.length === 1 ? `${rs.families[0]}:` : '';
}

function chainRules(chain: Chain, rules: ReadonlyMap<string, Rule>, direction: Direction): Rule[] {
  const out: Rule[] = [];
  for (const id of chain.ruleIds) {
    const r = rules.get(id);
    if (r !== undefined && r.direction === direction) out.push(r);
  }
  return out;
}

function dropsByDefault(chain: Chain, rules: ReadonlyMap<string, Rule>, direction: Direction): boolean {
  if (chain.policy === 'drop') return true;
  return chainRules(chain, rules, direction).some((r) => r.action === 'block' && unconditional(r));
}

function unconditional(r: Rule): boolean {
  return (
    r.enabled &&
    r.conditions.length === 0 &&
    r.loopbackOnly !== true &&
    r.connStates === undefined &&
    r.protocols.isFull() &&
    r.localPorts.set.isFull() &&
    r.remotePorts.set.isFull() &&
    r.remoteAddresses.set.isAny() &&
    !r.remoteAddresses.negated &&
    r.remoteAddresses.symbols.length === 0
  );
}

interface Walk {
  readonly chains: ReadonlyMap<string, Chain>;
  readonly rules: ReadonlyMap<string, Rule>;
  readonly direction: Direction;
  readonly seen: Set<string>;
}

/** Whether some rule reachable from the chain accepts established packets of every flow. */
function acceptsEstablished(chain: Chain, w: Walk): boolean {
  if (w.seen.has(chain.key)) return false;
  w.seen.add(chain.key);
  for (const r of chainRules(chain, w.rules, w.direction)) {
    if (!r.enabled || r.loopbackOnly === true) continue;
    if (r.action === 'allow' && (r.connStates?.includes('established') ?? unconditional(r))) return true;
    if ((r.action === 'jump' || r.action === 'goto') && r.target !== undefined) {
      const target = w.chains.get(`${chain.table}/${r.target}`);
      if (target !== undefined && acceptsEstablished(target, w)) return true;
    }
  }
  return false;
}
