/**
 * @fileoverview Per-direction interval index over the service ports of a rule set's rules
 * (local port inbound, remote port outbound), so a requirement only looks at rules that touch its ports.
 * A rule set that only appends rules to an indexed one (a simulated fix) reuses that index and adds the new rules.
 */
import { IntervalIndex } from '../model/interval-index.js';
import type { PortSet } from '../model/port-set.js';
import type { Direction, Rule, RuleSet } from '../model/rule.js';
import { portCover, servicePorts, type MatchSettings } from './rule-match.js';

/** Rule id → position in the rule set. */
export interface PositionLookup {
  get(id: string): number | undefined;
}

type Entries = Record<Direction, [number, number, number][]>;

export class RuleIndex {
  /** Service-port cover (concrete ports plus keyword ranges) of each rule, by rule position. */
  readonly covers: readonly PortSet[];
  readonly position: PositionLookup;
  private readonly byDirection: Readonly<Record<Direction, IntervalIndex>>;
  /** Entries of rules appended to a reused index (few): scanned, not indexed. */
  private readonly extra: Entries;

  /** Indexes `ruleSet`; with `base`, an index of a rule set whose rules `ruleSet` starts with, reuses that one. */
  constructor(
    readonly ruleSet: RuleSet,
    settings: MatchSettings,
    base?: RuleIndex,
  ) {
    const reuse = base !== undefined && extendsRules(base.ruleSet.rules, ruleSet.rules) ? base : undefined;
    const from = reuse?.covers.length ?? 0;
    const covers: PortSet[] = reuse === undefined ? [] : [...reuse.covers];
    const entries: Entries = { in: [], out: [] };
    const own = new Map<string, number>();
    for (let i = from; i < ruleSet.rules.length; i++) {
      const rule = ruleSet.rules[i] as Rule;
      const cover = portCover(servicePorts(rule), settings);
      covers.push(cover);
      own.set(rule.id, i);
      for (const [lo, hi] of cover.intervals()) entries[rule.direction].push([lo, hi, i]);
    }
    this.covers = covers;
    if (reuse === undefined) {
      this.position = own;
      this.byDirection = { in: new IntervalIndex(entries.in), out: new IntervalIndex(entries.out) };
      this.extra = { in: [], out: [] };
    } else {
      const older = reuse.position;
      this.position = { get: (id) => own.get(id) ?? older.get(id) };
      this.byDirection = reuse.byDirection;
      this.extra = { in: [...reuse.extra.in, ...entries.in], out: [...reuse.extra.out, ...entries.out] };
    }
  }

  /** Positions of the rules of `direction` whose service ports touch [lo, hi], ascending. */
  candidates(direction: Direction, lo: number, hi: number): number[] {
    const found = this.byDirection[direction].query(lo, hi);
    const extra = this.extra[direction];
    if (extra.length === 0) return found;
    // Appended rules come after every indexed one; a rule with several intervals is listed once.
    let last = -1;
    for (const [a, b, pos] of extra) {
      if (a <= hi && b >= lo && pos !== last) found.push((last = pos));
    }
    return found;
  }

  rule(i: number): Rule {
    return this.ruleSet.rules[i] as Rule;
  }
}

/** Whether `rules` starts with exactly the rules of `prefix` (the same objects). */
function extendsRules(prefix: readonly Rule[], rules: readonly Rule[]): boolean {
  if (rules.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== rules[i]) return false;
  return true;
}
