/**
 * @fileoverview Per-direction interval index over the service ports of a rule set's rules
 * (local port inbound, remote port outbound), so a requirement only looks at rules that touch its ports.
 * A rule set that appends rules to an indexed one or replaces a few of its rules in place (a simulated fix) reuses
 * that index, keeping the new and replaced rules in a small side list.
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
    const changed = base === undefined ? undefined : changedPositions(base.ruleSet.rules, ruleSet.rules);
    const reuse = changed === undefined ? undefined : base;
    const covers: PortSet[] = reuse === undefined ? [] : [...reuse.covers];
    const entries: Entries = { in: [], out: [] };
    const own = new Map<string, number>();
    const add = (i: number): void => {
      const rule = ruleSet.rules[i] as Rule;
      const cover = portCover(servicePorts(rule), settings);
      covers[i] = cover;
      own.set(rule.id, i);
      for (const [lo, hi] of cover.intervals()) entries[rule.direction].push([lo, hi, i]);
    };
    for (const i of changed ?? []) add(i);
    for (let i = reuse?.covers.length ?? 0; i < ruleSet.rules.length; i++) add(i);
    this.covers = covers;
    if (reuse === undefined || changed === undefined) {
      this.position = own;
      this.byDirection = { in: new IntervalIndex(entries.in), out: new IntervalIndex(entries.out) };
      this.extra = { in: [], out: [] };
      this.replaced = new Set();
    } else {
      const older = reuse.position;
      this.position = { get: (id) => own.get(id) ?? older.get(id) };
      this.byDirection = reuse.byDirection;
      this.replaced = new Set([...reuse.replaced, ...changed]);
      const now = new Set(changed);
      const keep = (e: [number, number, number]): boolean => !now.has(e[2]);
      this.extra = { in: [...reuse.extra.in.filter(keep), ...entries.in], out: [...reuse.extra.out.filter(keep), ...entries.out] };
    }
  }

  /** Positions whose rule differs from the reused index's (their indexed entries are stale and skipped). */
  private readonly replaced: ReadonlySet<number>;

  /** Positions of the rules of `direction` whose service ports touch [lo, hi], ascending. */
  candidates(direction: Direction, lo: number, hi: number): number[] {
    const indexed = this.byDirection[direction].query(lo, hi);
    const extra = this.extra[direction];
    if (extra.length === 0) return indexed;
    const found = this.replaced.size === 0 ? indexed : indexed.filter((p) => !this.replaced.has(p));
    const more = new Set<number>();
    for (const [a, b, pos] of extra) if (a <= hi && b >= lo) more.add(pos);
    if (more.size === 0) return found;
    return [...new Set([...found, ...more])].sort((x, y) => x - y);
  }

  rule(i: number): Rule {
    return this.ruleSet.rules[i] as Rule;
  }
}

/**
 * Most replaced rules an index is reused with: a simulated fix edits a handful, but narrowing every block rule that
 * cuts a flow can edit dozens; the side list it costs is scanned per query, so it stays a small share of the rules.
 */
function maxReplaced(rules: number): number {
  return Math.max(32, rules >> 4);
}

/**
 * The positions of `prefix` whose rule `rules` replaces (same objects elsewhere), when `rules` keeps or extends
 * `prefix` and replaces only a few; undefined when the index cannot be reused.
 */
function changedPositions(prefix: readonly Rule[], rules: readonly Rule[]): number[] | undefined {
  if (rules.length < prefix.length) return undefined;
  const out: number[] = [];
  const most = maxReplaced(prefix.length);
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] === rules[i]) continue;
    if ((prefix[i] as Rule).id !== (rules[i] as Rule).id || out.length === most) return undefined;
    out.push(i);
  }
  return out;
}
