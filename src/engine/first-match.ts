/**
 * @fileoverview iptables first-match semantics for one segment, on sets of remote addresses.
 * Each chain walk partitions the addresses it receives into "may be accepted" (A), "may be dropped" (D)
 * and "may return" (R); an address can be in several when an uncertain rule leaves it open (fffuu-style bounds).
 * Builtin chains of every table on the hook are passed in order: a packet must pass each; DROP anywhere is final.
 */
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
  /** Candidate rules of the chain for the probe's direction, in order. */
  rules(key: string): readonly Rule[];
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
}

interface Outcome {
  a: AddressSet;
  d: AddressSet;
  r: AddressSet;
}

/** Decides one segment: walks every builtin chain on the hook and intersects what each lets pass. */
export function decideFirstMatch(view: ChainView, probe: Probe, settings: MatchSettings, trace?: TraceStep[]): SegmentDecision {
  const walk: Walk = { view, probe, settings, allowedBy: [], blockedBy: [], conditionalBy: [], stack: [], trace };
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

/** Jump targets resolve within the calling chain's table (`filter/INPUT` → `filter/<target>`). */
function walkChain(walk: Walk, chain: Chain, input: AddressSet): Outcome {
  const out: Outcome = { a: AddressSet.NONE, d: AddressSet.NONE, r: AddressSet.NONE };
  if (walk.stack.includes(chain.key)) {
    // A jump loop is rejected by the kernel; a dump holding one is inconsistent, so leave the outcome open.
    out.r = input;
    return out;
  }
  walk.stack.push(chain.key);
  let cur = input;
  for (const rule of walk.view.rules(chain.key)) {
    if (cur.isEmpty()) break;
    // A non-terminating rule (LOG, MARK, no target) changes nothing: skip it before any set work.
    if (rule.action === 'continue' || !ruleApplies(rule, walk.probe)) continue;
    const m = matchBounds(rule, walk.probe, walk.settings);
    if (m === undefined) continue;
    const high = m.high.intersect(cur);
    if (high.isEmpty()) continue;
    const low = m.low.intersect(cur);
    if (m.reasons.length > 0) walk.conditionalBy.push({ citation: citeRule(rule), addresses: high, reasons: m.reasons });
    walk.trace?.push({ chain: chain.key, depth: walk.stack.length - 1, event: traceEvent(rule, m.reasons), rule, reasons: m.reasons, addresses: high });
    cur = step(walk, chain, rule, { low, high, reasons: m.reasons }, cur, out);
  }
  out.r = out.r.union(cur);
  walk.stack.pop();
  return out;
}

function traceEvent(rule: Rule, reasons: readonly string[]): TraceStep['event'] {
  if (rule.action === 'jump' || rule.action === 'goto' || rule.action === 'return') return rule.action;
  return reasons.length > 0 ? 'may-match' : 'match';
}

/** Applies one matching rule; returns the addresses that continue to the next rule. */
function step(walk: Walk, chain: Chain, rule: Rule, m: { low: AddressSet; high: AddressSet; reasons: readonly string[] }, cur: AddressSet, out: Outcome): AddressSet {
  switch (rule.action) {
    case 'allow':
    case 'bypass':
      out.a = out.a.union(m.high);
      walk.allowedBy.push({ citation: citeRule(rule), addresses: m.high, reasons: m.reasons });
      return cur.subtract(m.low);
    case 'block':
      out.d = out.d.union(m.high);
      walk.blockedBy.push({ citation: citeRule(rule), addresses: m.high, reasons: m.reasons });
      return cur.subtract(m.low);
    case 'return':
      out.r = out.r.union(m.high);
      return cur.subtract(m.low);
    case 'continue':
      return cur;
    case 'jump':
    case 'goto': {
      const target = walk.view.chain(`${chain.table}/${rule.target ?? ''}`);
      if (target === undefined) return cur;
      const sub = walkChain(walk, target, m.high);
      out.a = out.a.union(sub.a);
      out.d = out.d.union(sub.d);
      if (rule.action === 'goto') {
        out.r = out.r.union(sub.r);
        return cur.subtract(m.low);
      }
      return cur.subtract(m.low).union(sub.r);
    }
    default: {
      const unreachable: never = rule.action;
      return unreachable;
    }
  }
}
