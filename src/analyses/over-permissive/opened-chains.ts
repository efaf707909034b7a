/**
 * @fileoverview What each allow rule opens in a first-match rule set, without sweeping ports: one walk over the
 * chains in evaluation order (jumps followed into their chains), with an occlusion tree holding what earlier rules
 * certainly decided. An ACCEPT opens the key segments where part of its box is reached (not decided before it);
 * ACCEPT and DROP then occlude their certain box for everything after them. RETURN, goto and the part of a rule that
 * is only certain for packets that entered an uncertain jump occlude until their chain's frame ends.
 *
 * Same answers as the sweep (opened-sweep.ts) where it applies: one base chain on the hook has rules (the others
 * accept and have none), it drops what reaches its end (policy DROP), the chains reached cover the unit's address
 * families and hold no jump loop. Where the base chain accepts and no rule drops anything, allow rules open nothing
 * and only the default opening is computed (by the cheap baseline sweep). Anything else: undefined, the caller sweeps.
 */
import type { Chain, Direction, Rule } from '../../model/rule.js';
import { HOOK_CHAINS } from '../../engine/first-match.js';
import type { EvalContext } from '../../engine/evaluate.js';
import type { PolicyUnit } from '../../engine/units.js';
import { equals, intersect, type Flat } from '../anomalies/flat.js';
import { BoxSpace, decidesNew, type Orientation } from './boxes.js';
import type { OcclusionTree } from './occlusion-tree.js';
import { defaultBySweep } from './opened-sweep.js';
import { collectOpenings, type Openings } from './openings.js';
import type { UnitOpening } from './opened-types.js';

/** Rule visits allowed per rule of the unit (a chain jumped to from many places is walked once per jump). */
const VISITS_PER_RULE = 8;
/**
 * Tree nodes one rule's query may visit. A wide rule after thousands of scattered earlier decisions (an any-source
 * port range after many single-port accepts) has as many holes in its opening; past this the rest of its range is
 * counted as opened and the opening is marked an upper bound, so the analysis stays near-linear.
 */
const QUERY_BUDGET = 512;

/** The packets a chain walk sees: key segments × remote atoms, certainly (`low`) or possibly (`high`). */
interface Entry {
  readonly keys: Flat;
  readonly low: Flat;
  readonly high: Flat;
  /** low equals high: nothing in this walk is only frame-certain. */
  readonly exact: boolean;
}

/** The opening of every allow rule of one direction, or undefined when the rule set needs the sweep. */
export function chainOpening(unit: PolicyUnit, direction: Direction, ctx: EvalContext, orientation: Orientation = 'auto'): UnitOpening | undefined {
  const chains = new Map((unit.ruleSet.chains ?? []).map((c) => [c.key, c]));
  const rulesOf = rulesByChain(unit, direction);
  const hooks = (unit.ruleSet.hooks?.[direction] ?? HOOK_CHAINS[direction]).flatMap((k) => chains.get(k) ?? []);
  const active = hooks.filter((c) => (rulesOf.get(c.key) ?? []).length > 0);
  const main = active[0];
  if (main === undefined || active.length > 1 || hooks.some((c) => c !== main && c.policy === 'drop')) return undefined;
  const reached = reachable(main, chains, rulesOf);
  if (reached === undefined || reached.some((c) => !coversFamilies(c, unit))) return undefined;
  const rules = reached.flatMap((c) => rulesOf.get(c.key) ?? []);
  if (main.policy !== 'drop') {
    if (rules.some((r) => r.action === 'block')) return undefined;
    return { rules: new Map(), byDefault: direction === 'in' ? defaultBySweep(unit, ctx) : undefined };
  }
  const space = new BoxSpace(rules, unit.universe, ctx.settings);
  const walker = new Walker(chains, rulesOf, space, space.tree(orientation), VISITS_PER_RULE * unit.ruleSet.rules.length + 1000);
  if (!walker.walk(main, { keys: space.allKeys, low: space.universe, high: space.universe, exact: true })) return undefined;
  return { rules: collectOpenings(unit, space, walker.opened), byDefault: undefined };
}

class Walker {
  readonly opened: Openings = new Map();
  private visits = 0;

