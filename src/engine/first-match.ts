/**
 * @fileoverview iptables first-match semantics for one segment, on sets of remote addresses.
 * Each chain walk partitions the addresses it receives into "may be accepted" (A), "may be dropped" (D)
 * and "may return" (R); an address can be in several when an uncertain rule leaves it open (fffuu-style bounds).
 * Builtin chains of every table on the hook are passed in order: a packet must pass each; DROP anywhere is final.
 */
import { AddressList, AddressUnion } from '../model/address-list.js';
import { AddressSet } from '../model/address-set.js';
import type { Chain, Direction, Rule } from '../model/rule.js';
import type { SourceRef } from '../model/source-ref.js';
import { citePolicy, citeRule, type Contribution, type SegmentDecision, type TraceStep } from './decision.js';
import { matchBounds, ruleApplies, type MatchSettings, type Probe } from './rule-match.js';

/** Hook order of the builtin chains that see traffic to (in) or from (out) the host. */
export const HOOK_CHAINS: Readonly<Record<Direction, readonly string[]>> = {
  in: ['raw/PREROUTING', 'mangle/PREROUTING', 'mangle/INPUT', 'filter/INPUT', 'security/INPUT'],
  out: ['raw/OUTPUT', 'mangle/OUTPUT', 'filter/OUTPUT', 'security/OUTPUT', 'mangle/POSTROUTING'],
};

/** Chain lookup restricted to the candidate rules of the current requirement, in chain order. */
export interface ChainView {
  /** Base chains on the probe's hook, in traversal order. */
  readonly hooks: readonly string[];
  chain(key: string): Chain | undefined;
  /** Candidate rules of the chain for the probe's direction, in order (read lazily: a walk stops once decided). */
  rules(key: string): Iterable<Rule>;
}

interface Walk {
  readonly view: ChainView;
  readonly probe: Probe;
  readonly settings: MatchSettings;
  readonly allowedBy: Contribution[];
  readonly blockedBy: Contribution[];
  readonly conditionalBy: Contribution[];
  readonly stack: string[];
  readonly trace: TraceStep[] | undefined;
  readonly watch: HookRuleWatch | undefined;
  /** What the last rule stepped sent to DROP and to RETURN (read by `watch`). */
  sentD: AddressSet;
  sentR: AddressSet;
}

/**
 * Told, after each rule of a hook chain (not of the chains it jumps to), the addresses that rule sent to DROP and
 * to RETURN, itself or through the chain it jumped to. Returning true ends the walk there (the decision is then
 * incomplete: for callers that only need the watch).
 */
export type HookRuleWatch = (rule: Rule, dropped: AddressSet, returned: AddressSet) => boolean;

interface Outcome {
  a: AddressSet;
  d: AddressSet;
  r: AddressSet;
}

/** Decides one segment: walks every builtin chain on the hook and intersects what each lets pass. */
export function decideFirstMatch(view: ChainView, probe: Probe, settings: MatchSettings, trace?: TraceStep[], watch?: HookRuleWatch): SegmentDecision {
  const none = AddressSet.NONE;
  const walk: Walk = { view, probe, settings, allowedBy: [], blockedBy: [], conditionalBy: [], stack: [], trace, watch, sentD: none, sentR: none };
  let low = probe.universe;
  let high = probe.universe;
  for (const key of view.hooks) {
    const chain = view.chain(key);
    if (chain === undefined) continue;
    // Packets of another family never traverse an ip/ip6 chain: they pass it untouched.
    const seen = chain.families === undefined ? probe.universe : probe.universe.only(chain.families);
    if (seen.isEmpty()) continue;
    const out = walkChain(walk, chain, seen);
    if (!out.r.isEmpty()) applyPolicy(walk, chain, out);
    const untouched = probe.universe.subtract(seen);
    high = high.intersect(out.a.union(untouched));
    low = low.intersect(out.a.subtract(out.d).union(untouched));
  }
  return { low, high, allowedBy: walk.allowedBy, blockedBy: walk.blockedBy, conditionalBy: walk.conditionalBy };
}

function applyPolicy(walk: Walk, chain: Chain, out: Outcome): void {
  const accept = chain.policy !== 'drop';
  const ref: SourceRef = chain.source ?? { file: '' };
  const citation = citePolicy(`policy ${accept ? 'ACCEPT' : 'DROP'} of chain ${chain.key}`, ref);
  (accept ? walk.allowedBy : walk.blockedBy).push({ citation, addresses: out.r });
  walk.trace?.push({ chain: chain.key, depth: 0, event: 'policy', text: citation.name, addresses: out.r });
  if (accept) out.a = out.a.union(out.r);
  else out.d = out.d.union(out.r);
  out.r = AddressSet.NONE;
}

