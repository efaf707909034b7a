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
import { RuleIndex } from '../../engine/rule-index.js';
import type { MatchSettings, Probe } from '../../engine/rule-match.js';
import { segmentsOf } from '../../engine/segments.js';
import { chainLines, insertInChain, lineStarts } from './simulate.js';

/** One flow to place: direction, protocol number, required remote addresses within the unit's universe. */
export interface ChainFlow {
  readonly direction: Direction;
  readonly protocol: number;
  readonly remote: AddressSet;
  readonly universe: AddressSet;
}

/** The ports of `set` that chain `key` alone does not certainly let through for the whole required scope. */
export function blockedIn(rs: RuleSet, key: string, flow: ChainFlow, set: PortSet, settings: MatchSettings, base?: RuleIndex): PortSet {
  let out = NO_PORTS;
  forEachSegment(rs, key, flow, set, settings, base, (lo, hi, view, probe) => {
    const d = decideFirstMatch(view, probe, settings);
    if (!d.low.contains(flow.remote)) out = out.union(ports([lo, hi]));
  });
  return out;
}

/**
 * Calls `f` with each port segment of `set` and the chain as that segment sees it (only the rules covering it).
 * `base`: the port index of a rule set that `rs` edits (appends to, or replaces a few rules of), reused for `rs`.
 */
function forEachSegment(rs: RuleSet, key: string, flow: ChainFlow, set: PortSet, settings: MatchSettings, base: RuleIndex | undefined, f: (lo: number, hi: number, view: ChainView, probe: Probe) => void): void {
  // Only rules whose ports touch the set matter; within one segment each of them covers all of it or nothing.
  const index = new RuleIndex(rs, settings, base);
  const relevant = relevantPositions(index, flow.direction, set).map((p): Relevant => ({ rule: index.rule(p), cover: index.cover(p) }));
  const chains = new Map((rs.chains ?? []).map((c) => [c.key, c]));
  const inOrder = relevantInChainOrder(chains, relevant);
  const covers = relevant.map((r) => r.cover);
  for (const [from, to] of set.intervals()) {
    for (const [lo, hi] of segmentsOf(from, to, covers)) {
      const view: ChainView = {
        hooks: [key],
        chain: (k) => chains.get(k),
        rules: (k) => covering(inOrder(k), lo),
      };
      f(lo, hi, view, { direction: flow.direction, protocol: flow.protocol, port: lo, universe: flow.universe });
    }
  }
}

/** A rule touching the ports of a placement, with its service-port cover. */
interface Relevant {
  readonly rule: Rule;
  readonly cover: PortSet;
}

/** Per chain, the relevant rules in chain order (each chain's rule list is scanned once, when first walked). */
function relevantInChainOrder(chains: ReadonlyMap<string, Chain>, relevant: readonly Relevant[]): (key: string) => readonly Relevant[] {
  const byId = new Map(relevant.map((r) => [r.rule.id, r]));
  const lists = new Map<string, Relevant[]>();
  return (key) => {
    let list = lists.get(key);
    if (list === undefined) {
      list = [];
      for (const id of chains.get(key)?.ruleIds ?? []) {
        const r = byId.get(id);
        if (r !== undefined) list.push(r);
      }
      lists.set(key, list);
    }
    return list;
  };
}

/** The rules whose service ports cover `port`, one at a time (a walk stops at the first decision). */
function* covering(rules: readonly Relevant[], port: number): Generator<Rule> {
  for (const r of rules) if (r.cover.has(port)) yield r.rule;
}

/**
 * The 1-based line of the first rule of the chain that, for some port of `set`, sends part of the required scope to
 * DROP (or to RETURN, when the policy drops), itself or through a chain it jumps to; positionCount + 1 when none does.
 * An ACCEPT inserted at that line or before it sees the whole flow; one inserted after it does not.
 */
export function firstDecidingLine(rs: RuleSet, chain: Chain, flow: ChainFlow, set: PortSet, settings: MatchSettings, base?: RuleIndex): number {
  const { starts, index } = chainLines(chain, rs);
  let best = starts.length + 1;
  const policyDrops = chain.policy === 'drop';
  const lineOf = (rule: Rule): number => upperBound(starts, index.get(rule.id) ?? Number.MAX_SAFE_INTEGER);
  forEachSegment(rs, chain.key, flow, set, settings, base, (_lo, _hi, view, probe) => {
    decideFirstMatch(view, probe, settings, undefined, (rule, dropped, returned) => {
      const line = lineOf(rule);
      if (line >= best) return true;
      if (!dropped.overlaps(flow.remote) && !(policyDrops && returned.overlaps(flow.remote))) return false;
      best = line;
      return true;
    });
  });
  return best;
}

/** Number of entries of the ascending list that are ≤ x. */
function upperBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions of the rules of `direction` whose service ports touch `set`, ascending. */
function relevantPositions(index: RuleIndex, direction: Direction, set: PortSet): number[] {
  const at = new Set<number>();
  for (const [from, to] of set.intervals()) for (const p of index.candidates(direction, from, to)) at.add(p);
  return [...at].sort((a, b) => a - b);
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
export function lastWorkingPosition(rs: RuleSet, chain: Chain, accept: Rule, flow: ChainFlow, set: PortSet, settings: MatchSettings, base?: RuleIndex): number | undefined {
  const works = (k: number): boolean => blockedIn(insertInChain(rs, chain.key, k, accept), chain.key, flow, set, settings, base).isEmpty();
  if (!works(1)) return undefined;
  const n = positionCount(rs, chain);
  // One walk finds the line; two simulations confirm it is the last that works (a binary search decides otherwise).
  const k = firstDecidingLine(rs, chain, flow, set, settings, base);
  if (k === 1 || (works(k) && (k > n || !works(k + 1)))) return k;
  let lo = 1;
  let hi = n + 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (works(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