  constructor(
    private readonly chains: ReadonlyMap<string, Chain>,
    private readonly rulesOf: ReadonlyMap<string, readonly Rule[]>,
    private readonly space: BoxSpace,
    private readonly tree: OcclusionTree,
    private readonly cap: number,
  ) {}

  /** Walks a chain for the packets of `entry`; false when the walk gives up (too many visits). */
  walk(chain: Chain, entry: Entry): boolean {
    this.tree.beginFrame();
    for (const rule of this.rulesOf.get(chain.key) ?? []) {
      if (++this.visits > this.cap) return false;
      if (rule.action === 'continue') continue;
      for (const box of this.space.boxesOf(rule)) {
        const keys = intersect(box.keys, entry.keys);
        if (keys.length === 0) continue;
        const high = intersect(box.high, entry.high);
        if (high.length === 0) continue;
        const low = intersect(box.low, entry.low);
        // Certain for the packets in this chain, which need not all have entered it for certain.
        const frameLow = entry.exact ? low : intersect(box.low, entry.high);
        if (!this.step(chain, rule, keys, low, high, frameLow)) return false;
      }
    }
    this.tree.endFrame();
    return true;
  }

  private step(chain: Chain, rule: Rule, keys: Flat, low: Flat, high: Flat, frameLow: Flat): boolean {
    switch (rule.action) {
      case 'allow':
      case 'bypass':
        this.record(rule, this.tree.uncovered(keys, high, QUERY_BUDGET));
        this.decide(keys, low, frameLow);
        return true;
      case 'block':
        this.decide(keys, low, frameLow);
        return true;
      case 'return':
        this.tree.insert(keys, frameLow, true);
        return true;
      case 'jump':
      case 'goto': {
        const target = this.chains.get(`${chain.table}/${rule.target ?? ''}`);
        if (target === undefined) return true;
        if (!this.walk(target, { keys, low, high, exact: equals(low, high) })) return false;
        if (rule.action === 'goto') this.tree.insert(keys, frameLow, true);
        return true;
      }
      default:
        return true;
    }
  }

  /** A decision (ACCEPT/DROP): permanent where certain for every packet, for this frame where certain once inside. */
  private decide(keys: Flat, low: Flat, frameLow: Flat): void {
    this.tree.insert(keys, low);
    if (frameLow !== low) this.tree.insert(keys, frameLow, true);
  }

  private record(rule: Rule, found: { keys: readonly number[]; exhausted: boolean }): void {
    if (found.keys.length === 0) return;
    const o = this.opened.get(rule);
    if (o === undefined) this.opened.set(rule, { keys: [...found.keys], upperBound: found.exhausted });
    else {
      o.keys.push(...found.keys);
      o.upperBound ||= found.exhausted;
    }
  }
}

/** Rules that decide new connections of the direction, per chain, in chain order. */
function rulesByChain(unit: PolicyUnit, direction: Direction): Map<string, Rule[]> {
  const out = new Map<string, Rule[]>();
  for (const chain of unit.ruleSet.chains ?? []) {
    const list: Rule[] = [];
    for (const id of chain.ruleIds) {
      const p = unit.index.position.get(id);
      const rule = p === undefined ? undefined : unit.index.rule(p);
      if (rule !== undefined && decidesNew(rule, direction)) list.push(rule);
    }
    out.set(chain.key, list);
  }
  return out;
}

/** The chains reachable from `main` through jumps and gotos; undefined on a jump loop. */
function reachable(main: Chain, chains: ReadonlyMap<string, Chain>, rulesOf: ReadonlyMap<string, readonly Rule[]>): Chain[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const order: Chain[] = [];
  const visit = (c: Chain): boolean => {
    const s = state.get(c.key);
    if (s === 'done') return true;
    if (s === 'open') return false;
    state.set(c.key, 'open');
    order.push(c);
    for (const r of rulesOf.get(c.key) ?? []) {
      if (r.action !== 'jump' && r.action !== 'goto') continue;
      const t = chains.get(`${c.table}/${r.target ?? ''}`);
      if (t !== undefined && !visit(t)) return false;
    }
    state.set(c.key, 'done');
    return true;
  };
  return visit(main) ? order : undefined;
}

function coversFamilies(chain: Chain, unit: PolicyUnit): boolean {
  return chain.families === undefined || unit.ruleSet.families.every((f) => chain.families?.includes(f) === true);
}