/**
 * The addresses a chain walk has sent each way so far: collected, unioned once when the walk ends (a walk can add
 * tens of thousands of scattered ranges).
 */
interface Sent {
  readonly a: AddressUnion;
  readonly d: AddressUnion;
  readonly r: AddressUnion;
}

/** Jump targets resolve within the calling chain's table (`filter/INPUT` → `filter/<target>`). */
function walkChain(walk: Walk, chain: Chain, input: AddressSet): Outcome {
  if (walk.stack.includes(chain.key)) {
    // A jump loop is rejected by the kernel; a dump holding one is inconsistent, so leave the outcome open.
    return { a: AddressSet.NONE, d: AddressSet.NONE, r: input };
  }
  walk.stack.push(chain.key);
  const sent: Sent = { a: new AddressUnion(), d: new AddressUnion(), r: new AddressUnion() };
  // The addresses no rule has decided yet: rules carve pieces out of it, so it is a mutable list, not a set.
  const cur = new AddressList(input);
  for (const rule of walk.view.rules(chain.key)) {
    if (cur.isEmpty()) break;
    // A non-terminating rule (LOG, MARK, no target) changes nothing: skip it before any set work.
    if (rule.action === 'continue' || !ruleApplies(rule, walk.probe)) continue;
    const m = matchBounds(rule, walk.probe, walk.settings);
    if (m === undefined) continue;
    const high = cur.intersect(m.high);
    if (high.isEmpty()) continue;
    // m.low ⊆ m.high, so m.low ∩ cur = m.low ∩ high.
    const low = m.low.intersect(high);
    if (m.reasons.length > 0) walk.conditionalBy.push({ citation: citeRule(rule), addresses: high, reasons: m.reasons });
    walk.trace?.push({ chain: chain.key, depth: walk.stack.length - 1, event: traceEvent(rule, m.reasons), rule, reasons: m.reasons, addresses: high });
    walk.sentD = AddressSet.NONE;
    walk.sentR = AddressSet.NONE;
    step(walk, chain, rule, { low, high, reasons: m.reasons }, cur, sent);
    if (walk.watch !== undefined && walk.stack.length === 1 && walk.watch(rule, walk.sentD, walk.sentR)) break;
  }
  sent.r.add(cur.toSet());
  walk.stack.pop();
  return { a: sent.a.toSet(), d: sent.d.toSet(), r: sent.r.toSet() };
}

function traceEvent(rule: Rule, reasons: readonly string[]): TraceStep['event'] {
  if (rule.action === 'jump' || rule.action === 'goto' || rule.action === 'return') return rule.action;
  return reasons.length > 0 ? 'may-match' : 'match';
}

/** Applies one matching rule (`m`: its bounds within the undecided addresses `cur`), taking what it decides out of `cur`. */
function step(walk: Walk, chain: Chain, rule: Rule, m: { low: AddressSet; high: AddressSet; reasons: readonly string[] }, cur: AddressList, sent: Sent): void {
  switch (rule.action) {
    case 'allow':
    case 'bypass':
      sent.a.add(m.high);
      walk.allowedBy.push({ citation: citeRule(rule), addresses: m.high, reasons: m.reasons });
      cur.subtract(m.low);
      return;
    case 'block':
      sent.d.add(m.high);
      walk.sentD = m.high;
      walk.blockedBy.push({ citation: citeRule(rule), addresses: m.high, reasons: m.reasons });
      cur.subtract(m.low);
      return;
    case 'return':
      sent.r.add(m.high);
      walk.sentR = m.high;
      cur.subtract(m.low);
      return;
    case 'continue':
      return;
    case 'jump':
    case 'goto': {
      const target = walk.view.chain(`${chain.table}/${rule.target ?? ''}`);
      if (target === undefined) return;
      const sub = walkChain(walk, target, m.high);
      sent.a.add(sub.a);
      sent.d.add(sub.d);
      cur.subtract(m.low);
      walk.sentD = sub.d;
      walk.sentR = rule.action === 'goto' ? sub.r : AddressSet.NONE;
      // goto: what the target returns goes back to this chain's caller; jump: it continues with the next rule.
      if (rule.action === 'goto') sent.r.add(sub.r);
      else cur.add(sub.r);
      return;
    }
    default: {
      const unreachable: never = rule.action;
      return unreachable;
    }
  }
}
