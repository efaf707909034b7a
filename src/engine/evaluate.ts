/**
 * @fileoverview Evaluates a flow class (direction, protocol, service ports) against one policy unit: splits the ports
 * into segments and decides each with the unit's semantics.
 *
 * A sweep over the candidate rules' port boundaries keeps, per chain, the ordered list of rules that cover the current
 * segment (enter/leave events), so each segment looks only at the rules that cover it — never at every candidate of
 * the whole range. Segments are produced one at a time (a generator), so callers that stream need no memory for them.
 */
import type { PortSet } from '../model/port-set.js';
import type { Chain, Direction, FirewallProfile, Rule } from '../model/rule.js';
import type { SegmentDecision, TraceStep } from './decision.js';
import { decideFirstMatch, HOOK_CHAINS, type ChainView } from './first-match.js';
import { ruleApplies, type MatchSettings, type Probe } from './rule-match.js';
import type { PolicyUnit } from './units.js';
import { decideWindows } from './windows.js';

export interface FlowClass {
  readonly direction: Direction;
  readonly protocol: number;
  readonly ports: PortSet;
}

export interface EvalContext {
  readonly fwProfile: FirewallProfile;
  readonly settings: MatchSettings;
}

export interface SegmentResult {
  readonly lo: number;
  readonly hi: number;
  readonly decision: SegmentDecision;
}

/** Per unit: chains by key and each rule's rank within its chain (chain order can differ from file order: `-I`). */
interface ChainLayout {
  readonly chains: Map<string, Chain>;
  /** Rule position → chain key. */
  readonly chainOf: (string | undefined)[];
  /** Rule position → index in its chain's ruleIds. */
  readonly rank: Int32Array;
}

const layouts = new WeakMap<PolicyUnit, ChainLayout>();

function layoutOf(unit: PolicyUnit): ChainLayout {
  let l = layouts.get(unit);
  if (l !== undefined) return l;
  const chains = new Map((unit.ruleSet.chains ?? []).map((c) => [c.key, c]));
  const n = unit.ruleSet.rules.length;
  const chainOf = new Array<string | undefined>(n);
  const rank = new Int32Array(n);
  for (const c of chains.values()) {
    c.ruleIds.forEach((id, i) => {
      const p = unit.index.position.get(id);
      if (p === undefined) return;
      chainOf[p] = c.key;
      rank[p] = i;
    });
  }
  l = { chains, chainOf, rank };
  layouts.set(unit, l);
  return l;
}

/** Decides every segment of the flow's ports in one unit. `traceFor(lo, hi)` receives each segment's trace (explain). */
export function evaluateFlow(unit: PolicyUnit, flow: FlowClass, ctx: EvalContext, traceFor?: (lo: number, hi: number) => TraceStep[]): SegmentResult[] {
  return [...flowSegments(unit, flow, ctx, traceFor)];
}

