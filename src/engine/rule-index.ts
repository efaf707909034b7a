/**
 * @fileoverview Per-direction interval index over the service ports of a rule set's rules
 * (local port inbound, remote port outbound), so a requirement only looks at rules that touch its ports.
 */
import { IntervalIndex } from '../model/interval-index.js';
import type { PortSet } from '../model/port-set.js';
import type { Direction, Rule, RuleSet } from '../model/rule.js';
import { portCover, servicePorts, type MatchSettings } from './rule-match.js';

export class RuleIndex {
  /** Service-port cover (concrete ports plus keyword ranges) of each rule, by rule position. */
  readonly covers: readonly PortSet[];
  readonly position: ReadonlyMap<string, number>;
  private readonly byDirection: Readonly<Record<Direction, IntervalIndex>>;

  constructor(
    readonly ruleSet: RuleSet,
    settings: MatchSettings,
  ) {
    const covers: PortSet[] = [];
    const entries: Record<Direction, [number, number, number][]> = { in: [], out: [] };
    const position = new Map<string, number>();
    ruleSet.rules.forEach((rule, i) => {
      const cover = portCover(servicePorts(rule), settings);
      covers.push(cover);
      position.set(rule.id, i);
      for (const [lo, hi] of cover.intervals()) entries[rule.direction].push([lo, hi, i]);
    });
    this.covers = covers;
    this.position = position;
    this.byDirection = { in: new IntervalIndex(entries.in), out: new IntervalIndex(entries.out) };
  }

  /** Positions of the rules of `direction` whose service ports touch [lo, hi], ascending. */
  candidates(direction: Direction, lo: number, hi: number): number[] {
    return this.byDirection[direction].query(lo, hi);
  }

  rule(i: number): Rule {
    return this.ruleSet.rules[i] as Rule;
  }
}
