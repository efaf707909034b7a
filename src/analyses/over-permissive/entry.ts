/**
 * @fileoverview How a first-match chain is entered: a rule in a user chain reached only through
 * `-p tcp --dport 22 -j admin` matches only what the jump let in, so its own "any protocol" / "any port" fields do
 * not make it an any-protocol / any-port rule. Hook chains (and Windows, which has no chains) are entered unrestricted.
 */
import type { Rule } from '../../model/rule.js';
import { portCover, servicePorts, type MatchSettings } from '../../engine/rule-match.js';
import type { PolicyUnit } from '../../engine/units.js';
import { HOOK_CHAINS } from '../../engine/first-match.js';

export interface EntryScope {
  readonly anyProtocol: boolean;
  readonly anyPort: boolean;
}

const OPEN: EntryScope = { anyProtocol: true, anyPort: true };

/** Whether every way into the rule's chain (for its direction) admits every protocol / every service port. */
export function entryScope(unit: PolicyUnit, rule: Rule, settings: MatchSettings): EntryScope {
  if (unit.ruleSet.semantics === 'windows' || rule.chain === undefined) return OPEN;
  return chainEntry(unit, rule.chain, rule.direction, settings, new Set());
}

function chainEntry(unit: PolicyUnit, key: string, direction: Rule['direction'], settings: MatchSettings, seen: Set<string>): EntryScope {
  const hooks = unit.ruleSet.hooks?.[direction] ?? HOOK_CHAINS[direction];
  if (hooks.includes(key)) return OPEN;
  if (seen.has(key)) return { anyProtocol: false, anyPort: false };
  seen.add(key);
  const [table, name] = [key.slice(0, key.lastIndexOf('/')), key.slice(key.lastIndexOf('/') + 1)];
  let anyProtocol = false;
  let anyPort = false;
  for (const r of unit.ruleSet.rules) {
    if (r.direction !== direction || (r.action !== 'jump' && r.action !== 'goto') || r.target !== name || r.chain === undefined) continue;
    if (r.chain.slice(0, r.chain.lastIndexOf('/')) !== table) continue;
    const outer = chainEntry(unit, r.chain, direction, settings, seen);
    anyProtocol ||= outer.anyProtocol && r.protocols.isFull();
    anyPort ||= outer.anyPort && portCover(servicePorts(r), settings).isFull();
    if (anyProtocol && anyPort) break;
  }
  seen.delete(key);
  return { anyProtocol, anyPort };
}