/** The segments of `evaluateFlow`, one at a time, in port order. */
export function* flowSegments(unit: PolicyUnit, flow: FlowClass, ctx: EvalContext, traceFor?: (lo: number, hi: number) => TraceStep[]): Generator<SegmentResult> {
  const windows = unit.ruleSet.semantics === 'windows';
  const layout = windows ? undefined : layoutOf(unit);
  // Without a trace, rules that cannot take part (disabled, other protocol, other profile, never NEW) neither enter
  // the sweep nor cut segments: the decisions are the same, in fewer and longer segments. A trace (explain) keeps
  // every cut, so its listing stays as it was.
  const applies = traceFor === undefined ? { direction: flow.direction, protocol: flow.protocol, port: 0, universe: unit.universe, ...(windows ? { fwProfile: ctx.fwProfile } : {}) } : undefined;
  // The rules of the current segment (Windows): one array refilled per segment; decideWindows does not keep it.
  const scratch: Rule[] = [];
  for (const [from, to] of flow.ports.intervals()) {
    const events = sweepEvents(unit, flow.direction, from, to, applies);
    const active = new Map<string, number[]>();
    let e = 0;
    let lo = from;
    while (lo <= to) {
      while (e < events.length && (events[e] as Ev).at <= lo) applyEvent(active, events[e++] as Ev, layout);
      const hi = e < events.length ? Math.min(to, (events[e] as Ev).at - 1) : to;
      const trace = traceFor?.(lo, hi);
      // Probes written out in full (no object spread: one per segment).
      const decision =
        layout === undefined
          ? decideWindows(unit.ruleSet, rulesInto(scratch, unit, active.get('') ?? []), { direction: flow.direction, protocol: flow.protocol, port: lo, universe: unit.universe, fwProfile: ctx.fwProfile }, ctx.settings, { file: unit.file }, trace, applies !== undefined)
          : decideFirstMatch(chainView(unit, layout, active, flow.direction), { direction: flow.direction, protocol: flow.protocol, port: lo, universe: unit.universe }, ctx.settings, trace);
      yield { lo, hi, decision };
      lo = hi + 1;
    }
  }
}

/** A rule entering (`sign` 1) or leaving (-1) the active set at port `at`. */
interface Ev {
  readonly at: number;
  readonly pos: number;
  readonly sign: 1 | -1;
}

/** Enter/leave events of the candidate rules' covers clipped to [from, to], sorted by port (leaves before enters). */
function sweepEvents(unit: PolicyUnit, direction: Direction, from: number, to: number, applies: Probe | undefined): Ev[] {
  const events: Ev[] = [];
  for (const pos of unit.index.candidates(direction, from, to)) {
    if (applies !== undefined && !ruleApplies(unit.index.rule(pos), applies)) continue;
    for (const [a, b] of unit.index.cover(pos).intervals()) {
      const lo = Math.max(a, from);
      const hi = Math.min(b, to);
      if (lo > hi) continue;
      events.push({ at: lo, pos, sign: 1 });
      if (hi < to) events.push({ at: hi + 1, pos, sign: -1 });
    }
  }
  return events.sort((x, y) => x.at - y.at || x.sign - y.sign || x.pos - y.pos);
}

/** Keeps each chain's active list sorted by chain rank (Windows: one list, by position). */
function applyEvent(active: Map<string, number[]>, ev: Ev, layout: ChainLayout | undefined): void {
  const key = layout === undefined ? '' : (layout.chainOf[ev.pos] ?? '');
  let list = active.get(key);
  if (list === undefined) active.set(key, (list = []));
  const rankOf = (p: number) => (layout === undefined ? p : (layout.rank[p] as number));
  const r = rankOf(ev.pos);
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rankOf(list[mid] as number) < r) lo = mid + 1;
    else hi = mid;
  }
  if (ev.sign === 1) list.splice(lo, 0, ev.pos);
  else if (list[lo] === ev.pos) list.splice(lo, 1);
}

/** Fills `into` with the rules at these positions. */
function rulesInto(into: Rule[], unit: PolicyUnit, positions: readonly number[]): Rule[] {
  into.length = 0;
  for (const p of positions) into.push(unit.index.rule(p));
  return into;
}

/** The chains as the current segment sees them: only the rules covering it, in chain order. */
function chainView(unit: PolicyUnit, layout: ChainLayout, active: ReadonlyMap<string, readonly number[]>, direction: Direction): ChainView {
  return {
    hooks: unit.ruleSet.hooks?.[direction] ?? HOOK_CHAINS[direction],
    chain: (key) => layout.chains.get(key),
    rules: (key) => rulesAt(unit, active.get(key) ?? []),
  };
}

/** The rules at these positions, one at a time (a chain walk usually stops long before the end of a dense list). */
function* rulesAt(unit: PolicyUnit, positions: readonly number[]): Generator<Rule> {
  for (const p of positions) yield unit.index.rule(p);
}
