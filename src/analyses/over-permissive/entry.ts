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

/** Per unit: the jump/goto rules into each chain (`table/name` → rules), and the scopes computed so far. */
interface EntryCache {
  readonly jumpsInto: Map<string, Rule[]>;
  readonly scopes: Map<string, EntryScope>;
}

const caches = new WeakMap<PolicyUnit, EntryCache>();

function cacheOf(unit: PolicyUnit): EntryCache {
  let c = caches.get(unit);
  if (c !== undefined) return c;
  const jumpsInto = new Map<string, Rule[]>();
  for (const r of unit.ruleSet.rules) {
    if ((r.action !== 'jump' && r.action !== 'goto') || r.target === undefined || r.chain === undefined) continue;
    const key = `${r.chain.slice(0, r.chain.lastIndexOf('/'))}/${r.target}`;
    jumpsInto.set(key, [...(jumpsInto.get(key) ?? []), r]);
  }
  c = { jumpsInto, scopes: new Map() };
  caches.set(unit, c);
  return c;
}

/** Whether every way into the rule's chain (for its direction) admits every protocol / every service port. */
export function entryScope(unit: PolicyUnit, rule: Rule, settings: MatchSettings): EntryScope {
  if (unit.ruleSet.semantics === 'windows' || rule.chain === undefined) return OPEN;
  const cache = cacheOf(unit);
  const memoKey = `${rule.direction} ${rule.chain}`;
  let scope = cache.scopes.get(memoKey);
  if (scope === undefined) {
    scope = chainEntry(unit, cache, rule.chain, rule.direction, settings, new Set());
    cache.scopes.set(memoKey, scope);
  }
  return scope;
}

function chainEntry(unit: PolicyUnit, cache: EntryCache, key: string, direction: Rule['direction'], settings: MatchSettings, seen: Set<string>): EntryScope {
  const hooks = unit.ruleSet.hooks?.[direction] ?? HOOK_CHAINS[direction];
  if (hooks.includes(key)) return OPEN;
  if (seen.has(key)) return { anyProtocol: false, anyPort: false };
  seen.add(key);
  let anyProtocol = false;
  let anyPort = false;
  for (const r of cache.jumpsInto.get(key) ?? []) {
    if (r.direction !== direction || r.chain === undefined) continue;
    const outer = chainEntry(unit, cache, r.chain, direction, settings, seen);
    anyProtocol ||= outer.anyProtocol && r.protocols.isFull();
    anyPort ||= outer.anyPort && portCover(servicePorts(r), settings).isFull();
    if (anyProtocol && anyPort) break;
  }
  seen.delete(key);
  return { anyProtocol, anyPort };
}
