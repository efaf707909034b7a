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

/** How an edited rule list was made from another: the positions of `from` it replaced (appended ones not listed). */
interface Edit {
  readonly from: readonly Rule[];
  readonly changed: readonly number[];
}

const edits = new WeakMap<readonly Rule[], Edit>();

/**
 * Records that `to` is `from` with the rules at `changed` replaced and possibly rules appended (simulate.ts calls this
 * for each edited copy), so an index reused for `to` need not compare the two lists rule by rule.
 */
export function noteRuleEdit(from: readonly Rule[], to: readonly Rule[], changed: readonly number[]): void {
  edits.set(to, { from, changed });
}

export class RuleIndex {
  readonly position: PositionLookup;
  private readonly byDirection: Readonly<Record<Direction, IntervalIndex>>;
  /** Entries of rules appended to a reused index (few): scanned, not indexed. */
  private readonly extra: Entries;
  /** Positions whose rule differs from the reused index's (their indexed entries are stale and skipped). */
  private readonly replaced: ReadonlySet<number>;
  /** Service-port covers by position: every rule's (a fresh index), or only the new and replaced rules' (reused). */
  private readonly own: PortSet[] | Map<number, PortSet>;
  private readonly reused: RuleIndex | undefined;

  /** Indexes `ruleSet`; with `base`, an index of a rule set whose rules `ruleSet` starts with, reuses that one. */
  constructor(
    readonly ruleSet: RuleSet,
    settings: MatchSettings,
    base?: RuleIndex,
  ) {
    const changed = base === undefined ? undefined : changedPositions(base.ruleSet.rules, ruleSet.rules);
    const reuse = changed === undefined ? undefined : base;
    const entries: Entries = { in: [], out: [] };
    const own: PortSet[] | Map<number, PortSet> = reuse === undefined ? [] : new Map();
    const ids = new Map<string, number>();
    const add = (i: number): void => {
      const rule = ruleSet.rules[i] as Rule;
      const cover = portCover(servicePorts(rule), settings);
      if (Array.isArray(own)) own[i] = cover;
      else own.set(i, cover);
      ids.set(rule.id, i);
      for (const [lo, hi] of cover.intervals()) entries[rule.direction].push([lo, hi, i]);
    };
    for (const i of changed ?? []) add(i);
    for (let i = reuse?.ruleSet.rules.length ?? 0; i < ruleSet.rules.length; i++) add(i);
    this.own = own;
    this.reused = reuse;
    if (reuse === undefined || changed === undefined) {
      this.position = ids;
      this.byDirection = { in: new IntervalIndex(entries.in), out: new IntervalIndex(entries.out) };
      this.extra = { in: [], out: [] };
      this.replaced = new Set();
    } else {
      const older = reuse.position;
      this.position = ids.size === 0 ? older : { get: (id) => ids.get(id) ?? older.get(id) };
      this.byDirection = reuse.byDirection;
      this.replaced = changed.length === 0 ? reuse.replaced : new Set([...reuse.replaced, ...changed]);
      const now = new Set(changed);
      const keep = (e: [number, number, number]): boolean => !now.has(e[2]);
      this.extra = { in: [...reuse.extra.in.filter(keep), ...entries.in], out: [...reuse.extra.out.filter(keep), ...entries.out] };
    }
  }

  /** Service-port cover (concrete ports plus keyword ranges) of the rule at a position. */
  cover(i: number): PortSet {
    const c = Array.isArray(this.own) ? this.own[i] : (this.own.get(i) ?? this.reused?.cover(i));
    if (c === undefined) throw new RangeError(`no rule at position ${i}`);
    return c;
  }

  /** Positions of the rules of `direction` whose service ports touch [lo, hi], ascending. */
  candidates(direction: Direction, lo: number, hi: number): number[] {
    const indexed = this.byDirection[direction].query(lo, hi);
    const extra = this.extra[direction];
    const found = this.replaced.size === 0 ? indexed : indexed.filter((p) => !this.replaced.has(p));
    // A replaced rule's stale entries are dropped even when no new entry is of this direction (its direction changed).
    if (extra.length === 0) return found;
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
  const noted = notedChanges(prefix, rules);
  if (noted !== undefined) return noted.length <= maxReplaced(prefix.length) ? noted : undefined;
  const out: number[] = [];
  const most = maxReplaced(prefix.length);
  for (let i = 0; i < prefix.length; i++) {
    if (prefix[i] === rules[i]) continue;
    if ((prefix[i] as Rule).id !== (rules[i] as Rule).id || out.length === most) return undefined;
    out.push(i);
  }
  return out;
}

/** The replaced positions of `prefix` from the edits noted between it and `rules`, if `rules` descends from it. */
function notedChanges(prefix: readonly Rule[], rules: readonly Rule[]): number[] | undefined {
  const out = new Set<number>();
  let cur = rules;
  for (let hops = 0; hops < 16 && cur !== prefix; hops++) {
    const e = edits.get(cur);
    if (e === undefined) return undefined;
    for (const c of e.changed) if (c < prefix.length) out.add(c);
    cur = e.from;
  }
  return cur === prefix ? [...out].sort((a, b) => a - b) : undefined;
}
