/**
 * @fileoverview Evaluates a flow class (direction, protocol, service ports) against one policy unit:
 * splits the ports into segments and decides each with the unit's semantics.
 */
import type { PortSet } from '../model/port-set.js';
import type { Chain, Direction, FirewallProfile, Rule } from '../model/rule.js';
import type { SegmentDecision, TraceStep } from './decision.js';
import { decideFirstMatch, HOOK_CHAINS, type ChainView } from './first-match.js';
import type { MatchSettings, Probe } from './rule-match.js';
import { segmentsOf } from './segments.js';
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

const chainMaps = new WeakMap<readonly Chain[], Map<string, Chain>>();

/** Decides every segment of the flow's ports in one unit. */
/** `traceFor(lo, hi)`, when given, returns the list that receives the trace of that segment (explain). */
export function evaluateFlow(unit: PolicyUnit, flow: FlowClass, ctx: EvalContext, traceFor?: (lo: number, hi: number) => TraceStep[]): SegmentResult[] {
  const out: SegmentResult[] = [];
  for (const [from, to] of flow.ports.intervals()) {
    const positions = unit.index.candidates(flow.direction, from, to);
    const covers = positions.map((p) => unit.index.covers[p] as PortSet);
    const view = unit.ruleSet.semantics === 'first-match' ? chainView(unit, positions, flow.direction) : undefined;
    for (const [lo, hi] of segmentsOf(from, to, covers)) {
      const trace = traceFor?.(lo, hi);
      const base: Probe = { direction: flow.direction, protocol: flow.protocol, port: lo, universe: unit.universe };
      const decision =
        view === undefined
          ? decideWindows(unit.ruleSet, rulesAt(unit, positions, lo), { ...base, fwProfile: ctx.fwProfile }, ctx.settings, { file: unit.file }, trace)
          : decideFirstMatch(segmentView(unit, view, lo), base, ctx.settings, trace);
      out.push({ lo, hi, decision });
    }
  }
  return out;
}

function rulesAt(unit: PolicyUnit, positions: readonly number[], port: number): Rule[] {
  const rules: Rule[] = [];
  for (const p of positions) if ((unit.index.covers[p] as PortSet).has(port)) rules.push(unit.index.rule(p));
  return rules;
}

interface RangeView {
  readonly chains: Map<string, Chain>;
  readonly filtered: Map<string, number[]>;
}

/** Chains restricted to the candidate rules of one required port range (computed lazily per chain). */
function chainView(unit: PolicyUnit, positions: readonly number[], direction: Direction): RangeView & { candidate: Set<number>; direction: Direction } {
  let chains = chainMaps.get(unit.ruleSet.chains ?? []);
  if (chains === undefined) {
    chains = new Map((unit.ruleSet.chains ?? []).map((c) => [c.key, c]));
    chainMaps.set(unit.ruleSet.chains ?? [], chains);
  }
  return { chains, filtered: new Map(), candidate: new Set(positions), direction };
}

function segmentView(unit: PolicyUnit, view: ReturnType<typeof chainView>, port: number): ChainView {
  return {
    hooks: unit.ruleSet.hooks?.[view.direction] ?? HOOK_CHAINS[view.direction],
    chain: (key) => view.chains.get(key),
    rules: (key) => {
      let list = view.filtered.get(key);
      if (list === undefined) {
        list = [];
        for (const id of view.chains.get(key)?.ruleIds ?? []) {
          const p = unit.index.position.get(id);
          if (p !== undefined && view.candidate.has(p) && unit.index.rule(p).direction === view.direction) list.push(p);
        }
        view.filtered.set(key, list);
      }
      const rules: Rule[] = [];
      for (const p of list) if ((unit.index.covers[p] as PortSet).has(port)) rules.push(unit.index.rule(p));
      return rules;
    },
  };
}
