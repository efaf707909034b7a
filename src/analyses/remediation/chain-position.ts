/**
 * @fileoverview Where in a builtin chain an ACCEPT must go: which required ports one hook chain blocks on its
 * own, and the last position at which an inserted ACCEPT still decides them (right before the first rule that
 * decides the flow against it: a DROP/REJECT, a jump into a chain that drops it, an uncertain match, or — when
 * only the policy blocks — the end of the chain). Inserting earlier never hurts an ACCEPT, so "the ACCEPT at
 * position k lets the flow through" is monotone in k and a binary search finds the last such k.
 */
import type { AddressSet } from '../../model/address-set.js';
import { NO_PORTS, ports, type PortSet } from '../../model/port-set.js';
import type { Chain, Direction, Rule, RuleSet } from '../../model/rule.js';
import { decideFirstMatch, type ChainView } from '../../engine/first-match.js';
import { portCover, servicePorts, type MatchSettings } from '../../engine/rule-match.js';
import { segmentsOf } from '../../engine/segments.js';
import { insertInChain, lineStarts } from './simulate.js';

/** One flow to place: direction, protocol number, required remote addresses within the unit's universe. */
export interface ChainFlow {
  readonly direction: Direction;
  readonly protocol: number;
  readonly remote: AddressSet;
  readonly universe: AddressSet;
}

/** The ports of `set` that chain `key` alone does not certainly let through for the whole required scope. */
export function blockedIn(rs: RuleSet, key: string, flow: ChainFlow, set: PortSet, settings: MatchSettings): PortSet {
  // Only rules whose ports touch the set matter; within one segment each of them covers all of it or nothing.
  const relevant = rs.rules.filter((r) => r.direction === flow.direction && coverOf(r, settings).overlaps(set));
  const covers = relevant.map((r) => coverOf(r, settings));
  let out = NO_PORTS;
  for (const [from, to] of set.intervals()) {
    for (const [lo, hi] of segmentsOf(from, to, covers)) {
      const view = singleChain(rs, key, relevant.filter((r) => coverOf(r, settings).has(lo)));
      const d = decideFirstMatch(view, { direction: flow.direction, protocol: flow.protocol, port: lo, universe: flow.universe }, settings);
      if (!d.low.contains(flow.remote)) out = out.union(ports([lo, hi]));
    }
  }
  return out;
}

const coverCache = new WeakMap<Rule, { settings: MatchSettings; cover: PortSet }>();

/** A rule's service-port cover, memoized (the simulation asks for every rule at every candidate position). */
function coverOf(rule: Rule, settings: MatchSettings): PortSet {
  const c = coverCache.get(rule);
  if (c !== undefined && c.settings === settings) return c.cover;
  const cover = portCover(servicePorts(rule), settings);
  coverCache.set(rule, { settings, cover });
  return cover;
}

/** Number of rule positions (iptables lines) in the chain. */
export function positionCount(rs: RuleSet, chain: Chain): number {
  return lineStarts(chain, rs).length;
}

/** The rule at 1-based position k of the chain, if any. */
export function ruleAt(rs: RuleSet, chain: Chain, k: number): Rule | undefined {
  const idx = lineStarts(chain, rs)[k - 1];
  const id = idx === undefined ? undefined : chain.ruleIds[idx];
  return id === undefined ? undefined : rs.rules.find((r) => r.id === id);
}

/**
 * The last 1-based position (n + 1 = append) at which `accept` (a rule for exactly `set`) makes the chain let
 * `set` through; undefined when no position does.
 */
export function lastWorkingPosition(rs: RuleSet, chain: Chain, accept: Rule, flow: ChainFlow, set: PortSet, settings: MatchSettings): number | undefined {
  const works = (k: number): boolean => blockedIn(insertInChain(rs, chain.key, k, accept), chain.key, flow, set, settings).isEmpty();
  if (!works(1)) return undefined;
  let lo = 1;
  let hi = positionCount(rs, chain) + 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (works(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A view of the rule set in which only chain `key` is on the hook, holding only the `active` rules (one direction). */
function singleChain(rs: RuleSet, key: string, active: readonly Rule[]): ChainView {
  const chains = new Map((rs.chains ?? []).map((c) => [c.key, c]));
  const byId = new Map(active.map((r) => [r.id, r]));
  const cache = new Map<string, Rule[]>();
  return {
    hooks: [key],
    chain: (k) => chains.get(k),
    rules: (k) => {
      let list = cache.get(k);
      if (list === undefined) {
        list = [];
        for (const id of chains.get(k)?.ruleIds ?? []) {
          const r = byId.get(id);
          if (r !== undefined) list.push(r);
        }
        cache.set(k, list);
      }
      return list;
    },
  };
}
